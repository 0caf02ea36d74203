"""The run's HTML report, opened in a real browser (headless Chromium): it draws its charts, holds
the expected rows, and loads nothing from anywhere."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from ..conftest import PROJECT_ROOT

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    return out


def test_the_report_is_one_self_contained_file_per_run_and_a_latest_page(sample_run):
    tmp, summary = sample_run
    latest = (tmp / "r" / "summary.html").read_text()
    per_run = tmp / "r" / "runs" / summary["run_id"] / "report.html"
    assert per_run.exists()
    # nothing to fetch: no script, stylesheet link, image or font; a policy that forbids any load
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(", latest, re.IGNORECASE)
    assert "default-src 'none'" in latest
    assert latest.count("<svg") >= 2


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_report_draws_its_charts_and_tables_in_a_browser_without_the_network(sample_run):
    tmp, summary = sample_run
    page = tmp / "r" / "summary.html"
    netlog = tmp / "netlog.json"
    dom = chromium(page, tmp / "profile", f"--log-net-log={netlog}", "--dump-dom").stdout
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    chromium(page, tmp / "profile2", "--window-size=1280,3200", f"--screenshot={shot}")
    assert shot.stat().st_size > 20_000  # a drawn page, kept as the test's artifact

    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        plotted = con.execute("select count(*) from claim_series where place is null").fetchone()[0]
        months = con.execute("select count(distinct (date_trunc('month', published_on), claimant_party)) "
                             "from claims").fetchone()[0]
    # every running-total claim is a point; every month and party a bar; the reference a line
    assert len(re.findall(r'<circle class="mark"', dom)) == plotted > 0
    assert len(re.findall(r'<rect class="mark"', dom)) == months > 0
    assert 'class="reference"' in dom
    assert "reference (General Staff)" in dom and "Ukrainian General Staff (3)" in dom
    assert "Russian Ministry of Defence (1)" in dom
    # the decrease, both claims side by side with their sentences; the runs; the reconciliation
    decreases = dom.split('class="decreases"', 1)[1].split("</table>", 1)[0]
    assert "150,810" in decreases and "149,900" in decreases
    assert "002_general_staff_march_2.txt" in decreases and "003_general_staff_march_3.txt" in decreases
    assert "the total number of Russian troops killed" in decreases
    runs = dom.split('class="runs"', 1)[1].split("</table>", 1)[0]
    assert runs.count("<tr>") == 2 and "completed" in runs  # header and this run
    differs = dom.split('class="differs"', 1)[1].split("</table>", 1)[0]
    assert differs.count("<tr>") == 2 and "149,900" in differs
    # no request left the machine: the page fetched nothing (and the check sees a page that does)
    assert page_requests(netlog) == set()
    leaky = tmp / "leaky.html"
    leaky.write_text('<html><body><img src="http://192.0.2.1/x.png">x</body></html>')
    chromium(leaky, tmp / "profile3", f"--log-net-log={tmp / 'leaky.json'}", "--dump-dom")
    assert page_requests(tmp / "leaky.json") == {"http://192.0.2.1/x.png"}


def page_requests(netlog: Path) -> set[str]:
    """The network requests a page made, from Chromium's net log. The browser's own background
    requests (update checks, time) have no origin; a file:// page's requests have the opaque
    origin "null"."""
    log = json.loads(netlog.read_text())
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = {e["params"].get("url", "") for e in log["events"]
            if e["type"] == start_job and e.get("params", {}).get("initiator") != "not an origin"}
    return {u for u in urls if u and not u.startswith(("file:", "data:"))}
