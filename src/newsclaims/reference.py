"""Land reference series: the Ukrainian General Staff's daily loss figures, with corrections.

The files are those of the public dataset PetroIvaniuk/2022-Ukraine-Russia-War-Dataset:
``russia_losses_personnel.json`` and ``russia_losses_equipment.json`` (a JSON array, one
object a day: ``date``, ``day`` and a cumulative count per key, ``personnel*`` the personnel
figure's qualifier) and ``russia_losses_equipment_correction.json`` (the same shape, each count
a correction's delta on that day). A file is known by that name (``russia_losses_*.json``),
in an inbox or given to ``newsclaims reference PATH``.

Like articles, reference files land append-only and idempotently: a file whose bytes were
landed before is skipped; a new version of the dataset lands beside the old one, and the
staging model reads, for each day and key, the value of the newest file that has it. Every
value is kept as it came (``raw.reference_values``, one row per file, day and key); which key
is which claim metric is the seed ``seeds/reference_keys.csv``, read by dbt. Nothing in a file
stops the run: a file that is not a JSON array of objects, and a row without a valid date, go
to ``raw.rejects`` with the reason; keys the seed does not know, values that are not counts and
days missing from a daily series are counted and reported.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import logging
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from newsclaims.config import SEEDS_DIR
from newsclaims.landing import (
    _insert_rejects,
    _printable,
    entry_hash,
    inbox_files,
    read_entry,
    reject_row,
)
from newsclaims.warehouse import registered, scalar, transaction

log = logging.getLogger(__name__)

REFERENCE_NAME = re.compile(r"russia_losses_[\w-]*\.json", re.IGNORECASE)
KEYS_FILE = SEEDS_DIR / "reference_keys.csv"
MAX_REFERENCE_BYTES = 100_000_000  # the whole dataset is under 1 MB
MISSING_SHOWN = 5  # missing days named in a file's report (all are counted)


def is_reference_file(path: Path) -> bool:
    return REFERENCE_NAME.fullmatch(path.name) is not None


def known_keys(path: Path = KEYS_FILE) -> dict[str, str]:
    """Key -> how it is read (``count`` or ``text``), from the seed."""
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["key"]: row["kind"] for row in csv.DictReader(fh)}


@dataclass
class ReferenceResult:
    reference_files: int = 0
    reference_unchanged: int = 0
    reference_values: int = 0
    reference_rejects: int = 0
    reference_unknown_keys: dict[str, int] = field(default_factory=dict)
    reference_bad_values: int = 0
    reference_missing_days: int = 0
    reference_problems: list[str] = field(default_factory=list)  # one line each, for the summary

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass
class ParsedReference:
    kind: str                      # daily or correction
    values: list[dict]             # date, day, key, value, qualifier
    rejects: list[tuple[int | None, str, bytes]]
    unknown: dict[str, int]
    bad_values: int
    missing: list[dt.date]


def _count(value) -> float | None:
    """A count as the dataset writes it (an integer, a float, or digits in a string)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*-?[\d,]+(?:\.\d+)?\s*", value):
        number = float(value.replace(",", ""))
    else:
        return None
    return number if math.isfinite(number) and abs(number) < 1e10 else None


def parse_reference(name: str, data: bytes, keys: dict[str, str]) -> ParsedReference:
    """The values of one reference file; never raises for bad content."""
    kind = "correction" if "correction" in name.lower() else "daily"
    out = ParsedReference(kind, [], [], {}, 0, [])
    try:
        rows = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        out.rejects.append((None, f"broken reference file: {type(exc).__name__}: {exc}"[:300], data))
        return out
    if not isinstance(rows, list):
        out.rejects.append((None, "broken reference file: not a JSON array of daily records", data))
        return out
    seen: set[dt.date] = set()
    for index, row in enumerate(rows, start=1):
        original = json.dumps(row, ensure_ascii=False).encode("utf-8", "backslashreplace")
        if not isinstance(row, dict):
            out.rejects.append((index, "bad reference row: not an object", original))
            continue
        try:
            date = dt.date.fromisoformat(str(row.get("date")))
        except ValueError:
            out.rejects.append((index, f"bad reference row: no valid date ({str(row.get('date'))[:40]!r})",
                                original))
            continue
        if date in seen:
            out.rejects.append((index, f"bad reference row: {date} appears twice in the file", original))
            continue
        seen.add(date)
        day = row.get("day") if isinstance(row.get("day"), int) and not isinstance(row.get("day"), bool) else None
        for key, value in row.items():
            if key in ("date", "day") or key.endswith("*"):
                continue
            how = keys.get(key)
            if how is None:
                out.unknown[key] = out.unknown.get(key, 0) + 1
                continue
            if how != "count" or value is None:
                continue  # text keys ("greatest losses direction") are not counts; a null is no figure
            number = _count(value)
            if number is None:
                out.bad_values += 1
                continue
            qualifier = row.get(f"{key}*")
            out.values.append({"date": date, "day": day, "key": key, "value": number,
                               "qualifier": qualifier if isinstance(qualifier, str) else None})
    if kind == "daily" and seen:
        first, last = min(seen), max(seen)
        out.missing = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)
                       if first + dt.timedelta(days=i) not in seen]
    return out


def reference_paths(path: Path) -> list[Path]:
    """The reference files at a path: the file itself, or the reference-named files below a folder."""
    entries = inbox_files(path)
    return [p for p in entries if is_reference_file(p)] if Path(path).is_dir() else entries


def land_reference(con: duckdb.DuckDBPyConnection, paths: list[Path], run_id: str, *,
                   settle_seconds: float = 0.0) -> ReferenceResult:
    """Land reference files in one transaction; returns counts. Never raises for bad content."""
    result = ReferenceResult()
    if not paths:
        return result
    keys = known_keys()
    landed_at = dt.datetime.now(dt.UTC)
    known = {row[0] for row in con.execute("select file_hash from raw.reference_files").fetchall()}
    files, values, rejects = [], [], []
    now = time.time()
    for path in paths:
        name, where = _printable(path.name), _printable(str(path))
        data, problem, deferred = read_entry(path, settle_seconds, now)
        if deferred:
            result.reference_problems.append(f"{name}: deferred, it may still be being written")
            continue
        result.reference_files += 1
        file_hash = entry_hash(data, where, problem)
        if file_hash in known:
            result.reference_unchanged += 1
            continue
        known.add(file_hash)
        if data is None:
            parsed = ParsedReference("daily", [], [(None, problem, b"")], {}, 0, [])
        elif len(data) > MAX_REFERENCE_BYTES:
            parsed = ParsedReference("daily", [], [(None, f"file too large: {len(data):,} bytes is over the "
                                                    f"{MAX_REFERENCE_BYTES:,}-byte limit for a reference file",
                                                    data)], {}, 0, [])
        else:
            parsed = parse_reference(name, data, keys)
        dates = [v["date"] for v in parsed.values]
        files.append({"file_hash": file_hash, "source_file": name, "source_path": where, "kind": parsed.kind,
                      "byte_size": len(data or b""), "n_values": len(parsed.values),
                      "n_rejects": len(parsed.rejects), "n_bad_values": parsed.bad_values,
                      "unknown_keys": ", ".join(sorted(parsed.unknown)) or None,
                      "missing_days": len(parsed.missing),
                      "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None})
        values += [{"file_hash": file_hash, "kind": parsed.kind, **v} for v in parsed.values]
        for line_number, reason, original in parsed.rejects:
            log.warning("rejected reference %s%s: %s", name, f" row {line_number}" if line_number else "", reason)
            rejects.append(reject_row(name, where, line_number, reason, original))
        for key, n in parsed.unknown.items():
            result.reference_unknown_keys[key] = result.reference_unknown_keys.get(key, 0) + n
        result.reference_bad_values += parsed.bad_values
        result.reference_missing_days += len(parsed.missing)
        if parsed.unknown:
            result.reference_problems.append(f"{name}: keys not in seeds/reference_keys.csv, not landed: "
                                   + ", ".join(f"{k} ({n} days)" for k, n in sorted(parsed.unknown.items())))
        if parsed.missing:
            shown = ", ".join(str(d) for d in parsed.missing[:MISSING_SHOWN])
            more = f" and {len(parsed.missing) - MISSING_SHOWN} more" if len(parsed.missing) > MISSING_SHOWN else ""
            result.reference_problems.append(f"{name}: {len(parsed.missing)} days missing from the series: {shown}{more}")
        if parsed.bad_values:
            result.reference_problems.append(f"{name}: {parsed.bad_values} values that are not counts, not landed")
    result.reference_rejects = len(rejects)
    for problem in result.reference_problems:
        log.warning("reference: %s", problem)
    with transaction(con):
        before = scalar(con, "select count(*) from raw.reference_values")
        if values:
            frame = pd.DataFrame(values)
            frame["day"] = frame["day"].astype("Int64")
            with registered(con, "incoming_values", frame):
                con.execute("""
                    insert into raw.reference_values
                    select file_hash, kind, date::date, day::integer, key, value, qualifier, ?::timestamptz, ?
                    from incoming_values""", [landed_at, run_id])
        result.reference_values = scalar(con, "select count(*) from raw.reference_values") - before
        _insert_rejects(con, rejects, landed_at, run_id)
        if files:
            with registered(con, "incoming_reference_files", pd.DataFrame(files)):
                con.execute("""
                    insert into raw.reference_files
                    select file_hash, source_file, source_path, kind, byte_size, n_values, n_rejects,
                           n_bad_values, unknown_keys, missing_days, first_date::date, last_date::date,
                           ?::timestamptz, ?
                    from incoming_reference_files""", [landed_at, run_id])
    log.info("reference: %d values landed from %d new files (%d unchanged), %d rejects",
             result.reference_values, result.reference_files - result.reference_unchanged,
             result.reference_unchanged, result.reference_rejects)
    return result
