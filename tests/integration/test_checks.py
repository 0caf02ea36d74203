"""The Great Expectations suites, run for real on a warehouse written for this test: what they load
(the first character of a text only its presence is asked of) still fails where it must."""

import datetime as dt

import duckdb
import pytest

from newsclaims.quality import run_checks

pytestmark = pytest.mark.integration


def _warehouse(path):
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create table raw.articles (article_id varchar, content_hash varchar, source_file varchar, "
                "published_on date, title varchar, body varchar, raw_text varchar)")
    con.execute("""insert into raw.articles values
        ('a1', 'h1', 'good.txt', '2023-03-01', 'Title', 'A long body of text, whole.', 'raw'),
        ('a2', 'h2', 'empty_body.txt', '2023-03-01', 'Title', '', 'raw'),
        ('a3', 'h3', 'no_title.txt', '2023-03-01', null, 'Body', 'raw')""")
    con.execute("create table main.claims (claim_id varchar, article_id varchar, source_file varchar, "
                "published_on date, claimant varchar, value double, value_max double, as_of date, "
                "metric varchar, qualifier varchar, subject varchar, scope varchar, claimant_party varchar, "
                "stance varchar, period_days double)")
    con.execute("""insert into main.claims values
        ('c1', 'a1', 'good.txt', '2023-03-01', 'Ukrainian General Staff', 10, null, '2023-03-01',
         'tanks_destroyed', 'exact', 'russia', 'cumulative', 'ukraine', 'assert', null),
        ('c2', 'a1', 'good.txt', '2023-03-01', '', 12, null, '2023-03-01',
         'tanks_destroyed', 'exact', 'russia', 'cumulative', 'ukraine', 'assert', null)""")
    con.execute("create table main.claim_series (claim_id varchar, source_file varchar, claimant varchar, "
                "metric varchar, subject varchar, place varchar, as_of date, value double, previous_claim_id "
                "varchar, previous_source_file varchar, previous_as_of date, previous_value double, "
                "decrease_kind varchar, decrease_note varchar, change double, is_checked boolean)")
    con.execute("create table main.reference_reconciliation (claim_id varchar, source_file varchar, "
                "claimant varchar, metric varchar, as_of date, value double, qualifier varchar, "
                "reference_value double, reference_value_day_before double, difference double, "
                "status varchar, is_official boolean)")
    con.execute("create table main.reference_series (metric varchar, date date, value double, "
                "previous_date date, previous_value double, correction varchar, change double, "
                "is_explained boolean)")
    con.close()


def test_an_empty_body_a_missing_title_and_an_empty_claimant_fail_their_expectations(tmp_path):
    path = tmp_path / "w.duckdb"
    _warehouse(path)
    results = run_checks(path, tmp_path / "docs", today=dt.date(2023, 3, 2))
    failing = {(r.suite, r.expectation, r.column): sorted(row.get("claim_id") or row.get("article_id")
                                                          for row in r.unexpected)
               for r in results if not r.success}
    assert failing == {
        ("raw_articles", "expect_column_value_lengths_to_be_between", "body"): ["a2"],
        ("raw_articles", "expect_column_values_to_not_be_null", "title"): ["a3"],
        ("claims", "expect_column_value_lengths_to_be_between", "claimant"): ["c2"],
        # nothing was checked in the empty series and reconciliation tables: their suites pass
    }
