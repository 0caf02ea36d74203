"""Numbers and what they count: the noun a number counts, the outcome that befell it, the metric, and
the numbers that are not claims (ages, years, ratios, model names, aid, earlier wars).
"""

from __future__ import annotations

import re

from newsclaims.extraction import vocab as vocab_mod
from newsclaims.extraction.lexicon import (
    EQUIPMENT_CATEGORIES,
    MONTHS,
    PEOPLE_CATEGORIES,
    TOLL_BEFORE,
    TOLL_ROSE,
)
from newsclaims.extraction.numbers import NumberMention
from newsclaims.extraction.vocab import Vocab

NOT_A_CLAIM_AFTER = re.compile(
    r"^\s*(?:%|per\s?cent|percent|pc\b|years?\b|year-old|-year|months?\b|-month|weeks?\b|-week|"
    r"days?\b|-day|hours?\b|-hour|minutes?\b|-minute|seconds?\b|km|kilomet|miles?\b|-mile|metres?\b|"
    r"meters?\b|feet\b|foot\b|mph|kph|a\.m|p\.m|am\b|pm\b|o'clock|dollars|euros|pounds\b|"
    r"rubles|roubles|hryvnias?|yuan|tons?\b|tonnes?\b|barrels|countries|nations|states\b|sanctions|"
    r"times\b|st\b|nd\b|rd\b|th\b|degrees|gw|mw|kg|calibre|mm\b|cm\b|-mm|points?\b|votes?\b|seats?\b|"
    r"acres|square|sq\b|bn\b|billion (?:dollars|euros|pounds)|million (?:dollars|euros|pounds)|"
    r"(?:of|in) (?:the )?(?:" + MONTHS + r")|" + MONTHS + r"\b|:\d|/\d|th\b|percentage)",
    re.IGNORECASE,
)


NOT_A_CLAIM_BEFORE = re.compile(
    r"(?:[$£€¥₴]|\bus\$|\busd|\beur|\brub|\bno\.|\bnumber|\baged?|\bpage|\barticle|\bflight|\bsection|"
    r"\broute|\bresolution|\bbuilding|\bblock|\bhouse|\bapartment|\bcategory|\bgrade|\blevel|\btype|\bmodel|\bsu-|\bmig-|\bs-|\bt-|\bkh-|"
    r"\bmh|\bmk|\bcovid-|\bg|\bpatriot|\bbuk-|\bf-|\bac-|\bchapter|\bphase|\bday|\bweek|"
    + MONTHS + r"|\bsince|\bin|\bof|\bby|\buntil|\bfrom|\bthe\s+(?:year|summer|spring|winter|autumn|fall))\s*-?$",
    re.IGNORECASE,
)


RATIO_AFTER = re.compile(r"\s+in\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
                         re.IGNORECASE)


RATIO_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five)\s+in\s+(?:every\s+)?$", re.IGNORECASE)


NAME_COMMA = re.compile(r"\b[A-Z][a-z]+,\s*$|\b[A-Z][a-z]+\s+\($")


AGE_BEFORE = re.compile(r"\b(?:younger|older) than\s*$|\bunder the age of\s*$|\baged? (?:between\s*)?$|"
                        r"\baged? (?:\w+,? )+(?:and|or) $",  # "aged six and nine"
                        re.IGNORECASE)


MODEL_BEFORE = re.compile(r"[A-Za-z]-\s*$")


ONE_IDIOM = re.compile(r"\s+(?:of|after|another|by one|day|time|thing|side|point|way)\b", re.IGNORECASE)


AGENT_BEFORE = re.compile(r"\b(?:killed|wounded|injured|shot|attacked|murdered|executed)\s+by\s+$", re.IGNORECASE)


NO_BEFORE = re.compile(r"\bno\s*$", re.IGNORECASE)


OF_IN_BY_BEFORE = re.compile(r"\b(?:of|in|by)\s*$", re.IGNORECASE)


MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s*$", re.IGNORECASE)


YEAR = re.compile(r"^(?:19|20)\d\d$")


VAGUE_AFTER = re.compile(r"^\s*(?:of\s+(?:thousands|hundreds|dozens|millions))", re.IGNORECASE)


# What may stand between a number (or its noun) and the outcome said of it.
DIRECT_GAP = re.compile(
    r"\s*(?:(?:others?|more|people|of them|were|was|have|has|had|been|are|being|later|also|reportedly|"
    r"seriously|badly|critically|severely|fatally|lightly|slightly|initially|so far|already)\s+)*",
    re.IGNORECASE,
)


# A noun that is an earlier number's own ("202,000 people", "two children") does not pass to a later
# number that has a toll of its own ("and since then losses of around 100,000") or that is the whole
# the earlier one is part of ("two children among the 25 killed").
NUMBER_BEFORE_NOUN = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|"
                                r"thousand))\s+(?:\w+\s+)?$", re.IGNORECASE)


TOLL_BETWEEN = re.compile(r"\b(?:losses|casualties|deaths|toll)\b", re.IGNORECASE)


AMONG_THE = re.compile(r"\s+(?:were\s+|are\s+)?(?:among|out of)\s+(?:the\s+)?(?:at least\s+|about\s+)?",
                       re.IGNORECASE)


def metric_for(category: str, outcomes: list[str]) -> tuple[str | None, str | None]:
    """Combine what is counted with what happened to it; (metric, note) or (None, None)."""
    first = outcomes[0] if outcomes else None
    if category in PEOPLE_CATEGORIES:
        people_outcomes = [o for o in outcomes if o in ("killed", "injured", "casualties", "captured",
                                                          "missing", "conscripted", "fled", "displaced")
                           or o in ("destroyed", "deployed") and category == "troops"]
        o = people_outcomes[0] if people_outcomes else None
        if o == "destroyed":
            o = "killed"  # "70 fighters have been destroyed", "eliminated" in some reporting
        if o is None:
            return None, None
        if o == "fled":
            # "10,000 more troops have arrived": soldiers who cross or arrive are deployed, not refugees
            return ("troops_deployed", None) if category == "troops" else ("refugees", None)
        if o == "displaced":
            return "displaced", None
        if o == "deployed":
            return ("troops_deployed", None) if category == "troops" else (None, None)
        if o == "conscripted":
            # "the mobilisation of 300,000 civilians": whoever is called up becomes a soldier
            return ("troops_deployed", None) if category in ("troops", "people", "civilians") else (None, None)
        if category == "troops":
            return {"killed": "troops_killed", "injured": "troops_wounded",
                    "casualties": "troops_casualties", "captured": "troops_captured",
                    "missing": "troops_missing"}[o], None
        if o == "missing":
            return "other", f"{category} missing"
        if o == "captured":
            return "other", f"{category} held captive"  # "500 people in Melitopol remain in captivity"
        if category == "civilians":
            return {"killed": "civilians_killed", "injured": "civilians_injured",
                    "casualties": "civilian_casualties"}.get(o), None
        if category == "children":
            return {"killed": "children_killed", "injured": "children_injured"}.get(o), None
        return {"killed": "people_killed", "injured": "people_injured",
                "casualties": "people_casualties"}.get(o), None
    if category in EQUIPMENT_CATEGORIES:
        if category == "drones":
            if "total" in outcomes or "launched" in outcomes and first == "launched":
                return "drones_launched", None
            if "intercepted" in outcomes:
                return ("drones_intercepted", None) if first in ("intercepted", "destroyed") else ("drones_destroyed", None)
            return None, None
        if any(o in ("destroyed", "intercepted", "captured", "killed", "casualties") for o in outcomes):
            return f"{category}_destroyed", None  # "losses of 26 planes" count too
        return None, None
    if category == "missiles":
        if "total" in outcomes:
            return "missiles_launched", None
        if first in ("intercepted", "destroyed"):
            return "missiles_intercepted", None
        if "launched" in outcomes:
            return "missiles_launched", None
        return None, None
    if category == "refugees":
        return "refugees", None
    if category == "displaced":
        return "displaced", None
    if category == "units":
        return ("other", "military units deployed") if outcomes else ("other", "military units")
    if category == "graves":
        return "other", "graves"
    return None, None


# Words that may follow a number that counts a noun named elsewhere ("killed 3 and wounded 13",
# "rose to 35 on Monday", "50 a day"); any other word after the number is what it counts.
FOLLOWERS = frozenset(
    ["were", "was", "have", "has", "had", "are", "is", "be", "been", "being", "and", "or", "to", "in", "on", "at", "a", "an", "per", "each", "every", "this", "last", "since", "so", "as", "according", "by", "from", "with", "while", "but", "after", "before", "during", "the", "of", "them", "more", "others", "people", "who", "which", "that", "than", "over", "up", "down", "dead", "killed", "wounded", "injured", "died", "missing", "including", "among", "altogether", "total", "so", "far", "remain", "remained", "remains",
     "sustained", "suffered", "still"])


SKIPPABLE = frozenset(["other", "more", "additional", "further", "new", "another"])


def counts_something_else(sentence: str, end: int, vocab: Vocab) -> bool | None:
    """Whether the word after a number names a thing that is not in the vocabularies.

    True for "two speedboats", False for "three were killed", None at the end of a clause.
    """
    words = re.findall(r"[A-Za-z][\w'-]*|[^\sA-Za-z]", sentence[end:end + 60])
    for word in words:
        low = word.lower()
        if low in SKIPPABLE:
            continue
        if not word[0].isalpha():
            return None
        return not (low in FOLLOWERS or vocab.outcome_re.fullmatch(low) or vocab.category_re.match(word))
    return None


def implies_people(sentence: str, number: NumberMention, outcomes: list[str]) -> bool:
    """A bare number that counts people: "10 were killed", "50 dead", "killing 23"."""
    if not outcomes:
        return False
    after = sentence[number.end:]
    before = sentence[:number.start]
    return (outcomes[0] in ("killed", "injured", "casualties") and PEOPLE_VERB_AFTER.match(after) is not None) \
        or PEOPLE_VERB_BEFORE.search(before[-40:]) is not None


def toll_of(sentence: str, number: NumberMention) -> bool:
    """A number that is a toll: "Russian deaths at almost 19,000", "more than 20,000 casualties"."""
    before = sentence[max(0, number.start - 70):number.start]
    return TOLL_BEFORE.search(before) is not None or TOLL_AFTER.match(sentence, number.end) is not None \
        or TOLL_ROSE.search(sentence, 0, number.start) is not None


TOLL_AFTER = re.compile(r"\s*(?:casualties|deaths|fatalities)\b", re.IGNORECASE)


PEOPLE_VERB_AFTER = re.compile(r"^\s*(?:of (?:them|those|whom)\s+)?(?:were|have|had|was|are|died|dead|killed|wounded|"
                               r"injured|more|others)\b",
                               re.IGNORECASE)


SENTENCED_BEFORE = re.compile(r"\bsentenced to $", re.IGNORECASE)


LATE_OUTCOME = re.compile(r"[^,;:.\d]{0,140}?\b(?:were|was|have been|has been|had been)\s+(?:\w+ly\s+)?"
                          r"(?P<verb>killed|wounded|injured|hurt|evacuated|captured|detained)\b", re.IGNORECASE)


PEOPLE_VERB_BEFORE = re.compile(r"\b(?:killing|killed|wounding|injuring|kills)\s+(?:\w+\s+)?$", re.IGNORECASE)


WOUNDS_AFTER = re.compile(r"\s+(?:(?:bullet|gunshot|stab|knife|shrapnel)\s+)?(?:injuries|wounds)\b", re.IGNORECASE)


HAS_BEFORE = re.compile(r"\b(?:has|have|had|with|suffered|sustained)\s+$", re.IGNORECASE)


# a force's size at the start, not a loss or a deployment: "Initially, the army amounted to 200,000"
STRENGTH_BEFORE = re.compile(r"\b(?:amounted to|numbered|totall?ed|stood at)\s+(?:about\s+|around\s+|some\s+|"
                             r"between\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)


INITIAL = re.compile(r"\b(?:initially|originally|at the outset|before the (?:war|invasion))\b", re.IGNORECASE)


class Candidates:
    """What a number counts (mixed into ``Extractor``; reads ``self.vocab``)."""

    # ------------------------------------------------------------ metric
    def _category_near(self, sentence: str, number: NumberMention) -> tuple[str | None, str, int]:
        """(category, noun, noun offset in the sentence) of the thing the number counts."""
        after = sentence[number.end:number.end + 70]
        offset = number.end
        # "60 of 70 Russian cruise missiles": the noun after "of N"
        skip = re.match(r"^\s*(?:of|out of)\s+(?:the\s+|an?\s+|\S+\s+)?", after)
        if skip:
            after, offset = after[skip.end():], offset + skip.end()
        stop = re.search(r"[.;:!?]|\b(?:and|or|but|while|who|which|that|including|with)\b|,", after)
        window = after[:stop.start()] if stop else after
        lead = self.vocab.outcome_re.match(window.lstrip())
        if lead and not self.vocab.category_re.match(window.lstrip()) and \
                not self.vocab.category_re.match(window.lstrip()[lead.end():].lstrip()):
            # "40 intercepted by air defence": the noun is not after the number ("243 dead children" is)
            window = ""
        m = self.vocab.category_re.search(window)
        if m and len(window[:m.start()].split()) <= 5:
            return m.lastgroup, m.group(0), offset + m.start()
        # "the number of wounded at about 50", "death toll rose to 35", "Russian military deaths ... 133,190"
        lo = max(0, number.start - 90)
        before = sentence[lo:number.start]
        cut = max((m.end() for m in re.finditer(r"[.;:!?]", before)), default=0)
        clause = before[cut:]
        cands = list(self.vocab.category_re.finditer(clause))
        if cands and cands[-1].lastgroup in PEOPLE_CATEGORIES and \
                NUMBER_BEFORE_NOUN.search(clause, 0, cands[-1].start()) and \
                AMONG_THE.fullmatch(clause, cands[-1].end()):
            # "two children among the 25 killed": the 25 are everyone, of whom the children are some
            return "people", "", -1
        if cands and len(clause[cands[-1].end():].split()) <= 12 and not (
                NUMBER_BEFORE_NOUN.search(clause, 0, cands[-1].start()) and
                TOLL_BETWEEN.search(clause, cands[-1].end())):
            return cands[-1].lastgroup, cands[-1].group(0), lo + cut + cands[-1].start()
        return None, "", -1

    def _outcomes(self, sentence: str, number: NumberMention, noun_end: int, direct: bool = True) -> list[str]:
        """Outcomes in order of closeness to the number (verbs before it, then after the noun)."""
        found: list[tuple[int, str]] = []
        lo = max(0, number.start - 80)
        for m in self.vocab.outcome_re.finditer(sentence, lo, min(len(sentence), noun_end + 80)):
            if SENTENCED_BEFORE.search(sentence, max(0, m.start() - 14), m.start()):
                continue  # "sentenced to death" befell no one yet
            if number.start <= m.start() < noun_end and m.start() >= number.end:
                dist = 0  # a word inside the noun phrase ("50 dead", "seven wounded")
            elif m.end() <= number.start:
                gap = sentence[m.end():number.start]
                dist = len(gap) + (40 if re.search(r"[.;]", gap) else 0)
            else:
                gap = sentence[noun_end:m.start()]
                if direct and DIRECT_GAP.fullmatch(gap):
                    dist = 0  # "17 were wounded", "59 others seriously wounded": said of this number
                else:
                    dist = len(gap) + (40 if re.search(r"[.;]|\band\b|,", gap) else 0)
            for outcome in vocab_mod.outcomes_of(self.vocab, m.group(0)):
                found.append((dist, outcome))
        if not found and (late := LATE_OUTCOME.match(sentence, noun_end)) is not None:
            # "Two residents of the village of Staryi Saltiv in the Kharkiv region were killed": the
            # verb of a long subject, with no comma or other number on the way
            found = [(0, o) for o in vocab_mod.outcomes_of(self.vocab, late.group("verb"))]
        found.sort(key=lambda x: x[0])
        seen: list[str] = []
        for _, o in found:
            if o not in seen:
                seen.append(o)
        return seen

    # ------------------------------------------------------------ numbers that are no claim
    @staticmethod
    def _is_excluded(sentence: str, number: NumberMention) -> str | None:
        after = sentence[number.end:number.end + 40]
        before = sentence[max(0, number.start - 25):number.start]
        if AGE_BEFORE.search(before[-24:]) or (number.text.lower() == "one" and NO_BEFORE.search(before[-6:])):
            return "age or no one"
        if MODEL_BEFORE.search(before[-12:]) or before[-1:].isalpha():
            return "model name"  # Shahed-136, AGM-88, Geran-2, M270
        if number.text.lower() == "one" and ONE_IDIOM.match(after):
            return "idiom"  # "one of the bodies", "one after the other"
        if number.text.lower() == "couple" and not re.search(r"\ba\s+$", before):
            return "a pair"  # "the couple were hospitalized": two people, not a count written as one
        if number.value < 120 and not number.is_word and NAME_COMMA.search(before) and re.match(r"\s*[,)]", after):
            return "age"  # "her children Diana, 21, and Denis, 16"
        core = number.text.split("-")[0].split("–")[0].strip()
        if number.qualifier == "exact" and YEAR.match(core.replace("between ", "")) and not re.match(
                r"^\s*(?:\w+\s+){0,2}(?:soldiers|troops|people|civilians|servicemen|tanks|refugees)\b",
                after, re.IGNORECASE):
            return "year"
        if AGENT_BEFORE.search(before):
            return "agent"  # "killed by two conscripts": who did it, not who it befell
        if WOUNDS_AFTER.match(after) and HAS_BEFORE.search(before):
            return "wounds"  # "he has two injuries", "with five bullet wounds": one person's wounds
        if STRENGTH_BEFORE.search(before) and INITIAL.search(sentence, 0, number.start):
            return "initial strength"  # "Initially, the armed forces amounted to between 201,000 and 202,000
        if RATIO_AFTER.match(after) or RATIO_BEFORE.search(before):
            return "ratio"  # "one in three refugees"
        if NOT_A_CLAIM_AFTER.match(after):
            return "unit after number"
        if re.search(r"[$£€¥₴]\s*$|\b(?:us\$|usd)\s*$", before, re.IGNORECASE):
            return "money"
        near = before[-14:]  # labels are short words: end-anchored patterns stay cheap on a short tail
        if NOT_A_CLAIM_BEFORE.search(near) and not OF_IN_BY_BEFORE.search(near):
            return "label before number"
        if MONTH_BEFORE.search(near):
            return "date"
        if VAGUE_AFTER.match(after):
            return "vague"
        if re.match(r"^\s*(?:-|–)?\s*(?:st|nd|rd|th)\b", after):
            return "ordinal"
        return None
