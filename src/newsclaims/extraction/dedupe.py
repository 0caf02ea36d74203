"""One claim per claimant, metric and value in an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the claim type only: extractor imports this module
    from newsclaims.extraction.extractor import Claim


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
