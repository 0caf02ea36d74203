"""Whole runs at scale: cold on N articles, then 1,000 new into that warehouse, and the same 1,000
into an empty one.

    python benchmarks/bench_scale.py [--articles 100000] [--new 1000] [--million] [--keep DIR]

The N articles are ../shared/corpus copied until there are N, each copy's texts changed (" (copy
k)") so every article is new; the 1,000 new ones are a further copy. The inbox is written in files
of 1,000 lines. Each run is one ``newsclaims run`` process, as an operator starts it (with its own
temporary Prefect server unless PREFECT_API_URL is set). For each run it prints the wall time, the
seconds per stage the run recorded in ``ops.runs``, the peak resident memory of the largest process
(the kernel's ``ru_maxrss`` over the run and its children) and of the whole process tree (sampled
from /proc every 0.2 s), and the warehouse's size. ``--million`` is ``--articles 1000000`` (about
4 GB of inbox and 6 GB of warehouse, and the better part of an hour on 2 cores).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine_media_2022.jsonl.gz"
NEWSCLAIMS = Path(sys.executable).with_name("newsclaims")
STAGES = ("land", "extract", "build", "check")


def corpus_rows() -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def write_inbox(inbox: Path, rows: list[dict], n: int, tag: str) -> int:
    """``n`` articles, the corpus's rows copied with each text marked "(tag k)", in files of 1,000."""
    inbox.mkdir(parents=True, exist_ok=True)
    batch: list[str] = []
    part = 0
    for i in range(n):
        copy, row = divmod(i, len(rows))
        r = rows[row]
        batch.append(json.dumps({**r, "text": f"{r['text']} ({tag} {copy})"}))
        if len(batch) == 1000 or i == n - 1:
            (inbox / f"{tag}{part:05d}.jsonl").write_text("\n".join(batch) + "\n")
            batch, part = [], part + 1
    return n


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def run(inbox: Path, warehouse: Path, report: Path, log: Path) -> dict:
    """One ``newsclaims run``: wall seconds, exit code, peak memory (largest process and tree)."""
    env = {**os.environ, "NEWSCLAIMS_SETTLE_SECONDS": "0"}
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(NEWSCLAIMS), "run", "--inbox", str(inbox), "--warehouse", str(warehouse),
                                 "--report-dir", str(report)], stdout=out, stderr=subprocess.STDOUT, env=env)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    result = {"seconds": time.perf_counter() - started, "exit": os.waitstatus_to_exitcode(status),
              "peak_gb": usage.ru_maxrss / 2**20, "peak_tree_gb": peak_tree / 2**30,
              "warehouse_gb": warehouse.stat().st_size / 2**30 if warehouse.exists() else 0.0}
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            row = con.execute(f"select {', '.join(f'{s}_seconds' for s in STAGES)}, articles_landed, claims "
                              "from ops.runs order by started_at desc limit 1").fetchone()
        result |= dict(zip([*STAGES, "landed", "claims"], row, strict=True))
    return result


def show(name: str, r: dict) -> None:
    stages = ", ".join(f"{s} {r.get(s) or 0:.1f}" for s in STAGES)
    print(f"{name:34s} {r['seconds']:7.1f} s  ({stages})  peak {r['peak_gb']:.2f} GB "
          f"(tree {r['peak_tree_gb']:.2f} GB)  warehouse {r['warehouse_gb']:.2f} GB  "
          f"landed {r.get('landed')}  claims {r.get('claims')}  exit {r['exit']}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000, help="articles of the incremental run")
    parser.add_argument("--million", action="store_true", help="--articles 1000000")
    parser.add_argument("--keep", help="write the inboxes and warehouses here, and keep them")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: skipped")
        return
    n = 1_000_000 if args.million else args.articles
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        base.mkdir(parents=True, exist_ok=True)
        rows = corpus_rows()
        big, new = base / "inbox", base / "new"
        for folder in (big, new):
            shutil.rmtree(folder, ignore_errors=True)
        write_inbox(big, rows, n, "copy")
        write_inbox(new, rows, args.new, "new")
        for name in ("big.duckdb", "empty.duckdb"):
            (base / name).unlink(missing_ok=True)
        print(f"{n} articles cold, then {args.new} new; DuckDB memory limit "
              f"{os.environ.get('NEWSCLAIMS_DUCKDB_MEMORY_LIMIT', 'the default')}; "
              f"{os.cpu_count()} cores", flush=True)
        cold = run(big, base / "big.duckdb", base / "report", base / "cold.log")
        show(f"cold, {n} articles", cold)
        incremental = run(new, base / "big.duckdb", base / "report", base / "incremental.log")
        show(f"{args.new} new into {n}", incremental)
        empty = run(new, base / "empty.duckdb", base / "report-empty", base / "empty.log")
        show(f"{args.new} new into an empty warehouse", empty)
        print(f"incremental / empty: {incremental['seconds'] / empty['seconds']:.2f}x")


if __name__ == "__main__":
    main()
