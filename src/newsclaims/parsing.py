"""Turn the bytes of an inbox file into articles, or into reasons it cannot be read.

Two formats arrive in inboxes:

* article text files: a first line ``date YYYY-MM-DD`` with an optional byline,
  optional ``source:`` and ``url:`` header lines, then the title, then the body;
* JSON-lines files: one object a line with ``url``, ``date``, ``outlet``,
  ``title`` and ``text``.

Nothing here cleans text: what is returned is what arrived, split into its
parts. Cleaning happens later (``newsclaims.cleaning``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field

# The version of what parsing makes of a file's bytes. Bump it with any change that makes a file
# yield other articles or rejects: landing reads again every file an older version read (what
# landed right is not stored twice; what was rejected or lost may now land).
PARSER_VERSION = 2

DATE_LINE = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$", re.IGNORECASE)
HEADER_LINE = re.compile(r"^(source|url|outlet|author)\s*:\s*(.*)$", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
# Earliest date an article can plausibly carry; anything after tomorrow is a future date.
EARLIEST_DATE = dt.date(1990, 1, 1)


class RejectError(ValueError):
    """Raised for input that cannot be landed; the message is the reject reason."""


@dataclass(frozen=True)
class Article:
    """One article as it arrived, split into its parts (no cleaning)."""

    published_on: dt.date
    title: str
    body: str
    raw_text: str
    line_number: int | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        return sha256(self.raw_text.encode("utf-8"))


@dataclass
class ParseResult:
    """Articles read from one file, and the parts of it that were rejected."""

    articles: list[Article] = field(default_factory=list)
    # (line number or None for the whole file, reason, original bytes)
    rejects: list[tuple[int | None, str, bytes]] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text, returning (text, encoding); raise RejectError if impossible."""
    if not data.strip():
        raise RejectError("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise RejectError(f"undecodable {encoding}: {exc.reason} at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise RejectError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise RejectError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc


def parse_date(value: str, *, today: dt.date | None = None) -> dt.date:
    """Parse an ISO date, rejecting garbled, implausibly old and future dates."""
    value = (value or "").strip()
    if not ISO_DATE.match(value):
        raise RejectError(f"garbled date {value[:40]!r} (want YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise RejectError(f"impossible date {value!r}: {exc}") from exc
    today = today or dt.date.today()
    if day > today + dt.timedelta(days=1):
        raise RejectError(f"date {value} is in the future")
    if day < EARLIEST_DATE:
        raise RejectError(f"date {value} is implausibly old")
    return day


def looks_like_jsonl(name: str, text: str) -> bool:
    if name.lower().endswith((".jsonl", ".ndjson", ".json")):
        return True
    return text.lstrip().startswith("{")


def parse_text_article(text: str, *, today: dt.date | None = None) -> Article:
    """Parse one article in the text format."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise RejectError("empty file")
    match = DATE_LINE.match(lines[0].lstrip("\ufeff"))
    if not match:
        raise RejectError("no date: the first line must be 'date YYYY-MM-DD'")
    published_on = parse_date(match.group(1), today=today)
    byline = match.group(2).strip() or None
    headers: dict[str, str] = {}
    rest = lines[1:]
    while rest and (header := HEADER_LINE.match(rest[0].strip())):
        headers[header.group(1).lower()] = header.group(2).strip()
        rest.pop(0)
    while rest and not rest[0].strip():
        rest.pop(0)
    if not rest:
        raise RejectError("no title or body after the date line")
    title = rest[0].strip()
    body = "\n".join(rest[1:]).strip("\n")
    if not body.strip():
        raise RejectError("no body after the title")
    return Article(
        published_on=published_on,
        title=title,
        body=body,
        raw_text=text,
        byline=byline or headers.get("author"),
        outlet=headers.get("source") or headers.get("outlet"),
        url=headers.get("url"),
    )


def parse_json_article(line: str, line_number: int, *, today: dt.date | None = None) -> Article:
    """Parse one JSON-lines record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RejectError(f"broken JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise RejectError("broken JSON: nested too deep to read") from exc
    if not isinstance(record, dict):
        raise RejectError("JSON line is not an object")
    missing = [k for k in ("date", "title", "text") if not isinstance(record.get(k), str)]
    if missing:
        raise RejectError(f"JSON record lacks {', '.join(missing)}")
    for key in ("date", "title", "text", "outlet", "url", "author"):
        value = record.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:  # "\ud800": valid JSON, but no text can hold it
                raise RejectError(f"JSON string '{key}' holds a lone surrogate (\\u{ord(value[exc.start]):04x})") from exc
    if not record["text"].strip():
        raise RejectError("JSON record has an empty text")
    return Article(
        published_on=parse_date(record["date"], today=today),
        title=record["title"].strip(),
        body=record["text"],
        raw_text=line,
        line_number=line_number,
        outlet=(record.get("outlet") or None),
        url=(record.get("url") or None),
        byline=(record.get("author") or None),
    )


def parse_file(name: str, data: bytes, *, today: dt.date | None = None) -> ParseResult:
    """Parse a whole inbox file into articles and rejects; never raises for bad content."""
    result = ParseResult()
    try:
        if HTML_START.match(data[:1024].lstrip(codecs.BOM_UTF8)):
            raise RejectError("HTML page, not article text")
        text, _ = decode(data)
    except RejectError as exc:
        result.rejects.append((None, str(exc), data))
        return result
    if looks_like_jsonl(name, text):
        # records end at a newline only: U+2028, U+2029 or U+0085 inside a JSON string are text
        # (str.splitlines would split there and break the record)
        for number, line in enumerate(text.split("\n"), start=1):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            try:
                result.articles.append(parse_json_article(line, number, today=today))
            except RejectError as exc:
                result.rejects.append((number, str(exc), line.encode("utf-8")))
        if not result.articles and not result.rejects:
            result.rejects.append((None, "empty file", data))
        return result
    try:
        result.articles.append(parse_text_article(text, today=today))
    except RejectError as exc:
        result.rejects.append((None, str(exc), data))
    return result
