"""The learned layer is rebuilt from the gold by one command, and the split it rests on holds."""

from collections import Counter

import pytest

from newsclaims.extraction import goldsets, training
from newsclaims.extraction.model import MODEL_FILE

pytestmark = [pytest.mark.shared, pytest.mark.integration]


@pytest.fixture(scope="module")
def gold(shared_dir):
    if not goldsets.available():
        pytest.skip("the gold sets are absent")


def test_the_committed_split_is_the_seeded_one_and_keeps_check_apart(gold):
    committed = goldsets.read_split()
    assert committed == goldsets.make_split()
    parts = Counter((r["set"], r["part"]) for r in committed)
    assert parts[("dev", "check")] == 0 and parts[("dev", "develop")] == 101
    assert parts[("train", "check")] + parts[("train", "develop")] == 242
    by_outlet = Counter(r["outlet"] for r in committed if r["set"] == "train")
    check = Counter(r["outlet"] for r in committed if r["part"] == "check")
    for outlet, n in by_outlet.items():  # stratified: about 40% of each outlet's articles
        assert abs(check[outlet] - 0.4 * n) <= 0.5 + 1e-9, outlet


def test_train_rebuilds_the_committed_artifact_byte_for_byte_from_develop_only(gold, tmp_path, monkeypatch):
    seen = []
    real = goldsets.load_articles

    def spy(members):
        seen.extend(members)
        return real(members)

    monkeypatch.setattr(goldsets, "load_articles", spy)
    rebuilt = tmp_path / "claims.json"
    model, develop_report = training.build_model(rebuilt)
    assert rebuilt.read_bytes() == MODEL_FILE.read_bytes(), "models/claims.json is not what `newsclaims train` builds"
    check = {(s, f) for s, f in goldsets.part_files("check")}
    assert seen and not check & set(seen), "training read a check article"
    assert develop_report["articles"] == 250
    assert 0.0 < model.threshold < 1.0
