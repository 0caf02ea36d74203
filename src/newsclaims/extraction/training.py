"""Build the learned layer from the gold (``newsclaims train``) and evaluate it (``newsclaims evaluate``).

Training reads only the *develop* part of the committed split
(``models/split.tsv``): the rules propose candidates on each develop article,
each candidate is matched to the gold one to one as ``../shared/eval/score.py``
matches (same value, the same metric first), and the heads learn from those
labels. The claim threshold is the one that maximises detection F1 over
out-of-fold predictions (article-grouped folds on develop), so the check part
is never used to fit anything: it is only scored.

scikit-learn is needed here only; the artifact is plain JSON read by ``model``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsclaims.extraction import goldsets
from newsclaims.extraction.claims import ClaimExtractor, apply_model
from newsclaims.extraction.extractor import RULES_VERSION, Claim, Extractor
from newsclaims.extraction.features import ArticleContext, article_context, article_cues, features
from newsclaims.extraction.model import (
    FIELD_HEADS,
    MODEL_FILE,
    SOURCE_OPTIONS,
    Head,
    Model,
    source_example,
    source_options,
)

SEED = 7
C = {"article": 1.0, "claim": 0.3, "metric": 0.5, "scope": 0.3, "subject": 0.3, "source": 0.3}
TRAIN_WEIGHT = 3.0  # a train-set article counts three times a dev one: the rules were written on dev
FOLDS = 5
L1_HEADS = {"article"}
# how much surer than of the rules' value a field head must be to change it (1.0: never)
MARGINS = {"metric": 0.3, "scope": 0.3, "subject": 0.3}


def _scorer():
    spec = importlib.util.spec_from_file_location("newsclaims_eval_score", goldsets.EVAL_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Example:
    article: str
    weight: float
    claim: Claim
    cues: list[str]
    gold: dict | None  # the gold claim it matches, if any
    context: ArticleContext


@dataclass
class ArticleExample:
    article: str
    weight: float
    context: ArticleContext
    has_claim: bool


def examples(members: list[tuple[str, str]], rules: Extractor | None = None
             ) -> tuple[list[Example], list[ArticleExample]]:
    """Rule candidates of the members' articles with the gold claim each matches (or None), and the
    articles themselves with whether they hold any gold claim."""
    rules = rules or Extractor(wide=True)
    score = _scorer()
    gold_by_article = defaultdict(list)
    for g in goldsets.load_gold(members):
        gold_by_article[g["article"]].append(dict(g))
    out, articles = [], []
    for article in goldsets.load_articles(members):
        claims = rules.extract(article.title, article.body, article.published_on, article.outlet)
        rows = [gold_row(claim, article.file) for claim in claims]
        pairs = score.match(gold_by_article[article.file], rows)
        matched = {id(p): g for g, p in pairs}
        context = article_context(article.title, article.body, article.outlet)
        weight = TRAIN_WEIGHT if article.set == "train" else 1.0
        out += [Example(article.file, weight, claim, features(claim, context), matched.get(id(row)), context)
                for claim, row in zip(claims, rows, strict=True)]
        articles.append(ArticleExample(article.file, weight, context, bool(gold_by_article[article.file])))
    return out, articles


def _source_label(example: Example, same) -> str | None:
    """Which teller option names the gold claimant (else has its party); None if no option does."""
    options = source_options(example.claim)
    tellers = {"rules": {"claimant": example.claim.claimant, "claimant_org": example.claim.claimant_org,
                         "claimant_party": example.claim.claimant_party}}
    for name in options[1:]:
        src = example.claim.alternatives[name]
        tellers[name] = {"claimant": src.claimant, "claimant_org": src.claimant_org, "claimant_party": src.party}
    for test in ("claimant", "claimant_party"):
        for name in options:
            if same(test, example.gold, tellers[name]):
                return name
    return None


def _fit(name: str, rows: list[list[str]], labels: list[str], weights: list[float]) -> Head:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(r, 1.0) for r in rows])
    if name in L1_HEADS:  # few cues of many: a sparse head, cheap to apply to a whole article
        x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear's index type
        model = LogisticRegression(C=C[name], l1_ratio=1.0, solver="liblinear", max_iter=2000, random_state=SEED)
    else:
        model = LogisticRegression(C=C[name], max_iter=2000, random_state=SEED)
    model.fit(x, labels, sample_weight=weights)
    classes = tuple(str(c) for c in model.classes_)
    coef = model.coef_
    names = vectorizer.get_feature_names_out()
    weights_by_cue = {}
    for j, cue in enumerate(names):
        row = tuple(round(float(coef[i, j]), 5) for i in range(coef.shape[0]))
        if any(abs(w) >= 1e-4 for w in row):
            weights_by_cue[str(cue)] = row
    intercept = tuple(round(float(b), 5) for b in model.intercept_)
    return Head(classes, intercept, weights_by_cue)


def fit_heads(train: list[Example]) -> dict[str, Head]:
    score = _scorer()
    heads = {"claim": _fit("claim", [e.cues for e in train], [str(e.gold is not None) for e in train],
                           [e.weight for e in train])}
    matched = [e for e in train if e.gold is not None]
    for head in FIELD_HEADS:
        heads[head] = _fit(head, [e.cues for e in matched], [str(e.gold[head]) for e in matched],
                           [e.weight for e in matched])
    labelled = [(e, label) for e in matched if (label := _source_label(e, score.same)) is not None]
    heads["source"] = _fit("source", [source_example(e.claim, e.cues) for e, _ in labelled],
                           [label for _, label in labelled], [e.weight for e, _ in labelled])
    return heads


def _best_threshold(probs: list[float], labels: list[bool], n_gold: int) -> float:
    """The threshold of the best detection F1, every gold claim the rules miss counted as missed."""
    best, best_f1 = 0.5, -1.0
    for t in [i / 100 for i in range(5, 90)]:
        tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y)
        n_pred = sum(1 for p in probs if p >= t)
        f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def _folds(articles: list[ArticleExample]) -> dict[str, int]:
    return {a: i % FOLDS for i, a in enumerate(sorted(e.article for e in articles))}


def fit_article_head(articles: list[ArticleExample]) -> Head:
    return _fit("article", [article_cues(a.context) for a in articles], [str(a.has_claim) for a in articles],
                [a.weight for a in articles])


def with_relevance(train: list[Example], articles: list[ArticleExample]) -> list[Example]:
    """The candidates with the article head's relevance among their cues, each article's relevance from
    a head that did not see it (out of fold), so the claim head learns from values it will meet."""
    fold_of = _folds(articles)
    relevance = {}
    for fold in range(FOLDS):
        head = fit_article_head([a for a in articles if fold_of[a.article] != fold])
        relevance.update({a.article: head.proba(article_cues(a.context))["True"]
                          for a in articles if fold_of[a.article] == fold})
    out = []
    for e in train:
        context = dataclasses.replace(e.context, relevance=relevance[e.article])
        out.append(dataclasses.replace(e, context=context, cues=features(e.claim, context)))
    return out


def out_of_fold(train: list[Example], articles: list[ArticleExample], n_gold: int) -> tuple[float, list[dict]]:
    """Article-grouped cross-validation on develop: the threshold of the best detection F1 over
    out-of-fold probabilities, and the out-of-fold predicted rows at that threshold (an honest
    develop score: no article is predicted by a model that saw it)."""
    fold_of = _folds(articles)
    probs, labels, fold_heads = [], [], []
    for fold in range(FOLDS):
        heads = fit_heads([e for e in train if fold_of[e.article] != fold])
        fold_heads.append(heads)
        for e in train:
            if fold_of[e.article] == fold:
                probs.append(heads["claim"].proba(e.cues)["True"])
                labels.append(e.gold is not None)
    threshold = _best_threshold(probs, labels, n_gold)
    rows = []
    by_article = defaultdict(list)
    for e in train:
        by_article[e.article].append(e)
    for article, group in by_article.items():
        model = Model(fold_heads[fold_of[article]], threshold, "cv", {}, MARGINS)
        rows += [gold_row(claim, article)
                 for claim in apply_model(model, [e.claim for e in group], group[0].context)]
    return threshold, rows


def build_model(path: Path = MODEL_FILE) -> tuple[Model, dict]:
    """Train every head on the develop part and write the artifact; returns the loaded model and
    the out-of-fold develop report."""
    develop = goldsets.part_files("develop")
    train, articles = examples(develop)
    train = with_relevance(train, articles)
    n_gold = len(goldsets.load_gold(develop))
    threshold, oof_rows = out_of_fold(train, articles, n_gold)
    oof_report = goldsets.score(develop, oof_rows)
    heads = {"article": fit_article_head(articles), **fit_heads(train)}
    data = {
        "meta": {"trained_on": "develop part of models/split.tsv (dev + train-develop)", "rules": RULES_VERSION,
                 "articles": len(articles), "candidates": len(train), "gold": n_gold, "seed": SEED, "C": C,
                 "train_weight": TRAIN_WEIGHT, "folds": FOLDS, "sources": list(SOURCE_OPTIONS)},
        "threshold": threshold,
        "margins": MARGINS,
        "heads": {name: head.to_json() for name, head in heads.items()},
    }
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")
    return Model.load(path), oof_report


def gold_row(claim: Claim, article: str) -> dict:
    """A claim as a row with the gold's field names, as score.py reads them."""
    row = claim.as_row()
    row["article"] = article
    row["as_of"] = claim.as_of.isoformat()
    return row


def predict(model: Model | None, members: list[tuple[str, str]], extractor: ClaimExtractor | None = None
            ) -> list[dict]:
    """Claims of the members' articles, as the pipeline extracts them, as rows with the gold's field names."""
    extractor = extractor or ClaimExtractor(model)
    return [gold_row(claim, article.file) for article in goldsets.load_articles(members)
            for claim in extractor.extract(article.title, article.body, article.published_on, article.outlet)]


PARTS = {"dev": ("all", "dev"), "train": ("all", "train"), "develop": ("develop", None),
         "train-develop": ("develop", "train"), "check": ("check", None)}


def evaluate(model: Model | None, parts: tuple[str, ...] = ("develop", "check")) -> dict[str, dict]:
    """score.py's report for each part, with the model (or the rules alone when model is None)."""
    extractor = ClaimExtractor(model)
    out = {}
    for name in parts:
        members = goldsets.part_files(*PARTS[name])
        out[name] = goldsets.score(members, predict(model, members, extractor))
    return out


def format_report(reports: dict[str, dict]) -> str:
    lines = [f"{'part':14s} {'arts':>4s} {'gold':>4s} {'pred':>4s}  detection F1  typed F1  full P/R/F1"
             "           claimant party scope metric subject as_of"]
    for name, r in reports.items():
        fa = r["field_accuracy"]
        p, rec, f = r["full"]
        lines.append(f"{name:14s} {r['articles']:4d} {r['gold']:4d} {r['predicted']:4d}  {r['detection'][2]:12.3f}"
                     f"  {r['typed'][2]:8.3f}  {p:.3f}/{rec:.3f}/{f:.3f}    {fa['claimant']:.3f}    "
                     f"{fa['claimant_party']:.3f} {fa['scope']:.3f} {fa['metric']:.3f}  {fa['subject']:.3f}  "
                     f"{fa['as_of']:.3f}")
    return "\n".join(lines)
