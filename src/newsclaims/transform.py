"""Run the dbt project (dbt-duckdb) against a warehouse, in-process through dbtRunner.

A model or seed that fails to build stops the pipeline (``TransformError``);
a dbt data test that fails is data, returned for the report.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsclaims.config import DBT_DIR, duckdb_memory_limit

log = logging.getLogger(__name__)


class TransformError(RuntimeError):
    """dbt could not build the warehouse."""


@dataclass
class DbtTestResult:
    name: str
    status: str           # pass, fail, warn, error, skipped
    failures: int
    message: str


@dataclass
class BuildResult:
    models_built: int = 0
    seeds_loaded: int = 0
    tests: list[DbtTestResult] = field(default_factory=list)

    @property
    def tests_failed(self) -> list[DbtTestResult]:
        return [t for t in self.tests if t.status not in ("pass", "success")]


def _release_duckdb() -> None:
    """Close dbt-duckdb's process-wide DuckDB handle, so the file is free for the next stage.

    dbt-duckdb keeps one environment per process after a run; while it is open, DuckDB
    refuses a connection with another configuration (read-only) to the same file.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if env is not None:
            env.close()


def _invoke(warehouse: Path, command: list[str], target_dir: Path | None = None):
    """Run one dbt command of this project, in-process, against the warehouse file; dbt's result.
    Raises TransformError when dbt itself could not run."""
    from dbt.cli.main import dbtRunner

    os.environ["NEWSCLAIMS_WAREHOUSE"] = str(Path(warehouse).resolve())
    os.environ["NEWSCLAIMS_DUCKDB_MEMORY_LIMIT"] = duckdb_memory_limit()  # read by profiles.yml
    args = [*command, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR), "--quiet", "--no-use-colors"]
    if target_dir is not None:
        args += ["--target-path", str(target_dir)]
    try:
        result = dbtRunner().invoke(args)
    finally:
        _release_duckdb()
    if result.exception is not None:
        raise TransformError(f"dbt could not run: {result.exception}")
    return result


def _status(node_result) -> str:
    """A dbt node result's status as a word: pass, fail, error, skipped, success, ..."""
    return str(node_result.status).split(".")[-1].lower()


def _test_result(node_result) -> DbtTestResult:
    return DbtTestResult(name=node_result.node.name, status=_status(node_result),
                         failures=node_result.failures or 0, message=node_result.message or "")


def build(warehouse: Path, *, select: list[str] | None = None, target_dir: Path | None = None,
          variables: dict | None = None, full_refresh: bool = False) -> BuildResult:
    """``dbt build`` (seeds, models and data tests) against the warehouse file; with
    ``full_refresh`` the incremental models are rebuilt from scratch. The unit tests pin the
    models' SQL on rows of their own, not the data: a build leaves them out, and the test suite
    runs them through ``unit_test``."""
    command = ["build", "--exclude-resource-type", "unit_test"]
    if full_refresh:
        command.append("--full-refresh")
    if select:
        command += ["--select", *select]
    if variables:
        command += ["--vars", json.dumps(variables)]
    result = _invoke(warehouse, command, target_dir)
    out = BuildResult()
    errors, skipped, causes = [], [], []
    for node_result in getattr(result.result, "results", []) or []:
        node = node_result.node
        status = _status(node_result)
        if status in ("error", "fail"):  # a failed test stops what is built on its model, as an error does
            causes.append(f"{node.resource_type} {node.name}: {node_result.message}")
        if node.resource_type in ("model", "seed", "snapshot"):
            if status == "error":
                errors.append(node.name)
            elif status == "skipped":
                skipped.append(node.name)
            elif node.resource_type == "model":
                out.models_built += 1
            elif node.resource_type == "seed":
                out.seeds_loaded += 1
        elif node.resource_type in ("test", "unit_test"):
            out.tests.append(_test_result(node_result))
    if errors or skipped:
        raise TransformError("dbt build failed: " + "; ".join(causes or errors)
                             + (f" (so not built: {', '.join(skipped)})" if skipped else ""))
    log.info("dbt built %d models and %d seeds; %d of %d tests failed", out.models_built,
             out.seeds_loaded, len(out.tests_failed), len(out.tests))
    return out


def unit_test(warehouse: Path, target_dir: Path | None = None) -> list[DbtTestResult]:
    """The dbt unit tests (``unit_tests:`` in the models' YAML) against a built warehouse, whose
    tables give the inputs' column types; their results."""
    result = _invoke(warehouse, ["test", "--resource-type", "unit_test"], target_dir)
    return [_test_result(r) for r in getattr(result.result, "results", []) or []]


def docs(warehouse: Path, out_dir: Path) -> Path:
    """Build the dbt docs site as one static file (``dbt docs generate --static``: manifest and
    catalog inline, no server, nothing fetched) for the warehouse, at ``out_dir/index.html``.

    dbt reads the catalog from a copy of the warehouse, so a run or an analyst holding the
    file is never in its way."""
    import shutil
    import tempfile

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsclaims-docs-") as tmp:
        copy = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(warehouse, copy)
        result = _invoke(copy, ["docs", "generate", "--static"], Path(tmp) / "target")
        if not result.success:
            raise TransformError(f"dbt docs could not be generated: {result.result}")
        shutil.copyfile(Path(tmp) / "target" / "static_index.html", out_dir / "index.html")
    return out_dir / "index.html"
