"""Extraction throughput: clean + extract over ../shared/corpus, as the extract stage does it.

    python benchmarks/bench_extract.py [--workers N] [--limit N]

--workers 1 measures one process; the default uses every core, as the pipeline does. It also
times a bare scan of the same texts in one process (one number regex and one casualty-word regex,
the floor any extractor pays) and, for one worker, says how many times slower the extractor is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import time
from pathlib import Path

from newsclaims.extraction.batch import extract_parallel
from newsclaims.extraction.claims import EXTRACTOR_VERSION

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ukraine_media_2022.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"{args.corpus} is absent: skipped")
        return
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if args.limit:
        rows = rows[: args.limit]
    records = [(str(i), r["title"], r["text"], dt.date.fromisoformat(r["date"]), r["outlet"])
               for i, r in enumerate(rows)]
    chars = sum(len(r["text"]) for r in rows)
    started = time.perf_counter()
    _, mentions = extract_parallel(records, workers=args.workers)
    seconds = time.perf_counter() - started
    print(f"{EXTRACTOR_VERSION}, {args.workers} worker(s): {len(rows)} articles ({chars / 1e6:.1f} M chars), "
          f"{len(mentions)} claim mentions in {seconds:.1f} s: {len(rows) / seconds:.0f} articles/s")
    bare = bare_scan([(r["title"], r["text"]) for r in rows])
    print(f"bare scan, 1 process: {bare:.2f} s ({len(rows) / bare:.0f} articles/s)"
          + (f"; the extractor is {seconds / bare:.1f}x slower" if args.workers == 1 else ""))


NUMBER = re.compile(r"\d[\d,.]*")
CASUALTY = re.compile(r"\b(?:killed|dead|died|wounded|injured|destroyed|refugees|displaced)\b", re.I)


def bare_scan(texts: list[tuple[str, str]]) -> float:
    """Seconds to find every number and casualty word in the texts: the least an extractor does."""
    started = time.perf_counter()
    for title, body in texts:
        for text in (title, body):
            NUMBER.findall(text)
            CASUALTY.findall(text)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
