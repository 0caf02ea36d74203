"""The RE2 prefilter says "cannot match" only where the Python patterns cannot, and the sentence
gate built on it skips only sentences that would propose nothing."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.extraction.claims import ClaimExtractor
from newsclaims.extraction.extractor import COUNT_WORDS, Extractor
from newsclaims.extraction.prefilter import may_match, strip_lookarounds
from newsclaims.extraction.vocab import load

VOCAB = load()
PATTERNS = [VOCAB.outcome_re.pattern, VOCAB.category_re.pattern, COUNT_WORDS.pattern]
EXACT = [re.compile(p, re.IGNORECASE) for p in PATTERNS]
GATE = may_match(PATTERNS)

# vocabulary words, their neighbours in odd scripts and cases, and the characters where the two
# engines' case folding or word boundaries differ
PIECES = st.sampled_from([
    "killed", "Killed", "KILLED", "soldiers", "troops", "fighter", " planes", "tanks", "people", "wounded",
    "death toll", "losses", "refugees", "shot down", "civilians", "Downing", " Street", "fled",
    " ", "  ", ",", ".", "-", "'", "\u2019", "é", "ü", "\u0131", "\u0130", "\u017f", "\u212a", "ß", "ñ",
    "k", "i", "l", "e", "d", "s", "t", "r", "o", "p", "\u200b", "\n", "1", "24", "ukraine", "Україна",
])


def test_lookarounds_are_removed_with_what_they_hold():
    assert strip_lookarounds(r"\b(?=[a-z])(?:fighter(?! (?:planes?|jets?))|troops)\b") == r"\b(?:fighter|troops)\b"
    assert strip_lookarounds(r"(?<![\w-])x(?<!\()y") == "xy"
    assert strip_lookarounds(r"a\(?=b") == r"a\(?=b"  # an escaped parenthesis opens nothing


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(PIECES, max_size=14).map("".join))
def test_the_prefilter_never_says_no_where_the_python_patterns_match(text):
    if any(p.search(text) for p in EXACT):
        assert GATE(text)


def test_the_prefilter_says_no_to_sentences_without_the_words():
    assert not GATE("The meeting lasted 3 hours and ended at 5pm.")
    assert GATE("The meeting ended, and 3 soldiers were killed.")
    assert GATE("Kılled 3")  # a dotless i: Python's case folding matches it, so the gate passes it


def _claims(extractor, texts):
    return [[c.as_row() for c in extractor.extract(title, body, dt.date(2022, 5, 1), "BBC News")]
            for title, body in texts]


TEXTS = [
    ("Shelling continues", "The regional governor said 12 people were killed in Kharkiv. That number was "
     "revised up to 14 in a later update. Talks lasted 3 hours. Two of the four were released."),
    ("Update", "Ukraine said it had destroyed 25 tanks. The figure rose to 30 on Tuesday. It was the 3rd day."),
    ("Toll", "The toll from the strike has risen to six, officials said. 12 of 14 drones were downed."),
    ("Forces", "Russia has massed 25 tanks there. There were 40 battalions near Kharkiv."),
    ("Strike", "Kyiv said 40 were killed and 12 wounded on Monday."),
]


@pytest.mark.parametrize("wide", [False, True])
def test_the_sentence_gate_changes_no_claim(wide):
    gated, open_ = Extractor(wide=wide), Extractor(wide=wide)
    open_._may_count = lambda sentence: True
    assert _claims(gated, TEXTS) == _claims(open_, TEXTS)


@pytest.mark.shared
def test_the_sentence_gate_changes_no_claim_on_the_gold_articles(shared_dir):
    from newsclaims.extraction import goldsets

    texts = [(a.title, a.body) for a in goldsets.load_articles(goldsets.part_files("all"))]
    gated, open_ = ClaimExtractor(), ClaimExtractor()
    open_.rules._may_count = lambda sentence: True
    assert _claims(gated, texts) == _claims(open_, texts)


ARTICLE_PIECES = st.sampled_from([
    "ukraine", "Ukrainian", "syria", "Syrian", "2014", "1999", "2022", "kyiv", "Gaza", "korea", " ", ". ",
    "-", "'", "\u2019", "é", "\u0131", "\u017f", "\u212a", "x", "s", "k", "_", "9",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.lists(ARTICLE_PIECES, max_size=6).map("".join),
       body=st.lists(ARTICLE_PIECES, max_size=40).map("".join))
def test_the_article_counts_and_words_are_those_of_the_plain_patterns(title, body):
    from newsclaims.extraction.features import (
        COUNT_CAP,
        OTHER_CONFLICTS,
        WAR_WORDS,
        WORD,
        YEAR,
        article_context,
    )

    text = f"{title}\n{body}".lower()
    context = article_context(title, body, "BBC News")
    assert context.war_mentions == min(len(WAR_WORDS.findall(text)), COUNT_CAP)
    assert context.other_conflicts == min(len(OTHER_CONFLICTS.findall(text)), COUNT_CAP)
    assert context.old_years == min(len(YEAR.findall(text)), COUNT_CAP)
    assert context.words == frozenset(WORD.findall(text))
