"""Reference series and reconciliation, for real: landing, dbt models and the GE gate."""

from __future__ import annotations

import json

import duckdb
import pytest

from newsclaims import stages
from newsclaims.config import Settings

pytestmark = pytest.mark.integration

ARTICLE = ("date 2023-02-07\nsource: Test Wire\nRussian losses\n"
           "Ukraine's General Staff said on Tuesday that 133,190 Russian soldiers have been killed "
           "since the invasion began.\n")


def _query(warehouse, sql):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def _run_stages(settings: Settings, run_id: str) -> tuple[dict, list]:
    landed = stages.land_stage(settings, run_id)
    stages.extract_stage(settings, run_id)
    built = stages.build_stage(settings, run_id)
    assert built["dbt_tests_failed"] == []  # the models' data tests
    return landed, stages.check_stage(settings)


def test_the_general_staff_series_reconciles_and_its_corrections_explain_its_drops(tmp_path, shared_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "gs.txt").write_text(ARTICLE)
    settings = Settings.from_env(warehouse=tmp_path / "w.duckdb", inbox=inbox, report_dir=tmp_path / "r",
                                 reference=shared_dir / "reference")
    landed, checks = _run_stages(settings, "run-1")
    assert (landed["reference_files"], landed["reference_rejects"], landed["reference_unknown_keys"]) == (3, 0, {})
    assert landed["articles_landed"] == 1
    w = settings.warehouse
    # the real series: personnel never falls; equipment falls where the General Staff corrected it
    assert _query(w, "select count(*) from reference_series where metric = 'troops_killed' and is_decrease") == [(0,)]
    drops = _query(w, "select metric, date::varchar, is_explained from reference_series where is_decrease "
                      "order by date")
    assert len(drops) >= 10
    assert ("armored_vehicles_destroyed", "2022-10-13", True) in drops
    unexplained = [d for d in drops if not d[2]]
    assert len(unexplained) <= 2
    gate = [c for c in checks if c.suite == "reference_series"]
    assert [c.success for c in gate] == [False]  # the unexplained drops fail, and are listed
    assert sorted(r["date"] for r in gate[0].unexpected) == sorted(d[1] for d in unexplained)
    # the article's figure is the reference's of that day
    assert _query(w, "select value, reference_value, status from reference_reconciliation") == [
        (133190, 133190, "matches")]
    assert [c.success for c in checks if c.suite == "reference_reconciliation"] == [True]

    # a new version of a reference file lands beside the old one; the newest is read
    revised = tmp_path / "revised"
    revised.mkdir()
    (revised / "russia_losses_personnel.json").write_text(json.dumps(
        [{"date": "2023-02-06", "day": 348, "personnel": 132160}, {"date": "2023-02-07", "day": 349,
                                                                    "personnel": 133250}]))
    settings = Settings.from_env(warehouse=tmp_path / "w.duckdb", inbox=inbox, report_dir=tmp_path / "r",
                                 reference=revised)
    landed, checks = _run_stages(settings, "run-2")
    assert landed["reference_values"] == 2 and landed["articles_landed"] == 0
    assert _query(w, "select value, reference_value, reference_value_day_before, status, difference "
                     "from reference_reconciliation") == [(133190, 133250, 132160, "differs", -60)]
    failing = [c for c in checks if c.suite == "reference_reconciliation"][0]
    assert not failing.success and failing.unexpected[0]["source_file"] == "gs.txt"
    assert _query(w, "select count(distinct file_hash) from raw.reference_values") == [(4,)]


def test_the_dbt_unit_tests_of_the_matching_sql_pass(sample_run, tmp_path):
    """The pipeline's builds leave the unit tests out; the suite runs them, on a copy of a built
    warehouse (its tables give the inputs' column types)."""
    import shutil

    from newsclaims import transform

    copy = tmp_path / "w.duckdb"
    shutil.copyfile(sample_run[0] / "w.duckdb", copy)
    results = transform.unit_test(copy, target_dir=tmp_path / "target")
    assert {r.name for r in results} >= {
        "claim_series_orders_by_date_and_flags_a_drop", "claim_events_groups_one_claim_across_outlets",
        "reference_reconciliation_matches_the_day_or_the_day_before",
        "int_claim_mentions_checked_rejects_values_that_cannot_be_counts"}
    assert [(r.name, r.message) for r in results if r.status != "pass"] == []
