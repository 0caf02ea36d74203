"""What is not a run touching the warehouse: an analyst's read-write session, a process that holds an
old connection across runs, and a full disk. Real DuckDB sessions in other processes, a real tmpfs."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import duckdb
import pytest

from newsclaims import publish
from newsclaims.cli import _load_flow
from newsclaims.warehouse import open_latest

from ..conftest import SAMPLE_INBOX

pytestmark = pytest.mark.integration

# a DuckDB session in another process: opens the file (read-write unless told), optionally writes,
# says "ready", and holds the file until its stdin closes
SESSION = """
import sys, duckdb
path, mode = sys.argv[1], sys.argv[2]
con = duckdb.connect(path, read_only=mode == "ro")
if mode == "write":
    con.execute("create schema if not exists scratch")
    con.execute("create or replace table scratch.notes as select 'mine' as note")
print("ready", flush=True)
sys.stdin.read()
con.close()
"""


@contextlib.contextmanager
def session(warehouse: Path, mode: str):
    proc = subprocess.Popen([sys.executable, "-c", SESSION, str(warehouse), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def runs(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select run_id, status, error from ops.runs order by started_at").fetchall()


def test_a_read_write_session_is_refused_recorded_and_loses_nothing(prefect_server, tmp_path):
    """A session opened read-write (the DuckDB CLI's default) would lose its writes when a run replaced
    the file under it. The run refuses, names the process, and the next run records the refusal."""
    pipeline = _load_flow()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLE_INBOX / "001_general_staff_march_1.txt", inbox)
    warehouse = tmp_path / "w.duckdb"
    assert pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))["status"] == \
        "completed"
    shutil.copy(SAMPLE_INBOX / "004_dnipro_strike.txt", inbox)

    with session(warehouse, "write") as analyst:
        with pytest.raises(publish.WarehouseWritten, match=f"open read-write by process {analyst.pid}"):
            pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))
        assert not publish.building_path(warehouse).exists()
        [refusal] = publish.pending_refusals(warehouse)
        assert refusal["status"] == "refused" and str(analyst.pid) in refusal["reason"]
    # a read-only session is no writer: it never stops a run
    with session(warehouse, "ro"):
        summary = pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))
    assert summary["status"] == "completed" and summary["articles_landed"] == 1
    with duckdb.connect(str(warehouse), read_only=True) as con:
        # the analyst's table, written and closed before this run, is carried into the new build
        assert con.execute("select note from scratch.notes").fetchall() == [("mine",)]
    statuses = [(status, error) for _, status, error in runs(warehouse)]
    assert [s for s, _ in statuses] == ["completed", "refused", "completed"]
    assert f"open read-write by process {analyst.pid}" in statuses[1][1]
    assert publish.pending_refusals(warehouse) == []  # recorded once, then forgotten


def test_a_session_opened_read_write_during_a_run_stops_its_publish(prefect_server, tmp_path, monkeypatch):
    """Opened after the run copied the warehouse, the session would write into a file the publish
    then replaces. The run refuses at the publish, keeps nothing of its copy, and its writes stay."""
    import threading

    pipeline = _load_flow()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLE_INBOX / "001_general_staff_march_1.txt", inbox)
    warehouse = tmp_path / "w.duckdb"
    pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))
    shutil.copy(SAMPLE_INBOX / "004_dnipro_strike.txt", inbox)
    marker = tmp_path / "paused"
    monkeypatch.setenv("NEWSCLAIMS_PAUSE_AT", "before-publish")
    monkeypatch.setenv("NEWSCLAIMS_PAUSE_SECONDS", "6")
    monkeypatch.setenv("NEWSCLAIMS_PAUSE_MARKER", str(marker))
    done = threading.Event()
    opened: dict = {}

    def analyst() -> None:  # opens a read-write session while the run is paused before publishing
        while not marker.exists():
            time.sleep(0.05)
        with session(warehouse, "write") as proc:
            opened["pid"] = proc.pid
            done.wait(120)

    thread = threading.Thread(target=analyst)
    thread.start()
    try:
        with pytest.raises(publish.WarehouseWritten, match="open read-write by process"):
            pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))
    finally:
        done.set()
        thread.join(60)
    assert not publish.building_path(warehouse).exists()
    [refusal] = publish.pending_refusals(warehouse)
    assert refusal["status"] == "refused" and str(opened["pid"]) in refusal["reason"]
    with duckdb.connect(str(warehouse), read_only=True) as con:  # the session's write is in the file
        assert con.execute("select note from scratch.notes").fetchall() == [("mine",)]
        assert con.execute("select count(*) from raw.articles").fetchone()[0] == 1  # nothing published


def test_publish_refuses_when_a_session_opened_read_write_during_the_run(tmp_path):
    warehouse, work = tmp_path / "w.duckdb", tmp_path / "w.duckdb.building"
    for path in (warehouse, work):
        with duckdb.connect(str(path)) as con:
            con.execute("create table t as select ? as built", [path.name])
    with session(warehouse, "rw"), pytest.raises(publish.WarehouseWritten, match="open read-write"):
        publish.publish(warehouse, work)
    publish.publish(warehouse, work)  # the session closed: publishing goes on
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select built from t").fetchall() == [("w.duckdb.building",)]


def test_a_process_holding_an_old_connection_reads_the_newest_build_through_open_latest(tmp_path):
    """DuckDB keeps one database per file per process: while a connection is open, a new
    duckdb.connect(path) in the same process reads the build that connection opened."""
    warehouse = tmp_path / "w.duckdb"

    def build(value: int) -> None:
        work = publish.building_path(warehouse)
        with duckdb.connect(str(work)) as con:
            con.execute("create table t as select ? as build", [value])
        publish.publish(warehouse, work)

    build(1)
    held = duckdb.connect(str(warehouse), read_only=True)
    try:
        subprocess.run([sys.executable, "-c", "import sys, duckdb, os\n"
                        "from newsclaims import publish\nfrom pathlib import Path\n"
                        "w = Path(sys.argv[1]); b = publish.building_path(w)\n"
                        "con = duckdb.connect(str(b)); con.execute('create table t as select 2 as build'); con.close()\n"
                        "publish.publish(w, b)\n", str(warehouse)], check=True)
        with duckdb.connect(str(warehouse), read_only=True) as again:
            assert again.execute("select build from t").fetchall() == [(1,)]  # the cached, old build
        latest = open_latest(warehouse)
        assert latest.execute("select build from t").fetchall() == [(2,)]
        latest.close()
    finally:
        held.close()
    with duckdb.connect(str(warehouse), read_only=True) as fresh:  # nothing held: the newest build
        assert fresh.execute("select build from t").fetchall() == [(2,)]


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MiB tmpfs (skipped where this process may not mount one)."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_says_so_removes_the_partial_copy_and_the_run_is_recorded(prefect_server, tmp_path,
                                                                               small_disk):
    built = tmp_path / "built.duckdb"
    with duckdb.connect(str(built)) as con:  # about 1.8 MiB: its copy cannot fit beside it
        con.execute("create table filler as select repeat(md5(i::varchar), 40) as pad from range(1500) t(i)")
        con.execute("checkpoint")
    warehouse = small_disk / "w.duckdb"
    shutil.copyfile(built, warehouse)
    size = warehouse.stat().st_size
    assert 1.6 * 2**20 < size < 3 * 2**20, size
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLE_INBOX / "001_general_staff_march_1.txt", inbox)
    pipeline = _load_flow()
    with pytest.raises(publish.WarehouseIOError, match="No space left on device"):
        pipeline(inbox=str(inbox), warehouse=str(warehouse), report_dir=str(tmp_path / "r"))
    assert not publish.building_path(warehouse).exists()  # no partial copy left filling the disk
    assert warehouse.stat().st_size == size
    [record] = publish.pending_refusals(warehouse)
    assert record["status"] == "failed" and "No space left on device" in record["reason"]
    # with room again, the next run lands the article and writes the failed run into ops.runs
    shutil.move(warehouse, tmp_path / "w.duckdb")
    shutil.move(publish.refusals_path(warehouse), publish.refusals_path(tmp_path / "w.duckdb"))
    summary = pipeline(inbox=str(inbox), warehouse=str(tmp_path / "w.duckdb"), report_dir=str(tmp_path / "r"))
    assert summary["status"] == "completed" and summary["articles_landed"] == 1
    assert [(status, "No space left on device" in (error or "")) for _, status, error in
            runs(tmp_path / "w.duckdb")] == [("failed", True), ("completed", False)]


def test_a_write_that_fills_the_disk_fails_with_the_disk_s_reason_not_the_rollback_s(small_disk):
    """DuckDB ends the transaction itself when a write fails; the rollback after it then fails with
    "no transaction is active", which used to be the error the run reported."""
    from newsclaims.warehouse import connect, transaction

    with connect(small_disk / "w.duckdb") as con:
        con.execute("create table big (pad varchar)")
        with pytest.raises(duckdb.Error, match="No space left on device") as failed, transaction(con):
            con.execute("insert into big select repeat(md5(i::varchar), 40) from range(20000) t(i)")
        assert "rollback" not in str(failed.value)
