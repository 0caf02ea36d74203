"""Every query of docs/cookbook.md runs against the sample warehouse and gives what it says."""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pytest

from ..conftest import PROJECT_ROOT

pytestmark = pytest.mark.integration

COOKBOOK = PROJECT_ROOT / "docs" / "cookbook.md"
D = dt.date


def recipes() -> dict[int, tuple[str, str]]:
    text = COOKBOOK.read_text(encoding="utf-8")
    found = re.findall(r"^### (\d+)\. (.+?)\n\n```sql\n(.+?)```", text, re.S | re.M)
    return {int(n): (question, sql) for n, question, sql in found}


def test_the_cookbook_answers_eight_or_more_questions_each_with_a_query():
    found = recipes()
    assert len(found) >= 8
    assert sorted(found) == list(range(1, len(found) + 1))
    assert COOKBOOK.read_text().count("```sql") == len(found)  # no query outside a numbered question


def _run(sample_run, number: int) -> list[tuple]:
    tmp, _ = sample_run
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return con.execute(recipes()[number][1]).fetchall()


def test_who_claimed_what_over_time(sample_run):
    rows = _run(sample_run, 1)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (D(2023, 3, 1), "Russian Ministry of Defence", 6200), (D(2023, 3, 1), "Ukrainian General Staff", 150000),
        (D(2023, 3, 2), "Ukrainian General Staff", 150810), (D(2023, 3, 3), "Ukrainian General Staff", 149900)]


def test_how_far_apart_the_two_sides_are(sample_run):
    assert _run(sample_run, 2) == [("troops_killed", "russia", D(2023, 3, 1), 150000, 6200, 24.2)]


def test_who_carried_an_official_figure_first(sample_run):
    rows = _run(sample_run, 3)
    assert [(r[1], r[2], r[5]) for r in rows] == [
        ("tanks_destroyed", 3400, 1), ("troops_killed", 150000, 1), ("troops_killed", 150810, 1),
        ("troops_killed", 149900, 1)]
    assert rows[2][6] == ["Newsclaims Sample Wire"] and all(r[7] for r in rows)


def test_the_spread_of_estimates_for_one_event(sample_run):
    rows = _run(sample_run, 4)
    assert [(r[0], r[2], r[5], r[6]) for r in rows] == [
        ("people_injured", D(2023, 1, 15), 79, 79), ("people_killed", D(2023, 1, 15), 45, 45),
        ("drones_intercepted", D(2023, 2, 21), 12, 12), ("drones_launched", D(2023, 2, 21), 14, 14)]


def test_the_claims_the_reference_contradicts(sample_run):
    rows = _run(sample_run, 5)
    assert [(r[1], r[2], r[4], r[5], r[6], r[7]) for r in rows] == [
        ("Ukrainian General Staff", True, 149900, 151600, 150810, -910),
        ("Russian Ministry of Defence", False, 6200, 150000, 149300, -143100)]
    assert rows[1][8] == pytest.approx(0.0415)


def test_totals_that_went_down_and_why(sample_run):
    rows = _run(sample_run, 6)
    assert [(r[0], r[5], r[7], r[9]) for r in rows] == [("Ukrainian General Staff", 150810, 149900, False)]
    assert rows[0][10].startswith("no correction on record")


def test_daily_figures_against_the_running_total(sample_run):
    rows = _run(sample_run, 7)
    assert [(r[1], r[4], r[5], r[7], r[8]) for r in rows] == [
        ("Igor Konashenkov", 200, None, None, "no_reference"), ("Ukrainian General Staff", 810, 810, 810, "matches")]


def test_reference_drops_explained_by_corrections(sample_run):
    assert _run(sample_run, 8) == [("armored_vehicles_destroyed", D(2023, 3, 3), 6652, 6640, -12, -15, True)]


def test_who_speaks_most(sample_run):
    rows = _run(sample_run, 9)
    assert rows[0][:5] == ("Ukrainian General Staff", "ukraine", "organisation", 5, 3)
    assert len(rows) == 6


def test_claims_per_side_and_month(sample_run):
    rows = _run(sample_run, 10)
    assert rows[0] == ("2022-08", "russia", 1) and rows[-1] == ("2023-03", "ukraine", 5)
    assert sum(r[2] for r in rows) == 12


def test_the_claims_the_model_is_least_sure_of(sample_run):
    rows = _run(sample_run, 11)
    assert rows and all(0.5 <= r[0] < 0.9 for r in rows)


def test_what_could_not_be_landed(sample_run):
    assert [r[:3] for r in _run(sample_run, 12)] == [("006_wire_roundup.jsonl", 3, "broken JSON")]
