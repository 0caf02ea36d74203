"""One writer at a time, and analysts never see a half-built warehouse.

DuckDB lets one process write a file. So a run never writes the published
warehouse: it takes the run lock (``<warehouse>.lock``, an ``flock`` the kernel
drops when the process dies, so a killed run leaves no stale lock), copies the
published file to ``<warehouse>.building``, does all its work there, and
publishes by ``os.replace``, an atomic rename. An analyst's read-only
connection keeps reading the file it opened (a consistent snapshot); the next
connection sees the new build. A run killed at any point leaves the published
file untouched; the next run discards the partial ``.building`` copy, records
the dead run as ``abandoned`` and starts again from the published file, and
the inbox still holds everything, so nothing is lost or duplicated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's run lock."""

    def __init__(self, warehouse: Path, holder: dict):
        self.holder = holder
        who = f"run {holder.get('run_id', '?')} (pid {holder.get('pid', '?')}, since {holder.get('since', '?')})"
        super().__init__(f"{warehouse} is busy: {who} holds the run lock")

    def held_seconds(self) -> float | None:
        """How long the holder has held the lock, from its note (None when the note has no time)."""
        try:
            since = dt.datetime.fromisoformat(self.holder["since"])
        except (KeyError, TypeError, ValueError):
            return None
        return (dt.datetime.now(dt.UTC) - since).total_seconds()


class WarehouseStalled(RuntimeError):
    """Another run has held the run lock for longer than the stall limit: it is stuck, and every
    scheduled run after it would be skipped."""


@dataclass
class Lock:
    path: Path
    fd: int
    previous: dict  # what the lock file said before we took it (the last holder)


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def building_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".building")


def _read_holder(fd: int) -> dict:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        return json.loads(raw.decode() or "{}")
    except (ValueError, UnicodeDecodeError):
        return {}


@contextlib.contextmanager
def run_lock(warehouse: Path, run_id: str, wait: float = 0.0) -> Iterator[Lock]:
    """Hold the warehouse's run lock; wait up to ``wait`` seconds, then raise WarehouseBusy."""
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(warehouse, _read_holder(fd)) from None
                time.sleep(0.2)
        previous = _read_holder(fd)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"run_id": run_id, "pid": os.getpid(),
                                 "since": dt.datetime.now(dt.UTC).isoformat()}).encode())
        os.fsync(fd)
        yield Lock(path, fd, previous)
    finally:
        os.close(fd)  # closing drops the flock


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def wal_path(database: Path) -> Path:
    """DuckDB's write-ahead log beside a database file."""
    return database.with_name(database.name + ".wal")


def discard_partial(warehouse: Path) -> bool:
    """Remove a dead run's working copy; True if there was one."""
    found = False
    for p in (building_path(warehouse), wal_path(building_path(warehouse))):
        if p.exists():
            p.unlink()
            found = True
    return found


def start_working_copy(warehouse: Path) -> Path:
    """A private copy of the published warehouse to build in (empty when none is published yet)."""
    work = building_path(warehouse)
    discard_partial(warehouse)
    wal = wal_path(warehouse)
    if wal.exists():
        # Only a process writing the published file directly leaves a WAL; its
        # changes would be lost by copying, so refuse rather than guess.
        raise RuntimeError(f"{wal} exists: something writes {warehouse} directly; close it and retry")
    if warehouse.exists():
        shutil.copyfile(warehouse, work)
    return work


def publish(warehouse: Path, work: Path) -> None:
    """Atomically replace the published warehouse with the finished working copy."""
    wal = wal_path(work)
    if wal.exists():
        raise RuntimeError(f"{wal} exists: the working copy was not closed cleanly")
    with open(work, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(work, warehouse)
    _fsync_dir(warehouse.parent)
    log.info("published %s", warehouse)


@contextlib.contextmanager
def exclusive_copy(warehouse: Path, run_id: str, wait: float = 0.0) -> Iterator[Path]:
    """Run lock + working copy for one stage run by hand: published on success, discarded on error."""
    with run_lock(warehouse, run_id, wait):
        work = start_working_copy(warehouse)
        try:
            yield work
        except BaseException:
            discard_partial(warehouse)
            raise
        publish(warehouse, work)
