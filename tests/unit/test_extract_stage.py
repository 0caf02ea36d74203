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
