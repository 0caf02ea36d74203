"""The pipeline's stages as plain functions: land, extract, build, check, report.

Each stage opens the warehouse, does one thing and closes it again, so that
dbt (which opens the file itself) never meets a connection of ours. The
Prefect flow (flows/pipeline.py) and the CLI's single-stage verbs call these
with settings whose warehouse is a working copy under the run lock
(newsclaims.publish); only ``check_stage`` reads the published file itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from newsclaims import quality, reference, report, transform
from newsclaims.config import DBT_DIR, EXPECTATIONS_DIR, SEEDS_DIR, Settings
from newsclaims.extract_stage import run_extract
from newsclaims.extraction.claims import EXTRACTOR_VERSION
from newsclaims.landing import land
from newsclaims.warehouse import connect, interrupt_all, scalar, table_exists, tracked

log = logging.getLogger(__name__)


STAGES = ("land", "extract", "build", "check")  # the stages whose time ops.runs records
_STOP = threading.Event()


@contextlib.contextmanager
def timed(summary: dict, stage: str) -> Iterator[None]:
    """Record the seconds a stage takes in ``summary["seconds"][stage]`` (also when it fails)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.setdefault("seconds", {})[stage] = round(time.perf_counter() - started, 3)


def request_stop(reason: str) -> None:
    """Say the run is being stopped (Ctrl-C, SIGTERM): no task is retried and nothing is published."""
    if not _STOP.is_set():
        log.warning("stopping: %s", reason)
    _STOP.set()
    interrupt_all()


def stop_requested() -> bool:
    return _STOP.is_set()


def stop_on_signals() -> dict[int, object]:
    """From now on, SIGINT and SIGTERM (Ctrl-C, and what timeout, systemd and docker send) stop the
    run: it is marked as stopping, which interrupts its DuckDB queries (a query does not stop for a
    Python handler's exception) and forbids retries and the publish; then the handler the signal had
    runs (Prefect swaps in its own SIGTERM handler during a flow run), and KeyboardInterrupt unwinds
    the rest, so the temporary Prefect server and the run lock are released on the way out. Returns
    the handlers replaced (none outside the main thread, where signals are not ours to take)."""
    previous: dict[int, object] = {}

    def handler(signum, frame):
        name = signal.Signals(signum).name
        request_stop(name)
        before = previous.get(signum)
        if callable(before):
            before(signum, frame)
        raise KeyboardInterrupt(name)

    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not the main thread (a served run's worker)
        previous.clear()
    return previous


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """``stop_on_signals`` while inside; the handlers before it afterwards."""
    previous = stop_on_signals()
    try:
        yield
    finally:
        for sig, before in previous.items():
            signal.signal(sig, before)


def clear_stop() -> None:
    """A new run starts unstopped (flows can run one after another in one process)."""
    _STOP.clear()


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def pause_point(name: str) -> None:
    """Fault injection for the crash tests: with NEWSCLAIMS_PAUSE_AT=name, announce and stall here.

    The test then kills the process (SIGKILL) at a known point of a real run.
    """
    if os.environ.get("NEWSCLAIMS_PAUSE_AT") != name:
        return
    marker = os.environ.get("NEWSCLAIMS_PAUSE_MARKER")
    if marker:
        with open(marker, "a") as fh:  # one line per time the point is reached (a retried task twice)
            fh.write(name + "\n")
    log.warning("paused at %s (NEWSCLAIMS_PAUSE_AT)", name)
    seconds = float(os.environ.get("NEWSCLAIMS_PAUSE_SECONDS", "3600"))
    if os.environ.get("NEWSCLAIMS_PAUSE_IN") == "query":
        # stall inside a DuckDB query, where Ctrl-C becomes duckdb's "Query interrupted"
        import duckdb

        with tracked(duckdb.connect()) as con:
            if stop_requested():
                raise KeyboardInterrupt("stopped at a pause point")
            con.execute("select count(*) from range(?::bigint) a, range(1000) b", [int(seconds * 2e7)]).fetchall()
    else:
        time.sleep(seconds)


def start_run(settings: Settings, run_id: str, abandoned: dict | None = None,
              refused: list[dict] | None = None) -> None:
    """Record the run as running; a dead predecessor, if its lock note says so, as abandoned; and
    the runs that could not write the warehouse since its last publish (``publish.pending_refusals``:
    refused, or failed while something wrote it directly) with their status and reason."""
    with connect(settings.warehouse) as con:
        for entry in refused or []:
            con.execute(
                "insert into ops.runs (run_id, started_at, finished_at, status, error) "
                "select ?, ?, ?, ?, ? where not exists (select 1 from ops.runs where run_id = ?)",
                [entry["run_id"], entry.get("at"), entry.get("at"), entry.get("status") or "refused",
                 entry.get("reason"), entry["run_id"]])
        if abandoned and abandoned.get("run_id"):
            con.execute(
                "insert into ops.runs (run_id, started_at, finished_at, status, error) "
                "select ?, ?, ?, 'abandoned', ? where not exists (select 1 from ops.runs where run_id = ?)",
                [abandoned["run_id"], abandoned.get("since") or dt.datetime.now(dt.UTC),
                 dt.datetime.now(dt.UTC),
                 f"process {abandoned.get('pid')} died before publishing; its partial work was discarded",
                 abandoned["run_id"]],
            )
        con.execute(
            "insert into ops.runs (run_id, started_at, status, inbox) values (?, ?, 'running', ?)",
            [run_id, dt.datetime.now(dt.UTC), str(settings.inbox)],
        )


def finish_run(settings: Settings, run_id: str, summary: dict, status: str, error: str | None = None) -> None:
    with connect(settings.warehouse) as con:
        con.execute(
            """
            update ops.runs set finished_at = ?, status = ?, files_seen = ?, files_deferred = ?,
                articles_landed = ?,
                articles_duplicate = ?, rejects = ?, articles_extracted = ?, claims = ?, claimants = ?,
                checks_passed = ?, checks_failed = ?, report_path = ?, error = ?,
                land_seconds = ?, extract_seconds = ?, build_seconds = ?, check_seconds = ?, extracted_on = ?
            where run_id = ?
            """,
            [dt.datetime.now(dt.UTC), status, summary.get("files_seen"), summary.get("files_deferred"),
             summary.get("articles_landed"),
             summary.get("articles_duplicate"), summary.get("rejects"), summary.get("articles_extracted"),
             summary.get("claims"), summary.get("claimants"), summary.get("checks_passed"),
             summary.get("checks_failed"), summary.get("report"), error,
             *(summary.get("seconds", {}).get(stage) for stage in STAGES), summary.get("extracted_on"), run_id],
        )


def land_stage(settings: Settings, run_id: str) -> dict:
    """Land the inbox's articles, and the reference files in it and at ``settings.reference``."""
    with connect(settings.warehouse) as con:
        landed = land(con, settings.inbox, run_id, settle_seconds=settings.settle_seconds,
                      max_article_bytes=settings.max_article_bytes, skip=reference.is_reference_file)
        references = landed.skipped  # the inbox's own reference files, found in the same walk
        if settings.reference is not None:
            references += reference.reference_paths(settings.reference)
        result = landed.as_dict() | reference.land_reference(
            con, references, run_id, settle_seconds=settings.settle_seconds).as_dict()
    pause_point("after-land")
    return result


def reference_stage(settings: Settings, run_id: str) -> dict:
    """Land the reference files at ``settings.reference`` alone (``newsclaims reference PATH``)."""
    with connect(settings.warehouse) as con:
        return reference.land_reference(con, reference.reference_paths(settings.reference), run_id,
                                        settle_seconds=settings.settle_seconds).as_dict()


def extract_stage(settings: Settings, run_id: str) -> dict:
    with connect(settings.warehouse) as con:
        result = run_extract(con, run_id, budget=settings.extract_budget_seconds,
                             dask_address=settings.dask_address)
    pause_point("after-extract")
    return result


def dbt_vars(settings: Settings) -> dict:
    """The settings the dbt models read (``var()``)."""
    return {"series_min_confidence": settings.series_min_confidence}


def build_fingerprint(settings: Settings) -> str:
    """What a build depends on besides the data: dbt project, seeds, suites, extractor version, settings."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    digest.update(repr(sorted(dbt_vars(settings).items())).encode())
    files = [*DBT_DIR.glob("dbt_project.yml"), *DBT_DIR.glob("models/**/*"), *DBT_DIR.glob("macros/**/*"),
             *SEEDS_DIR.glob("*.csv"), *(EXPECTATIONS_DIR / "suites").glob("*.json")]
    for path in sorted(p for p in files if p.is_file()):
        digest.update(str(path.relative_to(DBT_DIR.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def needs_build(settings: Settings, summary: dict) -> str | None:
    """Why this run must build and check; None when nothing changed since the last build."""
    if summary.get("articles_landed") or summary.get("articles_extracted") or summary.get("rejects") or \
            summary.get("reference_values") or summary.get("reference_rejects"):
        return "new input"
    with connect(settings.warehouse, read_only=True) as con:
        if not table_exists(con, "main", "claim_series"):
            return "no build yet"
        last = last_fingerprint(con)
    if last != build_fingerprint(settings):
        return "models, vocabularies, suites or extractor changed"
    return None


def last_fingerprint(con) -> str | None:
    return scalar(con, "select fingerprint from ops.builds order by built_at desc limit 1")


def build_stage(settings: Settings, run_id: str | None = None) -> dict:
    """dbt build. The incremental models (claims and the per-article models under it) add the
    rows of the new articles when nothing else changed since the last recorded build; otherwise
    (the fingerprint changed: models, seeds, suites, settings or extractor version; or no build
    is recorded) everything is rebuilt from scratch (``--full-refresh``)."""
    pause_point("before-build")
    fingerprint = build_fingerprint(settings)
    with connect(settings.warehouse, read_only=True) as con:
        full_refresh = run_id is None or last_fingerprint(con) != fingerprint
    result = transform.build(settings.warehouse, variables=dbt_vars(settings), full_refresh=full_refresh)
    if run_id is not None:
        with connect(settings.warehouse) as con:
            con.execute("insert into ops.builds (run_id, fingerprint, built_at, full_refresh) values (?, ?, ?, ?)",
                        [run_id, fingerprint, dt.datetime.now(dt.UTC), full_refresh])
    return {
        "build": "full" if full_refresh else "incremental",
        "models_built": result.models_built,
        "dbt_tests": len(result.tests),
        "dbt_tests_failed": [f"{t.name}: {t.status} ({t.failures})" for t in result.tests_failed],
        **warehouse_counts(settings),
    }


def data_docs_dir(settings: Settings) -> Path:
    return settings.report_dir / "data_docs"


def check_stage(settings: Settings, run_id: str | None = None) -> list[quality.CheckResult]:
    """The Great Expectations suites; with ``run_id`` (after an incremental build) the big suites
    validate only that run's rows (quality.RUN_SCOPES)."""
    pause_point("before-check")
    with connect(settings.warehouse, read_only=True) as con:
        if not table_exists(con, "main", "claim_series"):
            raise RuntimeError(f"{settings.warehouse} has no built marts: run 'newsclaims build' first")
    return quality.run_checks(settings.warehouse, data_docs_dir(settings), run_id=run_id)


def report_stage(settings: Settings, summary: dict, checks: list[quality.CheckResult]) -> Path:
    return report.write_report(settings.report_dir, summary, checks, data_docs_dir(settings) / "index.html",
                               warehouse=settings.warehouse)


def warehouse_counts(settings: Settings) -> dict:
    """Claims, claimants and the mentions rejected as no count (for stage-by-stage reports)."""
    with connect(settings.warehouse, read_only=True) as con:
        return {
            "claims": scalar(con, "select count(*) from main.claims"),
            "claimants": scalar(con, "select count(*) from main.claimants"),
            # a warehouse built before the plausibility check has no rejected_claims yet
            "claims_rejected": scalar(con, "select count(*) from main.rejected_claims")
            if table_exists(con, "main", "rejected_claims") else 0,
        }
