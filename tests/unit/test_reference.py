"""Landing reference series: every value kept with its file, bad rows and keys reported, idempotent."""

from __future__ import annotations

import json

import duckdb

from newsclaims.reference import is_reference_file, known_keys, land_reference, parse_reference
from newsclaims.warehouse import connect

KEYS = known_keys()


def _parse(rows, name="russia_losses_equipment.json"):
    return parse_reference(name, json.dumps(rows).encode(), KEYS)


def test_values_keep_their_key_day_and_qualifier():
    parsed = _parse([{"date": "2023-02-07", "day": 349, "personnel": 133190, "personnel*": "about", "POW": 0}],
                    "russia_losses_personnel.json")
    assert parsed.kind == "daily" and not parsed.rejects and not parsed.unknown
    assert sorted((v["key"], v["value"], v["qualifier"], v["day"]) for v in parsed.values) == [
        ("POW", 0.0, None, 349), ("personnel", 133190.0, "about", 349)]


def test_bad_rows_are_rejected_with_their_reason_and_the_rest_lands():
    parsed = _parse([
        {"date": "2023-02-07", "tank": 3245},
        {"date": "not a date", "tank": 1},
        ["a list"],
        {"date": "2023-02-07", "tank": 3246},
        {"date": "2023-02-08", "tank": "many", "APC": "6,400", "greatest losses direction": "Bakhmut"},
    ])
    reasons = [reason for _, reason, _ in parsed.rejects]
    assert reasons == ["bad reference row: no valid date ('not a date')", "bad reference row: not an object",
                       "bad reference row: 2023-02-07 appears twice in the file"]
    assert [r[0] for r in parsed.rejects] == [2, 3, 4]
    assert sorted((str(v["date"]), v["key"], v["value"]) for v in parsed.values) == [
        ("2023-02-07", "tank", 3245.0), ("2023-02-08", "APC", 6400.0)]
    assert parsed.bad_values == 1  # "many" tanks is no count; the text key is not a count either, and fine


def test_unknown_keys_and_missing_days_are_counted_not_fatal():
    parsed = _parse([{"date": "2023-02-05", "tank": 1, "laser": 2}, {"date": "2023-02-08", "tank": 3, "laser": 4}])
    assert parsed.unknown == {"laser": 2}
    assert [str(d) for d in parsed.missing] == ["2023-02-06", "2023-02-07"]
    assert len(parsed.values) == 2


def test_a_file_that_is_not_an_array_is_one_reject():
    for data in (b"{\"date\": 1}", b"[{\"date\": ", b"\xff\xfe"):
        parsed = parse_reference("russia_losses_personnel.json", data, KEYS)
        assert not parsed.values and len(parsed.rejects) == 1
        assert parsed.rejects[0][1].startswith("broken reference file") and parsed.rejects[0][2] == data


def test_corrections_are_their_own_kind():
    parsed = _parse([{"date": "2022-10-13", "APC": -25, "field artillery": 32}],
                    "russia_losses_equipment_correction.json")
    assert parsed.kind == "correction" and not parsed.missing
    assert sorted(v["value"] for v in parsed.values) == [-25.0, 32.0]


def test_reference_files_are_known_by_the_dataset_names(tmp_path):
    assert is_reference_file(tmp_path / "russia_losses_personnel.json")
    assert is_reference_file(tmp_path / "russia_losses_equipment_correction.json")
    assert not is_reference_file(tmp_path / "articles.json")


def test_landing_is_idempotent_and_keeps_every_version(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    ref = tmp_path / "russia_losses_personnel.json"
    ref.write_text(json.dumps([{"date": "2023-02-06", "personnel": 132160},
                               {"date": "2023-02-07", "personnel": 133190}, {"date": "x"}]))
    with connect(warehouse) as con:
        first = land_reference(con, [ref], "run-1")
        again = land_reference(con, [ref], "run-2")
    assert (first.reference_values, first.reference_rejects) == (2, 1)
    assert (again.reference_files, again.reference_unchanged, again.reference_values) == (1, 1, 0)
    ref.write_text(json.dumps([{"date": "2023-02-07", "personnel": 133190},
                               {"date": "2023-02-08", "personnel": 134100}]))
    with connect(warehouse) as con:
        newer = land_reference(con, [ref], "run-3")
    assert newer.reference_values == 2
    with duckdb.connect(str(warehouse), read_only=True) as con:
        files = con.execute("select n_values, n_rejects, missing_days, run_id from raw.reference_files "
                            "order by landed_at").fetchall()
        values = con.execute("select count(*), count(distinct file_hash) from raw.reference_values").fetchall()
        rejects = con.execute("select line_number, reason from raw.rejects").fetchall()
    assert files == [(2, 1, 0, "run-1"), (2, 0, 0, "run-3")]
    assert values == [(4, 2)]  # append-only: the old version's values stay, beside the new one's
    assert rejects == [(3, "bad reference row: no valid date ('x')")]
