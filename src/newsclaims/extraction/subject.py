"""Whose losses a number counts: Russia's, Ukraine's, another country's or unspecified.
"""

from __future__ import annotations

import re

from newsclaims.extraction.attribution import Source
from newsclaims.extraction.lexicon import RUSSIAN_PLACES, UKRAINE_SIDE, UKRAINIAN_PLACES
from newsclaims.extraction.numbers import NumberMention

# ---------------------------------------------------------------- sides
RUSSIA_SIDE = re.compile(
    r"\b(?:russians?|russia's|russia|kremlin's|moscow's|putin's|enemy|enemy's|occupiers?|occupying|"
    r"invaders?|invading|separatists?|pro-russian|wagner|chechen|kadyrov(?:ite)?s?|dpr|lpr)\b",
    re.IGNORECASE,
)


# the victims of a Russian attack are Ukraine's, even in an article about events in Russia
RUSSIAN_ATTACK = re.compile(r"\b(?:russian|russia's|moscow's)\s+(?:\w+\s+)?(?:attacks?|strikes?|shelling|missiles?|"
                            r"rockets?|bombardment|forces|troops)\b", re.IGNORECASE)


RATE = re.compile(r"\b(?:a|per|each|every) day\b|\bdaily\b", re.IGNORECASE)


OWN_LOSSES = re.compile(r"\b(?:our|its own|their own|its|our own)\s+(?:\w+\s+)?(?:losses|casualties|dead|"
                        r"aircraft|planes|troops|soldiers|servicemen|personnel|men)\b", re.IGNORECASE)


UKRAINE_FORCES = re.compile(r"\b(?:nationalists?|neo-nazis?|kiev regime|armed formations)\b", re.IGNORECASE)


WESTERN_WEAPONS = re.compile(r"\b(?:us-supplied|us-made|u\.s\.-supplied|u\.s\.-made|western-supplied|"
                             r"nato-supplied|himars)\b", re.IGNORECASE)


FOREIGN_FIGHTERS = re.compile(r"\bforeign (?:fighters|mercenaries|volunteers|legion\w*)|\bforeigners\b|"
                              r"\binternational legion\b", re.IGNORECASE)


# "Regarding its own casualties, Moscow ... reported 1,351": the topic of the whole sentence
OWN_LOSSES_TOPIC = re.compile(r"\b(?:its|their|our) own\s+(?:\w+\s+)?(?:losses|casualties|dead|death toll)\b",
                              re.IGNORECASE)


# "Ukraine was losing 100 soldiers", "Russia's military has lost 6,000 troops": whose losses
LOSS_SIDE = re.compile(
    # the side word nearest the loss word: "Ukraine puts the Russian deaths at" is Russia's
    r"\b(?:(?P<r>russia(?:n|'s|’s)?|moscow|kremlin)|(?P<u>ukrain\w*|kyiv|kiev))\b"
    r"(?:(?!russia|ukrain|moscow|kremlin|kyiv|kiev)[^.;:]){0,45}?"
    r"\b(?:lost|losing|loses|lose|suffered|sustained|losses|death toll|casualties|deaths|dead)\b",
    re.IGNORECASE,
)


# a side acting on, or telling of, what the number counts: "the Russians captured", "Ukrainian claims of"
SIDE_AGENT = re.compile(
    r"\b(?:(?P<r>russians?|russia(?:'s|’s)?|moscow|kremlin)|(?P<u>ukrainians?|ukraine(?:'s|’s)?|kyiv|kiev))\]?\s+"
    r"(?:(?:forces|troops|army|military|soldiers|have|has|had|reportedly|also)\s+){0,3}"
    r"(?:captured|killed|destroyed|shot down|downed|eliminated|reports? of|claims? of)\s+[^.;,]{0,25}$",
    re.IGNORECASE,
)


# a side's army named anywhere in the sentence, when nothing nearer says whose troops are counted
ARMY_OF_SIDE = re.compile(r"\b(?:(?P<r>russia(?:n|'s|’s)?)|(?P<u>ukrain(?:e|ian|e's|e’s)))\s+"
                          r"(?:army|armed forces|military|troops|forces|soldiers)\b", re.IGNORECASE)


class Subjects:
    """Whose losses a number counts (mixed into ``Extractor``)."""

    @staticmethod
    def _subject(sentence: str, number: NumberMention, category: str, noun_text: str, noun_pos: int,
                 source: Source | None, metric: str, in_russia: bool = False) -> str:
        """Whose people or equipment the number counts; ``in_russia`` when the title places the
        article's events in Russia."""
        start = max(0, number.start - 40)
        phrase = sentence[start:number.end + 50]
        lo = min(number.start, noun_pos if noun_pos >= 0 else number.start)
        hi = max(number.end, noun_pos + len(noun_text) if noun_pos >= 0 else number.end)
        local = sentence[max(0, lo - 15):hi + 3]
        if metric in ("missiles_launched", "missiles_intercepted", "drones_launched", "drones_intercepted"):
            # whose weapons: the side named with them, or that fired them ("Ukrainian forces fired
            # 10 rockets"), not the side that shot them down; Western-supplied ones are Ukraine's
            near = sentence[max(0, number.start - 40):hi + 3] if metric.endswith("_launched") else local
            if WESTERN_WEAPONS.search(sentence, number.start, hi + 60):
                return "ukraine"
            return "ukraine" if UKRAINE_SIDE.search(near) and not RUSSIA_SIDE.search(near) else "russia"
        if category == "troops" and UKRAINE_FORCES.search(local):
            return "ukraine"  # "400 nationalist fighters", "30 nationalists": Russia's words for Ukraine's troops
        if category == "troops" and FOREIGN_FIGHTERS.search(local):
            return "ukraine"  # foreign volunteers and "mercenaries" fight in Ukraine's forces
        if metric == "troops_deployed":
            # whose forces: the side named with them, or the side that sends or mobilises them
            near = sentence[max(0, number.start - 60):hi + 3]
            return "ukraine" if UKRAINE_SIDE.search(near) and not RUSSIA_SIDE.search(near) else "russia"
        own = OWN_LOSSES.search(sentence[max(0, number.start - 40):hi + 3]) or \
            OWN_LOSSES_TOPIC.search(sentence, 0, number.start)
        if own and source is not None and source.party in ("russia", "ukraine"):
            return source.party  # "our losses", "its aircraft": the claimant's own side
        if category in ("civilians", "children", "people", "refugees", "displaced", "graves"):
            if RUSSIAN_PLACES.search(sentence) or noun_text.lower() == "russians":
                return "russia"
            if in_russia and not UKRAINE_SIDE.search(sentence) and not UKRAINIAN_PLACES.search(sentence) \
                    and not RUSSIAN_ATTACK.search(sentence):
                return "russia"  # an article about a strike in Russia, no Ukrainian place named here
            if not noun_text and (loss := LOSS_SIDE.search(sentence, 0, number.start)):
                return "russia" if loss.group("r") else "ukraine"  # "Russian deaths at almost 19,000"
            return "ukraine"
        counted = sentence[number.start:hi + 3]
        if not 0 <= noun_pos < number.start and \
                (agent := SIDE_AGENT.search(sentence, max(0, number.start - 60), number.start)) is not None and \
                not RUSSIA_SIDE.search(counted) and not UKRAINE_SIDE.search(counted):
            # (a noun before the number is what it counts: "Russian troops killed so far stands at 149,900")
            # "the Russians captured 1,100 personnel", "Russian reports of 1,000 marines surrendering":
            # the side word names who acted or told, and what it counts is the other side's
            return "ukraine" if agent.group("r") else "russia"
        r = RUSSIA_SIDE.search(local)
        u = UKRAINE_SIDE.search(local)
        if r and not u:
            return "russia"
        if u and not r:
            return "ukraine"
        if not r and not u and category == "troops" and RUSSIAN_PLACES.search(sentence):
            return "russia"  # "soldiers fired at other troops at a Russian military firing range"
        if r and u:
            # the side word closest before the noun
            rs = [m.start() for m in RUSSIA_SIDE.finditer(local)]
            us = [m.start() for m in UKRAINE_SIDE.finditer(local)]
            anchor = (noun_pos if noun_pos >= 0 else number.end) - max(0, lo - 15)
            rr = min((abs(anchor - x) for x in rs), default=999)
            uu = min((abs(anchor - x) for x in us), default=999)
            return "russia" if rr <= uu else "ukraine"
        loss = LOSS_SIDE.search(sentence, 0, number.start)
        if loss:
            return "russia" if loss.group("r") else "ukraine"
        if RUSSIA_SIDE.search(phrase) and not UKRAINE_SIDE.search(phrase):
            return "russia"
        if source is not None and source.party in ("ukraine", "russia"):
            if RATE.search(sentence) and category == "troops":
                return source.party  # a rate of losses a day is told of one's own side
            return "russia" if source.party == "ukraine" else "ukraine"
        if category == "troops" and (side := ARMY_OF_SIDE.search(sentence)) is not None:
            # "20,000 casualties a month raises questions about what state Ukraine's army will be in"
            return "russia" if side.group("r") else "ukraine"
        # nothing says whose: in this war's reporting an unattributed loss count is mostly Russia's
        return "russia"
