"""The newsclaims pipeline as one Prefect flow: land, extract, build, check, report.

Run it with ``newsclaims run`` (once) or ``newsclaims serve`` (on a schedule), or
``python flows/pipeline.py [--inbox PATH] [--warehouse PATH]``. Each task is one
library call (newsclaims.stages) with retries where I/O can fail; the flow only
sequences them, inside the warehouse's run lock and on a working copy that is
published atomically at the end (see newsclaims.publish).
"""

from __future__ import annotations

import os

# Let Prefect's run logs carry the library's own log lines too.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsclaims")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import logging  # noqa: E402

import duckdb  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

from newsclaims import publish, stages  # noqa: E402
from newsclaims.config import Settings  # noqa: E402
from newsclaims.quality import CheckResult  # noqa: E402

# The library says what each stage did at INFO; a run's logs should carry that.
if logging.getLogger("newsclaims").level == logging.NOTSET:
    logging.getLogger("newsclaims").setLevel(logging.INFO)


def retry_unless_stopped(task, task_run, state) -> bool:
    """Retry a task that failed on I/O; never one of a run being stopped (Ctrl-C, SIGTERM), nor an
    interrupted DuckDB query ("Query interrupted" is how DuckDB reports a Ctrl-C): a stopped run
    must not be retried into a publish."""
    if stages.stop_requested():
        return False
    failure = getattr(state, "data", None)
    if isinstance(failure, (KeyboardInterrupt, SystemExit, duckdb.InterruptException)):
        stages.request_stop(f"{type(failure).__name__} in task {task.name}")
        return False
    return "Query interrupted" not in (state.message or "")


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=retry_unless_stopped)
def land_inbox(settings: Settings, run_id: str) -> dict:
    """Land the inbox's files, and the reference series, in raw (idempotent, so a retry is safe)."""
    return stages.land_stage(settings, run_id)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=retry_unless_stopped)
def extract_claims(settings: Settings, run_id: str) -> dict:
    """Clean and extract articles not yet done by the current extractor version."""
    return stages.extract_stage(settings, run_id)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=retry_unless_stopped)
def build_warehouse(settings: Settings, run_id: str) -> dict:
    """dbt build: seeds, models and data tests."""
    return stages.build_stage(settings, run_id)


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=retry_unless_stopped)
def check_warehouse(settings: Settings, run_id: str | None = None) -> list[CheckResult]:
    """Run the Great Expectations suites and build the Data Docs (with ``run_id``: the big suites
    on that run's rows)."""
    return stages.check_stage(settings, run_id)


@task(cache_policy=NO_CACHE)
def write_report(settings: Settings, summary: dict, checks: list[CheckResult]) -> str:
    """Write the run's data-quality summary."""
    return str(stages.report_stage(settings, summary, checks))


def _record_failure(settings: Settings, run_id: str, summary: dict, abandoned: dict | None,
                    exc: BaseException) -> None:
    """Publish only the record of a failed (or interrupted) run, on a fresh copy of the published
    warehouse; where none can be published (something writes the published file directly, or the
    disk is full), keep the record beside it for the next run (``publish.note_refusal``)."""
    status = "refused" if isinstance(exc, publish.WarehouseWritten) else \
        "interrupted" if stages.stop_requested() or isinstance(exc, KeyboardInterrupt) else "failed"
    summary["status"] = status
    unwritable = exc if isinstance(exc, publish.WarehouseWritten) else None  # no copy may be published
    if unwritable is None:
        try:
            work = publish.start_working_copy(settings.warehouse)  # discards the failed run's copy first
        except (publish.WarehouseWritten, publish.WarehouseIOError) as copy_exc:
            unwritable = copy_exc
    if unwritable is not None:
        # someone writes the warehouse directly, or the disk is full: the record waits beside it
        # for the next run to write into ops.runs
        publish.discard_partial(settings.warehouse)  # the run's own copy is never to be published
        reason = f"{type(exc).__name__}: {exc}"
        if unwritable is not exc:
            reason += f" (recorded by a later run: {unwritable})"
        publish.note_refusal(settings.warehouse, run_id, reason, status)
        return
    failed = dataclasses.replace(settings, warehouse=work)
    refused = publish.pending_refusals(settings.warehouse)
    stages.start_run(failed, run_id, abandoned, refused)
    stages.finish_run(failed, run_id, summary, status, f"{type(exc).__name__}: {exc}")
    publish.publish(settings.warehouse, work)
    if refused:
        publish.clear_refusals(settings.warehouse)


def _locked_run(settings: Settings, run_id: str, lock: publish.Lock, summary: dict, logger) -> dict:
    """The run proper, inside the run lock: build on a working copy, publish it, report."""
    abandoned = lock.previous if publish.discard_partial(settings.warehouse) else None
    if abandoned:
        logger.warning("run %s did not finish; its partial work was discarded", abandoned.get("run_id"))
    checks: list[CheckResult] | None = None
    refused: list[dict] = []
    try:
        work = publish.start_working_copy(settings.warehouse)
        ws = dataclasses.replace(settings, warehouse=work)
        refused = publish.pending_refusals(settings.warehouse)
        stages.start_run(ws, run_id, abandoned, refused)
        with stages.timed(summary, "land"):
            summary |= land_inbox(ws, run_id)
        with stages.timed(summary, "extract"):
            summary |= extract_claims(ws, run_id)
        if stages.needs_build(ws, summary):
            with stages.timed(summary, "build"):
                summary |= build_warehouse(ws, run_id)
            with stages.timed(summary, "check"):
                # after an incremental build only this run's rows are new: the big suites check those
                checks = check_warehouse(ws, run_id if summary.get("build") == "incremental" else None)
            summary["checks_passed"] = sum(c.success for c in checks)
            summary["checks_failed"] = sum(not c.success for c in checks)
            summary["failed_checks"] = [f"{c.suite}: {c.expectation} on {c.column}"
                                        for c in checks if not c.success]
            summary["data_docs"] = str(stages.data_docs_dir(settings) / "index.html")
            summary["report"] = str(settings.report_dir / "summary.md")  # recorded before it is written
        else:
            summary |= stages.warehouse_counts(ws)
            summary["build_skipped"] = "nothing new since the last build"
            logger.info("nothing new: build, checks and report skipped")
        summary["status"] = "completed"
        stages.finish_run(ws, run_id, summary, "completed")
        stages.pause_point("before-publish")
        if stages.stop_requested():
            raise KeyboardInterrupt("the run was stopped: its work is not published")
        publish.publish(settings.warehouse, work)
        if refused:
            publish.clear_refusals(settings.warehouse)
    except BaseException as exc:
        summary["status"] = "failed"
        try:
            _record_failure(settings, run_id, summary, abandoned, exc)
        except Exception as record_exc:  # keep the original error; say why the record is missing
            logger.error("could not record the failed run: %s", record_exc)
        raise
    if checks is not None:
        summary["report"] = write_report(settings, summary, checks)
    return summary


@flow(name="newsclaims-pipeline", log_prints=True)
def pipeline(inbox: str | None = None, warehouse: str | None = None, report_dir: str | None = None,
             lock_wait: float | None = None, reference: str | None = None) -> dict:
    """Land an inbox, extract claims, build the warehouse, check it and report."""
    logger = get_run_logger()
    stages.clear_stop()
    settings = Settings.from_env(inbox=inbox, warehouse=warehouse, report_dir=report_dir, lock_wait=lock_wait,
                                 reference=reference)
    run_id = flow_run.get_id() or stages.new_run_id()
    summary: dict = {"run_id": run_id, "inbox": str(settings.inbox), "warehouse": str(settings.warehouse),
                     "status": "running"}
    try:
        with stages.stopping_on_signals(), publish.run_lock(settings.warehouse, run_id, settings.lock_wait) as lock:
            summary = _locked_run(settings, run_id, lock, summary, logger)
    except publish.WarehouseBusy as busy:
        held = busy.held_seconds()
        if held is not None and held > settings.stall_seconds:
            # not a skip: a run stuck this long stops every scheduled run after it, so say so loudly
            # (the flow fails, the CLI exits non-zero)
            raise publish.WarehouseStalled(
                f"stalled: {busy}, for {held / 60:.0f} minutes, over the {settings.stall_seconds / 60:.0f}-minute "
                f"limit (NEWSCLAIMS_STALL_SECONDS); this run is not started") from busy
        logger.warning("skipped: %s", busy)
        return summary | {"status": "skipped", "reason": str(busy)}
    create_markdown_artifact(
        key="newsclaims-run-summary",
        markdown=_artifact_markdown(summary),
        description="newsclaims run summary",
    )
    return summary


def _artifact_markdown(summary: dict) -> str:
    lines = [f"# newsclaims run {summary['run_id']}: {summary['status']}", ""]
    for key in ("files_seen", "files_unchanged", "files_deferred", "articles_landed", "articles_duplicate",
                "rejects", "reference_values", "articles_extracted", "claims", "claimants", "checks_passed", "checks_failed",
                "build_skipped", "report"):
        if key in summary:
            lines.append(f"- {key}: `{summary[key]}`")
    for failed in summary.get("failed_checks", []):
        lines.append(f"- FAILED `{failed}`")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=pipeline.__doc__)
    parser.add_argument("--inbox")
    parser.add_argument("--warehouse")
    parser.add_argument("--report-dir")
    parser.add_argument("--reference")
    args = parser.parse_args()
    print(pipeline(inbox=args.inbox, warehouse=args.warehouse, report_dir=args.report_dir,
                   reference=args.reference))


if __name__ == "__main__":
    main()
