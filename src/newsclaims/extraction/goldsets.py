"""The annotated article sets in ../shared/eval, the develop/check split, and scoring.

The gold is read from ``../shared`` where it is (never copied into the project).
The split is committed (``models/split.tsv``: file names only) so every figure
can be reproduced: train articles are split, seeded and stratified by outlet,
into a *develop* part that rules and models are fitted on and a *check* part
that is only ever scored. The dev set, read and tuned on before, is develop.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsclaims.cleaning import clean
from newsclaims.config import PROJECT_ROOT
from newsclaims.parsing import parse_text_article

SHARED = PROJECT_ROOT.parent / "shared"
EVAL_DIR = SHARED / "eval"
SPLIT_FILE = Path(__file__).resolve().parent / "models" / "split.tsv"
SPLIT_SEED = 20261201
CHECK_SHARE = 0.4
SETS = ("dev", "train")


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article, cleaned as the extract stage cleans it."""

    file: str
    set: str
    title: str
    body: str
    published_on: dt.date
    outlet: str | None


def available() -> bool:
    return all((EVAL_DIR / name / "gold.jsonl").exists() for name in SETS)


def _index(set_name: str) -> list[dict]:
    with (EVAL_DIR / set_name / "INDEX.tsv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def make_split(seed: int = SPLIT_SEED, check_share: float = CHECK_SHARE) -> list[dict]:
    """Rows (file, set, part, outlet): dev is develop; train is split per outlet, seeded."""
    rows = [{"file": r["file"], "set": "dev", "part": "develop", "outlet": r["outlet"]}
            for r in _index("dev")]
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for r in _index("train"):
        by_outlet[r["outlet"]].append(r["file"])
    rng = random.Random(seed)
    for outlet in sorted(by_outlet):
        files = sorted(by_outlet[outlet])
        rng.shuffle(files)
        n_check = round(len(files) * check_share)
        rows += [{"file": f, "set": "train", "part": "check" if i < n_check else "develop", "outlet": outlet}
                 for i, f in enumerate(files)]
    return sorted(rows, key=lambda r: (r["set"], r["file"]))


def write_split(path: Path = SPLIT_FILE) -> list[dict]:
    rows = make_split()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["file", "set", "part", "outlet"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def read_split(path: Path = SPLIT_FILE) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def part_files(part: str, set_name: str | None = None) -> list[tuple[str, str]]:
    """(set, file) of a part ('develop', 'check', or 'all'), optionally of one set only."""
    return [(r["set"], r["file"]) for r in read_split()
            if (part == "all" or r["part"] == part) and (set_name is None or r["set"] == set_name)]


def load_articles(members: list[tuple[str, str]]) -> list[GoldArticle]:
    out = []
    for set_name, name in members:
        article = parse_text_article((EVAL_DIR / set_name / "articles" / name).read_text(encoding="utf-8"))
        cleaned = clean(article.title, article.body)
        out.append(GoldArticle(name, set_name, cleaned.title, cleaned.body, article.published_on,
                               article.outlet))
    return out


def load_gold(members: list[tuple[str, str]]) -> list[dict]:
    wanted = {(s, f) for s, f in members}
    gold = []
    for set_name in sorted({s for s, _ in members}):
        for line in (EVAL_DIR / set_name / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip() and (set_name, (g := json.loads(line))["article"]) in wanted:
                gold.append(g)
    return gold


def score(members: list[tuple[str, str]], predictions: list[dict], errors: int = 0) -> dict | str:
    """Score predictions (rows with the gold's field names) with ../shared/eval/score.py.

    Returns its JSON report, or its text (with the error listing) when ``errors`` is set.
    """
    with tempfile.TemporaryDirectory() as tmp:
        gold_file, pred_file, list_file = (Path(tmp) / n for n in ("gold.jsonl", "pred.jsonl", "articles.txt"))
        gold_file.write_text("".join(json.dumps(g) + "\n" for g in load_gold(members)))
        pred_file.write_text("".join(json.dumps(p, default=str) + "\n" for p in predictions))
        list_file.write_text("".join(f + "\n" for _, f in members))
        args = [sys.executable, str(EVAL_DIR / "score.py"), str(gold_file), str(pred_file),
                "--articles", str(list_file)]
        args += ["--errors", str(errors)] if errors else ["--json"]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return out if errors else json.loads(out)
