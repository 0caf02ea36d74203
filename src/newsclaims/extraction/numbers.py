"""Numbers as people write them: 1,030; 1.5 million; two; a dozen; ranges; qualifiers.

``find_numbers`` returns every number mention in a sentence with its value,
the high end of a range, the qualifier in front of it, and its character span.
It does not decide whether the number is a claim; ``extractor`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "couple": 2, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TEN})(?:[- ](?:{_UNIT}))?|(?:{_UNIT})|one|a(?=\s+(?:hundred|thousand|million|billion)\b))"
    rf"(?:\s+(?:hundred|thousand|million|billion|dozen)(?:\s+(?:and\s+)?(?:(?:{_TEN})(?:[- ](?:{_UNIT}))?|{_UNIT}))?)*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion)\b|(?:k|m|mn|bn)\b)?"
_ONE = rf"(?:(?:{_DIGITS}){_SCALE}|\b(?:{_WORD_NUMBER})\b|\ba\s+dozen\b|\bdozen\b|\bhalf\s+a\s+million\b)"

QUALIFIERS = [
    ("at_least", r"at least|more than|over|upwards of|in excess of|above|no fewer than|no less than|not less than|exceeding|exceeds|exceed|exceeded|surpassed|passes|passed|topped|at minimum|a minimum of|the minimum of"),
    ("at_most", r"up to|fewer than|less than|under|as many as|at most|no more than|a maximum of|below|not more than"),
    ("approx", r"about|around|roughly|some|nearly|almost|approximately|an estimated|estimated|close to|circa|approaching|an approximate|approx\.|approx|more or less|just under|just over|almost|well over|a reported|perhaps|maybe|possibly|estimated that|estimate that|estimates that|estimates are|estimate was|estimate is|estimated at|estimates at"),
]

def _number_re(one: str, first: str) -> re.Pattern:
    """A number or a range; ``first`` is a class of the characters it can start with, tested
    before the alternation so that the engine skips other positions at once (twice as fast)."""
    return re.compile(
        rf"(?={first})(?:(?P<between>between|from)\s+)?"
        rf"(?P<low>{one})"
        rf"(?:\s*(?:-|–|—|to|and|or)\s*(?P<high>{one}))?"
        rf"(?P<plus>\+)?",
        re.IGNORECASE,
    )


NUMBER_RE = _number_re(_ONE, r"[\da-z]")
# Most sentences write their numbers in digits; without a number word this is much cheaper.
DIGITS_RE = _number_re(rf"(?:(?:{_DIGITS}){_SCALE})", r"[\dbf]")
NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, "dozen"])
_LOWER_WORD = re.compile(r"[a-z]+")
# (phrase, qualifier), longest first: "just over" is approx where "over" alone is at_least
QUALIFIER_PHRASES = sorted(
    ((phrase.replace("\\.", "."), name) for name, pattern in QUALIFIERS for phrase in pattern.split("|")),
    key=lambda item: len(item[0]), reverse=True,
)


# the same phrases by their last word, so that only the few that can match are compared
_PHRASES_BY_LAST_WORD: dict[str, list[tuple[str, str]]] = {}
for _phrase, _name in QUALIFIER_PHRASES:
    _PHRASES_BY_LAST_WORD.setdefault(_phrase.split()[-1], []).append((_phrase, _name))


AFTER_QUALIFIER = re.compile(r"\s+or\s+(more|so)\b", re.IGNORECASE)


def qualifier_before(sentence: str, start: int) -> tuple[str, int]:
    """The qualifier written just before a number ("at least", "about the"), and where it starts.

    Compares the words before the number with each phrase (cheaper than a regex anchored at
    the end, which is tried at every position).
    """
    lo = max(0, start - 40)
    before = sentence[lo:start]
    tail = before.rstrip()
    if len(tail) == len(before):
        return "exact", start  # a qualifier is a separate word
    low = tail.lower()
    for article in (" the", " a"):
        if low.endswith(article) or low == article.strip():
            low = low[: -len(article.strip())].rstrip()
            break
    last = low.rsplit(None, 1)[-1] if low else ""
    for phrase, name in _PHRASES_BY_LAST_WORD.get(last, ()):
        if low.endswith(phrase) and (len(low) == len(phrase) or not low[-len(phrase) - 1].isalnum()):
            return name, lo + len(low) - len(phrase)
    return "exact", start


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    qualifier: str
    is_word: bool


def words_to_number(text: str) -> float | None:
    """'twenty-five thousand' -> 25000; None when the words are not a number."""
    text = text.lower().replace("-", " ").replace(" and ", " ")
    if text in ("a dozen", "dozen"):
        return 12.0
    if text.endswith(" dozen"):  # "two dozen"
        inner = words_to_number(text[: -len(" dozen")])
        return inner * 12 if inner is not None else None
    if text == "half a million":
        return 500_000.0
    total, current, seen = 0, 0, False
    for word in text.split():
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a", "one"):
            current += 1
        elif word in SCALES:
            scale = SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


# no count of people or equipment in this war comes near ten billion (more than everyone alive);
# larger values, and the infinity that a run of hundreds of digits parses to, are not claims
LARGEST_COUNT = 1e10


def parse_number(text: str) -> tuple[float | None, bool]:
    """Parse one number (digits with optional scale, or words); returns (value, is_word)."""
    t = text.strip().lower()
    m = re.match(rf"^({_DIGITS})\s*(hundred|thousand|million|billion|k|m|mn|bn)?$", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale:
            value *= SCALES.get(scale) or SCALE_ABBREV[scale]
        return value, False
    return words_to_number(t), True


def _scale_of(text: str) -> float:
    for word, scale in SCALES.items():
        if text.lower().rstrip().endswith(word):
            return scale
    return 1.0


def has_number_word(text: str) -> bool:
    """Whether the text holds a number written in words (a set test: much faster than a regex)."""
    return not NUMBER_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))


def find_numbers(sentence: str, *, number_words: bool | None = None) -> list[NumberMention]:
    """Every number mention in the sentence, with ranges and qualifiers resolved.

    ``number_words`` says whether the sentence has number words (from ``has_number_word``),
    when the caller knows already; without any, only digits are looked for.
    """
    out: list[NumberMention] = []
    pos = 0
    if number_words is None:
        number_words = has_number_word(sentence)
    pattern = NUMBER_RE if number_words else DIGITS_RE
    while (m := pattern.search(sentence, pos)) is not None:
        pos = m.end()
        low_text = m.group("low")
        if m.group("high"):
            pos = m.start("high")  # unless the range is taken below, the high end is read again
        low, is_word = parse_number(low_text)
        if low is None or not low < LARGEST_COUNT:
            continue  # not a number, or more than anything this war counts (400 nines read as inf)
        high = None
        start = m.start("low")
        end = m.end("low")
        if m.group("high"):
            joiner = sentence[m.end("low"):m.start("high")].strip().lower()
            high_value, _ = parse_number(m.group("high"))
            if high_value is not None and not high_value < LARGEST_COUNT:
                high_value = None
            between = (m.group("between") or "").lower()
            is_range = high_value is not None and (
                (joiner in ("-", "–", "—", "to", "or") and between != "from")
                or (between == "between" and joiner == "and")
            )
            if is_range and high_value is not None:
                # "40-50,000" and "three to four million": the scale written once covers both.
                if high_value > low and low < 1000 and "," not in low_text and _scale_of(low_text) == 1:
                    scale = _scale_of(m.group("high"))
                    if scale > 1 and low * scale <= high_value:
                        low *= scale
                    elif "," in m.group("high") and low * 1000 <= high_value and high_value >= 1000 \
                            and low < 100:
                        low *= 1000
                if high_value >= low:
                    high = high_value
                    end = m.end("high")
                    pos = m.end()
                    if m.group("between"):
                        start = m.start("between")
        qualifier, start_q = qualifier_before(sentence, start)
        if m.group("plus"):
            qualifier = "at_least"
            end = m.end("plus")
        elif qualifier == "exact" and (tail := AFTER_QUALIFIER.match(sentence, end)):
            qualifier = "at_least" if tail.group(1).lower() == "more" else "approx"  # "150,000 or more", "or so"
        out.append(NumberMention(
            start=start_q, end=end, text=sentence[start:end], value=low, value_max=high,
            qualifier=qualifier, is_word=is_word,
        ))
    return out
