"""The extractor the pipeline runs: rule candidates, then the learned layer, then dedupe.

``ClaimExtractor().extract(title, body, published_on, outlet)`` returns the
article's claims, each with its ``confidence`` (the claim head's probability)
and, in its evidence, every field the models changed from the rules' answer.
``EXTRACTOR_VERSION`` names the rules' version and the model artifact's hash,
so a retrained model re-extracts everything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

from newsclaims.extraction.extractor import RULES_VERSION, Claim, Extractor, dedupe
from newsclaims.extraction.features import ArticleContext, article_context, article_cues, features
from newsclaims.extraction.model import (
    FIELD_HEADS,
    MODEL_FILE,
    Model,
    source_example,
    source_options,
)

MODEL = Model.load(MODEL_FILE) if MODEL_FILE.exists() else None
EXTRACTOR_VERSION = f"{RULES_VERSION}+model-{MODEL.digest}" if MODEL else RULES_VERSION


def _allowed(claim: Claim, head: str) -> set[str] | None:
    if head == "scope":
        if claim.scope == "period" and claim.metric != "unknown":
            return {"period"}  # a window the text states ("in the last two days") is read exactly
        if claim.period_days is None:
            return {"cumulative", "event", "unspecified"}  # a period needs the window the rules read
    return None


def context_for(model: Model, title: str, body: str, outlet: str | None) -> ArticleContext:
    """The article's context, with the article head's relevance when the model has one."""
    context = article_context(title, body, outlet)
    if (head := model.heads.get("article")) is not None:
        cues = article_cues(context, head.words("a="))
        context = dataclasses.replace(context, relevance=head.proba(cues)["True"])
    return context


Judged = dict[int, tuple[Claim, list[str], float]]  # id -> (the candidate, its cues, its claim probability)


def judge(model: Model, claim: Claim, context: ArticleContext) -> tuple[list[str], float]:
    """A candidate's cues and the claim head's probability that it is a claim."""
    cues = features(claim, context)
    return cues, model.heads["claim"].proba(cues)["True"]


def apply_model(model: Model, claims: list[Claim], context: ArticleContext, judged: Judged | None = None
                ) -> list[Claim]:
    """Keep the candidates the claim head accepts, with the fields the other heads choose. ``judged``
    holds the verdicts already reached for some of them (``ClaimExtractor`` asks early)."""
    out = []
    for claim in claims:
        early = judged.get(id(claim)) if judged else None
        cues, confidence = early[1:] if early is not None and early[0] is claim else judge(model, claim, context)
        if confidence < model.threshold:
            continue
        changes: dict = {"confidence": round(confidence, 4)}
        notes = [f"model: claim {confidence:.2f}"]
        near_miss = claim.metric == "unknown"  # a number the rules could not type: the heads type it
        for head in FIELD_HEADS:
            probs = model.heads[head].proba(cues, _allowed(claim, head))
            if not probs:
                continue  # none of the head's values is allowed here: the rules' stands
            best = max(probs, key=probs.get)
            rule = getattr(claim, head)
            # the rules' typing stands unless the head is surer of another value by the margin
            if best != rule and (near_miss or probs[best] >= probs.get(rule, 0.0) + model.margins.get(head, 0.0)):
                changes[head] = best
                notes.append(f"model: {head} {getattr(claim, head)} -> {best} ({probs[best]:.2f})")
        if "metric" in changes:
            changes["metric_note"] = None
        if changes.get("scope", claim.scope) != "period":
            changes["period_days"] = None
        options = source_options(claim)
        if len(options) > 1:
            probs = model.heads["source"].proba(source_example(claim, cues), set(options))
            choice = max(probs, key=probs.get)
            if choice != "rules":
                teller = claim.alternatives[choice]
                changes.update(claimant=teller.claimant, claimant_org=teller.claimant_org,
                               claimant_party=teller.party, claimant_kind=teller.kind,
                               claimant_mention=teller.mention, relayed_by=None)
                notes.append(f"model: source {choice} '{teller.claimant}' ({probs[choice]:.2f})")
        out.append(dataclasses.replace(claim, evidence=[*claim.evidence, *notes], **changes))
    return dedupe(out)


class ClaimExtractor:
    """Rules then model, one article at a time (the model is read once, at import)."""

    def __init__(self, model: Model | None = MODEL, rules: Extractor | None = None):
        self.rules = rules or Extractor(wide=model is not None)
        self.model = model

    def extract(self, title: str, body: str, published_on: dt.date, outlet: str | None,
                budget: float | None = None) -> list[Claim]:
        """The article's claims; past ``budget`` seconds, ExtractionBudgetExceeded."""
        model = self.model
        deadline = time.monotonic() + budget if budget is not None else None
        if model is None:
            return self.rules.extract(title, body, published_on, outlet, deadline=deadline)
        context: ArticleContext | None = None
        # verdicts reached early, kept for apply_model; holding each candidate keeps its id unique
        judged: Judged = {}

        def article() -> ArticleContext:
            nonlocal context
            if context is None:
                context = context_for(model, title, body, outlet)
            return context

        def accept(candidate: Claim) -> bool:  # apply_model's verdict, reached before the dear look-ups
            cues, confidence = judge(model, candidate, article())
            judged[id(candidate)] = (candidate, cues, confidence)
            return confidence >= model.threshold

        claims = self.rules.extract(title, body, published_on, outlet, accept=accept, deadline=deadline)
        return apply_model(model, claims, article(), judged) if claims else []

