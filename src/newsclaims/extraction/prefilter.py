"""A fast first test for big vocabulary alternations: may this text match at all?

Python's regex engine tries a long alternation ("soldiers|troops|...", 2,000
characters of outcome and category words) at every position of a sentence:
about 80 µs a sentence. RE2 (``google-re2``) compiles the same alternation
into an automaton and answers in about 5 µs. RE2 has no lookarounds, so the
prefilter is built from the patterns with their lookarounds removed: it
matches wherever the original does, and sometimes where it does not. Its
answer is only ever used to *skip* work: ``False`` means the original
patterns cannot match; ``True`` means the caller must look with the
originals.

Two differences between the engines could make the prefilter say ``False``
wrongly, and both are handled:

* Python's case-insensitive ``[a-z]`` also matches ``ı``, ``İ``, ``ſ`` and the
  Kelvin sign, RE2's does not: a text holding one of them is always passed.
* RE2's ``\\b`` is ASCII, Python's is Unicode; the vocabulary's words begin and
  end with ASCII letters, where RE2 finds a boundary wherever Python does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

try:
    import re2
except ImportError:  # pragma: no cover - google-re2 is a dependency; without it nothing is skipped
    re2 = None

# characters Python's IGNORECASE folds onto ASCII letters and RE2 does not
_FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def strip_lookarounds(pattern: str) -> str:
    """The pattern without its lookahead and lookbehind assertions (a superset of its matches)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth, j = 0, i
            while True:
                if pattern[j] == "\\":
                    j += 2
                    continue
                if pattern[j] == "(":
                    depth += 1
                elif pattern[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
        elif pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def may_match(patterns: Iterable[str]) -> Callable[[str], bool]:
    """A test that is False only where none of the (case-insensitive) patterns can match."""
    patterns = list(patterns)
    if re2 is None:
        exact = [re.compile(p, re.IGNORECASE) for p in patterns]
        return lambda text: any(p.search(text) for p in exact)
    options = re2.Options()
    options.max_mem = 64 << 20
    union = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', strip_lookarounds(p))})" for p in patterns)
    compiled = re2.compile(f"(?i){union}", options)
    search, folds = compiled.search, _FOLDS_ONTO_ASCII.search

    def test(text: str) -> bool:
        return search(text) is not None or folds(text) is not None

    return test
