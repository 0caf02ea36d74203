"""Rule candidates: who claimed which number, about what, when, as the grammar reads it.

``Extractor.extract(title, body, published_on, outlet)`` walks an article's
sentences and proposes one ``Claim`` per number mention the guidelines
(../shared/eval/GUIDELINES.md) count as a claim, with every guideline field,
the sentence and its offsets, and the evidence (cue words and rules) that
produced it. With ``wide=True`` it also proposes the numbers it could not type
(metric ``unknown``) in sentences with a war-loss word, for the learned layer
(``claims``) to decide. Each decision has its module: ``candidates`` (what a
number counts), ``attribution`` (who tells it), ``scope`` (scope, window,
date), ``subject`` (whose losses), ``dedupe``; this one sequences them.
Vocabularies are data in ``seeds/`` (see ``vocab``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields

from newsclaims.extraction import vocab as vocab_mod
from newsclaims.extraction.attribution import Attribution, Source, named_party
from newsclaims.extraction.candidates import (
    Candidates,
    counts_something_else,
    implies_people,
    metric_for,
    toll_of,
)
from newsclaims.extraction.dedupe import dedupe
from newsclaims.extraction.lexicon import (
    DIGIT,
    EQUIPMENT_CATEGORIES,
    PARTY_MARKERS,
    PEOPLE_CATEGORIES,
    QUOTE_MARK,
    RUSSIAN_PLACES,
    TOLL_BEFORE,
    TOLL_ROSE,
)
from newsclaims.extraction.numbers import NumberMention, find_numbers, has_number_word
from newsclaims.extraction.prefilter import may_match
from newsclaims.extraction.scope import Scoping
from newsclaims.extraction.sentences import _sentence_at, quote_spans, split_sentences
from newsclaims.extraction.subject import Subjects
from newsclaims.extraction.vocab import Vocab

RULES_VERSION = "rules-1.70.1"


# How many sentences back "he said" and "the statement added" look for the source they continue.
LOOKBACK_SENTENCES = 6


# a sentence about what happened before this war (from 2014 on, the Donbas war counts)
OLD_EVENT = re.compile(r"\b(?:in|during|of)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[89]\d\d|200\d|201[0-3])s?\b",
                       re.IGNORECASE)


# Weapons given or sold are not losses: a sentence about aid counts no destroyed equipment.
AID = re.compile(r"\b(?:package|aid|shipments?|deliver(?:ed|ies|y)|donat\w+|pledged)\b|"
                 r"\b(?:provid(?:e|ed|es|ing)|send(?:s|ing)?|sent)\b[^.;]{0,60}\bto (?:ukraine|kyiv)\b",
                 re.IGNORECASE)


OF_TOTAL_BEFORE = re.compile(r"\d[\d,]*\s+of(?: the)?\s+$|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"\w+teen|\w+ty)\s+of(?: the)?\s+$", re.IGNORECASE)


IN_TOTAL_AFTER = re.compile(r"\s*in total\b", re.IGNORECASE)


PARTITIVE_AFTER = re.compile(r"\s*(?:of|out of)\s+(?:the\s+)?(?:\d|[a-z]+\b)", re.IGNORECASE)


TROOP_CONTEXT = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|personnel|fighters|marines|losses|army|armed forces|"
                           r"military|combat|(?:russian|ukrainian) (?:deaths|dead|casualties)|"
                           r"forces\s+(?:have\s+|has\s+|had\s+)?(?:sustained|suffered|lost))\b",
                           re.IGNORECASE)


CIVILIAN_CONTEXT = re.compile(r"\bcivilians?\b", re.IGNORECASE)


PARTY_PATTERNS = dict(PARTY_MARKERS)


# Besides the vocabulary's outcome and category words, the words a claim can rest on with neither
# (``toll_of``): "The toll has risen to six". The vocabulary holds the rest ("deaths", "killing").
COUNT_WORDS = re.compile(r"\b(?:toll|number of)\b", re.IGNORECASE)


class ExtractionBudgetExceeded(RuntimeError):
    """An article took longer than its extraction budget: it is quarantined, and the run goes on."""


@dataclass
class Claim:
    section: str
    sentence: str
    sentence_start: int
    sentence_end: int
    number_text: str
    number_start: int
    value: float
    value_max: float | None
    qualifier: str
    metric: str
    metric_note: str | None
    subject: str
    scope: str
    period_days: float | None
    as_of: dt.date
    claimant: str
    claimant_org: str | None
    claimant_party: str
    claimant_kind: str
    claimant_mention: str
    relayed_by: str | None
    stance: str
    evidence: list[str] = field(default_factory=list)
    confidence: float | None = None  # set by the learned layer: how likely this is a claim
    # other tellers the text offers for the number: the outlet's own voice and the source named
    # nearest before this sentence; the learned source choice picks among them and the rules' own
    alternatives: Mapping[str, Source] = field(default_factory=dict, repr=False, compare=False)

    def as_row(self) -> dict:
        row = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "alternatives"}
        row["evidence"] = "; ".join(self.evidence)
        return row


PREWAR = re.compile(r"\b(?:before|prior to) (?:the (?:war|invasion|conflict)|russia invaded|the kremlin sent|"
                    r"february 24|24 february)|\bpre-?war\b", re.IGNORECASE)


LOSS_WORDS = re.compile(r"\bcasualties\b", re.IGNORECASE)


DEATH_WORDS = re.compile(r"\b(?:killed|dead|died|dying|dies|deaths?|death toll|perished|fatalities|lives)\b",
                         re.IGNORECASE)


# a bare count that opens its own clause: "13 or more were shot down", "five were destroyed"
BARE_SUBJECT = re.compile(r"\s*(?:or more\s+)?(?:were|was|have been|had been|are)\b", re.IGNORECASE)


# a figure told again: "updated the figure to 15,000", "This estimate is up from 810"
FIGURE_BEFORE = re.compile(r"\b(?:the|this|that|its) (?:figure|estimate|number|toll|tally|count)\b[^.;\d]{0,40}$",
                           re.IGNORECASE)


PREVIOUS_OUTCOMES = {"displaced": ("displaced",), "refugees": ("fled",), "killed": ("killed",),
                     "injured": ("injured",), "wounded": ("injured",), "deployed": ("deployed",)}


class Extractor(Attribution, Candidates, Subjects, Scoping):
    """Extracts claims from one article at a time; keeps the last named claimant."""

    def __init__(self, vocab: Vocab | None = None, wide: bool = False):
        self.vocab = vocab or vocab_mod.load()
        self._text = ""
        self._published_on = dt.date.today()
        self._title_side = "ukraine"
        # with wide=True, extract also proposes the numbers the rules could not type ("near misses",
        # metric 'unknown') in sentences with a war-loss word, for the learned layer to decide
        self.wide = wide
        # False only for a sentence that holds none of the words a claim needs: such a sentence (when
        # the sentence before proposed nothing, so that no noun carries over) proposes nothing
        self._may_count = may_match([self.vocab.outcome_re.pattern, self.vocab.category_re.pattern,
                                     COUNT_WORDS.pattern])

    # ------------------------------------------------------------ driver
    def extract(self, title: str, body: str, published_on: dt.date, outlet: str | None,
                accept: Callable[[Claim], bool] | None = None, deadline: float | None = None) -> list[Claim]:
        """The article's candidate claims. ``accept`` (the learned claim head) can drop a candidate
        before the dear look-ups only the kept ones need: the source named before a typed claim, and
        the teller of a near miss (a near miss is first built with the outlet's voice as its teller,
        and the claim head reads no teller cues of a near miss, so its verdict there is final).
        Past ``deadline`` (a ``time.monotonic()`` value) it raises ExtractionBudgetExceeded."""
        outlet_alias = vocab_mod.canonical_claimant(self.vocab, outlet) if outlet else None
        if outlet_alias is not None:
            default = Source(outlet_alias.claimant, None, outlet_alias.claimant_party, "outlet voice",
                             outlet_alias.kind, outlet)
        elif outlet:
            default = Source(outlet.strip(), None, "media", "outlet voice", "media", outlet)
        else:
            default = Source("unattributed", None, "unattributed", "no source named", "unknown", "")
        claims: list[Claim] = []
        self._text = f"{title}\n{body}"  # where a surname's full name is looked up
        self._published_on = published_on  # which places Russia held then
        sides = [(m.start(), side) for side in ("russia", "ukraine")
                 if (m := PARTY_PATTERNS[side].search(title)) is not None]
        self._title_side = min(sides)[1] if sides else "ukraine"
        in_russia = RUSSIAN_PLACES.search(title) is not None
        sentences = [(section, text, start, end) for section, text in (("title", title), ("body", body))
                     for start, end in split_sentences(text)]
        memo: dict[int, tuple[Source | None, Source | None, str]] = {}

        def source_at(j: int) -> tuple[Source | None, Source | None, str]:
            """The source sentence j names, its pronouns resolved backwards (computed lazily)."""
            if j not in memo:
                memo[j] = (None, None, "assert")  # guards against cycles while computing
                _, text, start, end = sentences[j]
                memo[j] = self.find_source(text[start:end], lambda accept: previous_before(j, accept))
            return memo[j]

        def previous_before(i: int, accept: Callable[[Source], bool]) -> Source | None:
            """The last source ``accept`` takes in the few body sentences before sentence i."""
            for j in range(i - 1, max(-1, i - 1 - LOOKBACK_SENTENCES), -1):
                if sentences[j][0] == "body" and (found := source_at(j)[0]) is not None and accept(found):
                    return found
            return None

        quotes = {"title": quote_spans(title), "body": quote_spans(body)}

        def speaker_of_quote(i: int, depth: int = 0) -> Source | None:
            """Who speaks a quotation that runs across sentence i: the source named in the sentence
            that opens it ('Russell said: "...'), else in the one that closes it ('...," she said.'),
            else, for a quotation that opens its sentence, the speaker of the quotation before it."""
            section, text, start, end = sentences[i]
            for q_open, q_close in quotes[section]:
                if q_open >= end or q_close <= start or (start <= q_open and q_close <= end):
                    continue  # not here, or a quotation inside this one sentence
                j_open = _sentence_at(sentences, section, q_open)
                for j in (j_open, _sentence_at(sentences, section, q_close)):
                    if j is not None and j != i and (found := source_at(j)[0]) is not None:
                        return dataclasses.replace(found, cue=f"quotation of {found.cue}")
                if j_open is not None and q_open <= sentences[j_open][2] + 1 and depth < 2 and j_open > 0 \
                        and sentences[j_open - 1][0] == section and \
                        QUOTE_MARK.search(text, sentences[j_open - 1][2], sentences[j_open - 1][3]):
                    # '"...worst," she said. "This attack ...': the quotations run on from one speaker
                    found = source_at(j_open - 1)[0] or speaker_of_quote(j_open - 1, depth + 1)
                    if found is not None:
                        return dataclasses.replace(found, cue=f"quotation of {found.cue}")
            return None

        # "Here are highlights of what a senior U.S. defense official told reporters:": what follows is
        # the briefer's, not the outlet's
        briefing: tuple[int, Source] | None = None
        if ("reporters" in body or "journalists" in body) and (intro := BRIEFING_INTRO.search(body)) is not None and \
                (briefer := self._named_source(intro.group("src"), intro.group(0), "'told reporters'")) is not None:
            briefing = (_sentence_at(sentences, "body", intro.start()) or 0, briefer)
        misses: list[tuple[int, NumberMention, str]] = []
        sentence_of: dict[int, int] = {}  # id of a number's alternatives -> its sentence
        worded: dict[int, bool] = {}

        def near_miss(i: int, number: NumberMention, reason: str, has_word: bool = False) -> None:
            """Propose a number the rules could not type, if its sentence holds a war-loss word
            (``has_word``: the rules already found one there, which spares the search)."""
            if self.wide:
                if has_word:
                    worded[i] = True
                elif i not in worded:
                    text_i = sentences[i][1][sentences[i][2]:sentences[i][3]]
                    worded[i] = bool(self.vocab.outcome_re.search(text_i) or self.vocab.category_re.search(text_i))
                if worded[i]:
                    misses.append((i, number, reason))

        previous_kind: tuple[str, str] | None = None  # what the previous sentence's last claim counted
        previous_outcomes: tuple[str, ...] = ()
        for index, (section, text, s_start, s_end) in enumerate(sentences):
            sentence = text[s_start:s_end]
            # a sentence without a digit or a number word holds no claim; the word test is the
            # dearer one, so sentences with digits leave it to find_numbers
            number_words = None if DIGIT.search(sentence) else has_number_word(sentence)
            if number_words is False:
                continue
            if previous_kind is None and not self._may_count(sentence):
                continue  # nothing here for a number to count, and no noun from the sentence before
            if OLD_EVENT.search(sentence):
                continue  # "the famine that rampaged through Ukraine in the early 1930s": not this war
            sentence_claims: list[Claim] = []
            named: tuple[Source | None, Source | None, str] | None = None
            last_category: tuple[str, str] | None = None
            numbers = find_numbers(sentence, number_words=number_words)
            for number in numbers:
                if deadline is not None and time.monotonic() > deadline:
                    raise ExtractionBudgetExceeded(f"extraction took longer than its budget, at {len(numbers)} "
                                                   f"numbers in a sentence of {len(sentence):,} characters")
                if number.value <= 0:
                    continue
                reason = self._is_excluded(sentence, number)
                if reason:
                    continue
                category, noun, noun_pos = self._category_near(sentence, number)
                evidence: list[str] = []
                if noun.lower() == "others" and noun_pos > number.start and last_category is not None \
                        and last_category[0] in PEOPLE_CATEGORIES:
                    # "killing 11 soldiers and wounding 15 others": the others are of the same kind
                    category = last_category[0]
                    evidence.append(f"others are '{last_category[1] or last_category[0]}'")
                counts_other_noun = counts_something_else(sentence, number.end, self.vocab)
                if noun_pos > number.end and counts_other_noun and \
                        not PARTITIVE_AFTER.match(sentence, number.end) and any(
                            number.end <= other.start < noun_pos and not self._is_excluded(sentence, other)
                            for other in numbers):
                    # "one strike killed 14 people": the people are the 14's; the one counts strikes
                    category, noun, noun_pos = None, "", -1
                if noun_pos != -1 and noun_pos < number.start and counts_other_noun:
                    # "in two speedboats", "40 apartment buildings": the number counts its own noun
                    category, noun, noun_pos = None, "", -1
                if category in EQUIPMENT_CATEGORIES | {"missiles"} and noun_pos < number.start and \
                        counts_other_noun is not True and self._outcomes(sentence, number, number.end)[:1] in (
                            ["killed"], ["injured"]):
                    # "Russian missiles kill at least 21": the number counts people
                    category, noun, noun_pos = "people", "", -1
                if category is None and last_category is not None and not counts_other_noun:
                    # "killed 14 people and wounded 34": the noun is shared
                    # number_start is an offset in the section; the gap is measured in the sentence
                    gap = sentence[sentence_claims[-1].number_start - s_start if sentence_claims else 0:number.start]
                    if len(gap) < 60 and not TOLL_BEFORE.search(gap):  # "90,000 people ... losses of 40,000"
                        category, noun = last_category
                        noun_pos = -1
                        evidence.append(f"noun shared with previous number '{noun}'")
                noun_end = noun_pos + len(noun) if noun_pos >= number.end else number.end
                # in "shot down 12 of 14 drones launched", what follows the noun is said of the 14
                partitive = PARTITIVE_AFTER.match(sentence, number.end) is not None
                outcomes = self._outcomes(sentence, number, noun_end, direct=not partitive)
                if OF_TOTAL_BEFORE.search(sentence[max(0, number.start - 12):number.start]) or \
                        IN_TOTAL_AFTER.match(sentence, number.end):
                    outcomes = ["total", *outcomes]  # "two of the four missiles", "drones - 28 in total"
                if category is None and not counts_other_noun and (
                        implies_people(sentence, number, outcomes) or toll_of(sentence, number)):
                    # "150 killed and 800 wounded daily" among talk of troops counts troops
                    category = "troops" if TROOP_CONTEXT.search(sentence) else \
                        "civilians" if CIVILIAN_CONTEXT.search(sentence) else "people"
                    noun, noun_pos = "", -1
                    evidence.append(f"{category} implied by outcome and context")
                    if not outcomes and TOLL_ROSE.search(sentence, 0, number.start):
                        outcomes = ["killed"]  # "the death toll ... has risen to six"
                if category is None and not counts_other_noun and previous_kind is not None and (
                        outcomes and BARE_SUBJECT.match(sentence, number.end) or
                        FIGURE_BEFORE.search(sentence, max(0, number.start - 60), number.start)):
                    # "... waves of 28 drones. Five smashed into the capital while 13 or more were shot
                    # down", "Authorities updated the figure to 15,000": counted as in the sentence before
                    category, noun = previous_kind
                    noun_pos = -1
                    evidence.append(f"noun of the sentence before '{noun or category}'")
                    if not outcomes:
                        outcomes = self._outcomes(sentence, number, number.end) or list(previous_outcomes)
                if category is None:
                    near_miss(index, number, "no noun counted")
                    continue
                if category == "people" and CIVILIAN_CONTEXT.search(sentence) and not TROOP_CONTEXT.search(sentence):
                    # "killed one woman and injured two other civilians": the people are civilians
                    category = "civilians"
                    evidence.append("civilians by context")
                if len(outcomes) > 1 and noun and (status := self.vocab.outcome_re.search(noun)) and \
                        "captured" in vocab_mod.outcomes_of(self.vocab, status.group(0)):
                    # "50 prisoners of war killed": what befell them before what the noun says they are
                    outcomes = [o for o in outcomes if o != "captured"] + ["captured"]
                metric, note = metric_for(category, outcomes)
                if metric is None:
                    near_miss(index, number, f"no outcome for {category}", has_word=noun_pos != -1)
                    continue
                if metric == "troops_deployed" and PREWAR.search(sentence):
                    near_miss(index, number, "pre-war strength", has_word=noun_pos != -1)
                    continue  # "before the invasion, the Russian military had 400,000 contract soldiers"
                if metric == "troops_killed" and LOSS_WORDS.search(sentence) and not DEATH_WORDS.search(sentence):
                    # "military casualties ... the Kremlin is believed to have lost over 5,000 soldiers"
                    metric = "troops_casualties"
                if (category in EQUIPMENT_CATEGORIES or category == "missiles") and AID.search(sentence) and \
                        not metric.endswith("_intercepted"):
                    near_miss(index, number, "aid", has_word=noun_pos != -1)
                    continue
                if named is None:  # attribution is only worked out for sentences that hold a claim
                    named = source_at(index)
                    if named[0] is None and (speaker := speaker_of_quote(index)) is not None:
                        named = (speaker, None, "assert")
                    elif named[0] is None and CONTINUES.match(sentence) and index > 0 and \
                            sentences[index - 1][0] == section and (before := source_at(index - 1)[0]) is not None:
                        # "Another six people were wounded.": the toll the sentence before gave, continued
                        named = (dataclasses.replace(before, cue=f"continues {before.cue}"), None, "assert")
                src, relay, stance = named
                voice = dataclasses.replace(briefing[1], cue=f"briefing, {briefing[1].cue}") \
                    if briefing is not None and index >= briefing[0] else default
                source = src if src is not None and not (
                    src.cue.endswith("+order") and metric != "troops_deployed") and \
                    not INFERENCE.search(sentence, max(0, number.start - 40), number.start) else voice
                last_category = (category, noun)
                scope, period_days, scope_cue = self._scope(sentence, metric, category, number.value, number.start)
                if scope in ("event", "unspecified") and metric not in ("troops_deployed", "other") and \
                        index > 0 and sentences[index - 1][0] == section and \
                        (window := self._window_before(sentence, sentences[index - 1])) is not None:
                    scope, period_days, scope_cue = window
                    if src is None and (before := source_at(index - 1)[0]) is not None and \
                            before.party not in ("media", "unattributed"):
                        # the update that gave the window gives the numbers in it: "The presidential
                        # office said ... in the previous 24 hours. More than a dozen missiles were fired ..."
                        source = dataclasses.replace(before, cue=f"update of {before.cue}")
                as_of, date_cue = self._as_of(sentence, number, published_on)
                subject = self._subject(sentence, number, category, noun, noun_pos, source, metric, in_russia)
                evidence += [f"number '{number.text}'", f"noun '{noun}'" if noun else "no noun",
                             f"outcome {outcomes[:2]}", f"scope '{scope_cue}'", date_cue,
                             f"source {source.cue}"]
                tellers = [(source, stance, relay)]
                if (denied := self._denied_report(sentence, number, src)) is not None:
                    # "Ukraine has denied Russian reports of more than 1,000 marines surrendering": two
                    # claims of one number, Russia's that asserts it and Ukraine's that denies it
                    tellers = [(denied[0], "assert", None), (denied[1], "deny", None)]
                alternatives = {"outlet": voice}  # the source named before is added once the claim is kept
                sentence_of[id(alternatives)] = index
                for teller, teller_stance, teller_relay in tellers:
                    sentence_claims.append(Claim(
                        section=section, sentence=sentence, sentence_start=s_start, sentence_end=s_end,
                        number_text=number.text, number_start=s_start + number.start,
                        value=number.value, value_max=number.value_max, qualifier=number.qualifier,
                        metric=metric, metric_note=note, subject=subject, scope=scope,
                        period_days=period_days, as_of=as_of, claimant=teller.claimant,
                        claimant_org=teller.claimant_org, claimant_party=teller.party,
                        claimant_kind=teller.kind, claimant_mention=teller.mention,
                        relayed_by=teller_relay.claimant if teller_relay else None, stance=teller_stance,
                        evidence=evidence if teller is source else [*evidence[:-1], f"source {teller.cue}"],
                        alternatives=alternatives,
                    ))
            claims.extend(sentence_claims)
            if sentence_claims:
                previous_kind = last_category
                previous_outcomes = PREVIOUS_OUTCOMES.get(sentence_claims[-1].metric.rsplit("_", 1)[-1], ())
            else:
                previous_kind, previous_outcomes = None, ()
        kept, looked = [], set()
        for claim in dedupe(claims):
            if accept is not None and not accept(claim):
                continue
            if id(claim.alternatives) not in looked:
                looked.add(id(claim.alternatives))
                if (earlier := previous_before(sentence_of[id(claim.alternatives)], named_party)) is not None:
                    claim.alternatives["previous"] = earlier
            kept.append(claim)
        claims = kept
        told = {(c.section, c.number_start) for c in claims}
        for i, number, reason in misses:
            section, text, s_start, s_end = sentences[i]
            if (section, s_start + number.start) in told:
                continue
            told.add((section, s_start + number.start))
            sentence = text[s_start:s_end]
            voice = dataclasses.replace(briefing[1], cue=f"briefing, {briefing[1].cue}") \
                if briefing is not None and i >= briefing[0] else default
            scope, period_days, scope_cue = self._scope(sentence, "other", "people", number.value, number.start)
            as_of, date_cue = self._as_of(sentence, number, published_on)
            near = Claim(
                section=section, sentence=sentence, sentence_start=s_start, sentence_end=s_end,
                number_text=number.text, number_start=s_start + number.start, value=number.value,
                value_max=number.value_max, qualifier=number.qualifier, metric="unknown", metric_note=None,
                subject="unspecified", scope=scope, period_days=period_days, as_of=as_of,
                claimant=voice.claimant, claimant_org=voice.claimant_org, claimant_party=voice.party,
                claimant_kind=voice.kind, claimant_mention=voice.mention, relayed_by=None, stance="assert",
                evidence=[f"number '{number.text}'", f"near miss: {reason}", f"scope '{scope_cue}'", date_cue,
                          f"source {voice.cue}"])
            if accept is not None and not accept(near):
                continue
            src, relay, stance = source_at(i)
            if src is None and (speaker := speaker_of_quote(i)) is not None:
                src, relay, stance = speaker, None, "assert"
            alternatives = {"outlet": voice}
            if (earlier := previous_before(i, named_party)) is not None:
                alternatives["previous"] = earlier
            # the accepted candidate itself gains its teller (``accept`` may have kept a verdict on it)
            if src is not None and not src.cue.endswith("+order"):
                near.claimant, near.claimant_org, near.claimant_party = src.claimant, src.claimant_org, src.party
                near.claimant_kind, near.claimant_mention, near.stance = src.kind, src.mention, stance
                near.relayed_by = relay.claimant if relay else None
                near.evidence = [*near.evidence[:-1], f"source {src.cue}"]
            near.alternatives = alternatives
            claims.append(near)
        return claims


# the writer's own reckoning from a source's words: '"50 to 100 troops die each day", meaning perhaps 3,000 a month'
INFERENCE = re.compile(r"[,;–—-]\s*(?:meaning|which means|implying|suggesting)\s+(?:perhaps |roughly |about |some |"
                       r"around |nearly |up to |at least |more than )?$", re.IGNORECASE)


BRIEFING_INTRO = re.compile(r"\b(?:highlights|key points|takeaways) (?:of|from) what (?P<src>[^:]{3,100}?) "
                            r"(?:told|said to|briefed) (?:reporters|journalists)\b[^:]{0,60}:", re.IGNORECASE)


# a sentence that only adds to the one before it ("Another six people were wounded.")
CONTINUES = re.compile(r"^(?:another|a further|further|in addition,?|additionally,?|of (?:them|those)|"
                       r"among (?:them|the dead|the victims|those)|"
                       r"(?:the|their|its) (?:\w+ )?(?:losses|toll|tally|figures?) (?:also )?(?:include|includes|stand))\b",
                       re.IGNORECASE)


_DEFAULT: Extractor | None = None


def extract_claims(title: str, body: str, published_on: dt.date, outlet: str | None = None) -> list[Claim]:
    """Claims of one cleaned article (module-level convenience over ``Extractor``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(title, body, published_on, outlet)
