"""Scope and time: running total, stated window, one event or unspecified; the window's days; as_of.
"""

from __future__ import annotations

import datetime as dt
import re

from newsclaims.extraction.lexicon import MONTHS, WEEKDAYS
from newsclaims.extraction.numbers import NumberMention, parse_number

CUMULATIVE = re.compile(
    r"\b(?:so far|to date|in total|total(?:ly)?|tally|overall|altogether|since (?:the )?(?:start|beginning|outbreak)|"
    r"since (?:the )?(?:russian )?invasion|since (?:the )?war|since russia|since moscow|since (?:february|feb\.?) 24|"
    r"since 24 february|since the (?:start|beginning) of|in all|all told|as of|thus far|up to now|cumulative|"
    r"since (?:the )?(?:conflict|fighting|military operation|special military operation)|"
    r"(?:has|have) (?:risen|climbed|increased|grown|reached) to|rose to|climbed to|increased to|reached|"
    r"since (?:march|april|may|june|july|august|september|october|november|december)|"
    r"during the (?:war|invasion|conflict)|(?:in|over) the course of the (?:war|invasion|conflict))",
    re.IGNORECASE,
)


PERIOD = re.compile(
    r"\b(?:(?:in|over|during|within) the (?:past|last|previous|next|following) (?P<n>\w+(?:-\w+)?)?\s*(?P<unit>hours?|days?|weeks?|months?|day|night|24 hours)|"
    r"(?:past|last) (?P<n2>\w+)?\s*(?P<unit2>hours?|days?|weeks?|months?)|"
    r"(?:over|in|within|during) (?P<n3>\d+|two|three|four|five|six|seven|ten) (?P<unit3>hours|days|weeks)|"
    r"(?P<perday>(?:per|a|each|every) day(?! (?:after|before|earlier|later|ago))|daily)|"
    # "20,000 casualties a month", not "in just over a week" or "for a month"
    r"(?P<perweek>(?:(?<!over )(?<!than )(?<!in )(?<!for )(?<!within )(?<!under )(?:per|a|each|every)) week"
    r"(?! (?:after|before|earlier|later|ago))|weekly)|"
    r"(?P<permonth>(?:(?<!over )(?<!than )(?<!in )(?<!for )(?<!within )(?<!under )(?:per|a|each|every)) month"
    r"(?! (?:after|before|earlier|later|ago))|monthly)|"
    r"(?P<overnight>in a day|in one day|in a single day))\b",
    re.IGNORECASE,
)


# "have been killed", "had died", "already": a toll that has been growing
TOLL_SO_FAR = re.compile(
    r"\b(?:ha(?:ve|s|d) (?:been |already been |now been )?(?:killed|died|wounded|injured|found dead)|"
    r"ha(?:ve|s|d) (?:already |now )?died|already|alone|overall|in all)\b",
    re.IGNORECASE,
)


# a small toll told in the present perfect, with no incident named, is still growing
GROWING_TOLL = re.compile(r"\b(?:have|has) (?:now |already |so far )?(?:(?:been )?(?:killed|died|wounded|injured)|lost)\b",
                          re.IGNORECASE)


# a time within the day of the article ("yesterday", "overnight"): one incident's, and a sentence's own time
TIMES_OF_DAY = r"yesterday|last night|this morning|overnight|earlier today|tonight"


EVENT = re.compile(
    r"\b(?:attack|attacks|strike|strikes|struck|shelling|shelled|bombing|bombed|bombardment|explosion|"
    r"blast|exploded|missile hit|hit|raid|airstrike|air strike|ambush|massacre|assault|fire|crash|"
    r"sank|sinking|collapse|crashed|battle|fighting (?:in|at|for|near)|clashes|incident|shot|shooting|"
    r"rocket attack|killing|destroyed|downed|shot down|exhumed|found|discovered|buried|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|" + TIMES_OF_DAY + r"|"
    r"surrendered|captured|evacuated|in the city|in the town|village|at the|near|in a|operation)\b",
    re.IGNORECASE,
)


FUTURE = re.compile(r"\b(?:will be|will have|are going to be|is going to be|would be|could be|might be|may be)\b",
                    re.IGNORECASE)


# "could have downed as many as 40 planes", "is said to have shot down 10": what might be, not what was
HYPOTHETICAL = re.compile(r"\b(?:(?:could|would|might)(?: only| not| never)? (?:have )?|(?:is|are|was|were) said to have )"
                          r"[a-z]+(?: down)?(?: as many as| up to| more than| over| about| some)?\W*$",
                          re.IGNORECASE)


# a side's losses of equipment, with no attack named, are told as a running total
EQUIPMENT_LOSSES = re.compile(r"\b(?:losses|(?:has|have|had) lost)\b", re.IGNORECASE)


ONE_INCIDENT = re.compile(r"\bin (?:one|a single) (?:attempt|attack|assault|battle|incident|day|night)\b",
                          re.IGNORECASE)


# a running-total cue that is negated ("there is no official tally yet") or only dates a record
# ("the worst loss of life in a single strike since the invasion began")
NOT_A_TOTAL = re.compile(r"(?:\bno (?:\w+ )?|\b(?:worst|deadliest|largest|biggest|heaviest|most|first)\b[^.;]{0,60})$",
                         re.IGNORECASE)


VAGUE_TIME = re.compile(r"\b(?:last|earlier this|previous) (?:week|month)\b", re.IGNORECASE)


RUNNING_TOTAL = re.compile(r"\b(?:already|so far|to date|in total|thus far)\b", re.IGNORECASE)


# a sentence's own time: it does not read on in the window of the sentence before
OWN_TIME = re.compile(rf"\b(?:{TIMES_OF_DAY}|today)\b", re.IGNORECASE)


# words that name one attack or incident whatever else the sentence says
STRONG_EVENT = re.compile(r"\b(?:attack|strike|struck|shelling|bombing|explosions?|blasts?|airstrike|air strike|"
                          r"raid|crash|ambush|targeted|sank)\b", re.IGNORECASE)


EVENT_TOLL = re.compile(
    r"\btoll (?:from|of|in) (?:\w+[’']s |the |a |an |this |last )?(?:[\w-]+ ){0,3}?(?:strike|attack|shelling|"
    r"bombing|explosion|blast|crash|raid)\b",
    re.IGNORECASE,
)


WEEKDAY_RE = re.compile(r"\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


DATE_RE = re.compile(
    rf"\b(?:(?:on|as of|by|since|until)\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>20\d\d))?",
    re.IGNORECASE,
)


DATE_RANGE = re.compile(
    rf"\bbetween\s+(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})\s+and\s+(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})\b|"
    rf"\bbetween\s+(?P<d3>\d{{1,2}})\s+(?P<m3>{MONTHS})\s+and\s+(?P<d4>\d{{1,2}})\s+(?P<m4>{MONTHS})",
    re.IGNORECASE,
)


def _range_days(m: re.Match) -> float | None:
    """The days a "between September 30 and October 6" window spans, both ends counted (7)."""
    try:
        first = dt.date(2001, MONTH_NUM[(m.group("m1") or m.group("m3"))[:3].lower()], int(m.group("d1") or m.group("d3")))
        last = dt.date(2001, MONTH_NUM[(m.group("m2") or m.group("m4"))[:3].lower()], int(m.group("d2") or m.group("d4")))
    except (ValueError, KeyError):
        return None
    days = (last - first).days % 365 + 1
    return float(days) if days <= 92 else None


SINCE_CLAUSE = re.compile(r"\bsince\b[^,.;]{0,60}$", re.IGNORECASE)


SINCE_DATE = re.compile(r"\b(?:since|from|after|between)\s+$", re.IGNORECASE)


YESTERDAY = re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE)


MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


class Scoping:
    """Scope, window and date of a number (static rules, mixed into ``Extractor``)."""

    @staticmethod
    def _scope(sentence: str, metric: str, category: str, value: float = 0.0,
               number_start: int = 0) -> tuple[str, float | None, str]:
        # a window belongs to the number's clause: within a few words of it
        end = number_start + 90
        p = PERIOD.search(sentence, max(0, number_start - 60), end)
        while p and p.group("unit2") and not p.group("n2"):
            # "last week, the military claimed": when something happened, not a window; a window may
            # still follow ("said last week that the army was losing 60 to 100 soldiers a day")
            p = PERIOD.search(sentence, p.end(), end)
        if p:
            if p.group("perday") or p.group("overnight"):
                return "period", 1.0, p.group(0)
            if p.group("perweek") or p.group("permonth"):
                return "period", 7.0 if p.group("perweek") else 30.0, p.group(0)
            n_text = p.group("n") or p.group("n2") or p.group("n3")
            unit = (p.group("unit") or p.group("unit2") or p.group("unit3") or "").lower()
            n = 1.0
            if n_text:
                parsed, _ = parse_number(n_text)
                if parsed is not None:
                    n = parsed
            if unit.startswith("24"):
                days = 1.0
            elif unit.startswith("hour"):
                days = round(n / 24, 3)
            elif unit.startswith("week"):
                days = n * 7
            elif unit.startswith("month"):
                days = n * 30
            else:
                days = n
            return "period", days, p.group(0)
        if (r := DATE_RANGE.search(sentence)) is not None and (days := _range_days(r)) is not None:
            return "period", days, r.group(0)  # "24 destroyed between September 30 and October 6"
        if FUTURE.search(sentence, number_start, number_start + 60):
            return "unspecified", None, "a forecast"  # "50,000 Ukrainians will be dead or wounded"
        if HYPOTHETICAL.search(sentence, max(0, number_start - 45), number_start):
            return "unspecified", None, "what might have been"
        if metric in ("troops_deployed", "other"):
            if metric == "troops_deployed" and (
                    c := RUNNING_TOTAL.search(sentence, max(0, number_start - 15), number_start + 50)):
                return "cumulative", None, c.group(0)  # "220,000 reservists already had been called up"
            return "unspecified", None, "forces and other counts have no scope"
        casualty = metric.split("_")[-1] in ("killed", "injured", "wounded", "casualties")
        if casualty and value >= 1000 or metric.endswith("_destroyed") and value >= 100:
            # no single strike kills thousands or destroys hundreds of tanks: a running total
            return "cumulative", None, f"toll of {value:,.0f}"
        if t := EVENT_TOLL.search(sentence):
            return "event", None, t.group(0)  # "the death toll from Wednesday's missile strike"
        c = next((c for c in CUMULATIVE.finditer(sentence) if not NOT_A_TOTAL.search(sentence, 0, c.start())), None)
        if c:
            return "cumulative", None, c.group(0)
        if casualty and value < 100 and not EVENT.search(sentence) and (t := GROWING_TOLL.search(sentence)):
            return "cumulative", None, t.group(0)  # "In less than two weeks, 37 children have been killed"
        if casualty and value >= 100 and (t := TOLL_SO_FAR.search(sentence)):
            if e := STRONG_EVENT.search(sentence):
                return "event", None, e.group(0)  # "has killed 200 paratroopers in a missile strike"
            return "cumulative", None, t.group(0)
        if metric.endswith("_destroyed") and not STRONG_EVENT.search(sentence) and \
                not ONE_INCIDENT.search(sentence) and (t := EQUIPMENT_LOSSES.search(sentence)) is not None:
            return "cumulative", None, t.group(0)  # "reckon the Russian losses to be 26 planes"
        e = EVENT.search(sentence)
        if e and metric.endswith(("_destroyed", "_intercepted")) and not STRONG_EVENT.search(sentence) and \
                (vague := VAGUE_TIME.search(sentence)) is not None:
            # "Last week, Russian authorities claimed they destroyed two of these systems": equipment
            # claimed destroyed at a time told only roughly, with no attack named, is no single event
            return "unspecified", None, vague.group(0)
        if e:
            return "event", None, e.group(0)
        # No cue in the sentence: what such a number usually is. A small toll is one
        # incident's; hundreds of soldiers or civilians, refugees and displaced are running totals.
        if metric.startswith(("people_", "children_", "missiles_", "drones_")) or casualty and value < 100 or \
                metric == "displaced" and value < 1000:
            # (hundreds moved out of a shelled block are one evacuation; millions displaced, a running total)
            return "event", None, "no cue, event by metric and size"
        if metric in ("refugees", "displaced") or metric.startswith(("civilian", "troops_")) and \
                metric != "troops_deployed":
            return "cumulative", None, "no cue, cumulative by metric and size"
        return "unspecified", None, "no cue"

    @staticmethod
    def _window_before(sentence: str, previous: tuple[str, str, int, int]) -> tuple[str, float, str] | None:
        """The window ("over the past 24 hours") the sentence before states, for a sentence that
        reads on from it with no time, incident or running total of its own: "Russia shelled 40
        villages over the past day. Russian forces launched five rockets ..." """
        if STRONG_EVENT.search(sentence) or CUMULATIVE.search(sentence) or OWN_TIME.search(sentence) or \
                WEEKDAY_RE.search(sentence) or DATE_RE.search(sentence):
            return None
        _, text, start, end = previous
        window = PERIOD.search(text, start, end)
        if window is None or not window.group("unit"):
            return None  # only "in the past/last N days" states a window; "for over five weeks" does not
        scope, days, cue = Scoping._scope(window.group(0), "", "")
        return (scope, days, f"window of the sentence before: {cue}") if scope == "period" else None

    @staticmethod
    def _as_of(sentence: str, number: NumberMention, published_on: dt.date) -> tuple[dt.date, str]:
        return Scoping._dated(sentence, number.start, published_on) or (published_on, "article date")

    @staticmethod
    def _dated(sentence: str, anchor: int, published_on: dt.date) -> tuple[dt.date, str] | None:
        """The date the sentence names nearest the anchor ("on 30 April", "on Thursday",
        "yesterday"), resolved on or before the publication date; None when it names none.
        The start of a running total ("since the invasion on February 24") is not a date of it."""
        best: tuple[int, dt.date, str] | None = None
        for m in DATE_RE.finditer(sentence):
            if SINCE_DATE.search(sentence[max(0, m.start() - 8):m.start()]) or re.match(
                    r"\s*(?:since|from|after)\b", m.group(0), re.IGNORECASE) or \
                    SINCE_CLAUSE.search(sentence[max(0, m.start() - 70):m.start()]):
                continue
            month = MONTH_NUM[(m.group("m1") or m.group("m2"))[:3].lower()]
            day = int(m.group("d1") or m.group("d2"))
            year = int(m.group("y")) if m.group("y") else published_on.year
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if not m.group("y") and date > published_on:
                try:
                    date = date.replace(year=year - 1)
                except ValueError:
                    continue
            dist = abs(m.start() - anchor)
            if best is None or dist < best[0]:
                best = (dist, date, m.group(0).strip())
        if best:
            return best[1], f"date '{best[2]}'"
        w = WEEKDAY_RE.search(sentence)
        if w:
            target = WEEKDAYS.index(w.group(1).lower())
            delta = (published_on.weekday() - target) % 7
            return published_on - dt.timedelta(days=delta), f"weekday '{w.group(1)}'"
        if YESTERDAY.search(sentence):
            return published_on - dt.timedelta(days=1), "yesterday"
        return None
