"""One place where a candidate claim becomes named cues for the learned layer.

A candidate is what the rules propose (a ``Claim``: a number, what it counts,
who tells it, scope and subject). The learned models decide on the weak cues
around it: the words near the number and in its sentence, the article's title
and topic, the outlet, and which rules fired. Every cue is a string; a model
weighs each one it has seen in training and ignores the rest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import islice

from newsclaims.extraction.extractor import Claim
from newsclaims.extraction.prefilter import may_match

WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]", re.IGNORECASE)
# WORD on lower-cased text, where only "ı" and "ſ" still need IGNORECASE (it folds them onto i and s)
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
# matched on lower-cased text (no IGNORECASE: several times faster on whole articles)
WAR_WORDS = re.compile(r"\b(?:ukrain\w*|kyiv|kiev|russia\w*|moscow|kremlin|putin|zelensk\w*|donbas\w*|"
                       r"donetsk|luhansk|mariupol|kharkiv|kherson|crimea\w*)\b")
OTHER_CONFLICTS = re.compile(r"\b(?:korea\w*|syria\w*|iraq\w*|afghan\w*|taliban|yemen\w*|israel\w*|gaza|"
                             r"palestin\w*|iran\w*|armenia\w*|azerbaijan\w*|ethiopia\w*|sudan\w*|libya\w*|"
                             r"africa\w*|chechen\w*|georgia|nagorno|taiwan\w*|china|chinese|peru\w*|"
                             r"capitol|shooting|earthquake|flood\w*|drought|famine|covid|pandemic)\b")
YEAR = re.compile(r"\b(?:19[0-9]\d|200\d|201[0-9]|202[0-1])\b")
WINDOW = 5
COUNT_CAP = 10  # the cues bucket these counts up to "10+": counting stops there
# most articles hold no other conflict and no old year: RE2 says so at a glance
_MAY_HOLD = {pattern: may_match([pattern.pattern]) for pattern in (OTHER_CONFLICTS, YEAR)}


def _count(pattern: re.Pattern, text: str) -> int:
    """How often the pattern occurs in the text, up to COUNT_CAP."""
    if pattern in _MAY_HOLD and not _MAY_HOLD[pattern](text):
        return 0
    return sum(1 for _ in islice(pattern.finditer(text), COUNT_CAP))


@dataclass(frozen=True)
class ArticleContext:
    """What the features read of the whole article, computed once per article."""

    title_words: frozenset[str]
    outlet: str
    war_mentions: int  # these three are counted up to COUNT_CAP
    other_conflicts: int
    old_years: int
    words: frozenset[str] = frozenset()  # every word of title and body, lower-cased
    relevance: float | None = None  # the article head's P(the article holds a claim), once it is known


def article_context(title: str, body: str, outlet: str | None) -> ArticleContext:
    text = f"{title}\n{body}".lower()
    return ArticleContext(
        title_words=frozenset(w.lower() for w in WORD.findall(title)),
        outlet=(outlet or "").strip().lower(),
        war_mentions=_count(WAR_WORDS, text),
        other_conflicts=_count(OTHER_CONFLICTS, text),
        old_years=_count(YEAR, text),
        words=frozenset((WORD if "\u0131" in text or "\u017f" in text else _LOWER_WORD).findall(text)),
    )


def article_cues(context: ArticleContext, known: frozenset[str] | None = None) -> list[str]:
    """The cues of the article head: is this article about the war's losses, forces or displacement
    at all (not another war, a school shooting, a famine)? Its words, title words and topic counts.
    ``known`` (the words a trained head weighs) spares making a cue of every other word."""
    words = context.words if known is None else context.words & known
    return ["bias", f"outlet={context.outlet}", f"war_mentions={_bucket(context.war_mentions)}",
            f"other_conflicts={_bucket(context.other_conflicts)}", f"old_years={_bucket(context.old_years)}",
            *(f"t={w}" for w in sorted(context.title_words)), *(f"a={w}" for w in sorted(words))]


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-9" if n <= 9 else "10+"


def _source_cue(evidence: list[str]) -> str:
    """How the claimant was found: the first words of the rule's 'source ...' evidence."""
    for item in reversed(evidence):
        if item.startswith("source "):
            words = item[len("source "):].replace("'", " ").split()
            return " ".join(words[:2]).lower()
    return "none"


def _scope_cue(evidence: list[str]) -> str:
    for item in evidence:
        if item.startswith("scope '"):
            return item[len("scope '"):-1].lower()[:30]
    return "none"


def features(claim: Claim, context: ArticleContext) -> list[str]:
    """The named cues of one candidate claim."""
    sentence = claim.sentence
    lowered = sentence.lower()
    at = claim.number_start - claim.sentence_start
    before = [w.lower() for w in WORD.findall(sentence[:max(0, at)])]
    after = [w.lower() for w in WORD.findall(sentence[at + len(claim.number_text):])]
    words = set(before) | set(after)
    category, _, outcome = claim.metric.rpartition("_") if "_" in claim.metric else (claim.metric, "", "")
    value = claim.value
    near = claim.metric == "unknown"
    out = [
        "bias",
        f"metric={claim.metric}", f"category={category}", f"outcome={outcome}",
        f"subject={claim.subject}", f"scope={claim.scope}", f"qualifier={claim.qualifier}",
        f"section={claim.section}", f"scope_cue={_scope_cue(claim.evidence)}",
        f"metric+scope={claim.metric}|{claim.scope}",
        f"magnitude={int(math.log10(value)) if value >= 1 else -1}",
        f"range={claim.value_max is not None}",
        f"number_word={not any(ch.isdigit() for ch in claim.number_text)}",
        f"year_like={value == int(value) and 1900 <= value <= 2030}",
        f"outlet={context.outlet}",
        f"war_mentions={_bucket(context.war_mentions)}",
        f"other_conflicts={_bucket(context.other_conflicts)}",
        f"old_years={_bucket(context.old_years)}",
        f"sentence_war={WAR_WORDS.search(lowered) is not None}",
        f"sentence_other={OTHER_CONFLICTS.search(lowered) is not None}",
        f"sentence_year={YEAR.search(sentence) is not None}",
        f"quoted={sentence.count(chr(8220)) + sentence.count(chr(34)) > 0}",
        f"question={sentence.rstrip().endswith('?')}",
    ]
    if context.relevance is not None:
        out.append(f"relevance={int(min(context.relevance, 0.999) * 5)}")
    if near:  # what the rules could not type is decided on its own words
        reason = next((e[len("near miss: "):] for e in claim.evidence if e.startswith("near miss: ")), "")
        out.append(f"near_reason={reason.split(' for ')[0]}")
        out += [f"nl{i}={w}" for i, w in enumerate(reversed(before[-2:]), 1)]
        out += [f"nr{i}={w}" for i, w in enumerate(after[:2], 1)]
        out += [f"nw={w}" for w in sorted(set(before[-WINDOW:]) | set(after[:WINDOW]))]
    else:  # a near miss is judged before its teller is looked for: it has no teller cues
        out += [f"party={claim.claimant_party}", f"kind={claim.claimant_kind}", f"stance={claim.stance}",
                f"relayed={claim.relayed_by is not None}", f"source_cue={_source_cue(claim.evidence)}",
                f"metric+party={claim.metric}|{claim.claimant_party}"]
    out += [f"w={w}" for w in sorted(words)]
    out += [f"t={w}" for w in sorted(context.title_words)]
    out += [f"l{i}={w}" for i, w in enumerate(reversed(before[-3:]), 1)]
    out += [f"r{i}={w}" for i, w in enumerate(after[:3], 1)]
    out += [f"lw={w}" for w in sorted(set(before[-WINDOW:]))]
    out += [f"rw={w}" for w in sorted(set(after[:WINDOW]))]
    return out
