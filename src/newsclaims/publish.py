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
import struct
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


class WarehouseWritten(RuntimeError):
    """Something writes the published warehouse directly (an open read-write session, a pending
    WAL): a run that published now would lose those writes, so it refuses."""


class WarehouseIOError(OSError):
    """Copying or publishing the warehouse failed for the operating system's reason (a full disk)."""


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


def writer_pid(database: Path) -> int | None:
    """The process that has the database open read-write, if one has (DuckDB holds an fcntl write
    lock on the file for a read-write connection, a read lock for a read-only one)."""
    try:
        fd = os.open(database, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        probe = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
    finally:
        os.close(fd)
    return pid if kind == fcntl.F_WRLCK else None


FLOCK = "hhqqi"  # struct flock: l_type, l_whence, l_start, l_len, l_pid (native alignment)


def check_no_direct_writer(warehouse: Path) -> None:
    """Refuse (WarehouseWritten) while anything writes the published file directly: its writes
    would be lost at the next publish, which replaces the file."""
    wal = wal_path(warehouse)
    if (pid := writer_pid(warehouse)) is not None:
        raise WarehouseWritten(
            f"{warehouse} is open read-write by process {pid} (a DuckDB session not opened read-only): "
            f"this run would replace the file and lose that session's writes; close it or reopen it "
            f"read-only, and run again")
    if wal.exists():
        # only a process writing the published file directly leaves a WAL; its changes would be
        # lost by copying, so refuse rather than guess
        raise WarehouseWritten(f"{wal} exists: something wrote {warehouse} directly and did not close it "
                               f"cleanly; open and close it once with DuckDB to fold the WAL in, and run again")


def _io_error(what: str, exc: OSError) -> WarehouseIOError:
    return WarehouseIOError(exc.errno, f"{what}: {exc.strerror or exc}")


def start_working_copy(warehouse: Path) -> Path:
    """A private copy of the published warehouse to build in (empty when none is published yet)."""
    work = building_path(warehouse)
    discard_partial(warehouse)
    check_no_direct_writer(warehouse)
    if warehouse.exists():
        try:
            shutil.copyfile(warehouse, work)
        except OSError as exc:
            discard_partial(warehouse)  # a partial copy would only fill the disk further
            raise _io_error(f"could not copy {warehouse} to {work}", exc) from exc
    return work


def publish(warehouse: Path, work: Path) -> None:
    """Atomically replace the published warehouse with the finished working copy."""
    wal = wal_path(work)
    if wal.exists():
        raise RuntimeError(f"{wal} exists: the working copy was not closed cleanly")
    check_no_direct_writer(warehouse)  # a session opened read-write during the run
    try:
        with open(work, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(work, warehouse)
        _fsync_dir(warehouse.parent)
    except OSError as exc:
        raise _io_error(f"could not publish {work} as {warehouse}", exc) from exc
    log.info("published %s", warehouse)


def refusals_path(warehouse: Path) -> Path:
    """Records of runs that could not write the warehouse (refused: something wrote it directly),
    for the next run to write into ops.runs."""
    return warehouse.with_name(warehouse.name + ".refused.jsonl")


def note_refusal(warehouse: Path, run_id: str, reason: str, status: str = "refused") -> None:
    """Keep a run's record beside the warehouse when the warehouse itself cannot be written."""
    entry = {"run_id": run_id, "at": dt.datetime.now(dt.UTC).isoformat(), "status": status, "reason": reason}
    with open(refusals_path(warehouse), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")


def pending_refusals(warehouse: Path) -> list[dict]:
    path = refusals_path(warehouse)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            if isinstance(entry := json.loads(line), dict) and entry.get("run_id"):
                out.append(entry)
    return out


def clear_refusals(warehouse: Path) -> None:
    """Forget the refusals once a published build records them."""
    refusals_path(warehouse).unlink(missing_ok=True)


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
