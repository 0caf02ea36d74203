"""Shared fixtures: the ../shared folder (skipped when absent) and a Prefect test server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# Tests write inbox files just before a run: do not defer them as still being written.
os.environ.setdefault("NEWSCLAIMS_SETTLE_SECONDS", "0")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", PROJECT_ROOT.parent / "shared"))
SAMPLE_INBOX = PROJECT_ROOT / "seeds" / "inbox"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect API for the whole session (it takes about 10 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
