"""How long a run takes when nothing is new, in a long-running process (as under `newsclaims serve`).

    python benchmarks/bench_noop.py [--inbox PATH] [--repeat 5]

The inbox defaults to ../shared/corpus (6,657 articles) when present, else the
sample inbox. The first run builds the warehouse; the next runs find nothing
new and are timed. A fresh `newsclaims run` process adds Prefect's temporary
API server start (about 10 s) unless PREFECT_API_URL points at a running server.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inbox", default=str(CORPUS if CORPUS.exists() else ROOT / "seeds" / "inbox"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("NEWSCLAIMS_SETTLE_SECONDS", "0")
    sys.path.insert(0, str(ROOT))
    from prefect.logging import disable_run_logger
    from prefect.testing.utilities import prefect_test_harness

    from flows.pipeline import pipeline

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120), \
            disable_run_logger():
        kwargs = {"inbox": args.inbox, "warehouse": f"{tmp}/w.duckdb", "report_dir": f"{tmp}/r"}
        started = time.perf_counter()
        first = pipeline(**kwargs)
        build = time.perf_counter() - started
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            summary = pipeline(**kwargs)
            times.append(time.perf_counter() - started)
            assert summary.get("build_skipped"), summary
        size = Path(f"{tmp}/w.duckdb").stat().st_size
    print(f"inbox {args.inbox}: {first['articles_landed']} articles, {first['claims']} claims, "
          f"warehouse {size / 1e6:.1f} MB")
    print(f"first run (land, extract, build, check): {build:.1f} s")
    print(f"no-op run, {args.repeat} times: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()
