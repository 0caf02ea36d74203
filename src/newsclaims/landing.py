"""Land inbox files in the raw layer: append-only, idempotent by content hash.

Every file is read as bytes; what parses becomes rows of ``raw.articles`` and
what does not becomes rows of ``raw.rejects`` holding the reason and the
original bytes. The same content landed twice (under any name) is stored once.
"""

from __future__ import annotations

import datetime as dt
import logging
import stat
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from newsclaims.parsing import parse_file, sha256
from newsclaims.warehouse import scalar

log = logging.getLogger(__name__)


@dataclass
class LandingResult:
    files_seen: int = 0
    articles_landed: int = 0
    articles_duplicate: int = 0
    rejects: int = 0
    reject_reasons: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "articles_landed": self.articles_landed,
            "articles_duplicate": self.articles_duplicate,
            "rejects": self.rejects,
            "reject_reasons": dict(self.reject_reasons),
        }


def inbox_files(inbox: Path) -> list[Path]:
    """The files to land: the inbox itself if it is a file, else every entry below it."""
    inbox = Path(inbox)
    if not inbox.exists() and not inbox.is_symlink():
        raise FileNotFoundError(f"inbox {inbox} does not exist")
    if not inbox.is_dir():
        return [inbox]
    return sorted(
        p for p in inbox.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(inbox).parts)
        and (p.is_symlink() or not p.is_dir())
    )


def read_entry(path: Path) -> tuple[bytes | None, str | None]:
    """Read a regular file's bytes, or say why the entry is not one."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return None, f"cannot stat: {exc.strerror}"
    if stat.S_ISLNK(mode):
        return None, "symlink: not followed"
    if not stat.S_ISREG(mode):
        return None, "special file (not a regular file)"
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, f"cannot read: {exc.strerror}"


def land(con: duckdb.DuckDBPyConnection, inbox: Path, run_id: str,
         *, today: dt.date | None = None) -> LandingResult:
    """Land every file of the inbox; returns counts. Never raises for bad content."""
    result = LandingResult()
    landed_at = dt.datetime.now(dt.UTC)
    articles: list[dict] = []
    rejects: list[dict] = []
    for path in inbox_files(inbox):
        result.files_seen += 1
        data, problem = read_entry(path)
        if data is None:
            reasons = [(None, problem, b"")]
            parsed_articles = []
        else:
            parsed = parse_file(path.name, data, today=today)
            reasons = parsed.rejects
            parsed_articles = parsed.articles
        for article in parsed_articles:
            raw_bytes = article.raw_text.encode("utf-8")
            articles.append({
                "article_id": article.content_hash[:16],
                "content_hash": article.content_hash,
                "source_file": path.name,
                "source_path": str(path),
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
        for line_number, reason, original in reasons:
            digest = sha256(original)
            log.warning("rejected %s%s: %s", path.name,
                        f" line {line_number}" if line_number else "", reason)
            kind = reason.split(":")[0]
            result.reject_reasons[kind] = result.reject_reasons.get(kind, 0) + 1
            rejects.append({
                "reject_id": sha256(f"{digest}|{path.name}|{line_number}|{reason}".encode())[:16],
                "source_file": path.name,
                "source_path": str(path),
                "line_number": line_number,
                "reason": reason,
                "byte_size": len(original),
                "content_hash": digest,
                "original": original,
            })
    result.rejects = len(rejects)
    before = scalar(con, "select count(*) from raw.articles")
    if articles:
        frame = pd.DataFrame(articles)
        frame["line_number"] = frame["line_number"].astype("Int64")
        con.register("incoming_articles", frame)
        # Dedupe within the batch and against what is already landed: first file wins.
        con.execute(
            """
            insert into raw.articles
            select article_id, content_hash, source_file, source_path, line_number::integer,
                   file_format, byte_size, raw_text, published_on::date, title, body,
                   byline, outlet, url, ?::timestamptz, ?
            from incoming_articles
            where content_hash not in (select content_hash from raw.articles)
            qualify row_number() over (partition by content_hash order by source_path, line_number) = 1
            """,
            [landed_at, run_id],
        )
        con.unregister("incoming_articles")
    after = scalar(con, "select count(*) from raw.articles")
    result.articles_landed = after - before
    result.articles_duplicate = len(articles) - result.articles_landed
    if rejects:
        frame = pd.DataFrame(rejects)
        frame["line_number"] = frame["line_number"].astype("Int64")
        con.register("incoming_rejects", frame)
        con.execute(
            """
            insert into raw.rejects
            select reject_id, source_file, source_path, line_number::integer, reason, byte_size,
                   content_hash, original, ?::timestamptz, ?
            from incoming_rejects
            where reject_id not in (select reject_id from raw.rejects)
            qualify row_number() over (partition by reject_id order by source_path) = 1
            """,
            [landed_at, run_id],
        )
        con.unregister("incoming_rejects")
    log.info("landed %d new articles (%d already landed), %d rejects from %d files",
             result.articles_landed, result.articles_duplicate, result.rejects, result.files_seen)
    return result
