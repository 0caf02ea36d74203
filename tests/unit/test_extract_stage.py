import datetime as dt

from newsclaims.extract_stage import run_extract
from newsclaims.landing import land
from newsclaims.warehouse import connect

ARTICLE = ("date 2023-03-01\nTitle\nUkraine's General Staff said 500 Russian soldiers were killed "
           "in the past 24 hours.\n")


def test_only_articles_new_to_the_extractor_version_are_extracted(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE)
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
        first = run_extract(con, "run-1", version="v1")
        again = run_extract(con, "run-2", version="v1")
        upgraded = run_extract(con, "run-3", version="v2")
        rows = con.execute(
            "select extractor_version, value, metric, claimant from extract.claim_mentions "
            "order by extractor_version").fetchall()
    assert (first["articles_extracted"], first["mentions"]) == (1, 1)
    assert (again["articles_extracted"], again["mentions"]) == (0, 0)
    assert (upgraded["articles_extracted"], upgraded["mentions"]) == (1, 1)
    assert rows == [("v1", 500, "troops_killed", "Ukrainian General Staff"),
                    ("v2", 500, "troops_killed", "Ukrainian General Staff")]


def test_extraction_in_batches_extracts_each_pending_article_once(tmp_path, monkeypatch):
    from newsclaims import extract_stage

    monkeypatch.setattr(extract_stage, "EXTRACT_BATCH", 2)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "batch.jsonl").write_text("".join(
        f'{{"url": "u{i}", "date": "2023-03-01", "title": "T{i}", "outlet": "Test Wire", '
        f'"text": "Ukraine\'s General Staff said {1000 + i} Russian soldiers were killed so far."}}\n'
        for i in range(5)))
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
        done = run_extract(con, "run-1", version="v1")
        values = sorted(r[0] for r in con.execute("select value from extract.claim_mentions").fetchall())
        texts = con.execute("select count(*), count(distinct article_id) from extract.article_texts").fetchall()
    assert (done["articles_extracted"], done["mentions"]) == (5, 5)
    assert values == [1000, 1001, 1002, 1003, 1004] and texts == [(5, 5)]


def _records(n: int) -> list[tuple]:
    day = dt.date(2023, 3, 1)
    return [(f"a{i}", f"Title {i}", f"Ukraine's General Staff said {1000 + i} Russian soldiers were killed "
             f"so far. At least {i + 2} civilians were injured in the shelling of Kharkiv on Monday, "
             f"the governor said.", day, "Test Wire") for i in range(n)]


def test_parallel_extraction_gives_what_one_process_gives(monkeypatch):
    from newsclaims.extraction import batch

    records = _records(30)
    serial = batch.extract_records(records)
    monkeypatch.setattr(batch, "PARALLEL_MIN_ARTICLES", 10)
    parallel = batch.extract_parallel(records, workers=2)
    assert parallel == serial
    assert len(parallel[1]) == 60


def test_extraction_is_the_same_under_any_hash_seed():
    import json
    import subprocess
    import sys

    code = ("import json, datetime as dt; from newsclaims.extraction.batch import extract_records; "
            "from tests.unit.test_extract_stage import _records; "
            "print(json.dumps(extract_records(_records(20))[1], default=str, sort_keys=True))")
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and json.loads(outputs.pop())


def test_a_denied_report_lands_as_two_mentions(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("date 2023-03-01\nTitle\nKyiv has denied Russian reports of more than 600 "
                                 "paratroopers surrendering near the bridge.\n")
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
        run_extract(con, "run-1", version="v1")
        rows = con.execute("select claimant, stance from extract.claim_mentions order by stance").fetchall()
    assert rows == [("Russian government", "assert"), ("Ukrainian government", "deny")]


def test_an_article_over_its_time_budget_is_quarantined_and_the_others_go_on(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE)
    numbers = ", ".join(f"{i} soldiers killed" for i in range(20000))  # one endless "sentence"
    (inbox / "b.txt").write_text(f"date 2023-03-01\nTitle\n{numbers}.\n")
    with connect(tmp_path / "w.duckdb") as con:
        land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
        first = run_extract(con, "run-1", version="v1", budget=1.0)
        again = run_extract(con, "run-2", version="v1", budget=1.0)
        rows = con.execute("select a.source_file, t.extraction_error, count(m.mention_id) from raw.articles a "
                           "join extract.article_texts t using (article_id) left join extract.claim_mentions m "
                           "using (article_id) group by all order by 1").fetchall()
    assert (first["articles_extracted"], first["extraction_failures"]) == (2, 1)
    assert again["articles_extracted"] == 0  # quarantined is done for this version, not retried every run
    assert rows[0] == ("a.txt", None, 1)
    assert rows[1][0] == "b.txt" and rows[1][2] == 0
    assert rows[1][1].startswith("over the 1-second budget: extraction took longer than its budget")


def test_no_sentence_is_longer_than_the_bound_so_the_work_per_number_stays_bounded():
    from newsclaims.extraction.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = ", ".join(f"{i} soldiers killed" for i in range(20000)) + ". Then a short one."
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    assert spans[-1] == (text.index("Then"), len(text))
    # the pieces cover the text in order, cut after a clause's comma
    assert all(text[e - 1] == "," for _, e in spans[:-2]) and spans[0][0] == 0
    assert all(a_end < b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
