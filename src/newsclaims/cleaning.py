"""Clean an article after the raw layer: repair mojibake, set the site's boilerplate apart.

The raw layer is never changed; the cleaned title and body are written beside
it (``extract.article_texts``) and claim offsets point into them.
Boilerplate patterns are data: ``seeds/boilerplate_patterns.csv``.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import ftfy

from newsclaims.config import VOCAB_DIR

# UTF-8 read as cp1252/latin-1 leaves these pairs ("â€™", "Ã©", "Â "); ftfy is only
# called when one is present, which keeps cleaning fast on clean text.
MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152-\u0161\u20ac\u2018-\u203a\u02c6\u02dc]")
RULE_LINE = re.compile(r"^[\s_\-=*•~#]{3,}$")
# invisible format characters: zero-width spaces and joiners, bidi controls, word joiners, BOMs, soft
# hyphens. Removed for extraction ("150\u200b,702" is 150,702, not 702); the raw layer keeps them.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class CleanText:
    title: str
    body: str
    boilerplate: str
    mojibake_repaired: bool


@functools.cache
def boilerplate_patterns(path: Path = VOCAB_DIR / "boilerplate_patterns.csv") -> re.Pattern:
    with path.open(newline="", encoding="utf-8") as fh:
        patterns = [row["pattern"] for row in csv.DictReader(fh) if row["pattern"].strip()]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def repair(text: str) -> tuple[str, bool]:
    """Repair mojibake, keeping quotes and widths as they were; returns (text, changed)."""
    if not MOJIBAKE_HINT.search(text):
        return text, False
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False,
                          fix_latin_ligatures=False, normalization=None)
    return fixed, fixed != text


def clean(title: str, body: str) -> CleanText:
    """Return the cleaned title and body, and the boilerplate lines set apart."""
    title, title_fixed = repair(INVISIBLE.sub("", title))
    body, body_fixed = repair(INVISIBLE.sub("", body.replace("\r\n", "\n").replace("\r", "\n")))
    pattern = boilerplate_patterns()
    kept, dropped = [], []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        # boilerplate lines are short; testing the length first spares the regex on long paragraphs
        if RULE_LINE.match(stripped) or len(stripped) < 400 and pattern.search(stripped):
            dropped.append(stripped)
        else:
            kept.append(stripped)
    return CleanText(
        title=title.strip(),
        body="\n".join(kept),
        boilerplate="\n".join(dropped),
        mojibake_repaired=title_fixed or body_fixed,
    )
