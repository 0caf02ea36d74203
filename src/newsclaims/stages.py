"""The pipeline's stages as plain functions: land, extract, build, check, report.

Each stage opens the warehouse, does one thing and closes it again, so that
dbt (which opens the file itself) never meets a connection of ours. The
Prefect flow (flows/pipeline.py) and the CLI's single-stage verbs call these.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path

from newsclaims import quality, report, transform
from newsclaims.config import Settings
from newsclaims.extract_stage import run_extract
from newsclaims.landing import land
from newsclaims.warehouse import connect, scalar, table_exists

log = logging.getLogger(__name__)


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def start_run(settings: Settings, run_id: str) -> None:
    with connect(settings.warehouse) as con:
        con.execute(
            "insert into ops.runs (run_id, started_at, status, inbox) values (?, ?, 'running', ?)",
            [run_id, dt.datetime.now(dt.UTC), str(settings.inbox)],
        )


def finish_run(settings: Settings, run_id: str, summary: dict, status: str, error: str | None = None) -> None:
    with connect(settings.warehouse) as con:
        con.execute(
            """
            update ops.runs set finished_at = ?, status = ?, files_seen = ?, articles_landed = ?,
                articles_duplicate = ?, rejects = ?, articles_extracted = ?, claims = ?, claimants = ?,
                checks_passed = ?, checks_failed = ?, report_path = ?, error = ?
            where run_id = ?
            """,
            [dt.datetime.now(dt.UTC), status, summary.get("files_seen"), summary.get("articles_landed"),
             summary.get("articles_duplicate"), summary.get("rejects"), summary.get("articles_extracted"),
             summary.get("claims"), summary.get("claimants"), summary.get("checks_passed"),
             summary.get("checks_failed"), summary.get("report"), error, run_id],
        )


def land_stage(settings: Settings, run_id: str) -> dict:
    with connect(settings.warehouse) as con:
        return land(con, settings.inbox, run_id).as_dict()


def extract_stage(settings: Settings, run_id: str) -> dict:
    with connect(settings.warehouse) as con:
        return run_extract(con, run_id)


def build_stage(settings: Settings) -> dict:
    result = transform.build(settings.warehouse)
    with connect(settings.warehouse, read_only=True) as con:
        claims = scalar(con, "select count(*) from main.claims")
        claimants = scalar(con, "select count(*) from main.claimants")
    return {
        "models_built": result.models_built,
        "dbt_tests": len(result.tests),
        "dbt_tests_failed": [f"{t.name}: {t.status} ({t.failures})" for t in result.tests_failed],
        "claims": claims,
        "claimants": claimants,
    }


def data_docs_dir(settings: Settings) -> Path:
    return settings.report_dir / "data_docs"


def check_stage(settings: Settings) -> list[quality.CheckResult]:
    with connect(settings.warehouse, read_only=True) as con:
        if not table_exists(con, "main", "claim_series"):
            raise RuntimeError(f"{settings.warehouse} has no built marts: run 'newsclaims build' first")
    return quality.run_checks(settings.warehouse, data_docs_dir(settings))


def report_stage(settings: Settings, summary: dict, checks: list[quality.CheckResult]) -> Path:
    return report.write_report(settings.report_dir, summary, checks, data_docs_dir(settings) / "index.html")


def warehouse_counts(settings: Settings) -> dict:
    """Claims and claimants as the warehouse has them now (for stage-by-stage reports)."""
    with connect(settings.warehouse, read_only=True) as con:
        return {
            "claims": scalar(con, "select count(*) from main.claims"),
            "claimants": scalar(con, "select count(*) from main.claimants"),
        }
