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


def test_the_checks_load_a_column_whole_only_when_more_than_its_presence_is_asked():
    from newsclaims.quality import TABLES, select_list

    suite = json.loads((SUITES_DIR / "raw_articles.json").read_text())
    columns = ["article_id", "content_hash", "source_file", "published_on", "title", "body", "raw_text"]
    # the body and title are only asked to be there: their first character says as much as the whole
    assert select_list(suite, TABLES["raw_articles"][1], columns) == (
        '"article_id", "content_hash", "source_file", "published_on", left("title", 1) as "title", '
        'left("body", 1) as "body"')
    longer = {"expectations": [
        {"type": "expect_column_value_lengths_to_be_between", "kwargs": {"column": "body", "min_value": 50}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "title", "row_condition": 'outlet=="x"'}},
    ]}
    assert select_list(longer, [], columns + ["outlet"]) == '"title", "body", "outlet"'
