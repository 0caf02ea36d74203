"""Settings, read in one place: environment variables with working defaults.

| variable                 | default                              |
| ------------------------ | ------------------------------------ |
| NEWSCLAIMS_WAREHOUSE     | data/newsclaims.duckdb               |
| NEWSCLAIMS_INBOX         | seeds/inbox (the built-in sample)    |
| NEWSCLAIMS_REPORT_DIR    | expectations/uncommitted             |
| NEWSCLAIMS_SCHEDULE      | 0 * * * * (hourly, for `serve`)      |
| NEWSCLAIMS_LOCK_WAIT     | 0 (seconds a run waits for another)  |
| NEWSCLAIMS_SETTLE_SECONDS| 5 (younger files wait for next run)  |
| NEWSCLAIMS_MAX_ARTICLE_BYTES | 5000000                          |
| NEWSCLAIMS_STALL_SECONDS | 7200 (a lock held longer: stalled, exit 1) |
| NEWSCLAIMS_EXTRACT_BUDGET_SECONDS | 30 (an article over it is quarantined) |
| NEWSCLAIMS_REFERENCE     | none (reference files beside the inbox's own) |
| NEWSCLAIMS_SERIES_MIN_CONFIDENCE | 0.8 (claims below it stay out of series) |
| NEWSCLAIMS_DUCKDB_MEMORY_LIMIT | 256MB (DuckDB's memory, pipeline and dbt) |

Relative defaults are resolved against the project root (the folder holding
pyproject.toml), so the CLI works from any working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EXTRACT_BUDGET_SECONDS = 30.0  # one article's extraction: most take milliseconds
DBT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SEEDS_DIR = PROJECT_ROOT / "seeds"
VOCAB_DIR = SEEDS_DIR
# DuckDB's own memory (it spills to disk past it): the pipeline's DuckDB connections and dbt's
DEFAULT_DUCKDB_MEMORY_LIMIT = "256MB"


def duckdb_memory_limit() -> str:
    return os.environ.get("NEWSCLAIMS_DUCKDB_MEMORY_LIMIT") or DEFAULT_DUCKDB_MEMORY_LIMIT


def _path(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


def _number(env: str, default: float) -> float:
    value = os.environ.get(env)
    if not value:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ValueError(f"{env}={value!r} is not a number") from exc


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    inbox: Path
    report_dir: Path
    schedule: str = "0 * * * *"
    lock_wait: float = 0.0
    settle_seconds: float = 5.0
    max_article_bytes: int = 5_000_000
    reference: Path | None = None
    extract_budget_seconds: float = DEFAULT_EXTRACT_BUDGET_SECONDS
    stall_seconds: float = 7200.0
    series_min_confidence: float = 0.8
    dask_address: str | None = None

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        values = {
            "warehouse": _path("NEWSCLAIMS_WAREHOUSE", PROJECT_ROOT / "data" / "newsclaims.duckdb"),
            "inbox": _path("NEWSCLAIMS_INBOX", SEEDS_DIR / "inbox"),
            "report_dir": _path("NEWSCLAIMS_REPORT_DIR", EXPECTATIONS_DIR / "uncommitted"),
            "schedule": os.environ.get("NEWSCLAIMS_SCHEDULE") or "0 * * * *",
            "lock_wait": _number("NEWSCLAIMS_LOCK_WAIT", 0.0),
            "settle_seconds": _number("NEWSCLAIMS_SETTLE_SECONDS", 5.0),
            "max_article_bytes": int(_number("NEWSCLAIMS_MAX_ARTICLE_BYTES", 5_000_000)),
            "reference": _path("NEWSCLAIMS_REFERENCE", None),
            "extract_budget_seconds": _number("NEWSCLAIMS_EXTRACT_BUDGET_SECONDS", DEFAULT_EXTRACT_BUDGET_SECONDS),
            "stall_seconds": _number("NEWSCLAIMS_STALL_SECONDS", 7200.0),
            "series_min_confidence": _number("NEWSCLAIMS_SERIES_MIN_CONFIDENCE", 0.8),
            "dask_address": os.environ.get("NEWSCLAIMS_DASK_ADDRESS") or None,
        }
        for key, value in overrides.items():
            if value is None:
                continue
            values[key] = Path(value).expanduser().resolve() if key in ("warehouse", "inbox", "report_dir",
                                                                        "reference") \
                else value if values[key] is None else type(values[key])(value)
        return cls(**values)
