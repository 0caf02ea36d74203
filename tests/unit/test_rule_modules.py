"""Each rule module on its own: sentences, scope and time, subject, attribution and dedupe.

The end-to-end rule cases are in test_extractor.py; these call one module's decision directly,
so a failure names the module that broke.
"""

import dataclasses
import datetime as dt

from newsclaims.extraction.attribution import Source, names_a_party
from newsclaims.extraction.candidates import metric_for
from newsclaims.extraction.dedupe import dedupe
from newsclaims.extraction.extractor import Claim, Extractor
from newsclaims.extraction.numbers import find_numbers
from newsclaims.extraction.scope import Scoping
from newsclaims.extraction.sentences import quote_spans, split_sentences
from newsclaims.extraction.subject import Subjects

DAY = dt.date(2023, 2, 7)  # a Tuesday


def test_sentences_keep_abbreviations_and_quotations_are_paired():
    text = "Gen. Smith said 40 were killed. “It was awful,” he said. Another 12 fled."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Gen. Smith said 40 were killed.", "“It was awful,” he said.", "Another 12 fled."]
    [(start, end)] = quote_spans(text)
    assert text[start:end + 1] == "“It was awful,”"


def test_scope_reads_windows_totals_and_events():
    cases = {
        "Officials said 300 soldiers were killed in the past 48 hours.": ("period", 2.0),
        "The army has lost 3,000 soldiers so far.": ("cumulative", None),
        "A missile strike on the station killed 12 people.": ("event", None),
    }
    for sentence, expected in cases.items():
        number = find_numbers(sentence)[0]
        scope, days, _ = Scoping._scope(sentence, "troops_killed", "troops", number.value, number.start)
        assert (scope, days) == expected, sentence


def test_as_of_is_the_day_the_text_names_or_the_article_date():
    sentence = "On Sunday the governor said 5 people were wounded."
    [number] = [n for n in find_numbers(sentence) if n.value == 5]
    assert Scoping._as_of(sentence, number, DAY)[0] == dt.date(2023, 2, 5)
    plain = "The governor said 5 people were wounded."
    assert Scoping._as_of(plain, find_numbers(plain)[0], DAY)[0] == DAY


def test_subject_is_whose_losses_the_number_counts():
    def subject(sentence: str, noun: str) -> str:
        [number] = [n for n in find_numbers(sentence) if n.value > 2]
        return Subjects._subject(sentence, number, "troops", noun, sentence.index(noun), None, "troops_killed")

    assert subject("Kyiv said 400 Russian soldiers were killed.", "soldiers") == "russia"
    assert subject("Moscow said 90 Ukrainian soldiers were killed.", "soldiers") == "ukraine"


def test_metric_comes_from_what_is_counted_and_what_befell_it():
    assert metric_for("troops", ["killed"])[0] == "troops_killed"
    assert metric_for("tanks", ["destroyed"])[0] == "tanks_destroyed"
    assert metric_for("drones", ["intercepted"])[0] == "drones_intercepted"
    assert metric_for("people", ["fled"])[0] == "refugees"


def test_attribution_finds_the_teller_and_its_side():
    rules = Extractor()
    [claim] = rules.extract("T", "According to Ukraine's General Staff, 120 Russian soldiers were killed.",
                            DAY, "BBC News")
    assert (claim.claimant, claim.claimant_party) == ("Ukrainian General Staff", "ukraine")
    assert names_a_party("the Kremlin said") and not names_a_party("the mayor said")


def test_a_speaker_no_alias_names_is_the_claimant_when_the_text_marks_its_side():
    rules = Extractor()

    def teller(sentence: str) -> tuple[str, str, str]:
        [claim] = rules.extract("T", sentence, DAY, "BBC News")
        return claim.claimant, claim.claimant_party, claim.evidence[-1]

    name, party, cue = teller("Russian investigators reported on Saturday that at least three civilians were killed.")
    assert (name, party) == ("Russian investigators", "russia") and cue.endswith("+generic")
    # unnamed media reports are the outlet's voice, whatever side they are on
    assert teller("Russian media reported that 25 civilians were killed.")[:2] == ("BBC News", "media")
    # a side the text does not mark is not guessed: the outlet's voice stands
    assert teller("The presidency said six people were wounded on Friday.")[:2] == ("BBC News", "media")
    # an event is no speaker, and "claimed the lives" reports nothing
    assert teller("The Russian strike killed 14 people.")[:2] == ("BBC News", "media")
    assert teller("Russian forces claimed the lives of 14 people.")[:2] == ("BBC News", "media")


def test_dedupe_keeps_one_claim_per_claimant_metric_and_value():
    [claim] = Extractor().extract("T", "The mayor said 14 people were killed in the strike.", DAY, "BBC News")
    title = dataclasses.replace(claim, section="title")
    other_teller = dataclasses.replace(claim, claimant="UN", claimant_party="united_nations",
                                       sentence="The UN said 14 people were killed.")
    kept = dedupe([title, claim, other_teller])
    assert [(c.section, c.claimant) for c in kept] == [("body", claim.claimant), ("body", "UN")]
    assert isinstance(kept[0], Claim) and isinstance(Source("x", None, "media", "cue"), Source)
