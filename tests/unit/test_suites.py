import json

from newsclaims.quality import SUITES_DIR, build_suites, metric_names


def test_committed_suites_are_what_the_generator_writes():
    for name, data in build_suites().items():
        committed = json.loads((SUITES_DIR / f"{name}.json").read_text())
        assert committed == json.loads(json.dumps(data)), f"run python expectations/generate_suites.py ({name})"


def test_the_monotonic_expectation_is_in_the_series_suite():
    series = build_suites()["claim_series"]["expectations"]
    assert any(e["type"] == "expect_column_values_to_be_between" and e["kwargs"]["column"] == "change"
               and e["kwargs"]["min_value"] == 0 for e in series)


def test_metric_vocabulary_matches_the_guidelines_list():
    assert len(metric_names()) == 31
    assert {"troops_killed", "tanks_destroyed", "refugees", "displaced", "other"} <= set(metric_names())
