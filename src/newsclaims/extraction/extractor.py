"""Rule-based claim extraction: who claimed which number, about what, when.

``extract_claims(title, body, published_on, outlet)`` returns one ``Claim`` per
number mention that the guidelines (../shared/eval/GUIDELINES.md) count as a
claim, with every guideline field, the sentence and its offsets, and the
evidence (cue words and rules) that produced it. Vocabularies are data in
``seeds/`` (see ``vocab``); this module holds only the grammar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from newsclaims.extraction import vocab as vocab_mod
from newsclaims.extraction.numbers import NumberMention, find_numbers, has_number_word, parse_number
from newsclaims.extraction.vocab import Alias, Vocab

RULES_VERSION = "rules-1.66.0"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# ---------------------------------------------------------------- sentences
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "jan", "feb", "mar", "apr",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "rep", "sen", "gov", "maj", "capt",
    "adm", "prof", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "a.m", "p.m",
    "inc", "corp", "co", "ltd", "gov't", "mt", "ft", "est",
}
LAST_WORD = re.compile(r"([\w.']+)\.$")
# Sentence end punctuation (with closing quotes) before white space and a capital, or a line break.
# It starts with a character class rather than a look-behind, which is much faster to scan.
BOUNDARY = re.compile(r"[.!?][\"”’')\]]*(\s+)(?=[\"“‘'(\[]?[A-Z0-9]|[—–•-]\s)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of the text, honouring common abbreviations."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        gap = m.group(1)
        if gap is None or "\n" in gap:
            end = m.start() if gap is None else m.start(1)
        else:
            # "Mr. Smith", "U.S. officials", "J. Smith": not the end of a sentence
            last = LAST_WORD.search(text, max(start, m.start() - 30), m.start() + 1)
            if last and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1)) == 1):
                continue
            end = m.start(1)
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:  # trim white space (and a list's dash or bullet) inside each span, drop empty ones
        while s < e and (text[s].isspace() or text[s] in "—–•-" and s + 1 < e and text[s + 1].isspace()):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


DIGIT = re.compile(r"\d")


# How many sentences back "he said" and "the statement added" look for the source they continue.
LOOKBACK_SENTENCES = 6

# ---------------------------------------------------------------- filters
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
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
# a sentence about what happened before this war (from 2014 on, the Donbas war counts)
OLD_EVENT = re.compile(r"\b(?:in|during|of)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[89]\d\d|200\d|201[0-3])s?\b",
                       re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:younger|older) than\s*$|\bunder the age of\s*$|\baged? (?:between\s*)?$|"
                        r"\baged? (?:\w+,? )+(?:and|or) $",  # "aged six and nine"
                        re.IGNORECASE)
MODEL_BEFORE = re.compile(r"[A-Za-z]-\s*$")
ONE_IDIOM = re.compile(r"\s+(?:of|after|another|by one|day|time|thing|side|point|way)\b", re.IGNORECASE)
# Weapons given or sold are not losses: a sentence about aid counts no destroyed equipment.
AID = re.compile(r"\b(?:package|aid|shipments?|deliver(?:ed|ies|y)|donat\w+|pledged)\b|"
                 r"\b(?:provid(?:e|ed|es|ing)|send(?:s|ing)?|sent)\b[^.;]{0,60}\bto (?:ukraine|kyiv)\b",
                 re.IGNORECASE)
AGENT_BEFORE = re.compile(r"\b(?:killed|wounded|injured|shot|attacked|murdered|executed)\s+by\s+$", re.IGNORECASE)
NO_BEFORE = re.compile(r"\bno\s*$", re.IGNORECASE)
OF_IN_BY_BEFORE = re.compile(r"\b(?:of|in|by)\s*$", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s*$", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d\d$")
VAGUE_AFTER = re.compile(r"^\s*(?:of\s+(?:thousands|hundreds|dozens|millions))", re.IGNORECASE)

# ---------------------------------------------------------------- sides, scope, time
RUSSIA_SIDE = re.compile(
    r"\b(?:russians?|russia's|russia|kremlin's|moscow's|putin's|enemy|enemy's|occupiers?|occupying|"
    r"invaders?|invading|separatists?|pro-russian|wagner|chechen|kadyrov(?:ite)?s?|dpr|lpr)\b",
    re.IGNORECASE,
)
UKRAINE_SIDE = re.compile(r"\b(?:ukrainian|ukraine's|ukraine|kyiv's|kiev's|azov|ukrainians)\b", re.IGNORECASE)
RUSSIAN_PLACES = re.compile(
    r"\b(?:belgorod|kursk|bryansk|voronezh|rostov|yeysk|in moscow|st petersburg|krasnodar|"
    r"russia's (?:border )?regions?|(?:in|inside|into) (?:(?:western|southern|eastern|northern|central|deep) )?russia(?![\w-])|"
    r"russia(?:n|'s|’s) (?:\w+ ){0,2}(?:city|town|village|region|base|airfield|range|ground|fleet|territory))\b",
    re.IGNORECASE,
)
UKRAINIAN_PLACES = re.compile(
    r"\b(?:kyiv|kiev|kharkiv|mariupol|odesa|odessa|lviv|dnipro\w*|zaporizhzhia|kherson|mykolaiv|donetsk|luhansk|"
    r"donbas|crimea\w*|bucha|irpin|sumy|chernihiv|kramatorsk|sloviansk|bakhmut|sievierodonetsk|lysychansk|"
    r"nikopol|vinnytsia|poltava|zhytomyr|kremenchuk|izium|melitopol|enerhodar)\b",
    re.IGNORECASE,
)
# the victims of a Russian attack are Ukraine's, even in an article about events in Russia
RUSSIAN_ATTACK = re.compile(r"\b(?:russian|russia's|moscow's)\s+(?:\w+\s+)?(?:attacks?|strikes?|shelling|missiles?|"
                            r"rockets?|bombardment|forces|troops)\b", re.IGNORECASE)
OF_TOTAL_BEFORE = re.compile(r"\d[\d,]*\s+of(?: the)?\s+$|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"\w+teen|\w+ty)\s+of(?: the)?\s+$", re.IGNORECASE)
IN_TOTAL_AFTER = re.compile(r"\s*in total\b", re.IGNORECASE)
PARTITIVE_AFTER = re.compile(r"\s*(?:of|out of)\s+(?:the\s+)?(?:\d|[a-z]+\b)", re.IGNORECASE)
# What may stand between a number (or its noun) and the outcome said of it.
DIRECT_GAP = re.compile(
    r"\s*(?:(?:others?|more|people|of them|were|was|have|has|had|been|are|being|later|also|reportedly|"
    r"seriously|badly|critically|severely|fatally|lightly|slightly|initially|so far|already)\s+)*",
    re.IGNORECASE,
)
TROOP_CONTEXT = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|personnel|fighters|marines|losses|army|armed forces|"
                           r"military|combat|(?:russian|ukrainian) (?:deaths|dead|casualties)|"
                           r"forces\s+(?:have\s+|has\s+|had\s+)?(?:sustained|suffered|lost))\b",
                           re.IGNORECASE)
# A noun that is an earlier number's own ("202,000 people", "two children") does not pass to a later
# number that has a toll of its own ("and since then losses of around 100,000") or that is the whole
# the earlier one is part of ("two children among the 25 killed").
NUMBER_BEFORE_NOUN = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|"
                                r"thousand))\s+(?:\w+\s+)?$", re.IGNORECASE)
TOLL_BETWEEN = re.compile(r"\b(?:losses|casualties|deaths|toll)\b", re.IGNORECASE)
AMONG_THE = re.compile(r"\s+(?:were\s+|are\s+)?(?:among|out of)\s+(?:the\s+)?(?:at least\s+|about\s+)?",
                       re.IGNORECASE)
CIVILIAN_CONTEXT = re.compile(r"\bcivilians?\b", re.IGNORECASE)
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
    r"\b(?:(?:in|over|during|within) the (?:past|last|previous) (?P<n>\w+(?:-\w+)?)?\s*(?P<unit>hours?|days?|weeks?|months?|day|night|24 hours)|"
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

# ---------------------------------------------------------------- attribution
PRONOUN_SOURCE = re.compile(
    r"^(?:he|she|they|it|the statement|the ministry|the office|the report|the agency|the department|"
    r"the spokes(?:man|woman|person)|the official|officials|the officials|the governor|the mayor|"
    r"the military|the army|the source|the update|the data|the figures|the authorities|authorities|"
    r"the general staff|the briefing|the command|the service|the president|the minister|the council|"
    r"the administration|the police|the government|its statement|his office|the post|"
    r"one of (?:those|these|the) officials|"
    r"the (?:(?:senior|same|top|defen[cs]e|intelligence) ){1,2}official)$",
    re.IGNORECASE,
)
ACCORDING = re.compile(
    r"\b(?:according to|as per|citing|cited by|in the words of|figures from|data from|estimates (?:by|from)|"
    r"a statement (?:from|by)|a report (?:from|by)|reports? by|confirmed by|said by|claimed by|reported by)\s+"
    # "an update from", "the latest figures by": the article only where such a phrase follows
    r"(?:(?:an?|the)\s+(?=(?:(?:recent|latest|new|official|updated|preliminary)\s+)?"
    r"(?:estimates|figures|data|reports?|statements?|information|numbers|counts?|updates?|assessments?)\s+"
    r"(?:by|from|of)\s))?"
    r"(?:(?:recent|latest|new|official|updated|preliminary)\s+)?"
    r"(?:(?:estimates|figures|data|reports?|statements?|information|numbers|counts?|updates?|assessments?)\s+"
    r"(?:by|from|of)\s+)?"
    r"(?P<src>[^,;:()\"“”]{2,90})",
    re.IGNORECASE,
)
QUOTED_AS = re.compile(
    r"(?P<src>[^,;:()\"“”]{2,90}?)\s+(?:was|were|is|are|has been|have been|had been)\s+quoted\s+"
    r"(?:by\s+(?P<relay>[^,;:()\"“”]{2,60}?)\s+)?as\s+say(?:ing)?\b",
    re.IGNORECASE,
)
POSSESSIVE_SOURCE = re.compile(
    r"(?P<src>\b[\w .'-]{2,60}?)(?:'s|’s)\s+(?:\w+\s+){0,2}?(?:figures|data|estimates?|count|tally|report|statement|update)\b",
    re.IGNORECASE,
)
POSSESSIVE_HINT = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:figures|data|estimates?|count|tally|report|statement|update)\b",
                             re.IGNORECASE)
NEGATED_BEFORE = re.compile(r"\b(?:not|never|n't|without|short of|refused to|declined to|yet to)\s+(?:\w+ly\s+)?$",
                            re.IGNORECASE)
PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)")
PASSIVE_BEFORE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")
# Capitalised words that open a name-like run without being part of the name.
NOT_A_NAME = frozenset([
    "ukrainian", "russian", "president", "prime", "defence", "defense", "foreign", "general", "deputy",
    "national", "state", "interior", "regional", "mayor", "governor", "minister", "ministry", "city",
    "the", "united", "office", "head", "chief", "kremlin", "pentagon", "western", "american", "british",
    "military", "health", "police", "gov", "mr", "mrs", "ms", "dr", "sen", "rep", "lt", "col", "gen",
    "commander", "spokesman", "spokeswoman", "adviser", "advisor", "secretary", "ambassador", "colonel",
    "major", "captain", "sergeant", "lieutenant", "senior", "former", "acting", "local", "top",
    "executive", "director", "chairman", "chairwoman", "chair", "press", "officer", "host", "leader", "envoy",
    "representative", "commissioner", "ombudsman", "inspector", "emergency", "services", "service",
    "meanwhile", "however", "only", "also", "separately", "earlier", "later", "but", "and", "as", "when",
    *WEEKDAYS, "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
])
OCCUPATION = re.compile(r"\b(?:dpr|lpr|donetsk people|luhansk people|lugansk people|separatists?|"
                        r"russian-installed|russia-installed|russian-appointed|pro-russian)\b", re.IGNORECASE)
EXPERTS = re.compile(r"(?:the )?(?:[\w-]+ ){0,2}(?:experts|analysts|observers)", re.IGNORECASE)
# a phrase that ends in a person's title names a person ("the military spokesman"), not a body
PERSON_TITLE_LAST = re.compile(r"\b(?:spokes(?:man|woman|person)|governor|mayor|minister|commander|chief|adviser|"
                               r"aide|head|leader)\W*$", re.IGNORECASE)
MEDIA_ROLE = re.compile(r"\b(?:co-host|host|anchor|presenter|journalist|reporter|columnist|commentator|"
                        r"correspondent|editor|broadcaster)\b", re.IGNORECASE)
# offices of a town or region, and the ones Russia installs where it takes over
LOCAL_OFFICE = re.compile(r"\b(?:mayor|administration|governor|head|leader|authorities|officials|council|"
                          r"emergency service|territorial defen[cs]e)\b", re.IGNORECASE)
REGIONAL = re.compile(r"\b(?:governor|gov\.|regional|region|oblast)\b", re.IGNORECASE)
OCCUPATION_OFFICE = re.compile(r"\b(?:administration|military-civilian|installed|appointed)\b", re.IGNORECASE)
CLAUSE_VERB = re.compile(r"\b(?:have|has|had|was|were|is|are|been|will|would)\b", re.IGNORECASE)
NOT_A_PERSON_AROUND = re.compile(r"\bthe\s+$", re.IGNORECASE)
PLACE_AFTER = re.compile(r"\s+(?:region|province|oblast|krai|city|district|county|area|republic|river)\b",
                         re.IGNORECASE)
PERSON = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z']+){1,3})\b")
TITLE_WORDS = re.compile(
    r"\bgov\.|\b(?:mayor|governor|head|chief|official|spokes(?:man|woman|person)|minister|president|adviser|aide|"
    r"advisor|commander|general|leader|(?:under)?secretary|ambassador|prosecutor|police|administration|council|"
    r"deputy|director|representative|ombudsman|commissioner)\b",
    re.IGNORECASE,
)
ORG_WORDS = re.compile(
    r"\b(?:forces|staff|ministry|council|service|office|army|police|command|agency|republic|guard|"
    r"fleet|force|administration|department|committee|government|news|press|times|post|union|"
    r"nations|bank|court|parliament|assembly|house|group|company|institute|university|center|centre)\b",
    re.IGNORECASE,
)
ESTIMATE_WORDS = re.compile(r"\b(?:estimates?|assessments?|intelligence|figures|count|data)\b", re.IGNORECASE)
GOVERNMENTS = {"russia": "Russian government", "ukraine": "Ukrainian government", "united_states": "US government",
               "united_kingdom": "UK government", "united_nations": "United Nations"}
NON_STATE_BODY = re.compile(r"\b(?:(?P<firm>firm|company)|ngo|charity|watchdog|think tank|monitor|"
                            r"(?:rights|monitoring|aid|research) group|non-profit|nonprofit)$", re.IGNORECASE)
SOURCE_BODY = re.compile(
    r"\b(?:defen[cs]e ministry|ministry|territorial defen[cs]e|emergency service|emergencies ministry|"
    r"administration|headquarters|general staff|military|armed forces|police|prosecutors?|"
    r"press service|city council|regional council|command|air force|navy|border (?:guard|service)|"
    r"national guard|security service)\b",
    re.IGNORECASE,
)
PARTY_MARKERS = [
    ("russia", re.compile(r"\b(?:russian|russia|kremlin|moscow|pro-russian|russia-installed|russian-installed|russian-appointed|separatists?|dpr|lpr|donetsk people|luhansk people)\b", re.IGNORECASE)),
    # case matters here: "US" and "UN" are the countries, "us" and "un-" are not
    ("united_states", re.compile(r"(?:\bU\.S\.|\bUS\b|\bAmerican\b|\bPentagon\b|\bWashington\b|\bWhite House\b)")),
    ("united_kingdom", re.compile(r"\b(?:british|uk|u\.k\.|britain|london)\b", re.IGNORECASE)),
    ("united_nations", re.compile(r"(?:\bUN\b|\bU\.N\.|\bUnited Nations\b|\bUNICEF\b|\bUNHCR\b)")),
    ("ukraine", re.compile(r"\b(?:ukrainian|ukraine's|ukraine|kyiv|kiev|zelensky\w*|azov)\b", re.IGNORECASE)),
    # other states whose bodies this news quotes: neighbours, allies, mediators
    ("other_government", re.compile(
        r"\b(?:western|poland|polish|belarus\w*|kazakh\w*|latvia\w*|estonia\w*|lithuania\w*|moldova\w*|"
        r"georgia\w*|finland|finnish|sweden|swedish|norway|norwegian|denmark|danish|germany|german|france|"
        r"french|italy|italian|spain|spanish|netherlands|dutch|belgi\w+|austria\w*|swiss|czech|slovak\w*|"
        r"hungar\w*|romania\w*|bulgaria\w*|greece|greek|turkey|turkish|israel\w*|iran\w*|saudi|chin\w*|"
        r"japan\w*|india|indian|canad\w*|australia\w*|kyrgyz\w*|azerbaijan\w*|armenia\w*|syria\w*|tajik\w*|"
        r"uzbek\w*|turkmen\w*)\b",
        re.IGNORECASE)),
]
PARTY_PATTERNS = dict(PARTY_MARKERS)


def government_of(text: str, cue: str) -> Source | None:
    """The government of the first side the text marks that has one ("a U.S. estimate", "Russian
    reports"); None when it marks none, or only states with no single canonical government."""
    for party, pattern in PARTY_MARKERS:
        if party in GOVERNMENTS and pattern.search(text):
            return Source(GOVERNMENTS[party], None, party, cue + " +country", "state", text.strip())
    return None


def names_a_party(text: str) -> bool:
    """Whether the text marks a side ("Russian", "the Kremlin", "Ukraine's", "Polish", ...)."""
    return any(pattern.search(text) for _, pattern in PARTY_MARKERS)


SKIP_WORDS = {"the", "a", "an", "also", "has", "have", "had", "was", "were", "is", "are", "been",
              "previously", "earlier", "later", "on", "in", "last", "this", "that", "and", "which",
              "who", "would", "could", "will", "so", "but", "then", "now", "already",
              "with", "while", "reportedly", "officially", "separately", "publicly", "today", "yesterday"}


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
    alternatives: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)

    def as_row(self) -> dict:
        row = asdict(self)
        del row["alternatives"]
        row["evidence"] = "; ".join(self.evidence)
        return row


@dataclass(frozen=True)
class Source:
    claimant: str
    claimant_org: str | None
    party: str
    cue: str
    kind: str = "organisation"   # person, organisation, state, media
    mention: str = ""            # the words of the text that named the source


# ---------------------------------------------------------------- metric
PEOPLE_CATEGORIES = {"troops", "civilians", "children", "people"}
EQUIPMENT_CATEGORIES = {"tanks", "armored_vehicles", "artillery", "rocket_launchers", "aircraft",
                        "helicopters", "drones", "air_defense", "ships", "vehicles"}


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


TOLL_BEFORE = re.compile(r"\b(?:deaths|death toll|casualties|losses|toll|number of (?:the )?(?:dead|wounded|killed|"
                         r"injured|victims))\b[^.;:\d]{0,45}?"
                         r"\b(?:at|to|of|reached|hit|stands at|was|is|are|were|exceeded|passed|surpassed)"
                         r"(?:\s+(?:about|around|almost|nearly|over|more than|some|roughly|at least|"
                         r"somewhere between|between|an estimated))?\s*$", re.IGNORECASE)
# "The death toll from Wednesday's strike on an apartment building in Mykolaiv has risen to six"
TOLL_ROSE = re.compile(r"\b(?:death toll|toll)\b[^.;:\d]{0,160}?\b(?:risen|rose|climbed|increased|grown|jumped|reached)"
                       r"\s+to(?:\s+(?:about|around|at least|more than|over|nearly|almost))?\s*$", re.IGNORECASE)
TOLL_AFTER = re.compile(r"\s*(?:casualties|deaths|fatalities)\b", re.IGNORECASE)
PEOPLE_VERB_AFTER = re.compile(r"^\s*(?:of (?:them|those|whom)\s+)?(?:were|have|had|was|are|died|dead|killed|wounded|"
                               r"injured|more|others)\b",
                               re.IGNORECASE)
SENTENCED_BEFORE = re.compile(r"\bsentenced to $", re.IGNORECASE)
PREWAR = re.compile(r"\b(?:before|prior to) (?:the (?:war|invasion|conflict)|russia invaded|the kremlin sent|"
                    r"february 24|24 february)|\bpre-?war\b", re.IGNORECASE)
LOSS_WORDS = re.compile(r"\bcasualties\b", re.IGNORECASE)
DEATH_WORDS = re.compile(r"\b(?:killed|dead|died|dying|dies|deaths?|death toll|perished|fatalities|lives)\b",
                         re.IGNORECASE)
LATE_OUTCOME = re.compile(r"[^,;:.\d]{0,140}?\b(?:were|was|have been|has been|had been)\s+(?:\w+ly\s+)?"
                          r"(?P<verb>killed|wounded|injured|hurt|evacuated|captured|detained)\b", re.IGNORECASE)
PEOPLE_VERB_BEFORE = re.compile(r"\b(?:killing|killed|wounding|injuring|kills)\s+(?:\w+\s+)?$", re.IGNORECASE)


def phrase_name(text: str, last: int) -> str:
    """A source named by a phrase, as its last few content words ("the regional governor" -> "regional
    governor"), without the day it spoke on or a relative clause after it ("... where official reports")."""
    text = RELATIVE_CLAUSE.split(text, maxsplit=1)[0]
    words = [w for w in re.findall(r"\w[\w'’´-]*", text)
             if w.lower() not in SKIP_WORDS and w.lower() not in WEEKDAYS and w.lower() not in TIME_WORDS]
    return " ".join(words[-last:]) or text.strip()


# officials known by a place or a side: "officials in Luhansk", "pro-Moscow breakaway officials"
OFFICIALS_OF = re.compile(
    r"(?:the )?(?P<mods>(?:[\w'’-]+ ){0,3}?)(?P<noun>officials|authorities|insiders|sources)"
    r"(?: (?:in|of) (?:the )?(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?))?")
# a side acting on, or telling of, what the number counts: "the Russians captured", "Ukrainian claims of"
SIDE_AGENT = re.compile(
    r"\b(?:(?P<r>russians?|russia(?:'s|’s)?|moscow|kremlin)|(?P<u>ukrainians?|ukraine(?:'s|’s)?|kyiv|kiev))\]?\s+"
    r"(?:(?:forces|troops|army|military|soldiers|have|has|had|reportedly|also)\s+){0,3}"
    r"(?:captured|killed|destroyed|shot down|downed|eliminated|reports? of|claims? of)\s+[^.;,]{0,25}$",
    re.IGNORECASE,
)
# the subject that opens a main clause, up to its verb: "Western officials briefed reporters ..."
MAIN_SUBJECT = re.compile(r"\s*(?P<subject>(?:[Tt]he )?(?:[A-Z][\w'’.-]*|[a-z]+)(?: [\w'’.-]+){0,6}?)\s+"
                          r"(?:also\s+|had\s+|has\s+|have\s+)?(?:[a-z]+ed|told|said|wrote|gave|made|spoke|took)\b")
# a bare count that opens its own clause: "13 or more were shot down", "five were destroyed"
BARE_SUBJECT = re.compile(r"\s*(?:or more\s+)?(?:were|was|have been|had been|are)\b", re.IGNORECASE)
# a figure told again: "updated the figure to 15,000", "This estimate is up from 810"
FIGURE_BEFORE = re.compile(r"\b(?:the|this|that|its) (?:figure|estimate|number|toll|tally|count)\b[^.;\d]{0,40}$",
                           re.IGNORECASE)
PREVIOUS_OUTCOMES = {"displaced": ("displaced",), "refugees": ("fled",), "killed": ("killed",),
                     "injured": ("injured",), "wounded": ("injured",), "deployed": ("deployed",)}
# a side's army named anywhere in the sentence, when nothing nearer says whose troops are counted
ARMY_OF_SIDE = re.compile(r"\b(?:(?P<r>russia(?:n|'s|’s)?)|(?P<u>ukrain(?:e|ian|e's|e’s)))\s+"
                          r"(?:army|armed forces|military|troops|forces|soldiers)\b", re.IGNORECASE)
WOUNDS_AFTER = re.compile(r"\s+(?:(?:bullet|gunshot|stab|knife|shrapnel)\s+)?(?:injuries|wounds)\b", re.IGNORECASE)
HAS_BEFORE = re.compile(r"\b(?:has|have|had|with|suffered|sustained)\s+$", re.IGNORECASE)
# a force's size at the start, not a loss or a deployment: "Initially, the army amounted to 200,000"
STRENGTH_BEFORE = re.compile(r"\b(?:amounted to|numbered|totall?ed|stood at)\s+(?:about\s+|around\s+|some\s+|"
                             r"between\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)
INITIAL = re.compile(r"\b(?:initially|originally|at the outset|before the (?:war|invasion))\b", re.IGNORECASE)
APPOSITIVE_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?([^,;]{0,60})")  # "Maksym Zhorin, a former commander ..."
RELATIVE_START = re.compile(r"\s*(?:who|which|whose|whom)\b", re.IGNORECASE)
RELATIVE_CLAUSE = re.compile(r"\s(?:where|who|which|whose|went|had|have|has)\s", re.IGNORECASE)
TIME_WORDS = frozenset(["meanwhile", "however", "earlier", "later", "separately", "also", "only", "tonight",
                        "overnight", "morning", "evening", "night", "week", "month", "year"])


PERSON_PRONOUN = re.compile(r"^(?:he|she|his office|her office)$", re.IGNORECASE)
# "the official", "the senior defense official": a role told again, with no side or name of its own
ROLE_PRONOUN = re.compile(r"^the (?:(?:senior|same|top|defen[cs]e|intelligence) ){0,2}"
                          r"(spokes(?:man|woman|person)|official|governor|mayor|president|minister)$",
                          re.IGNORECASE)
# roles that name a source by themselves when nobody before holds them ("according to the mayor")
NAMING_ROLE = re.compile(r"^the (?:governor|mayor|president|minister)$", re.IGNORECASE)
GROUP_PRONOUN = re.compile(r"^(?:the )?(?:officials|authorities)$", re.IGNORECASE)


def _stance(source: Source) -> str:
    """deny when the source's verb rejects the number ("Russia denied losing 25 tanks")."""
    return "deny" if source.cue.endswith("+deny") else "assert"


SUBORDINATE_START = re.compile(r"\s*(?:though|although|even though|while|whereas|despite)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r",?\s+(?:but|although|though|while|whereas|yet)\b|;", re.IGNORECASE)


def _referent(pronoun: str) -> str:
    """What a pronoun can refer back to: 'person', 'person:<role>', 'group' or 'any'."""
    pronoun = " ".join(pronoun.lower().split())
    if PERSON_PRONOUN.match(pronoun):
        return "person"
    if m := ROLE_PRONOUN.match(pronoun):
        return "person:" + m.group(1)
    if GROUP_PRONOUN.match(pronoun):
        return "group"
    return "any"


def _previous_of_kind(previous_fn: Callable[[Callable[[Source], bool]], Source | None],
                      want: str) -> Source | None:
    """The previous source a pronoun of this referent kind can mean, best fit first."""
    if want == "any":
        return previous_fn(lambda s: True)
    if want == "group":
        # "officials said" continues no one in particular: the officials rule names them
        return None
    if want.startswith("person:"):
        role = want.split(":", 1)[1]
        found = previous_fn(lambda s: s.kind == "person" and role in s.mention.lower())
        if found is None and role in ("spokesman", "spokeswoman", "spokesperson", "official"):
            # a spokesman or an official speaks for the body named before
            found = previous_fn(lambda s: True)
        return found  # "the mayor" named by nobody before: the role itself names the source
    return previous_fn(lambda s: s.kind == "person")


class Extractor:
    """Extracts claims from one article at a time; keeps the last named claimant."""

    def __init__(self, vocab: Vocab | None = None, wide: bool = False):
        self.vocab = vocab or vocab_mod.load()
        self._text = ""
        self._published_on = dt.date.today()
        self._title_side = "ukraine"
        # with wide=True, extract also proposes the numbers the rules could not type ("near misses",
        # metric 'unknown') in sentences with a war-loss word, for the learned layer to decide
        self.wide = wide

    # ------------------------------------------------------------ claimants
    def _alias_source(self, text: str, cue: str) -> Source | None:
        # A named person outranks the organisation they speak for
        # ("Igor Konashenkov, the Russian defence ministry spokesman").
        # ...unless the person's alias is only part of the organisation's ("the Ukrainian president's office").
        person = vocab_mod.best_match(self.vocab, text, kind="person")
        best = vocab_mod.best_match(self.vocab, text)
        if person and not (best and best[0].kind != "person" and best[1] <= person[1] and person[2] <= best[2]
                           and best[2] - best[1] > person[2] - person[1]):
            best = person
        if best is None:
            return None
        return self._from_alias(best[0], text, cue)

    def _from_alias(self, alias: Alias, text: str, cue: str) -> Source:
        if alias.kind != "person":
            person = self._person_in(text)
            if person and person.lower() not in alias.claimant.lower() and not vocab_mod.canonical_claimant(
                    self.vocab, person):
                # "Ihor Klymenko, head of the National Police": the person, their organisation
                return Source(person, alias.claimant, alias.claimant_party, cue + " +person",
                              "person", text.strip())
        return Source(alias.claimant, alias.claimant_org, alias.claimant_party, cue, alias.kind,
                      text.strip())

    @staticmethod
    def _person_in(text: str, last: bool = False) -> str | None:
        """The first (or last) person's name in the text, titles dropped ("Mayor Oleksandr Senkevych")."""
        for m in (reversed(list(PERSON.finditer(text))) if last else PERSON.finditer(text)):
            if NOT_A_PERSON_AROUND.search(text[max(0, m.start() - 5):m.start()]) or \
                    PLACE_AFTER.match(text, m.end()):
                continue  # "the Krasnodar Krai region": a place
            words = m.group(1).split()
            while words and (words[0].lower() in NOT_A_NAME or words[0].lower() in SKIP_WORDS
                             or len(words) > 2 and UKRAINIAN_PLACES.fullmatch(words[0])):
                words.pop(0)  # titles, and a place before a full name ("Odesa Maksym Marchenko")
            while words and words[-1].lower() in NOT_A_NAME:
                words.pop()  # "In September Ukrainian officials": no name ends in "Ukrainian"
            name = " ".join(words)
            if len(words) < 2 or ORG_WORDS.search(name):
                continue
            return name
        return None

    def _named_source(self, text: str, context: str, cue: str) -> Source | None:
        """Resolve a phrase that names a source, and the side of an occupation authority."""
        src = self._name_source(text, context, cue)
        if src is not None and src.party != "russia" and self._occupation_authority(src.mention, context):
            src = dataclasses.replace(src, party="russia", cue=src.cue + " +occupation")
        return src

    def _occupation_authority(self, titles: str, context: str) -> bool:
        """Whether a source's titles make it an authority of a place Russia held on the article's
        date: any local office in a place held since 2014 ("Alexei Kulemzin, mayor of Donetsk"),
        an administration in one held since 2022 ("the local administration's head" in Nova
        Kakhovka; the exiled Ukrainian mayors of such places keep the title "mayor")."""
        if not LOCAL_OFFICE.search(titles) or UKRAINE_SIDE.search(titles) or REGIONAL.search(titles):
            # "Ukrainian authorities" are Ukraine's wherever they speak of, and so are the governors
            # and regional administrations of the regions Russia holds part of
            return False
        for place in self.vocab.occupied:
            if not place.held_on(self._published_on):
                continue
            if place.occupied_from.year <= 2014 and place.pattern.search(titles):
                return True  # a city's office named with the city: "mayor of Donetsk"
            if OCCUPATION_OFFICE.search(titles) and place.pattern.search(f"{titles} {context}"):
                return True  # an administration of a place taken in 2022
        return False

    def _name_source(self, text: str, context: str, cue: str) -> Source | None:
        """Resolve a phrase that names a source: alias table first, then a person's name."""
        text = text.strip(" ,.'\"“”’")
        if not text:
            return None
        src = self._alias_source(text, cue)
        if src:
            return src
        if (group := OFFICIALS_OF.fullmatch(text)) is not None and (
                group.group("place") or OCCUPATION.search(text) or names_a_party(text)):
            # "pro-Moscow breakaway officials in Luhansk", "Kharkiv regional officials": officials known
            # by a place or a side speak for the side that holds it
            place = group.group("place") or ""
            party = "russia" if OCCUPATION.search(text) else self._party_from(text) if names_a_party(text) \
                else "russia" if self._occupation_authority(place, place) else "ukraine"
            name = " ".join(w for w in [place, *group.group("mods").split(), group.group("noun")]
                            if w and not w.lower().startswith("pro-") and w.lower() not in ("the", "breakaway"))
            if not place and party in GOVERNMENTS and all(names_a_party(w) for w in group.group("mods").split()):
                name = GOVERNMENTS[party]  # "Ukrainian insiders", "US sources": the government of that side
            return Source(name, None, party, cue + " +officials", "state", text)
        if re.fullmatch(r"(?:the )?(?:local |regional |city )?(?:officials|authorities)", text, re.IGNORECASE):
            # unnamed officials in this war's news are, absent other marks, Ukraine's
            name = "Ukrainian government"
            if re.search(r"local", text, re.IGNORECASE):
                # "local authorities" of the place the sentence names ("Sievierodonetsk local authorities")
                words = " ".join(text.lower().split()[-2:])
                place = UKRAINIAN_PLACES.search(context)
                name = f"{place.group(0).title()} {words}" if place else words
            return Source(name, None, "ukraine", cue + " +officials", "state", text)
        if PRONOUN_SOURCE.match(text) and not NAMING_ROLE.match(text):
            return None
        # the name nearest the verb: "the governor of the Krasnodar Krai region, Veniamin Kondratiev"
        person = self._person_in(text, last=True)
        if person:
            party = self._party_from(text)
            if party == "other":
                # "Pavlo Kyrylenko said": the titles the article gave the name when it first used it
                party = self._party_at_first_mention(person)
            return Source(person, None, party, cue + " +person", "person", text)
        words = text.split()
        if len(words) <= 3 and words and re.fullmatch(r"[A-Z][a-z'-]+", words[-1]) and \
                (full := self._full_name(words[-1])) is not None:
            # "Orlov reported": a surname named in full earlier in the article
            return Source(full[0], None, full[1], cue + " +surname", "person", text)
        if ESTIMATE_WORDS.search(text) and (government := government_of(text, cue)) is not None:
            # "a U.S. estimate", "British intelligence": the government of the country named
            return government
        if EXPERTS.fullmatch(text) and context.lstrip(" “\"'").startswith(text):
            # "Military experts told the BBC": independent voices of no government (as the
            # sentence's subject; "the victory that analysts say Putin expected" attributes nothing)
            return Source(text[4:] if text.lower().startswith("the ") else text, None, "other",
                          cue + " +experts", "organisation", text)
        if (body := NON_STATE_BODY.search(text)) and len(text.split()) <= 6 and \
                not re.fullmatch(r"(?:the )?[\w-]+", text, re.IGNORECASE):
            # "a US satellite firm", "a rights group": a voice of no government, wherever it is based
            # ("the watchdog" alone refers back, and is left to the pronoun rules)
            party = "other" if body.group("firm") else "ngo_or_research"
            return Source(phrase_name(text, 4), None, party, cue + " +organisation", "organisation", text)
        if SOURCE_BODY.search(text) and len(text.split()) <= 6 and not PERSON_TITLE_LAST.search(text):
            # "the defence ministry", "the separatists' emergency service": a body named by what it is
            marked = names_a_party(text)
            # a body in a sentence about the separatist republics is theirs; "Russian" alone in the
            # sentence more often names the attacker than the body
            near = not marked and OCCUPATION.search(context) is not None
            # unmarked, it is the side the article's title names first ("Russian soldiers shot dead
            # ..., the defence ministry said"), and Ukraine's when the title names neither
            party = self._party_from(text) if marked else "russia" if near else self._title_side
            # "+body?": nothing in the text marks whose body it is
            cue += " +body" if marked else " +body near" if near else " +body?"
            sided = f"{'Russian' if party == 'russia' else 'Ukrainian'} {phrase_name(text, 5)}"
            if not marked and party in ("russia", "ukraine") and \
                    (found := vocab_mod.best_match(self.vocab, sided)) is not None and found[1] == 0 and \
                    found[2] >= len(sided) - 1 and found[0].claimant_party == party and found[0].kind != "state":
                # "the defence ministry said" in an article on Russia's side: the Russian Ministry of Defence
                # (only when the alias names the whole phrase: "military chiefs" stay what they are)
                return Source(found[0].claimant, found[0].claimant_org, party, cue + " +side", found[0].kind, text)
            return Source(self._role_name(text, context) if re.search(r"city council", text, re.IGNORECASE)
                          else phrase_name(text, 5), None, party, cue, "organisation", text)
        if TITLE_WORDS.search(text):
            # "the regional governor": named by role, and by name where the article names its holder
            kind = "organisation" if ORG_WORDS.search(text) else "person"
            party = self._party_from(text)
            if kind == "person" and (holder := self._role_holder(text, context)) is not None:
                alias = vocab_mod.canonical_claimant(self.vocab, holder, kind="person")
                if alias is not None:  # "the military spokesman" -> Igor Konashenkov, of the Russian MoD
                    return Source(alias.claimant, alias.claimant_org, alias.claimant_party,
                                  cue + " +role holder", "person", text)
                if not names_a_party(text):
                    party = self._party_at_first_mention(holder)  # the side the article titles them with
                    party = "ukraine" if party == "other" else party
                return Source(holder, None, party, cue + " +role holder", "person", text)
            name = self._role_name(text, context)
            return Source(name, self._role_org(name), party, cue + " +role", kind, text)
        return None

    def _appositive_source(self, left: str, sentence: str, cue: str) -> Source | None:
        """The source of "A, B, said": a named person in either part (with the organisation the
        other names), else the first part that names a source ("Oryx, a Dutch defence
        intelligence organisation, confirmed")."""
        segments = re.split(r"[,;:\"“”()]", left)
        if len(segments) < 3 or DIGIT.search(segments[-2]) or CLAUSE_VERB.search(segments[-2]):
            return None  # "Across Ukraine, 900 hospitals have been damaged, said ...": no appositive
        head = re.sub(r"^\s*(?:but|and|while|as|that|who|which)\s+", "", segments[-3], flags=re.IGNORECASE)
        first, second = (self._named_source(part, sentence, cue) if part.strip() else None
                         for part in (head, segments[-2]))
        for person, other in ((first, second), (second, first)):
            # a name the text gives, not one a role was resolved to elsewhere in the article
            if person is not None and person.kind == "person" and "+role" not in person.cue:
                if other is not None and person.cue.endswith(("+person", "+surname")):
                    # the name's party and organisation are the ones the other part names
                    if other.kind != "person":
                        person = dataclasses.replace(person, claimant_org=other.claimant)
                    if other.party not in ("other", "unattributed", "media"):
                        person = dataclasses.replace(person, party=other.party)
                return person
        return first or second

    def _role_holder(self, phrase: str, context: str) -> str | None:
        """The person the article names with the role a phrase ends in: "its governor" ->
        "Oleh Synehubov" where the article has "Kharkiv's Governor Oleh Synehubov" or
        "Oleh Synehubov, the regional governor". Of several holders, the one named near the
        places the sentence names (Kharkiv's governor for a strike on Kharkiv)."""
        roles = [m.group(0).lower() for m in TITLE_WORDS.finditer(phrase)]
        if not roles or roles[-1] in ("administration", "council", "police", "head", "general", "deputy",
                                      "official", "chief"):
            return None
        role = "governor|gov\\." if roles[-1] in ("governor", "gov.") else re.escape(roles[-1])
        name = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
        # places the phrase names must be near the holder ("the governor of Sumy"); places the
        # sentence names before the phrase pick among holders ("a strike on Kharkiv, its governor said")
        ignore = {"Russian", "Ukrainian", "The"}
        required = set(re.findall(r"\b[A-Z][a-z]{3,}", phrase)) - ignore
        if re.search(r"installed|appointed|backed", phrase, re.IGNORECASE):
            required.add("installed|appointed|backed")
        if re.search(r"\bRussian\b", phrase):
            required.add(r"\bRussian\b|\bRussia-")  # a Russian governor is not Luhansk's
        at = context.find(phrase)
        places = set(re.findall(r"\b[A-Z][a-z]{3,}", context[:at] if at > 0 else context)) - ignore
        best, best_score = None, -1
        for m in re.finditer(rf"(?i:\b(?:{role}))[,\s]+({name})|({name}),\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,4}}"
                             rf"(?i:{role})\b", self._text):
            holder = m.group(1) or m.group(2)
            if self._person_in(holder) != holder:
                continue
            window = self._text[max(0, m.start() - 40):m.end() + 40]
            leading = self._text[max(0, m.start() - 40):m.end()]  # what titles the holder
            if not all(re.search(place, leading, re.IGNORECASE) for place in required):
                continue
            score = sum(place in window for place in places)
            if score > best_score:
                best, best_score = holder, score
        return best

    @staticmethod
    def _role_name(phrase: str, sentence: str) -> str:
        """A role as a source's name; a mayor or city council takes its city's name
        ("according to the mayor" of "the city of Kramatorsk" -> "Kramatorsk mayor",
        "the city council of the besieged city of Mariupol" -> "Mariupol City Council")."""
        role = re.search(r"\b(mayor|city council|council(?= of (?:the )?(?:[\w-]+ ){0,3}city\b))", phrase,
                         re.IGNORECASE)
        if not role:
            return phrase_name(phrase, 4)
        city_of = re.compile(r"\b(?:city|town|mayor) of (?:\w+ ){0,2}?([A-Z][\w'’-]+)|"
                             r"\b(?!Russian\b|Ukrainian\b)([A-Z][a-z]+)(?:'s|’s)? (?:mayor|city council)\b")
        city = city_of.search(phrase) or city_of.search(sentence)
        if city is not None:
            place = city.group(1) or city.group(2)
        elif known := UKRAINIAN_PLACES.search(sentence):
            place = known.group(0).title()  # "Mariupol's civilian death toll ..., according to the city council"
        else:
            return phrase_name(phrase, 4)
        return f"{place} mayor" if role.group(1).lower() == "mayor" else f"{place} City Council"

    @staticmethod
    def _role_org(name: str) -> str | None:
        """The body a role named after its city speaks for ("Kramatorsk mayor" -> "Kramatorsk City Council")."""
        return name[: -len(" mayor")] + " City Council" if name.endswith(" mayor") else None

    def _full_name(self, surname: str) -> tuple[str, str] | None:
        """(full name, party) of the first person in the article with this surname."""
        for m in re.finditer(rf"\b((?:[A-Z][a-z'-]+ ){{1,2}}{re.escape(surname)})\b", self._text):
            name = self._person_in(m.group(1))  # "Mayor Vadym Boychenko": the name without the title
            if name is None or not name.endswith(surname):
                continue
            alias = vocab_mod.canonical_claimant(self.vocab, name, kind="person")
            if alias:
                return alias.claimant, alias.claimant_party
            return name, self._party_at_first_mention(name)
        return None

    def _party_at_first_mention(self, name: str) -> str:
        """The party of the words around the first uses of a name in the article that title it
        ("Donetsk Governor Pavlo Kyrylenko", "Vladimir Leontyev, the Russian-installed head of ...",
        a quote's "Maksym Zhorin told the BBC" and later "Maksym Zhorin, a former commander of the Azov
        battalion")."""
        for use, found in enumerate(itertools.islice(re.finditer(re.escape(name), self._text), 3)):
            at = found.start()
            after = APPOSITIVE_AFTER.match(self._text, found.end())
            if use and not after:
                continue  # after the first use, only an appositive titles the name
            # the titles in the same sentence before the name (first use only), and the appositive after it
            before = re.split(r"[.;:!?\"“”]", self._text[max(0, at - 50):at])[-1] if not use else ""
            titles = before + " " + (after.group(1) if after else "") + " "
            if self._occupation_authority(titles, self._text[max(0, at - 120):at + 120]):
                return "russia"
            if (party := self._party_from(titles)) != "other":
                return party
        return "other"

    @staticmethod
    def _party_from(context: str) -> str:
        if MEDIA_ROLE.search(context):
            return "media"  # "co-host Sonny Hostin", "the BBC's correspondent"
        for party, pattern in PARTY_MARKERS:
            if pattern.search(context):
                return party
        if RUSSIAN_PLACES.search(context):
            return "russia"  # "the governor of the Krasnodar Krai region"
        return "ukraine" if TITLE_WORDS.search(context) else "other"

    def find_source(self, sentence: str,
                    previous_fn: Callable[[Callable[[Source], bool]], Source | None] = lambda accept: None,
                    ) -> tuple[Source | None, Source | None, str]:
        """(claimant, relay, stance) named in the sentence; pronouns resolve to the previous source.

        ``previous_fn(accept)`` gives the last source named before that ``accept`` takes, and is
        only called when a pronoun needs it: "he said" looks back for a person, "the governor
        said" for a person named as governor, "officials said" for a body.
        """
        cached: dict[str, Source | None] = {}

        def previous_source(pronoun: str = "") -> Source | None:
            want = _referent(pronoun)
            if want not in cached:
                cached[want] = _previous_of_kind(previous_fn, want)
            return cached[want]

        found: list[tuple[int, Source]] = []
        for m in ACCORDING.finditer(sentence):
            cue = "'" + " ".join(m.group(0).split()[:2]) + "'"
            words = m.group("src").strip(" ,.")
            src = None
            if PRONOUN_SOURCE.match(words) and (previous := previous_source(words)) is not None:
                src = dataclasses.replace(previous, cue="according to +previous", mention=words)
            src = src or self._named_source(m.group("src"), sentence, cue)
            if src and src.kind != "person" or src and src.cue.endswith("+role"):
                appositive = re.match(r",\s*([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2})\b", sentence[m.end():])
                if appositive and self._person_in(appositive.group(1)) == appositive.group(1):
                    # "according to the region's governor, Valentyn Reznichenko", "according to the head
                    # of the national police, Ihor Klymenko": the name follows the role or the body
                    src = dataclasses.replace(
                        src, claimant=appositive.group(1), kind="person", cue=src.cue + " +name",
                        claimant_org=src.claimant if src.kind != "person" else src.claimant_org)
            if src:
                found.append((m.start(), src))
        for m in (QUOTED_AS.finditer(sentence) if "quoted" in sentence else ()):  # the check is dear
            # "officials in Luhansk were quoted by Russia's TASS news agency as saying": the officials
            # assert, the agency relays
            if (src := self._named_source(m.group("src"), sentence, "'quoted as saying'")) is not None:
                found.append((m.start("src"), src))
                if m.group("relay") and (relay := self._named_source(m.group("relay"), sentence, "'quoted by'")):
                    found.append((m.start("relay"), relay))
        topic: Source | None = None  # the subject of a negated verb
        for m in self.vocab.verb_re.finditer(sentence):
            verb = m.group(0).lower()
            left = sentence[max(0, m.start() - 240):m.start()]  # a subject is never further back
            right = sentence[m.end():m.end() + 120]
            # "X said" : the words before the verb, back to the clause start
            if PASSIVE_BEFORE.search(left[-12:]) and not re.match(r"\s+by\b", right):
                continue  # passive without an agent ("have been recorded") names no source
            # "Ukraine stopped short of publicly claiming", "has not updated": no claim made, but the
            # subject stays the topic a later "it reported" in the sentence means
            negated = NEGATED_BEFORE.search(left[-40:]) is not None
            left = PARENTHESIS.sub("", left)  # "the Donetsk People's Republic (DPR) said"
            parts = re.split(r"[,;:\"“”()]|\bthat\b|\bwhile\b|\bbut\b|\bas\b|\band\b", left)
            clause = parts[-1]
            bare = [w for w in clause.split() if w.lower() not in SKIP_WORDS]
            src = None
            if not bare and len(parts) >= 3 and left[: len(left) - len(clause)].rstrip().endswith(","):
                # "Igor Konashenkov, the Russian defence ministry spokesman, claimed",
                # "the mayor of Lviv, Andriy Sadovyi, said": the name sits in the appositive
                src = self._appositive_source(left, sentence, f"'{verb}'")
                # "The office of the mayor, who had left the city, estimated": the subject is before
                # the relative clause
                clause = "" if src else parts[-3] if RELATIVE_START.match(parts[-2]) else ",".join(parts[-3:-1])
            words = clause.strip().split()
            while words and words[-1].lower() in SKIP_WORDS:
                words.pop()
            subject = " ".join(words[-8:])
            if subject:
                pronoun = PRONOUN_SOURCE.match(subject) or (
                    len(words) <= 3 and words and words[-1].lower() in ("he", "she", "they", "it"))
                previous = (topic or previous_source(subject)) if pronoun else None
                if previous is not None:
                    src = dataclasses.replace(previous, cue=f"'{subject} {verb}' +previous", mention=subject)
                else:
                    src = self._named_source(subject, sentence, f"'{verb}'")
            if src is None and verb.endswith("ing") and not subject and len(parts) >= 2 and \
                    left.rstrip().endswith(",") and (main := MAIN_SUBJECT.match(parts[-2])) is not None:
                # "Western officials briefed reporters on Tuesday, saying ...": the main clause's subject
                src = self._named_source(main.group("subject"), sentence, f"'{verb}'")
            elif src is None and not verb.endswith("ing"):
                # inverted: '..., said Igor Konashenkov' / '... the ministry said.'
                m2 = re.match(r"\s*(?:on \w+\s+)?([^,;.\"“”]{2,80})", right)
                if m2 and left.rstrip()[-1:] in (",", '"', "”", "’"):
                    src = self._named_source(m2.group(1), sentence, f"'{verb}' inverted")
            if src and negated:
                topic = src
            elif src:
                if self.vocab.verbs.get(verb) == "deny":
                    src = dataclasses.replace(src, cue=src.cue + " +deny")
                elif self.vocab.verbs.get(verb) == "order":
                    # "Putin ordered the army to recruit 137,000 troops": an order vouches only
                    # for the forces it orders, not for other numbers in the sentence
                    src = dataclasses.replace(src, cue=src.cue + " +order")
                found.append((m.start(), src))
        if not found and POSSESSIVE_HINT.search(sentence):
            for m in POSSESSIVE_SOURCE.finditer(sentence):
                src = self._alias_source(m.group("src"), "'s figures")
                if src:
                    found.append((m.start(), src))
        if not found:
            return None, None, "assert"
        found.sort(key=lambda x: x[0])
        numbers = [n for n in find_numbers(sentence) if not self._is_excluded(sentence, n)] \
            if len(found) > 1 or any(src.cue.endswith("+deny") for _, src in found) else []
        if numbers:
            # "Russia has denied responsibility, but its forces have killed 600 civilians, according to
            # the UN": a denial covers its own clause, not a number after "but" or "although"
            found = [(at, src) for at, src in found if not (src.cue.endswith("+deny") and (
                CLAUSE_BREAK.search(sentence, at, numbers[0].start) or
                SUBORDINATE_START.match(sentence) and "," in sentence[at:numbers[0].start]))]
            if not found:
                return None, None, "assert"
        media = [s for _, s in found if s.party == "media"]
        non_media = [s for _, s in found if s.party != "media"]
        if media and non_media:
            # "According to Reuters, ... as per estimates by the Ukrainian military"
            return non_media[-1], media[0], _stance(non_media[-1])
        if len(found) > 1 and numbers:
            # "Zelenskiy said ... the emergency services had counted 243": the source nearest
            # before the number asserts it; the ones before that pass it on
            before_number = [src for at, src in found if at < numbers[0].start and not src.cue.endswith("+order")]
            if before_number:
                return before_number[-1], None, _stance(before_number[-1])
        return found[0][1], None, _stance(found[0][1])

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

    # ------------------------------------------------------------ the rest
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

    @staticmethod
    def _scope(sentence: str, metric: str, category: str, value: float = 0.0,
               number_start: int = 0) -> tuple[str, float | None, str]:
        # a window belongs to the number's clause: within a few words of it
        p = PERIOD.search(sentence, max(0, number_start - 60), number_start + 90)
        if p and p.group("unit2") and not p.group("n2"):
            p = None  # "last week, the military claimed": when something happened, not a window
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

    def _denied_report(self, sentence: str, number: NumberMention,
                       speaker: Source | None) -> tuple[Source, Source] | None:
        """(owner, denier) when the number is inside a report one side denies of another
        ("Moscow has dismissed American claims that it forced up to 1.6 million Ukrainians to move")."""
        m = DENIED_REPORT.search(sentence, 0, number.start) if DENY_WORD.search(sentence, 0, number.start) else None
        if m is None or CLAUSE_BREAK.search(sentence, m.end(), number.start):
            return None
        owner = self._named_source(m.group("owner"), sentence, "'reports' denied") or \
            government_of(m.group("owner"), "'reports' denied")
        denier = self._named_source(m.group("denier"), sentence, f"'{m.group('verb')}'") or speaker
        if owner is None or denier is None or owner.claimant == denier.claimant:
            return None
        return owner, denier

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
        scope, days, cue = Extractor._scope(window.group(0), "", "")
        return (scope, days, f"window of the sentence before: {cue}") if scope == "period" else None

    @staticmethod
    def _as_of(sentence: str, number: NumberMention, published_on: dt.date) -> tuple[dt.date, str]:
        return Extractor._dated(sentence, number.start, published_on) or (published_on, "article date")

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

    # ------------------------------------------------------------ driver
    def extract(self, title: str, body: str, published_on: dt.date, outlet: str | None) -> list[Claim]:
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
        worded: dict[int, bool] = {}

        def near_miss(i: int, number: NumberMention, reason: str) -> None:
            if self.wide:
                if i not in worded:
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
            if OLD_EVENT.search(sentence):
                continue  # "the famine that rampaged through Ukraine in the early 1930s": not this war
            sentence_claims: list[Claim] = []
            named: tuple[Source | None, Source | None, str] | None = None
            last_category: tuple[str, str] | None = None
            numbers = find_numbers(sentence, number_words=number_words)
            for number in numbers:
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
                    near_miss(index, number, f"no outcome for {category}")
                    continue
                if metric == "troops_deployed" and PREWAR.search(sentence):
                    near_miss(index, number, "pre-war strength")
                    continue  # "before the invasion, the Russian military had 400,000 contract soldiers"
                if metric == "troops_killed" and LOSS_WORDS.search(sentence) and not DEATH_WORDS.search(sentence):
                    # "military casualties ... the Kremlin is believed to have lost over 5,000 soldiers"
                    metric = "troops_casualties"
                if (category in EQUIPMENT_CATEGORIES or category == "missiles") and AID.search(sentence) and \
                        not metric.endswith("_intercepted"):
                    near_miss(index, number, "aid")
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
                alternatives = {"outlet": voice}
                if (earlier := previous_before(index, lambda s: s.party not in ("media", "unattributed"))) \
                        is not None:
                    alternatives["previous"] = earlier
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
        claims = dedupe(claims)
        told = {(c.section, c.number_start) for c in claims}
        for i, number, reason in misses:
            section, text, s_start, s_end = sentences[i]
            if (section, s_start + number.start) in told:
                continue
            told.add((section, s_start + number.start))
            sentence = text[s_start:s_end]
            src, relay, stance = source_at(i)
            if src is None and (speaker := speaker_of_quote(i)) is not None:
                src, relay, stance = speaker, None, "assert"
            voice = dataclasses.replace(briefing[1], cue=f"briefing, {briefing[1].cue}") \
                if briefing is not None and i >= briefing[0] else default
            source = src if src is not None and not src.cue.endswith("+order") else voice
            scope, period_days, scope_cue = self._scope(sentence, "other", "people", number.value, number.start)
            as_of, date_cue = self._as_of(sentence, number, published_on)
            alternatives = {"outlet": voice}
            if (earlier := previous_before(i, lambda s: s.party not in ("media", "unattributed"))) is not None:
                alternatives["previous"] = earlier
            claims.append(Claim(
                section=section, sentence=sentence, sentence_start=s_start, sentence_end=s_end,
                number_text=number.text, number_start=s_start + number.start, value=number.value,
                value_max=number.value_max, qualifier=number.qualifier, metric="unknown", metric_note=None,
                subject="unspecified", scope=scope, period_days=period_days, as_of=as_of,
                claimant=source.claimant, claimant_org=source.claimant_org, claimant_party=source.party,
                claimant_kind=source.kind, claimant_mention=source.mention,
                relayed_by=relay.claimant if relay and source is src else None,
                stance=stance if source is src else "assert",
                evidence=[f"number '{number.text}'", f"near miss: {reason}", f"scope '{scope_cue}'", date_cue,
                          f"source {source.cue}"],
                alternatives=alternatives))
        return claims


# the writer's own reckoning from a source's words: '"50 to 100 troops die each day", meaning perhaps 3,000 a month'
INFERENCE = re.compile(r"[,;–—-]\s*(?:meaning|which means|implying|suggesting)\s+(?:perhaps |roughly |about |some |"
                       r"around |nearly |up to |at least |more than )?$", re.IGNORECASE)
BRIEFING_INTRO = re.compile(r"\b(?:highlights|key points|takeaways) (?:of|from) what (?P<src>[^:]{3,100}?) "
                            r"(?:told|said to|briefed) (?:reporters|journalists)\b[^:]{0,60}:", re.IGNORECASE)
# "Ukraine has denied Russian reports of", "Moscow has dismissed American claims that", "He also rejected
# Moscow's claims that": whose report, and who denies it
DENIED_REPORT = re.compile(
    r"(?P<denier>(?:[A-Z][\w'’.-]*\s+){1,4}?|[Hh]e\s+|[Ss]he\s+|[Ii]t\s+)(?:has |have |had |also )*"
    r"(?P<verb>denied|denies|rejected|rejects|"
    r"dismissed|dismisses|refuted|refutes)\s+(?:the\s+)?(?P<owner>(?:[\w’'.-]+\s+){1,3}?)"
    r"(?:reports|claims|allegations|assertions|figures)\s+(?:of|that)\b")
DENY_WORD = re.compile(r"\b(?:deni|reject|dismiss|refut)", re.IGNORECASE)
# a sentence that only adds to the one before it ("Another six people were wounded.")
CONTINUES = re.compile(r"^(?:another|a further|further|in addition,?|additionally,?|of (?:them|those)|"
                       r"among (?:them|the dead|the victims|those)|"
                       r"(?:the|their|its) (?:\w+ )?(?:losses|toll|tally|figures?) (?:also )?(?:include|includes|stand))\b",
                       re.IGNORECASE)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations in a text. A straight quote mark opens when it
    follows a space and precedes a word, and closes otherwise. A quotation still open at the end of
    a paragraph, or when another opens, ends there (a quote that runs on reopens in the next paragraph)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in QUOTE_MARK.finditer(text):
        mark, at = m.group(0), m.start()
        if mark == '"':
            before = text[at - 1] if at else " "
            after = text[at + 1] if at + 1 < len(text) else " "
            mark = "“" if (before.isspace() or before in "([—–") and not after.isspace() else "”"
        if mark == "\n" or mark == "“":
            if opened is not None:
                spans.append((opened, at))
            opened = at if mark == "“" else None
        elif opened is not None:
            spans.append((opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


QUOTE_MARK = re.compile(r"[“”\"\n]")  # \n ends a paragraph, and any quotation left open in it


def _sentence_at(sentences: list[tuple[str, str, int, int]], section: str, offset: int) -> int | None:
    """The index of the sentence of this section that holds the offset."""
    for j, (sec, _, start, end) in enumerate(sentences):
        if sec == section and start <= offset <= end:
            return j
    return None


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per claimant, metric and value within an article: the same claim told again
    (on another day, or as a total after an event) is one claim, and a claimant named once
    in full and once in short ("Kramatorsk mayor", "mayor") is one claimant.

    A title restates the body: a title claim whose value the body also states (as a value
    or as the top of a range) is dropped, and the body's (better attributed, better typed)
    claim is kept. A sentence the article prints twice gives its claims once.
    """
    in_body = {v for c in claims if c.section == "body" for v in (c.value, c.value_max) if v is not None}
    seen: set[tuple] = set()
    told_by: dict[tuple, list[str]] = {}  # (metric, value, value_max) -> claimant names kept
    out = []
    for c in claims:
        if c.section == "title" and c.value in in_body:
            continue
        repeated = (c.sentence, c.number_text, c.metric, c.stance)  # a sentence the article prints twice
        name = c.claimant.lower()
        names = told_by.setdefault((c.metric, c.value, c.value_max), [])
        # "the mayor" and "Kramatorsk mayor" in one article are one claimant
        if repeated in seen or any(name == n or n.endswith(" " + name) or name.endswith(" " + n) for n in names):
            continue
        seen.add(repeated)
        names.append(name)
        out.append(c)
    return out


_DEFAULT: Extractor | None = None


def extract_claims(title: str, body: str, published_on: dt.date, outlet: str | None = None) -> list[Claim]:
    """Claims of one cleaned article (module-level convenience over ``Extractor``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(title, body, published_on, outlet)
