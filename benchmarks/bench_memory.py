"""Peak memory and time of each stage on an inbox of N copies of ../shared/corpus.

    python benchmarks/bench_memory.py [--copies 6] [--keep DIR]

Each copy changes every text (" (copy k)"), so all its articles are new; the
inbox is written in files of 1,000 lines. Each stage runs as its own
`newsclaims <stage>` process, the way an operator runs them, and its peak
resident memory is the kernel's (``wait4``'s ``ru_maxrss``: the largest of the
process and its extraction workers). Six copies are 39,942 articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine_media_2022.jsonl.gz"
NEWSCLAIMS = Path(sys.executable).with_name("newsclaims")


def write_inbox(inbox: Path, copies: int) -> int:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    lines = [json.dumps({**r, "text": f"{r['text']} (copy {k})"}) for k in range(copies) for r in rows]
    for part, start in enumerate(range(0, len(lines), 1000)):
        (inbox / f"part{part:04d}.jsonl").write_text("\n".join(lines[start:start + 1000]) + "\n")
    return len(lines)


def measure(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak GB, exit code) of one newsclaims process."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(NEWSCLAIMS), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 2**20, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--keep", help="write the inbox and warehouse here, and keep them")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is absent: nothing to benchmark")
    os.environ["NEWSCLAIMS_SETTLE_SECONDS"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        inbox = base / "inbox"
        inbox.mkdir(parents=True, exist_ok=True)
        n = write_inbox(inbox, args.copies)
        where = ["--warehouse", str(base / "w.duckdb")]
        print(f"{n} articles, DuckDB memory limit "
              f"{os.environ.get('NEWSCLAIMS_DUCKDB_MEMORY_LIMIT', 'the default')}")
        for stage, extra in (("land", ["--inbox", str(inbox)]), ("extract", []), ("build", []),
                             ("check", ["--report-dir", str(base / "report")])):
            seconds, peak, code = measure([stage, *where, *extra])
            print(f"{stage:8s} {seconds:7.1f} s  peak {peak:5.2f} GB  exit {code}")


if __name__ == "__main__":
    main()
