"""The learned layer: its linear heads, how it changes rule candidates, and the committed artifact."""

import dataclasses
import datetime as dt
import json

import pytest

from newsclaims.extraction import claims as claims_mod
from newsclaims.extraction.attribution import Source
from newsclaims.extraction.claims import EXTRACTOR_VERSION, ClaimExtractor, apply_model
from newsclaims.extraction.extractor import Extractor
from newsclaims.extraction.features import article_context, features
from newsclaims.extraction.model import MODEL_FILE, Head, Model

DAY = dt.date(2023, 2, 7)
BODY = ("The Ukrainian General Staff said 120 Russian soldiers were killed in the past 24 hours.\n"
        "The regional governor said on Monday that four civilians were wounded in the shelling of Kharkiv.")


def rule_claims(body=BODY, title="Shelling continues", outlet="BBC News"):
    return Extractor(wide=True).extract(title, body, DAY, outlet)


def model(claim_weights=None, field_heads=None, source=None, threshold=0.5, margins=None) -> Model:
    heads = {"claim": Head(("False", "True"), (0.0,), claim_weights or {})}
    neutral = {"metric": ("civilians_injured", "troops_killed"), "scope": ("event", "period"),
               "subject": ("russia", "ukraine")}
    for name, classes in neutral.items():  # a neutral head (P = 0.5 each) changes nothing by any margin > 0
        heads[name] = (field_heads or {}).get(name) or Head(classes, (0.0,), {})
    heads["source"] = source or Head(("outlet", "previous", "rules"), (0.0, 0.0, 1.0), {})
    return Model(heads, threshold, "test", {}, {"metric": 0.3, "scope": 0.3, "subject": 0.3, **(margins or {})})


def test_head_probabilities_sum_to_one_and_respect_the_allowed_classes():
    binary = Head(("False", "True"), (0.0,), {"x": (2.0,)})
    assert binary.proba(["x"])["True"] == pytest.approx(1 / (1 + 2.718281828 ** -2), rel=1e-6)
    assert binary.proba([])["True"] == pytest.approx(0.5)
    multi = Head(("a", "b", "c"), (0.0, 0.0, 0.0), {"x": (3.0, 1.0, 0.0)})
    probs = multi.proba(["x", "unseen cue"])
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.get) == "a"
    only = multi.proba(["x"], {"b", "c"})
    assert set(only) == {"b", "c"} and sum(only.values()) == pytest.approx(1.0) and only["b"] > only["c"]


def test_candidates_under_the_threshold_are_dropped_and_the_rest_carry_their_confidence():
    candidates = rule_claims()
    assert {c.value for c in candidates} >= {120, 4}
    context = article_context("Shelling continues", BODY, "BBC News")
    # a cue only the 120's sentence has ("hours") makes it a claim; everything else stays at 0.5 - 2
    accept = model({"w=hours": (6.0,), "bias": (-2.0,)})
    kept = apply_model(accept, candidates, context)
    assert [c.value for c in kept] == [120]
    assert kept[0].confidence == pytest.approx(1 / (1 + 2.718281828 ** -4), abs=1e-3)
    assert any(e.startswith("model: claim 0.98") for e in kept[0].evidence)


def test_a_field_head_changes_the_rules_value_only_by_its_margin():
    candidates = [c for c in rule_claims() if c.value == 4]
    context = article_context("Shelling continues", BODY, "BBC News")
    assert candidates[0].metric == "civilians_injured"
    metric = Head(("civilians_injured", "people_injured"), (0.0,), {"w=shelling": (0.5,)})  # P = 0.62
    keep = model({"bias": (5.0,)}, {"metric": metric}, margins={"metric": 0.3})
    assert apply_model(keep, candidates, context)[0].metric == "civilians_injured"
    change = model({"bias": (5.0,)}, {"metric": metric}, margins={"metric": 0.2})
    [changed] = apply_model(change, candidates, context)
    assert changed.metric == "people_injured"
    assert "model: metric civilians_injured -> people_injured (0.62)" in changed.evidence


def test_a_stated_window_is_kept_whatever_the_scope_head_says():
    [soldiers] = [c for c in rule_claims() if c.value == 120]
    assert (soldiers.scope, soldiers.period_days) == ("period", 1)
    scope = Head(("cumulative", "event", "period", "unspecified"), (9.0, 0.0, 0.0, 0.0), {})
    [kept] = apply_model(model({"bias": (5.0,)}, {"scope": scope}), [soldiers],
                         article_context("T", BODY, "BBC News"))
    assert (kept.scope, kept.period_days) == ("period", 1)


def test_the_source_head_can_give_a_number_to_the_outlet_voice():
    [civilians] = [c for c in rule_claims() if c.value == 4]
    assert civilians.claimant_party == "ukraine"
    assert civilians.alternatives["outlet"].claimant == "BBC News"
    to_outlet = Head(("outlet", "previous", "rules"), (5.0, 0.0, 0.0), {})
    [told] = apply_model(model({"bias": (5.0,)}, source=to_outlet), [civilians],
                         article_context("T", BODY, "BBC News"))
    assert (told.claimant, told.claimant_party, told.relayed_by) == ("BBC News", "media", None)


def test_near_misses_are_proposed_only_in_wide_mode_and_are_typed_by_the_model():
    body = "Officials said 6,956 foreign fighters arrived to join the war."
    assert [c.metric for c in Extractor().extract("T", body, DAY, "RT")] == []
    [near] = Extractor(wide=True).extract("T", body, DAY, "RT")
    assert near.metric == "unknown" and any(e.startswith("near miss") for e in near.evidence)
    metric = Head(("troops_deployed", "refugees"), (1.0,), {})
    [typed] = apply_model(model({"bias": (5.0,)}, {"metric": metric}, margins={"metric": 1.0}), [near],
                          article_context("T", body, "RT"))
    assert typed.metric == "refugees"  # a near miss takes the head's metric whatever the margin
    assert "near_reason=no outcome" in features(near, article_context("T", body, "RT"))


def test_the_committed_artifact_is_small_versioned_and_keeps_the_seed_style_claims():
    assert MODEL_FILE.stat().st_size <= 20_000_000
    data = json.loads(MODEL_FILE.read_text())
    assert set(data["heads"]) == {"article", "claim", "metric", "scope", "subject", "source"}
    assert EXTRACTOR_VERSION.endswith(f"+model-{claims_mod.MODEL.digest}")
    body = ("The military in Ukraine has claimed that over 1,030 Russian soldiers have died in the last two days.\n"
            "The statement also said that Ukrainian troops successfully destroyed 25 Russian tanks, "
            "within the past two days.")
    got = [(c.value, c.metric, c.subject, c.scope, c.period_days, c.claimant_party)
           for c in ClaimExtractor().extract("Title", body, DAY, "BBC News")]
    assert got == [(1030, "troops_killed", "russia", "period", 2, "ukraine"),
                   (25, "tanks_destroyed", "russia", "period", 2, "ukraine")]
    assert all(0.5 <= c.confidence <= 1 for c in ClaimExtractor().extract("Title", body, DAY, "BBC News"))


def test_without_a_model_the_extractor_is_the_rules():
    plain = ClaimExtractor(model=None)
    got = plain.extract("Title", BODY, DAY, "BBC News")
    assert [dataclasses.replace(c, alternatives={}) for c in got] == \
        [dataclasses.replace(c, alternatives={}) for c in Extractor().extract("Title", BODY, DAY, "BBC News")]
    assert all(c.confidence is None for c in got)


def test_source_alternatives_are_not_stored_in_the_row():
    row = rule_claims()[0].as_row()
    assert "alternatives" not in row and "confidence" in row
    assert isinstance(Source("x", None, "media", "cue"), Source)


def test_the_article_heads_relevance_is_a_cue_of_every_candidate():
    [candidate] = [c for c in rule_claims() if c.value == 120]
    war = Head(("False", "True"), (0.0,), {"a=soldiers": (3.0,)})
    m = dataclasses.replace(model(), heads={**model().heads, "article": war})
    context = claims_mod.context_for(m, "Shelling continues", BODY, "BBC News")
    assert context.relevance == pytest.approx(1 / (1 + 2.718281828 ** -3), rel=1e-6)
    assert "relevance=4" in features(candidate, context)
    other = claims_mod.context_for(m, "A school shooting", "Police said 17 people were killed.", "BBC News")
    assert other.relevance == pytest.approx(0.5) and "a=police" in claims_mod.article_cues(other)
