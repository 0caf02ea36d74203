"""Settings, read in one place: environment variables with working defaults.

| variable                 | default                              |
| ------------------------ | ------------------------------------ |
| NEWSCLAIMS_WAREHOUSE     | data/newsclaims.duckdb               |
| NEWSCLAIMS_INBOX         | seeds/inbox (the built-in sample)    |
| NEWSCLAIMS_REPORT_DIR    | expectations/uncommitted             |

Relative defaults are resolved against the project root (the folder holding
pyproject.toml), so the CLI works from any working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DBT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SEEDS_DIR = PROJECT_ROOT / "seeds"
VOCAB_DIR = SEEDS_DIR


def _path(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    inbox: Path
    report_dir: Path

    @classmethod
    def from_env(cls, **overrides: Path | str | None) -> Settings:
        values = {
            "warehouse": _path("NEWSCLAIMS_WAREHOUSE", PROJECT_ROOT / "data" / "newsclaims.duckdb"),
            "inbox": _path("NEWSCLAIMS_INBOX", SEEDS_DIR / "inbox"),
            "report_dir": _path("NEWSCLAIMS_REPORT_DIR", EXPECTATIONS_DIR / "uncommitted"),
        }
        for key, value in overrides.items():
            if value is not None:
                values[key] = Path(value).expanduser().resolve()
        return cls(**values)
