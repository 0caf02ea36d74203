"""Extraction throughput: clean + extract over ../shared/corpus (or the dev articles), one process.

    python benchmarks/bench_extract.py [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from newsclaims.cleaning import clean
from newsclaims.extraction.extractor import EXTRACTOR_VERSION, Extractor

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ukraine_media_2022.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        raise SystemExit(f"{args.corpus} is absent: nothing to benchmark")
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if args.limit:
        rows = rows[: args.limit]
    extractor = Extractor()
    chars = sum(len(r["text"]) for r in rows)
    started = time.perf_counter()
    claims = 0
    for r in rows:
        text = clean(r["title"], r["text"])
        claims += len(extractor.extract(text.title, text.body, dt.date.fromisoformat(r["date"]), r["outlet"]))
    seconds = time.perf_counter() - started
    print(f"{EXTRACTOR_VERSION}: {len(rows)} articles ({chars / 1e6:.1f} M chars), {claims} claims "
          f"in {seconds:.1f} s: {len(rows) / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
