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
