"""The learned layer's model: its heads, how they score, and how the artifact is read.

The rules propose candidates (a number, what it counts, who tells it). Six
logistic-regression heads then decide what rests on many weak cues:

* ``article``: is the article about the war's losses, forces or displacement at
  all (``features.article_cues``)? Its probability is a cue of every candidate.
* ``claim``: is the candidate a claim at all (another war, an age, a count of
  something else)? Its probability is the row's ``confidence``; candidates
  under the artifact's threshold are dropped.
* ``metric``, ``scope``, ``subject``: the field's value, the rules' own
  answer being one cue among the rest.
* ``source``: which teller the text offers is the claimant: the rules' own,
  the outlet's voice, or the source named nearest before the sentence.

The artifact is JSON (``models/claims.json``: classes, intercepts and the
non-zero weights, rounded), read without scikit-learn, so prediction is a sum
of weights per candidate; its hash is part of the extractor version. It is
rebuilt by ``newsclaims train`` (``training.build_model``) from the gold in
``../shared/eval``, on the develop part of the committed split only; ``claims``
applies it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent / "models" / "claims.json"
FIELD_HEADS = ("metric", "scope", "subject")
SOURCE_OPTIONS = ("rules", "outlet", "previous")


@dataclass(frozen=True)
class Head:
    """One linear classifier: P(class | cues) by a softmax (a sigmoid for two classes)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def __post_init__(self):
        # the weights as one matrix, a row per cue: a candidate's scores are one fancy-indexed sum
        rows = {cue: i for i, cue in enumerate(self.weights)}
        matrix = np.array(list(self.weights.values()) or [[0.0] * len(self.intercept)], dtype=np.float64)
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_matrix", matrix)

    def words(self, prefix: str) -> frozenset[str]:
        """The words of the cues with this prefix that the head weighs ("a=" for article words)."""
        cache = self.__dict__.setdefault("_words", {})
        if prefix not in cache:
            cache[prefix] = frozenset(c[len(prefix):] for c in self.weights if c.startswith(prefix))
        return cache[prefix]

    def scores(self, cues: list[str]) -> list[float]:
        rows = self._rows
        found = [r for cue in cues if (r := rows.get(cue)) is not None]
        totals = np.asarray(self.intercept, dtype=np.float64)
        if found:
            totals = totals + self._matrix[found].sum(axis=0)
        return totals.tolist()

    def proba(self, cues: list[str], allowed: set[str] | None = None) -> dict[str, float]:
        totals = self.scores(cues)
        if len(self.classes) == 2:  # one weight vector, for the second class
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, totals[0]))))
            probs = {self.classes[0]: 1.0 - p, self.classes[1]: p}
        else:
            top = max(totals)
            exp = [math.exp(t - top) for t in totals]
            total = sum(exp)
            probs = {c: e / total for c, e in zip(self.classes, exp, strict=True)}
        if allowed is not None:
            probs = {c: p for c, p in probs.items() if c in allowed}
            total = sum(probs.values()) or 1.0
            probs = {c: p / total for c, p in probs.items()}
        return probs

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "intercept": list(self.intercept),
                "weights": {k: list(v) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> Head:
        return cls(tuple(data["classes"]), tuple(data["intercept"]),
                   {k: tuple(v) for k, v in data["weights"].items()})


@dataclass(frozen=True)
class Model:
    heads: dict[str, Head]
    threshold: float
    digest: str
    meta: dict
    margins: dict[str, float] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Model:
        raw = path.read_bytes()
        data = json.loads(raw)
        return cls({name: Head.from_json(h) for name, h in data["heads"].items()}, float(data["threshold"]),
                   hashlib.sha256(raw).hexdigest()[:10], data.get("meta", {}), data.get("margins", {}))


def source_cues(claim, option: str) -> list[str]:
    """Cues of one teller option, to be added to the candidate's own."""
    src = claim.alternatives.get(option) if option != "rules" else None
    party = claim.claimant_party if option == "rules" else (src.party if src is not None else "none")
    kind = claim.claimant_kind if option == "rules" else (src.kind if src is not None else "none")
    return [f"opt={option}", f"opt_party={option}|{party}", f"opt_kind={option}|{kind}"]


def source_options(claim) -> list[str]:
    """The teller options a candidate has: the rules' always, the others when the text offers one that
    differs from the rules' choice."""
    options = ["rules"]
    for name in ("outlet", "previous"):
        src = claim.alternatives.get(name)
        if src is not None and src.claimant != claim.claimant:
            options.append(name)
    return options


def source_example(claim, cues: list[str]) -> list[str]:
    """One cue list holding every option's cues, so one softmax head chooses among them."""
    out = list(cues)
    for option in source_options(claim):
        out += source_cues(claim, option)
    return out
