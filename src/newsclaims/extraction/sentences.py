"""The exact structure of a text: sentences (abbreviations kept whole) and quotation spans.
"""

from __future__ import annotations

import re

from newsclaims.extraction.lexicon import QUOTE_MARK

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


# A "sentence" longer than this is a table or a list run together; it is cut at clause boundaries,
# so that the work per number, which reads its whole sentence, stays bounded (no sentence of the
# gold sets or the corpus is this long: the longest is 2,598 characters)
MAX_SENTENCE_CHARS = 3000
CLAUSE_END = re.compile(r"[,;:]\s|\s[—–-]\s")


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_SENTENCE_CHARS, at the last clause boundary (else the
    last space) before the limit."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max((m.end() for m in CLAUSE_END.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit)), default=-1)
        if cut == -1:
            cut = text.rfind(" ", start + 1, limit) + 1 or limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start = cut
    out.append((start, end))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of the text, honouring common abbreviations; none longer than
    MAX_SENTENCE_CHARS."""
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
            out += _bounded(text, s, e) if e - s > MAX_SENTENCE_CHARS else [(s, e)]
    return out


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


def _sentence_at(sentences: list[tuple[str, str, int, int]], section: str, offset: int) -> int | None:
    """The index of the sentence of this section that holds the offset."""
    for j, (sec, _, start, end) in enumerate(sentences):
        if sec == section and start <= offset <= end:
            return j
    return None
