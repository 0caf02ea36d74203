import datetime as dt
import os

import duckdb
import pytest

from newsclaims.landing import land
from newsclaims.warehouse import connect

TODAY = dt.date(2024, 1, 1)
ARTICLE = "date 2023-03-01\nA title\nThe General Staff said 500 Russian soldiers were killed so far.\n"


def counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    return (con.execute("select count(*) from raw.articles").fetchall()[0][0],
            con.execute("select count(*) from raw.rejects").fetchall()[0][0])


def test_landing_is_idempotent_by_content_whatever_the_name(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE)
    (inbox / "copy_of_a.txt").write_text(ARTICLE)
    (inbox / "b.txt").write_text(ARTICLE.replace("500", "600"))
    with connect(tmp_path / "w.duckdb") as con:
        first = land(con, inbox, "run-1", today=TODAY)
        assert (first.articles_landed, first.files_unchanged) == (2, 1)  # the copy: same bytes
        second = land(con, inbox, "run-2", today=TODAY)
        assert (second.articles_landed, second.files_unchanged) == (0, 3)
        (inbox / "renamed_a.txt").write_text(ARTICLE)  # bytes already seen: not parsed again
        assert land(con, inbox, "run-3", today=TODAY).files_unchanged == 4
        assert counts(con) == (2, 0)
        rows = con.execute(
            "select source_file, raw_text, byte_size, run_id from raw.articles order by source_file"
        ).fetchall()
    assert [r[0] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0][1] == ARTICLE and rows[0][2] == len(ARTICLE.encode())
    assert {r[3] for r in rows} == {"run-1"}


def test_bad_inputs_are_quarantined_with_reason_and_bytes_and_the_run_goes_on(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(ARTICLE)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.bin").write_bytes(b"\x00\x01\x02garbage")
    (inbox / "latin1.txt").write_bytes("date 2023-03-01\nT\nCaf\u00e9".encode("latin-1"))
    (inbox / "nodate.txt").write_text("A title\nA body\n")
    (inbox / "page.html").write_text("<html><body>not an article</body></html>")
    (inbox / "lines.jsonl").write_text(
        '{"date": "2023-03-02", "title": "J", "text": "Ten civilians were killed."}\n{"date": \n')
    os.symlink(inbox / "good.txt", inbox / "link.txt")
    with connect(tmp_path / "w.duckdb") as con:
        result = land(con, inbox, "run-1", today=TODAY)
        rejects = dict(con.execute(
            "select source_file, reason from raw.rejects").fetchall())
        originals = dict(con.execute("select source_file, original from raw.rejects").fetchall())
        assert counts(con) == (2, 7)
    assert result.articles_landed == 2
    assert result.rejects == 7
    assert rejects["empty.txt"] == "empty file"
    assert rejects["binary.bin"].startswith("binary file")
    assert rejects["latin1.txt"].startswith("invalid UTF-8")
    assert rejects["nodate.txt"].startswith("no date")
    assert rejects["page.html"].startswith("HTML page")
    assert rejects["lines.jsonl"].startswith("broken JSON")
    assert rejects["link.txt"] == "symlink: not followed"
    assert originals["binary.bin"] == b"\x00\x01\x02garbage"


def _line(title: str, text: str, ascii: bool = True) -> str:
    import json
    return json.dumps({"url": f"https://example.org/{title}", "date": "2023-03-01", "outlet": "Wire",
                       "title": title, "text": text}, ensure_ascii=ascii)


def test_no_single_file_or_line_stops_the_landing_of_the_rest(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = _line("good", "Officials said 40 civilians were killed on Tuesday.")
    (inbox / "deep.jsonl").write_text('{"a": ' * 1000 + "1" + "}" * 1000 + "\n" + good + "\n")
    (inbox / "surrogate.jsonl").write_text(_line("lone", "killed").replace('"killed"', '"kill\\ud800ed"') + "\n")
    (inbox / os.fsdecode(b"caf\xe9_not_utf8.txt")).write_text(ARTICLE.replace("500", "700"))
    with connect(tmp_path / "w.duckdb") as con:
        result = land(con, inbox, "run-1", today=TODAY)
        rows = con.execute("select source_file, title from raw.articles order by title").fetchall()
        rejects = dict(con.execute("select source_file, reason from raw.rejects").fetchall())
    assert result.articles_landed == 2
    assert [t for _, t in rows] == ["A title", "good"]
    assert next(f for f, t in rows if t == "A title") == "caf\\xe9_not_utf8.txt"  # stored, its name escaped
    assert "nested too deep" in rejects["deep.jsonl"]
    assert "lone surrogate" in rejects["surrogate.jsonl"]


def test_json_lines_split_on_newlines_only(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = ["First\u2028line 12 killed.", "Second\u2029para 3 wounded.", "Third\u0085next 9 fled."]
    # the separators raw inside the strings, as some feeds write them (valid JSON, one record a line)
    (inbox / "feed.jsonl").write_text("".join(_line(f"t{i}", t, ascii=False) + "\n" for i, t in enumerate(texts)),
                                      encoding="utf-8")
    assert "\u2028" in (inbox / "feed.jsonl").read_text(encoding="utf-8")
    with connect(tmp_path / "w.duckdb") as con:
        result = land(con, inbox, "run-1", today=TODAY)
        bodies = [r[0] for r in con.execute("select body from raw.articles order by title").fetchall()]
    assert (result.articles_landed, result.rejects) == (3, 0)
    assert bodies == texts


def test_gzip_is_read_to_its_true_end(tmp_path):
    import gzip

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    one = gzip.compress((_line("one", "Officials said 12 people were killed.") + "\n").encode())
    two = gzip.compress((_line("two", "Officials said 30 people were wounded.") + "\n").encode())
    (inbox / "both.jsonl.gz").write_bytes(one + two)  # cat one.gz two.gz
    whole = gzip.compress(ARTICLE.replace("500", "900").encode() * 3)
    (inbox / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=TODAY)
        titles = [r[0] for r in con.execute("select title from raw.articles order by title").fetchall()]
        rejects = dict(con.execute("select source_file, reason from raw.rejects").fetchall())
    assert titles == ["one", "two"]
    assert rejects["cut.txt.gz"].startswith("truncated gzip")


def test_a_hard_link_is_refused_and_a_rejected_original_is_kept_capped(tmp_path):
    from newsclaims.landing import MAX_REJECT_KEPT_BYTES

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    outside = tmp_path / "secret.txt"  # a file outside the inbox, reached by a hard link inside it
    outside.write_text("date 2023-03-01\nSecret\nNot for the warehouse.\n")
    os.link(outside, inbox / "linked.txt")
    junk = bytes(range(256)) * (3 * MAX_REJECT_KEPT_BYTES // 256)  # 3 MiB of binary junk
    (inbox / "junk.bin").write_bytes(junk)
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
        rows = {r[0]: r[1:] for r in con.execute(
            "select source_file, reason, byte_size, octet_length(original), content_hash from raw.rejects").fetchall()}
        landed = con.execute("select count(*) from raw.articles").fetchone()[0]
    assert landed == 0
    assert rows["linked.txt"][0].startswith("hard link (2 names for one file)")
    assert rows["linked.txt"][2] == 0  # nothing of the linked file is stored
    reason, size, kept, digest = rows["junk.bin"]
    assert (size, kept) == (len(junk), MAX_REJECT_KEPT_BYTES)
    import hashlib

    assert digest == hashlib.sha256(junk).hexdigest()


def _files_with_one_bad_line(inbox, names, bad: bytes) -> None:
    for n, name in enumerate(names):  # files that differ, each holding the same broken line
        good = (f'{{"url": "u{name}", "date": "2023-03-01", "title": "T{n}", "text": "Body {n}."}}\n').encode()
        (inbox / name).write_bytes(good + bad + b"\n")


def test_the_same_rejected_bytes_are_kept_once_whatever_their_file_or_run(tmp_path):
    """A broken line repeated in several files, and again in a later run, is one kept original:
    every rejection is recorded, only the first row of a content hash holds the bytes. (A whole file
    seen before is not read again at all.)"""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = b'{"url": "broken", "text": "' + b"x" * 5000
    _files_with_one_bad_line(inbox, ["a.jsonl", "b.jsonl", "c.jsonl"], bad)
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=TODAY)
        _files_with_one_bad_line(inbox, ["d.jsonl"], bad)  # a later run
        (inbox / "other.jsonl").write_bytes(b"[1, 2]\n")
        land(con, inbox, "run-2", today=TODAY)
        rows = con.execute("select source_file, byte_size, octet_length(original) from raw.rejects "
                           "order by source_file").fetchall()
        landed = con.execute("select count(*) from raw.articles").fetchone()[0]
    assert landed == 4
    assert [r[0] for r in rows] == ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl", "other.jsonl"]
    kept = {name: n for name, _, n in rows}
    assert kept == {"a.jsonl": len(bad), "b.jsonl": None, "c.jsonl": None, "d.jsonl": None, "other.jsonl": 6}


def test_a_warehouse_of_an_older_version_gets_the_nullable_original(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema raw")
        con.execute("create table raw.rejects (reject_id varchar primary key, source_file varchar not null, "
                    "source_path varchar not null, line_number integer, reason varchar not null, byte_size "
                    "bigint not null, content_hash varchar not null, original blob not null, landed_at "
                    "timestamptz not null, run_id varchar not null)")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _files_with_one_bad_line(inbox, ["a.jsonl", "b.jsonl"], b"{broken")
    with connect(path) as con:
        land(con, inbox, "run-1", today=TODAY)
        assert con.execute("select count(*), count(original) from raw.rejects").fetchall() == [(2, 1)]


def test_files_an_older_parser_read_are_read_again_without_duplicating_what_landed(tmp_path):
    """An older parser lost a line of this file (here: its article deleted, and the file marked as read
    by parser version 1, as warehouses made before the version was recorded are). The current parser
    reads the file again once: the lost article lands, the other is not stored twice."""
    from newsclaims.parsing import PARSER_VERSION

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "batch.jsonl").write_text(
        '{"url": "u1", "date": "2023-03-01", "title": "One", "text": "First."}\n'
        '{"url": "u2", "date": "2023-03-02", "title": "Two", "text": "Second."}\n')
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=TODAY)
        con.execute("delete from raw.articles where title = 'Two'")
        con.execute("update raw.files set parser_version = null")
        again = land(con, inbox, "run-2", today=TODAY)
        titles = sorted(r[0] for r in con.execute("select title from raw.articles").fetchall())
        files = con.execute("select parser_version, n_articles, run_id from raw.files").fetchall()
        third = land(con, inbox, "run-3", today=TODAY)
    assert (again.files_reread, again.articles_landed, again.articles_duplicate) == (1, 1, 1)
    assert titles == ["One", "Two"]
    assert files == [(PARSER_VERSION, 2, "run-1")]  # one row, its first landing kept
    assert (third.files_unchanged, third.files_reread, third.articles_landed) == (1, 0, 0)


def test_landing_in_batches_lands_what_one_batch_would(tmp_path, monkeypatch):
    """Rows go in every FLUSH_ROWS articles (memory holds a batch, not the inbox): duplicates across
    batches are still stored once, the first file's copy wins, and the counts are the inbox's."""
    from newsclaims import landing

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    lines = [f'{{"url": "u{i}", "date": "2023-03-01", "title": "T{i}", "text": "Body {i}."}}\n' for i in range(7)]
    (inbox / "a.jsonl").write_text("".join(lines) + "{broken\n")
    (inbox / "b.jsonl").write_text(lines[1] + lines[6] + '{"url": "new", "date": "2023-03-02", "title": "N", '
                                   '"text": "New."}\n')
    results = {}
    for flush_rows in (2, 10_000):
        monkeypatch.setattr(landing, "FLUSH_ROWS", flush_rows)
        with connect(tmp_path / f"w{flush_rows}.duckdb") as con:
            r = land(con, inbox, "run-1", today=TODAY)
            rows = con.execute("select source_file, line_number, title from raw.articles order by title").fetchall()
            files = con.execute("select source_file, n_articles, n_rejects from raw.files order by 1").fetchall()
        results[flush_rows] = ((r.articles_landed, r.articles_duplicate, r.rejects), rows, files)
    assert results[2] == results[10_000]
    counts, rows, files = results[2]
    assert counts == (8, 2, 1)
    assert [r[0] for r in rows if r[2] in ("T1", "T6")] == ["a.jsonl", "a.jsonl"]
    assert files == [("a.jsonl", 7, 1), ("b.jsonl", 3, 0)]


def test_a_landing_stopped_between_batches_is_finished_by_the_next_without_landing_twice(tmp_path, monkeypatch):
    """Each batch is committed (so that DuckDB does not hold the whole inbox until one commit): a
    landing stopped after some batches leaves whole files marked read, and the files it had not
    finished are read again, their landed articles skipped."""
    from newsclaims import landing

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a", "b", "c"):
        (inbox / f"{name}.jsonl").write_text("".join(
            f'{{"url": "{name}{i}", "date": "2023-03-01", "title": "{name}{i}", "text": "Body {name}{i}."}}\n'
            for i in range(5)))
    monkeypatch.setattr(landing, "FLUSH_ROWS", 3)
    real_parse = landing.parse_entry

    def stopped_at_c(name, *args, **kwargs):
        if name == "c.jsonl":
            raise KeyboardInterrupt  # what a stopped run raises: not one file's problem
        return real_parse(name, *args, **kwargs)

    with connect(tmp_path / "w.duckdb") as con:
        monkeypatch.setattr(landing, "parse_entry", stopped_at_c)
        with pytest.raises(KeyboardInterrupt):
            land(con, inbox, "run-1", today=TODAY)
        partial = con.execute("select count(*) from raw.articles").fetchall()[0][0]
        marked = [r[0] for r in con.execute("select source_file from raw.files order by 1").fetchall()]
        assert 0 < partial < 15 and "c.jsonl" not in marked  # some batches in, c's never read
        monkeypatch.setattr(landing, "parse_entry", real_parse)
        again = land(con, inbox, "run-2", today=TODAY)
        assert con.execute("select count(*), count(distinct content_hash) from raw.articles").fetchall() == [(15, 15)]
        assert [r[0] for r in con.execute("select source_file from raw.files order by 1").fetchall()] == \
            ["a.jsonl", "b.jsonl", "c.jsonl"]
    assert again.articles_landed == 15 - partial


def test_the_pipeline_s_duckdb_connections_carry_the_memory_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_DUCKDB_MEMORY_LIMIT", "300MB")
    with connect(tmp_path / "w.duckdb") as con:
        limit = con.execute("select current_setting('memory_limit')").fetchall()[0][0]
    assert limit == "286.1 MiB"  # DuckDB's spelling of 300 MB
