"""The extract stage on a real Dask cluster: a distributed scheduler and two worker processes on
loopback, reached through Prefect's Dask task runner when NEWSCLAIMS_DASK_ADDRESS is set."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ..conftest import PROJECT_ROOT, SAMPLE_INBOX, free_port

pytestmark = pytest.mark.integration

distributed = pytest.importorskip("distributed")


def _dask(*args: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "false"}
    with open(log, "wb") as out:
        return subprocess.Popen([str(Path(sys.executable).with_name("dask")), *args], stdout=out,
                                stderr=subprocess.STDOUT, env=env, cwd="/", start_new_session=True)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A scheduler and two single-thread workers, each its own process, started from outside the
    project folder (a worker has the installed package, not the checkout). Yields (address,
    worker addresses)."""
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard",
                   log=logs / "scheduler.log")]
    procs += [_dask("worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                    "--name", f"worker-{i}", log=logs / f"worker-{i}.log") for i in (1, 2)]
    try:
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
            workers = sorted(client.scheduler_info()["workers"])
        yield address, workers
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _claims(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select * from main.claims order by claim_id").fetchall()


def test_a_run_on_a_dask_cluster_extracts_there_and_gives_the_claims_of_a_local_run(
        dask_cluster, sample_run, tmp_path, monkeypatch):
    from newsclaims.cli import _load_flow

    address, workers = dask_cluster
    monkeypatch.setenv("NEWSCLAIMS_DASK_ADDRESS", address)
    summary = _load_flow()(inbox=str(SAMPLE_INBOX), warehouse=str(tmp_path / "w.duckdb"),
                           report_dir=str(tmp_path / "r"))

    assert summary["status"] == "completed"
    assert summary["extracted_on"] == f"Dask cluster at {address} (2 worker threads)"
    # every chunk ran on the cluster's two workers, and both took part
    chunks = summary["extract_chunks_by_worker"]
    assert sorted(chunks) == workers
    assert sum(chunks.values()) == summary["articles_extracted"] == sample_run[1]["articles_extracted"]

    local = _claims(sample_run[0] / "w.duckdb")
    assert local, "the sample inbox has claims"
    assert _claims(tmp_path / "w.duckdb") == local
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select extracted_on from ops.runs").fetchall() == [(summary["extracted_on"],)]


def test_an_unreachable_cluster_fails_the_run_with_its_address_and_publishes_nothing(
        prefect_server, tmp_path, monkeypatch):
    from newsclaims.cli import _load_flow

    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("NEWSCLAIMS_DASK_ADDRESS", address)
    started = time.monotonic()
    with pytest.raises(Exception, match=f"cannot reach the Dask scheduler at {address}"):
        _load_flow()(inbox=str(SAMPLE_INBOX), warehouse=str(tmp_path / "w.duckdb"), report_dir=str(tmp_path / "r"))
    assert time.monotonic() - started < 120
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        # the failed run is recorded; none of its articles or claims is published
        assert con.execute("select status from ops.runs").fetchall() == [("failed",)]
        assert con.execute("select count(*) from raw.articles").fetchone() == (0,)


def test_the_workers_do_not_need_the_project_checkout(dask_cluster):
    """The flow module travels by value: a worker started outside the checkout cannot import it."""
    address, _ = dask_cluster
    with distributed.Client(address, timeout="60s") as client:
        found = client.run(lambda: __import__("importlib.util").util.find_spec("flows"))
    assert set(found.values()) == {None}, str(PROJECT_ROOT)
