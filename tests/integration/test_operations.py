"""Unattended operation with real processes: a Prefect server on loopback, SIGKILLed runs,
overlapping runs, an analyst holding the warehouse open, and the served schedule."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from newsclaims import publish

from ..conftest import PROJECT_ROOT, SAMPLE_INBOX

pytestmark = pytest.mark.integration

BASELINE_FILES = ("001_general_staff_march_1.txt", "004_dnipro_strike.txt")


def newsclaims(api: dict, *args: str, env: dict | None = None) -> subprocess.Popen:
    full_env = {**os.environ, "PREFECT_API_URL": api["url"], "PREFECT_HOME": str(api["home"]),
                "NEWSCLAIMS_SETTLE_SECONDS": "0", **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "newsclaims.cli", *args], env=full_env, cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def wait_for(path: Path, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"run ended before the pause point: {proc.communicate()}")
        assert time.monotonic() < deadline, "pause point not reached"
        time.sleep(0.1)


def counts(warehouse: Path) -> dict:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("""
            select (select count(*) from raw.articles), (select count(distinct content_hash) from raw.articles),
                   (select count(*) from raw.rejects), (select count(*) from claims),
                   (select count(*) from extract.claim_mentions),
                   (select count(distinct (article_id, mention_id, extractor_version))
                    from extract.claim_mentions)""").fetchall()[0]
    return dict(zip(["articles", "distinct_articles", "rejects", "claims", "mentions", "distinct_mentions"], row, strict=True))


@pytest.fixture
def layout(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in BASELINE_FILES:
        shutil.copy(SAMPLE_INBOX / name, inbox / name)
    return {"inbox": inbox, "warehouse": tmp_path / "w.duckdb", "report": tmp_path / "report",
            "marker": tmp_path / "paused"}


def run_args(layout: dict, *extra: str) -> list[str]:
    return ["run", "--inbox", str(layout["inbox"]), "--warehouse", str(layout["warehouse"]),
            "--report-dir", str(layout["report"]), *extra]


def add_rest_of_sample(inbox: Path) -> None:
    for path in SAMPLE_INBOX.iterdir():
        if path.is_dir():
            shutil.copytree(path, inbox / path.name)  # the sample reference series
        elif path.name not in BASELINE_FILES:
            shutil.copy(path, inbox / path.name)


FULL = {"articles": 8, "distinct_articles": 8, "rejects": 1, "claims": 12}


@pytest.mark.parametrize("point", ["after-land", "after-extract", "before-build", "during-build",
                                   "before-check", "before-publish"])
def test_a_run_killed_at_any_point_loses_and_duplicates_nothing(prefect_api, layout, point):
    code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
    assert code == 0, err
    baseline = counts(layout["warehouse"])
    assert baseline["articles"] == 2

    add_rest_of_sample(layout["inbox"])
    pause = {"NEWSCLAIMS_PAUSE_AT": "before-build" if point == "during-build" else point,
             "NEWSCLAIMS_PAUSE_MARKER": str(layout["marker"]),
             "NEWSCLAIMS_PAUSE_SECONDS": "0" if point == "during-build" else "3600"}
    victim = newsclaims(prefect_api, *run_args(layout), env=pause)
    wait_for(layout["marker"], victim)
    if point == "during-build":
        time.sleep(1.5)  # dbt takes several seconds: this lands inside the build
        assert victim.poll() is None, "the build finished before the kill"
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()

    # the published warehouse is untouched and readable
    assert counts(layout["warehouse"]) == baseline

    code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
    assert code == 0, err
    after = counts(layout["warehouse"])
    assert {k: after[k] for k in FULL} == FULL
    assert after["mentions"] == after["distinct_mentions"]
    assert not publish.building_path(layout["warehouse"]).exists()
    with duckdb.connect(str(layout["warehouse"]), read_only=True) as con:
        statuses = [r[0] for r in con.execute("select status from ops.runs order by started_at").fetchall()]
    assert statuses == ["completed", "abandoned", "completed"]


def test_overlapping_runs_skip_or_wait_and_never_corrupt(prefect_api, layout):
    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    add_rest_of_sample(layout["inbox"])
    slow = newsclaims(prefect_api, *run_args(layout), env={
        "NEWSCLAIMS_PAUSE_AT": "before-build", "NEWSCLAIMS_PAUSE_MARKER": str(layout["marker"]),
        "NEWSCLAIMS_PAUSE_SECONDS": "15"})
    wait_for(layout["marker"], slow)

    code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
    assert code == 0, err
    assert "run skipped" in out and "holds the run lock" in out

    waiting = newsclaims(prefect_api, *run_args(layout, "--wait", "240"))
    code, out, err = finish(slow)
    assert code == 0, err
    code, out, err = finish(waiting)
    assert code == 0, err
    assert "completed" in out
    after = counts(layout["warehouse"])
    assert {k: after[k] for k in FULL} == FULL
    with duckdb.connect(str(layout["warehouse"]), read_only=True) as con:
        statuses = [r[0] for r in con.execute("select status from ops.runs order by started_at").fetchall()]
    assert statuses == ["completed", "completed", "completed"]


ANALYST = textwrap.dedent("""
    import json, os, sys, time, duckdb
    warehouse, stop, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    QUERY = ("select (select count(*) from claims), (select count(*) from claim_series s "
             "where not exists (select 1 from claims c where c.claim_id = s.claim_id))")
    held = duckdb.connect(warehouse, read_only=True) if mode == "hold" else None
    seen, errors = set(), []
    while not os.path.exists(stop):
        try:
            if held is not None:   # one session open for the whole run
                seen.add(tuple(held.execute(QUERY).fetchall()[0]))
            else:                  # a new connection for every query
                with duckdb.connect(warehouse, read_only=True) as con:
                    seen.add(tuple(con.execute(QUERY).fetchall()[0]))
        except Exception as exc:
            errors.append(repr(exc))
        time.sleep(0.05)
    print(json.dumps({"seen": sorted(seen), "errors": errors}))
""")


def test_an_analyst_holding_the_warehouse_never_blocks_a_run_nor_sees_it_half_built(prefect_api, layout):
    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    before = counts(layout["warehouse"])["claims"]
    stop = layout["marker"].with_name("stop")
    analysts = {mode: subprocess.Popen([sys.executable, "-c", ANALYST, str(layout["warehouse"]), str(stop), mode],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for mode in ("hold", "poll")}
    time.sleep(1)
    add_rest_of_sample(layout["inbox"])
    code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
    time.sleep(0.5)
    stop.write_text("stop")
    seen = {mode: json.loads(proc.communicate(timeout=60)[0]) for mode, proc in analysts.items()}
    assert code == 0, err
    # the open session keeps a consistent snapshot of the build it opened
    assert seen["hold"] == {"seen": [[before, 0]], "errors": []}
    # new connections see the old build, then the new one, never anything in between
    assert seen["poll"]["errors"] == []
    assert seen["poll"]["seen"] == [[before, 0], [FULL["claims"], 0]]


def test_served_deployment_runs_on_trigger_through_the_api(prefect_api, layout):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = newsclaims(prefect_api, "serve", "--cron", "0 0 1 1 *", "--name", "test-schedule",
                        "--inbox", str(SAMPLE_INBOX), "--warehouse", str(layout["warehouse"]),
                        "--report-dir", str(layout["report"]))
    try:
        with temporary_settings({PREFECT_API_URL: prefect_api["url"]}):
            deadline = time.monotonic() + 120
            deployment = None
            while deployment is None:
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "deployment was not registered"
                try:
                    with get_client(sync_client=True) as client:
                        deployment = client.read_deployment_by_name("newsclaims-pipeline/test-schedule")
                except Exception:
                    time.sleep(1)
            assert [s.schedule.cron for s in deployment.schedules] == ["0 0 1 1 *"]
            flow_run = run_deployment("newsclaims-pipeline/test-schedule", timeout=240)
            assert flow_run.state.is_completed(), flow_run.state
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    assert counts(layout["warehouse"])["claims"] == FULL["claims"]


def test_prefect_yaml_deployment_registers_its_schedule_and_a_worker_runs_it(prefect_api, layout):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PREFECT_API_URL": prefect_api["url"], "PREFECT_HOME": str(prefect_api["home"]),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "PWD": str(PROJECT_ROOT),
           "NEWSCLAIMS_INBOX": str(SAMPLE_INBOX), "NEWSCLAIMS_WAREHOUSE": str(layout["warehouse"]),
           "NEWSCLAIMS_REPORT_DIR": str(layout["report"]), "NEWSCLAIMS_SETTLE_SECONDS": "0"}
    prefect = str(bin_dir / "prefect")
    subprocess.run([prefect, "work-pool", "create", "newsclaims", "--type", "process", "--overwrite"],
                   env=env, cwd=PROJECT_ROOT, check=True, capture_output=True, timeout=120)
    deploy = subprocess.run([prefect, "--no-prompt", "deploy", "--all"], env=env, cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=300)
    assert deploy.returncode == 0, deploy.stdout[-3000:] + deploy.stderr[-3000:]
    with temporary_settings({PREFECT_API_URL: prefect_api["url"]}):
        with get_client(sync_client=True) as client:
            deployment = client.read_deployment_by_name("newsclaims-pipeline/hourly")
        assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
        flow_run = run_deployment("newsclaims-pipeline/hourly", timeout=0)
        worker = subprocess.run([prefect, "worker", "start", "--pool", "newsclaims", "--run-once"],
                                env=env, cwd=layout["inbox"], capture_output=True, text=True, timeout=300)
        assert worker.returncode == 0, worker.stdout[-3000:] + worker.stderr[-3000:]
        with get_client(sync_client=True) as client:
            state = client.read_flow_run(flow_run.id).state
    assert state.is_completed(), state
    assert counts(layout["warehouse"])["claims"] == FULL["claims"]


HARLEQUIN = shutil.which("harlequin", path=str(Path(sys.executable).parent)) or shutil.which("harlequin")


@pytest.mark.skipif(HARLEQUIN is None, reason="harlequin is not installed (pip install -e '.[dev]')")
def test_a_harlequin_session_held_open_read_only_does_not_break_a_run(prefect_api, layout):
    """The README's analyst tool, for real: harlequin (the terminal SQL IDE, on this project's DuckDB)
    opens the warehouse read-only in a pseudo-terminal and queries it; a run lands, builds and
    publishes meanwhile; the session goes on answering from the build it opened."""
    import fcntl
    import pty
    import re
    import select
    import struct
    import termios

    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    before = counts(layout["warehouse"])["claims"]
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    ide = subprocess.Popen([HARLEQUIN, "--read-only", str(layout["warehouse"])], stdin=secondary,
                           stdout=secondary, stderr=secondary, env=env, start_new_session=True)
    os.close(secondary)
    screen = b""

    def shown(text: str, seconds: float = 45) -> bool:
        """Read the terminal until text shows (escape codes removed) or time runs out."""
        nonlocal screen
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text.encode() in re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", screen):
                return True
            ready, _, _ = select.select([primary], [], [], 0.2)
            if ready:
                try:
                    screen += os.read(primary, 65536)
                except OSError:
                    return False
        return False

    def query(sql: str) -> None:
        os.write(primary, b"\x1bOQ")  # F2: focus the query editor (a query's results take the focus)
        time.sleep(0.5)
        os.write(primary, b"\x01")  # ctrl+a: select the editor's text, so typing replaces it
        time.sleep(0.3)
        os.write(primary, sql.encode())
        time.sleep(0.5)
        os.write(primary, b"\n")  # ctrl+j: run the query

    try:
        shown("\u2502", 20)  # the interface has drawn
        time.sleep(2)
        query("select 4242 + count(*) as probe from claims")
        assert shown(str(4242 + before)), "harlequin did not answer from the warehouse"
        add_rest_of_sample(layout["inbox"])
        code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
        assert code == 0, err
        assert counts(layout["warehouse"])["claims"] == FULL["claims"]  # the run published
        assert ide.poll() is None, "the session was closed by the run"
        query("select 5151 + count(*) as probe from claims")
        assert shown(str(5151 + before)), "the open session stopped answering from its build"
        with duckdb.connect(str(layout["warehouse"]), read_only=True) as con:
            assert con.execute("select status from ops.runs order by started_at").fetchall() == [
                ("completed",), ("completed",)]
    finally:
        os.killpg(ide.pid, signal.SIGKILL)
        ide.wait()
        os.close(primary)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_run_is_not_retried_into_a_publish_and_leaves_no_process(prefect_api, layout, signum):
    """Ctrl-C (SIGINT) or SIGTERM to the process group, as a terminal, timeout or systemd send it,
    while a task is inside a DuckDB query: DuckDB turns the interrupt into "Query interrupted", which
    Prefect would retry. The stopped run must not be retried, must not publish, and must exit,
    leaving no process behind."""
    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    baseline = counts(layout["warehouse"])
    add_rest_of_sample(layout["inbox"])
    victim = newsclaims(prefect_api, *run_args(layout), env={
        "NEWSCLAIMS_PAUSE_AT": "before-build", "NEWSCLAIMS_PAUSE_IN": "query",
        "NEWSCLAIMS_PAUSE_MARKER": str(layout["marker"]), "NEWSCLAIMS_PAUSE_SECONDS": "3600"})
    try:
        wait_for(layout["marker"], victim)
        time.sleep(1)  # inside the query
        started = time.monotonic()
        os.killpg(victim.pid, signum)
        code, out, err = finish(victim, timeout=120)
    finally:  # a run that did not stop must not outlive the test
        with contextlib.suppress(ProcessLookupError):
            os.killpg(victim.pid, signal.SIGKILL)
    assert code != 0 and time.monotonic() - started < 60, (code, err[-2000:])
    assert layout["marker"].read_text().splitlines() == ["before-build"], "the stopped task was retried"
    assert counts(layout["warehouse"]) == baseline  # nothing of the stopped run was published
    with duckdb.connect(str(layout["warehouse"]), read_only=True) as con:
        assert [r[0] for r in con.execute("select status from ops.runs order by started_at").fetchall()] == [
            "completed", "interrupted"]
    with pytest.raises(ProcessLookupError):  # nothing of the run's process group is left
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            os.killpg(victim.pid, 0)
            time.sleep(0.2)
    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    assert {k: counts(layout["warehouse"])[k] for k in FULL} == FULL


def test_a_lock_held_past_the_stall_limit_fails_the_run_instead_of_skipping_it(prefect_api, layout):
    """A run stuck holding the lock would make every scheduled run after it skip with exit 0, and
    nobody would know. Past NEWSCLAIMS_STALL_SECONDS the next run fails, naming the stuck one."""
    import datetime as dt
    import fcntl

    assert finish(newsclaims(prefect_api, *run_args(layout)))[0] == 0
    fd = os.open(publish.lock_path(layout["warehouse"]), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another "run" holds the lock ...
        for age, expected_code in ((dt.timedelta(minutes=5), 0), (dt.timedelta(hours=3), 1)):
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps({"run_id": "stuck-run", "pid": 1, "since": (
                dt.datetime.now(dt.UTC) - age).isoformat()}).encode(), 0)
            code, out, err = finish(newsclaims(prefect_api, *run_args(layout)))
            assert code == expected_code, (age, out, err)
            if expected_code == 0:  # ... for five minutes: this run is skipped, as before
                assert "run skipped" in out and "stuck-run" in out
            else:  # ... for three hours: stalled, said in the CLI's one-line reason, exit 1
                reason = [line for line in err.splitlines() if line.startswith("newsclaims: run failed")]
                assert len(reason) == 1 and "stalled" in reason[0] and "stuck-run" in reason[0], err
    finally:
        os.close(fd)
