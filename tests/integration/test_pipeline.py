"""The whole flow, for real: Prefect, DuckDB on disk, dbt and Great Expectations."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsclaims.cli import _load_flow

from ..conftest import PROJECT_ROOT, SAMPLE_INBOX

pytestmark = pytest.mark.integration

CLAIM_FIELDS = "source_file, value, qualifier, metric, subject, scope, period_days, as_of::varchar, " \
               "claimant, claimant_party"


@pytest.fixture(scope="module")
def pipeline(prefect_server):
    return _load_flow()


def run(pipeline, tmp: Path, inbox: Path) -> dict:
    return pipeline(inbox=str(inbox), warehouse=str(tmp / "w.duckdb"), report_dir=str(tmp / "report"))


def query(tmp: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_sample_inbox_gives_exact_claims_and_a_report_naming_the_decrease(pipeline, tmp_path):
    summary = run(pipeline, tmp_path, SAMPLE_INBOX)
    assert (summary["articles_landed"], summary["rejects"]) == (8, 1)
    rows = query(tmp_path, f"select {CLAIM_FIELDS} from claims order by source_file, value")
    assert rows == [
        ("001_general_staff_march_1.txt", 3400, "exact", "tanks_destroyed", "russia", "cumulative", None,
         "2023-03-01", "Ukrainian General Staff", "ukraine"),
        ("001_general_staff_march_1.txt", 150000, "exact", "troops_killed", "russia", "cumulative", None,
         "2023-03-01", "Ukrainian General Staff", "ukraine"),
        ("002_general_staff_march_2.txt", 810, "exact", "troops_killed", "russia", "period", 1,
         "2023-03-02", "Ukrainian General Staff", "ukraine"),
        ("002_general_staff_march_2.txt", 150810, "exact", "troops_killed", "russia", "cumulative", None,
         "2023-03-02", "Ukrainian General Staff", "ukraine"),
        ("003_general_staff_march_3.txt", 149900, "exact", "troops_killed", "russia", "cumulative", None,
         "2023-03-03", "Ukrainian General Staff", "ukraine"),
        ("004_dnipro_strike.txt", 45, "at_least", "people_killed", "ukraine", "event", None,
         "2023-01-15", "Valentyn Reznichenko", "ukraine"),
        ("004_dnipro_strike.txt", 79, "exact", "people_injured", "ukraine", "event", None,
         "2023-01-15", "Valentyn Reznichenko", "ukraine"),
        ("005_russian_mod_claim.txt", 200, "at_least", "troops_killed", "ukraine", "period", 1,
         "2022-08-25", "Igor Konashenkov", "russia"),
        # one night's attack is an event, not a window (as the dev set's gold reads "overnight")
        ("006_wire_roundup.jsonl", 12, "exact", "drones_intercepted", "russia", "event", None,
         "2023-02-21", "Ukrainian Air Force", "ukraine"),
        ("006_wire_roundup.jsonl", 14, "exact", "drones_launched", "russia", "event", None,
         "2023-02-21", "Ukrainian Air Force", "ukraine"),
        ("006_wire_roundup.jsonl", 8000000, "at_least", "refugees", "ukraine", "cumulative", None,
         "2023-02-20", "UNHCR", "united_nations"),
        ("007_russian_mod_losses.txt", 6200, "exact", "troops_killed", "russia", "cumulative", None,
         "2023-03-01", "Russian Ministry of Defence", "russia"),
    ]
    # every claim's sentence sits at its offsets in the cleaned body
    offsets = query(tmp_path, """
        select count(*) filter (where substr(a.body, c.sentence_start + 1,
                                             c.sentence_end - c.sentence_start) = c.sentence),
               count(*)
        from claims c join articles a using (article_id) where c.section = 'body'""")
    assert offsets[0][0] == offsets[0][1] > 0
    # the articles mart is a view over the landed and extracted texts: a build does not copy them
    assert query(tmp_path, "select count(*) from duckdb_views() where schema_name = 'main' "
                           "and view_name = 'articles'") == [(1,)]
    # mojibake repaired and boilerplate set apart, raw untouched
    body, boilerplate, raw = query(tmp_path, """
        select a.body, a.boilerplate, r.raw_text from articles a join raw.articles r using (article_id)
        where a.source_file = '005_russian_mod_claim.txt'""")[0]
    assert "Share this story" not in body and "Share this story" in boilerplate
    assert "don\u2019t" in boilerplate and "don\u00e2\u20ac\u2122t" in raw
    # claimants merge aliases
    konashenkov = query(tmp_path, "select claimant_party, kind, n_claims from claimants "
                                  "where claimant = 'Igor Konashenkov'")
    assert konashenkov == [("russia", "person", 1)]
    # the decrease fails the monotonic check, and the report names both claims' files; the same
    # figure differs from the sample reference series, which the reconciliation gate lists
    assert summary["checks_failed"] == 2
    assert summary["failed_checks"] == ["claim_series: expect_column_values_to_be_between on change",
                                        "reference_reconciliation: expect_column_values_to_be_in_set on status"]
    report = Path(summary["report"]).read_text()
    assert "002_general_staff_march_2.txt" in report and "003_general_staff_march_3.txt" in report
    assert "150810.0 on 2023-03-02" in report and "149900.0 on 2023-03-03" in report
    assert (tmp_path / "report" / "data_docs" / "index.html").exists()
    results = json.loads((tmp_path / "report" / "results.json").read_text())
    failed = [c for c in results["checks"] if not c["success"]]
    assert failed[0]["unexpected"][0]["previous_source_file"] == "002_general_staff_march_2.txt"
    # the rejected line is quarantined with its reason and bytes
    rejects = query(tmp_path, "select source_file, line_number, reason, original from raw.rejects")
    assert len(rejects) == 1
    assert rejects[0][:2] == ("006_wire_roundup.jsonl", 3)
    assert rejects[0][2].startswith("broken JSON")
    assert rejects[0][3].startswith(b'{"url": "https://example.org/sample/broken"')
    # the run is recorded
    runs = query(tmp_path, "select status, articles_landed, claims, checks_failed from ops.runs")
    assert runs == [("completed", 8, 12, 2)]
    # each stage's time, as the run measured it, is on its record
    assert query(tmp_path, "select land_seconds > 0, extract_seconds > 0, build_seconds > 0, check_seconds > 0 "
                           "from ops.runs") == [(True, True, True, True)]
    assert set(summary["seconds"]) == {"land", "extract", "build", "check"}
    # the inbox's reference files are landed as reference, not as articles, and reconciled
    assert (summary["reference_files"], summary["reference_values"], summary["reference_rejects"]) == (3, 78, 0)
    reconciled = query(tmp_path, "select source_file, metric, value, status, difference "
                                 "from reference_reconciliation order by source_file, value")
    assert reconciled == [
        ("001_general_staff_march_1.txt", "tanks_destroyed", 3400, "matches", 0),
        ("001_general_staff_march_1.txt", "troops_killed", 150000, "matches", 0),
        ("002_general_staff_march_2.txt", "troops_killed", 150810, "matches", 0),
        ("003_general_staff_march_3.txt", "troops_killed", 149900, "differs", -910),
        # another side's figure sits beside the official one of its day
        ("007_russian_mod_losses.txt", "troops_killed", 6200, "differs", -143100),
    ]
    assert [c for c in results["checks"] if c["suite"] == "reference_reconciliation"][0]["unexpected"][0][
        "source_file"] == "003_general_staff_march_3.txt"
    period = query(tmp_path, "select value, reference_change, claimant_change, status from period_reconciliation "
                             "where source_file = '002_general_staff_march_2.txt'")
    assert period == [(810, 810, 810, "matches")]
    # the sample reference's own drop (armoured vehicles, 2023-03-03) is explained by its correction
    drops = query(tmp_path, "select metric, date::varchar, change, correction, is_explained "
                            "from reference_series where is_decrease")
    assert drops == [("armored_vehicles_destroyed", "2023-03-03", -12, -15, True)]


def test_second_run_lands_and_extracts_nothing_new(pipeline, tmp_path):
    first = run(pipeline, tmp_path, SAMPLE_INBOX)
    before = query(tmp_path, "select (select count(*) from raw.articles), (select count(*) from "
                             "extract.claim_mentions), (select count(*) from claims)")
    second = run(pipeline, tmp_path, SAMPLE_INBOX)
    after = query(tmp_path, "select (select count(*) from raw.articles), (select count(*) from "
                            "extract.claim_mentions), (select count(*) from claims)")
    assert before == after
    assert (second["articles_landed"], second["files_unchanged"], second["articles_extracted"]) == (0, 7, 0)
    assert (second["reference_unchanged"], second["reference_values"]) == (3, 0)
    assert second["build_skipped"] == "nothing new since the last build"
    assert second["claims"] == first["claims"]
    runs = query(tmp_path, "select status, articles_landed from ops.runs order by started_at")
    assert runs == [("completed", 8), ("completed", 0)]


def test_an_injected_decrease_fails_the_monotonic_expectation(pipeline, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("001_general_staff_march_1.txt", "002_general_staff_march_2.txt"):
        shutil.copy(SAMPLE_INBOX / name, inbox / name)
    rising = run(pipeline, tmp_path, inbox)
    assert rising["checks_failed"] == 0
    (inbox / "late.txt").write_text(
        "date 2023-03-05\nsource: Test Wire\nLosses\n"
        "Ukraine's General Staff said 120,000 Russian soldiers have been killed since the invasion began.\n")
    falling = run(pipeline, tmp_path, inbox)
    assert falling["checks_failed"] == 1
    report = Path(falling["report"]).read_text()
    assert "late.txt" in report and "150810.0 on 2023-03-02" in report and "120000.0 on 2023-03-05" in report


def test_seed_article_scores_full_f1(pipeline, tmp_path, shared_dir):
    run(pipeline, tmp_path, shared_dir / "seeds")
    out = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "eval" / "seed_gold.jsonl"),
         str(tmp_path / "w.duckdb"), "--json"], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["full"] == [1.0, 1.0, 1.0]
    assert all(v == 1.0 for v in report["field_accuracy"].values())


def test_cli_fails_with_one_line_when_the_inbox_is_missing(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "run", "--inbox", str(tmp_path / "nope"),
         "--warehouse", str(tmp_path / "w.duckdb")], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "does not exist" in out.stderr


@pytest.mark.parametrize("verb", ["run", "land", "extract", "build", "check", "report"])
def test_every_verb_has_help(verb):
    out = subprocess.run([sys.executable, "-m", "newsclaims.cli", verb, "--help"],
                         capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert out.returncode == 0 and "--warehouse" in out.stdout


def _built_tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table and view dbt builds, its rows sorted, without the columns that say when, by which
    run or from which folder a row was written."""
    when = {"landed_at", "landed_run_id", "extracted_at", "extracted_run_id", "source_path"}
    out = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for schema, table in con.execute(
                "select table_schema, table_name from information_schema.tables "
                "where table_schema in ('main', 'intermediate', 'vocab') order by all").fetchall():
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "order by ordinal_position", [schema, table]).fetchall() if c not in when]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"select {quoted} from {schema}.{table}").fetchall()
            out[f"{schema}.{table}"] = sorted(rows, key=repr)
    return out


def test_a_build_on_new_articles_adds_them_and_equals_a_build_from_scratch(pipeline, tmp_path, monkeypatch):
    first = ["001_general_staff_march_1.txt", "002_general_staff_march_2.txt", "004_dnipro_strike.txt"]
    later = [p.name for p in SAMPLE_INBOX.iterdir() if p.name not in first]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in first:
        shutil.copy(SAMPLE_INBOX / name, inbox / name)
    stepwise = tmp_path / "stepwise"
    started = run(pipeline, stepwise, inbox)
    assert started["build"] == "full"  # nothing built yet
    for name in later:
        shutil.copytree(SAMPLE_INBOX / name, inbox / name) if (SAMPLE_INBOX / name).is_dir() \
            else shutil.copy(SAMPLE_INBOX / name, inbox / name)
    second = run(pipeline, stepwise, inbox)
    assert second["build"] == "incremental" and second["articles_landed"] == 5
    assert second["claims"] > started["claims"] > 0
    # its checks validate what it added: its articles and their claims; the series whole
    checked = {c["suite"]: (c["scope"], c["rows"])
               for c in json.loads((stepwise / "report" / "results.json").read_text())["checks"]}
    new_claims = query(stepwise, "select count(*) from claims where article_id in (select article_id from "
                                 f"extract.article_texts where run_id = '{second['run_id']}')")[0][0]
    assert checked["raw_articles"] == ("the articles this run landed", 5)
    assert checked["claims"] == ("the claims of the articles this run extracted", new_claims)
    assert 0 < new_claims < second["claims"]
    assert checked["claim_series"][0] == "the whole table"
    at_once = tmp_path / "at_once"
    run(pipeline, at_once, SAMPLE_INBOX)

    built, expected = _built_tables(stepwise / "w.duckdb"), _built_tables(at_once / "w.duckdb")
    assert built.keys() == expected.keys()
    for name in expected:
        assert built[name] == expected[name], name

    # a changed setting changes what the models compute: the next build is whole again
    monkeypatch.setenv("NEWSCLAIMS_SERIES_MIN_CONFIDENCE", "0.5")
    third = run(pipeline, stepwise, inbox)
    assert third["build"] == "full" and third["articles_landed"] == 0
    checked = {c["suite"]: (c["scope"], c["rows"])
               for c in json.loads((stepwise / "report" / "results.json").read_text())["checks"]}
    assert checked["claims"] == ("the whole table", third["claims"])  # a whole build is checked whole
    assert query(stepwise, "select full_refresh from ops.builds order by built_at") == [(True,), (False,), (True,)]
