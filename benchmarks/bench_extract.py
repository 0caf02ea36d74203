"""Extraction throughput: clean + extract over ../shared/corpus, as the extract stage does it.

    python benchmarks/bench_extract.py [--workers N] [--limit N]

--workers 1 measures one process; the default uses every core, as the pipeline does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
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
        raise SystemExit(f"{args.corpus} is absent: nothing to benchmark")
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


if __name__ == "__main__":
    main()
