"""Land inbox files in the raw layer: append-only, idempotent by content hash.

Every file is read as bytes. What parses becomes rows of ``raw.articles``;
what does not becomes rows of ``raw.rejects`` with the reason and the original
bytes; every file read is one row of ``raw.files``. The same content landed
twice (under any name) is stored once, and a file whose bytes were landed
before is not parsed again, which keeps a run over an unchanged inbox cheap.

Files that may still be being written (modified less than ``settle_seconds``
ago, or changing while read, or named like a partial download) are deferred
to the next run, not rejected.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from newsclaims import progress
from newsclaims.parsing import PARSER_VERSION, ParseResult, parse_file, sha256
from newsclaims.warehouse import registered, scalar, transaction

log = logging.getLogger(__name__)

PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", "~")
# raw.rejects keeps a rejected input's first bytes, not all of it: junk must not grow the warehouse
# for good (its size and SHA-256 are kept whole)
MAX_REJECT_KEPT_BYTES = 1 << 20


@dataclass
class LandingResult:
    files_seen: int = 0
    files_unchanged: int = 0
    files_reread: int = 0  # files an older parser version read, read again
    files_deferred: int = 0
    articles_landed: int = 0
    articles_duplicate: int = 0
    rejects: int = 0
    reject_reasons: dict[str, int] = field(default_factory=dict)
    deferred: list[str] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # entries ``skip`` took, for another lander

    def as_dict(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "files_unchanged": self.files_unchanged,
            "files_reread": self.files_reread,
            "files_deferred": self.files_deferred,
            "deferred_files": list(self.deferred),
            "articles_landed": self.articles_landed,
            "articles_duplicate": self.articles_duplicate,
            "rejects": self.rejects,
            "reject_reasons": dict(self.reject_reasons),
        }


def _printable(name: str) -> str:
    """A file name as text that can be stored: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def inbox_files(inbox: Path) -> list[Path]:
    """The entries to land: the inbox itself if it is a file, else every non-hidden entry below it."""
    inbox = Path(inbox)
    if not inbox.exists() and not inbox.is_symlink():
        raise FileNotFoundError(f"inbox {inbox} does not exist")
    if not inbox.is_dir():
        return [inbox]
    out = []
    for p in sorted(inbox.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(inbox).parts):
            continue
        if p.is_symlink() or not p.is_dir():
            out.append(p)
    return out


def read_entry(path: Path, settle_seconds: float, now: float) -> tuple[bytes | None, str | None, bool]:
    """(bytes, problem, deferred) for one inbox entry; reads regular files only."""
    try:
        before = path.lstat()
    except OSError as exc:
        return None, f"cannot stat: {exc.strerror}", False
    if stat.S_ISLNK(before.st_mode):
        return None, "symlink: not followed", False
    if not stat.S_ISREG(before.st_mode):
        return None, "special file (not a regular file)", False
    if before.st_nlink > 1:
        # another name for the same bytes, which may be a file from outside the inbox
        return None, f"hard link ({before.st_nlink} names for one file): not read", False
    if path.name.endswith(PARTIAL_SUFFIXES) or now - before.st_mtime < settle_seconds:
        return None, None, True
    try:
        data = path.read_bytes()
        after = path.stat()
    except OSError as exc:
        return None, f"cannot read: {exc.strerror}", False
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or len(data) != after.st_size:
        return None, None, True  # it changed while we read it
    return data, None, False


def entry_hash(data: bytes | None, where: str, problem: str | None) -> str:
    """What a read entry is known by: its bytes' SHA-256; an entry that is not a readable file, by
    its path and problem."""
    return sha256(data) if data is not None else sha256(f"{where}|{problem}".encode())


def _decompress(name: str, data: bytes, limit: int) -> tuple[str, bytes]:
    """Gzip files are read through; the name loses its .gz so the format is still recognised."""
    if not name.lower().endswith(".gz"):
        return name, data
    parts, size, rest = [], 0, data
    while rest:  # every member: "cat a.gz b.gz" is one valid gzip file holding both
        stream = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            part = stream.decompress(rest, limit + 1 - size)
        except zlib.error as exc:
            raise ValueError(f"broken gzip: {exc}") from exc
        size += len(part)
        if size > limit or stream.unconsumed_tail:
            raise ValueError(f"gzip expands past {limit} bytes")
        if not stream.eof:
            raise ValueError("truncated gzip: the data ends inside a member")
        parts.append(part)
        rest = stream.unused_data.lstrip(b"\0")  # some writers pad members with zeros
    return name[:-3], b"".join(parts)


def parse_entry(name: str, data: bytes, max_article_bytes: int, today: dt.date | None) -> ParseResult:
    """Parse one file's bytes, applying the size limits; never raises for bad content."""
    try:
        inner_name, inner = _decompress(name, data, max(max_article_bytes * 200, 1 << 30))
    except ValueError as exc:
        return ParseResult(rejects=[(None, str(exc), data)])
    is_lines = inner_name.lower().endswith((".jsonl", ".ndjson", ".json"))
    if not is_lines and len(inner) > max_article_bytes:
        return ParseResult(rejects=[(None, f"file too large: {len(inner):,} bytes is over the "
                                           f"{max_article_bytes:,}-byte limit for one article", data)])
    result = parse_file(inner_name, inner, today=today)
    kept = []
    for article in result.articles:
        size = len(article.raw_text.encode("utf-8"))
        if size > max_article_bytes:
            result.rejects.append((article.line_number, f"article too large: {size:,} bytes is over "
                                   f"the {max_article_bytes:,}-byte limit", article.raw_text.encode("utf-8")))
        else:
            kept.append(article)
    result.articles = kept
    return result


# land() commits what it has read every FLUSH_ROWS articles or FLUSH_BYTES of them, so that neither
# Python nor DuckDB (which holds a transaction's new rows in memory until it commits) holds more
# than a batch, whatever the inbox holds
FLUSH_ROWS = 1_000
FLUSH_BYTES = 16 * 2**20


def land(con: duckdb.DuckDBPyConnection, inbox: Path, run_id: str, *, today: dt.date | None = None,
         settle_seconds: float = 0.0, max_article_bytes: int = 5_000_000,
         skip: Callable[[Path], bool] | None = None) -> LandingResult:
    """Land every file of the inbox, committed in batches; returns counts. Never raises for bad content.
    Runs land into their working copy (``publish``), so a landing stopped between batches is never
    seen, and the next run reads its unfinished files again without landing an article twice.
    Files ``skip`` takes are left to another lander (the reference series' files), and listed in
    the result's ``skipped``."""
    result = LandingResult()
    landed_at = dt.datetime.now(dt.UTC)
    now = time.time()
    # files read by this parser version are not read again; those an older one read are
    read_by = dict(con.execute("select file_hash, coalesce(parser_version, 1) from raw.files").fetchall())
    known = {file_hash for file_hash, version in read_by.items() if version >= PARSER_VERSION}
    older = read_by.keys() - known
    entries = inbox_files(inbox)
    shown = progress.bar(len(entries), "landing", unit="file")

    def read_files():
        """(raw.files row, article rows, reject rows) of each inbox file to be landed, one file at a
        time; a file of more than FLUSH_ROWS articles gives them first in batches (with no row)."""
        for path in entries:
            shown.update()
            if skip is not None and skip(path):
                result.skipped.append(path)
                continue
            result.files_seen += 1
            # a name that is not UTF-8 (its bytes kept by Python as surrogate escapes) is stored escaped
            name = _printable(path.name)
            where = _printable(str(path))
            data, problem, deferred = read_entry(path, settle_seconds, now)
            if deferred:
                result.files_deferred += 1
                result.deferred.append(name)
                log.info("deferred %s: it may still be being written", name)
                continue
            file_hash = entry_hash(data, where, problem)
            if file_hash in known:
                result.files_unchanged += 1
                continue
            known.add(file_hash)
            if file_hash in older:
                result.files_reread += 1
            if data is not None:
                try:
                    parsed = parse_entry(name, data, max_article_bytes, today)
                except Exception as exc:  # one file's surprise must not stop the others
                    log.exception("could not parse %s", name)
                    parsed = ParseResult(rejects=[(None, f"unreadable: {type(exc).__name__}: {exc}"[:500], data)])
            else:
                parsed = ParseResult(rejects=[(None, problem, b"")])
            file_row = {"file_hash": file_hash, "source_file": name, "source_path": where,
                        "byte_size": len(data or b""), "n_articles": len(parsed.articles),
                        "n_rejects": len(parsed.rejects), "parser_version": PARSER_VERSION}
            article_rows: list[dict] = []
            reject_rows: list[dict] = []
            for article in parsed.articles:
                if len(article_rows) >= FLUSH_ROWS:  # a file of many articles goes in batches too
                    yield None, article_rows, []
                    article_rows = []
                raw_bytes = article.raw_text.encode("utf-8")
                article_rows.append({
                    "article_id": article.content_hash[:16],
                    "content_hash": article.content_hash,
                    "source_file": name,
                    "source_path": where,
                    "line_number": article.line_number,
                    "file_format": "jsonl" if article.line_number is not None else "text",
                    "byte_size": len(raw_bytes) if article.line_number is not None else len(data),
                    "raw_text": article.raw_text,
                    "published_on": article.published_on,
                    "title": article.title,
                    "body": article.body,
                    "byline": article.byline,
                    "outlet": article.outlet,
                    "url": article.url,
                })
            for line_number, reason, original in parsed.rejects:
                log.warning("rejected %s%s: %s", name, f" line {line_number}" if line_number else "", reason)
                kind = reason.split(":")[0]
                result.reject_reasons[kind] = result.reject_reasons.get(kind, 0) + 1
                reject_rows.append(reject_row(name, where, line_number, reason, original))
            yield file_row, article_rows, reject_rows

    articles: list[dict] = []
    rejects: list[dict] = []
    files: list[dict] = []
    parsed_articles = held = 0

    def flush() -> None:
        """Commit the rows held and let them go. A file's row goes in with its last articles: a file
        is marked read only once all it holds is stored (one stopped between batches is read again,
        and what it already landed is not landed twice)."""
        with transaction(con):
            _insert_articles(con, articles, landed_at, run_id)
            _insert_rejects(con, rejects, landed_at, run_id)
            _insert_files(con, files, landed_at, run_id)
        articles.clear()
        rejects.clear()
        files.clear()

    before = scalar(con, "select count(*) from raw.articles")
    for file_row, article_rows, reject_rows in read_files():
        if file_row is not None:
            files.append(file_row)
        articles.extend(article_rows)
        rejects.extend(reject_rows)
        parsed_articles += len(article_rows)
        result.rejects += len(reject_rows)
        held += sum(a["byte_size"] for a in article_rows)
        if len(articles) >= FLUSH_ROWS or held >= FLUSH_BYTES:
            flush()
            held = 0
    flush()
    shown.close()
    result.articles_landed = scalar(con, "select count(*) from raw.articles") - before
    result.articles_duplicate = parsed_articles - result.articles_landed
    log.info("landed %d new articles (%d already landed), %d rejects, %d files unchanged, %d deferred, "
             "from %d files", result.articles_landed, result.articles_duplicate, result.rejects,
             result.files_unchanged, result.files_deferred, result.files_seen)
    return result


def _insert_files(con: duckdb.DuckDBPyConnection, files: list[dict], landed_at, run_id: str) -> None:
    if not files:
        return
    with registered(con, "incoming_files", pd.DataFrame(files)):
        # a file read again by a newer parser keeps its first landing and gains the new counts
        con.execute(
            "insert into raw.files (file_hash, source_file, source_path, byte_size, n_articles, n_rejects, "
            "landed_at, run_id, parser_version) select file_hash, source_file, source_path, byte_size, "
            "n_articles, n_rejects, ?::timestamptz, ?, parser_version from incoming_files "
            "on conflict (file_hash) do update set n_articles = excluded.n_articles, "
            "n_rejects = excluded.n_rejects, parser_version = excluded.parser_version",
            [landed_at, run_id])


def _insert_new(con: duckdb.DuckDBPyConnection, rows: list[dict], insert_sql: str, params: list) -> None:
    """Insert rows (as the view ``incoming``) with a statement that skips what is already stored."""
    if not rows:
        return
    frame = pd.DataFrame(rows)
    frame["line_number"] = frame["line_number"].astype("Int64")
    with registered(con, "incoming", frame):
        con.execute(insert_sql, params)


def _insert_articles(con: duckdb.DuckDBPyConnection, articles: list[dict], landed_at, run_id: str) -> None:
    # Dedupe within the batch and against what is already landed: first file wins.
    _insert_new(con, articles, """
        insert into raw.articles
        select article_id, content_hash, source_file, source_path, line_number::integer,
               file_format, byte_size, raw_text, published_on::date, title, body,
               byline, outlet, url, ?::timestamptz, ?
        from incoming
        where content_hash not in (select content_hash from raw.articles)
        qualify row_number() over (partition by content_hash order by source_path, line_number) = 1
        """, [landed_at, run_id])


def reject_row(name: str, where: str, line_number: int | None, reason: str, original: bytes) -> dict:
    """A row of raw.rejects: keyed by the original's hash, name, line and reason; the original's
    whole size and SHA-256, and its first MAX_REJECT_KEPT_BYTES."""
    digest = sha256(original)
    return {
        "reject_id": sha256(f"{digest}|{name}|{line_number}|{reason}".encode())[:16],
        "source_file": name,
        "source_path": where,
        "line_number": line_number,
        "reason": reason,
        "byte_size": len(original),
        "content_hash": digest,
        "original": original[:MAX_REJECT_KEPT_BYTES],
    }


def _insert_rejects(con: duckdb.DuckDBPyConnection, rejects: list[dict], landed_at, run_id: str) -> None:
    # The same rejected bytes under another name, on another line or in a later run keep no second
    # copy: ``original`` is null where a row with the same content_hash already holds it.
    _insert_new(con, rejects, """
        insert into raw.rejects
        with new as (
            select * from incoming
            where reject_id not in (select reject_id from raw.rejects)
            qualify row_number() over (partition by reject_id order by source_path) = 1
        )
        select reject_id, source_file, source_path, line_number::integer, reason, byte_size, content_hash,
               case when row_number() over (partition by content_hash order by source_path, reject_id) = 1
                         and content_hash not in (select content_hash from raw.rejects where original is not null)
                    then original end,
               ?::timestamptz, ?
        from new
        """, [landed_at, run_id])
