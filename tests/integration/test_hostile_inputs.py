"""A hostile inbox through the whole flow: every bad file is quarantined with its reason,
the run goes on, and nothing is lost."""

from __future__ import annotations

import codecs
import hashlib
import os
import time
from pathlib import Path

import duckdb
import pytest

from newsclaims.cli import _load_flow
from newsclaims.landing import MAX_REJECT_KEPT_BYTES

pytestmark = pytest.mark.integration

GOOD = "date 2022-03-0{n}\nsource: Test Wire\nTitle {n}\nUkraine's General Staff said {v} Russian soldiers were killed so far.\n"


def build_inbox(inbox: Path) -> None:
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with open(inbox / "huge.txt", "wb") as fh:  # 50 MB
        fh.write(b"date 2022-03-01\nA huge title\n")
        line = b"All work and no play makes a very long article. " * 20 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (inbox / "latin1.txt").write_bytes("date 2022-03-01\nCaf\u00e9\nBody \u00e9t\u00e9.\n".encode("latin-1"))
    (inbox / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.format(n=2, v="2,000").encode("utf-16-le"))
    (inbox / "crlf.txt").write_bytes(GOOD.format(n=3, v="3,000").replace("\n", "\r\n").encode())
    (inbox / "nodate.txt").write_text("Title without a date\nBody.\n")
    (inbox / "impossible_date.txt").write_text("date 2022-02-30\nTitle\nBody.\n")
    (inbox / "garbled_date.txt").write_text("date 24/02/2022\nTitle\nBody.\n")
    (inbox / "future.txt").write_text("date 2999-01-01\nTitle\nBody.\n")
    (inbox / "same_a.txt").write_text(GOOD.format(n=4, v="4,000"))
    (inbox / "same_b.txt").write_text(GOOD.format(n=4, v="4,000"))
    (inbox / "batch.jsonl").write_text(
        '{"url": "u5", "date": "2022-03-05", "outlet": "Test Wire", "title": "T5", '
        '"text": "Ukraine\'s General Staff said 5,000 Russian soldiers were killed so far."}\n'
        '{"url": "u6", "date": "2022-03-06", "title": "T6", "text": "cut off\n'
        '[1, 2, 3]\n'
        '{"url": "u7", "date": "2022-03-07", "outlet": "Test Wire", "title": "T7", '
        '"text": "Ukraine\'s General Staff said 7,000 Russian soldiers were killed so far."}\n')
    # landed, but its count is more than any claim of its metric can hold: rejected as no count
    (inbox / "implausible.txt").write_text(
        "date 2022-03-09\nsource: Test Wire\nTitle 9\nUkraine's General Staff said 900,000 Russian tanks "
        "were destroyed so far.\n")
    (inbox / "page.html").write_text("<!DOCTYPE html><html><body><p>Not an article</p></body></html>")
    os.symlink("/etc/passwd", inbox / "link.txt")
    os.mkfifo(inbox / "pipe.fifo")
    old = time.time() - 3600
    for path in inbox.iterdir():
        if not path.is_symlink():
            os.utime(path, (old, old))
    (inbox / "writing.txt").write_text(GOOD.format(n=8, v="8,000"))  # just written: still in progress


EXPECTED_REJECTS = {
    "empty.txt": "empty file",
    "binary.png": "binary file",
    "huge.txt": "file too large",
    "latin1.txt": "invalid UTF-8",
    "nodate.txt": "no date",
    "impossible_date.txt": "impossible date",
    "garbled_date.txt": "garbled date",
    "future.txt": "date 2999-01-01 is in the future",
    "page.html": "HTML page",
    "link.txt": "symlink",
    "pipe.fifo": "special file",
}


def test_hostile_inbox_is_quarantined_and_nothing_is_lost(prefect_server, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_SETTLE_SECONDS", "30")
    inbox = tmp_path / "inbox"
    build_inbox(inbox)
    pipeline = _load_flow()
    summary = pipeline(inbox=str(inbox), warehouse=str(tmp_path / "w.duckdb"), report_dir=str(tmp_path / "r"))

    assert summary["status"] == "completed"
    assert summary["deferred_files"] == ["writing.txt"]
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rejects = con.execute("select source_file, line_number, reason, byte_size from raw.rejects").fetchall()
        landed = sorted(r[0] for r in con.execute("select source_file from raw.articles").fetchall())
        claims = sorted(r[0] for r in con.execute("select value from claims").fetchall())
        rejected = con.execute("select source_file, value, metric, reason_kind from rejected_claims").fetchall()
        huge = con.execute("select octet_length(original), byte_size, content_hash from raw.rejects "
                           "where source_file = 'huge.txt'").fetchall()[0]
    by_file = {}
    for source_file, line, reason, _ in rejects:
        by_file.setdefault(source_file, []).append((line, reason))
    for name, reason in EXPECTED_REJECTS.items():
        assert len(by_file[name]) == 1 and by_file[name][0][1].startswith(reason), (name, by_file.get(name))
    assert [(line, reason.split(":")[0]) for line, reason in sorted(by_file["batch.jsonl"])] == [
        (2, "broken JSON"), (3, "JSON line is not an object")]
    # the original's first MiB is kept, with its whole size and hash: junk does not grow the warehouse
    huge_bytes = (inbox / "huge.txt").read_bytes()
    assert huge == (MAX_REJECT_KEPT_BYTES, len(huge_bytes), hashlib.sha256(huge_bytes).hexdigest())
    # good articles landed, the duplicate once, whatever its name
    assert landed == ["batch.jsonl", "batch.jsonl", "crlf.txt", "implausible.txt", "same_a.txt", "utf16.txt"]
    assert claims == [2000, 3000, 4000, 5000, 7000]
    # the 900,000 tanks are in no mart but rejected_claims, with the bound they broke
    assert rejected == [("implausible.txt", 900000.0, "tanks_destroyed", "implausible")]
    assert summary["claims_rejected"] == 1
    # the summary and the report say why
    assert summary["reject_reasons"]["file too large"] == 1
    assert sum(summary["reject_reasons"].values()) == len(EXPECTED_REJECTS) + 2
    report = Path(summary["report"]).read_text()
    assert "## Rejected inputs" in report and "writing.txt" in report

    # once the file has settled, the next run lands it; nothing else changes
    old = time.time() - 3600
    os.utime(inbox / "writing.txt", (old, old))
    again = pipeline(inbox=str(inbox), warehouse=str(tmp_path / "w.duckdb"), report_dir=str(tmp_path / "r"))
    assert (again["articles_landed"], again["rejects"], again["files_deferred"]) == (1, 0, 0)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from raw.rejects").fetchall()[0][0] == len(rejects)
        assert sorted(r[0] for r in con.execute("select value from claims").fetchall()) == [
            2000, 3000, 4000, 5000, 7000, 8000]
