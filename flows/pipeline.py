"""The newsclaims pipeline as one Prefect flow: land, extract, build, check, report.

Run it with ``newsclaims run`` or ``python flows/pipeline.py [--inbox PATH] [--warehouse PATH]``.
Each task is one library call (newsclaims.stages) with retries where I/O can fail;
the flow only sequences them.
"""

from __future__ import annotations

import os

# Let Prefect's run logs carry the library's own log lines too.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsclaims")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

from newsclaims import stages  # noqa: E402
from newsclaims.config import Settings  # noqa: E402
from newsclaims.quality import CheckResult  # noqa: E402


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def land_inbox(settings: Settings, run_id: str) -> dict:
    """Land the inbox's files in raw (idempotent, so a retry is safe)."""
    return stages.land_stage(settings, run_id)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def extract_claims(settings: Settings, run_id: str) -> dict:
    """Clean and extract articles not yet done by the current extractor version."""
    return stages.extract_stage(settings, run_id)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def build_warehouse(settings: Settings) -> dict:
    """dbt build: seeds, models and data tests."""
    return stages.build_stage(settings)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def check_warehouse(settings: Settings) -> list[CheckResult]:
    """Run the Great Expectations suites and build the Data Docs."""
    return stages.check_stage(settings)


@task(cache_policy=NO_CACHE)
def write_report(settings: Settings, summary: dict, checks: list[CheckResult]) -> str:
    """Write the run's data-quality summary."""
    return str(stages.report_stage(settings, summary, checks))


@flow(name="newsclaims-pipeline", log_prints=True)
def pipeline(inbox: str | None = None, warehouse: str | None = None, report_dir: str | None = None) -> dict:
    """Land an inbox, extract claims, build the warehouse, check it and report."""
    settings = Settings.from_env(inbox=inbox, warehouse=warehouse, report_dir=report_dir)
    run_id = f"{flow_run.get_id() or stages.new_run_id()}"
    summary: dict = {"run_id": run_id, "inbox": str(settings.inbox), "warehouse": str(settings.warehouse)}
    stages.start_run(settings, run_id)
    try:
        summary |= land_inbox(settings, run_id)
        summary |= extract_claims(settings, run_id)
        summary |= build_warehouse(settings)
        checks = check_warehouse(settings)
        summary["checks_passed"] = sum(c.success for c in checks)
        summary["checks_failed"] = sum(not c.success for c in checks)
        summary["failed_checks"] = [f"{c.suite}: {c.expectation} on {c.column}" for c in checks if not c.success]
        summary["data_docs"] = str(stages.data_docs_dir(settings) / "index.html")
        summary["report"] = write_report(settings, summary, checks)
    except BaseException as exc:
        stages.finish_run(settings, run_id, summary, "failed", f"{type(exc).__name__}: {exc}")
        raise
    stages.finish_run(settings, run_id, summary, "completed")
    create_markdown_artifact(
        key="newsclaims-run-summary",
        markdown=Path(summary["report"]).read_text(encoding="utf-8"),
        description="newsclaims run summary",
    )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=pipeline.__doc__)
    parser.add_argument("--inbox")
    parser.add_argument("--warehouse")
    parser.add_argument("--report-dir")
    args = parser.parse_args()
    print(pipeline(inbox=args.inbox, warehouse=args.warehouse, report_dir=args.report_dir))


if __name__ == "__main__":
    main()
