"""Article text is data: it never runs in the HTML the project writes (checked in headless Chromium)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsclaims.cli import _load_flow

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCRIPT_OUTLET = "<script>document.body.setAttribute('data-xss','script')</script>"
IMG_NAME = "<img src=x onerror=document.body.setAttribute('data-xss','img')>.txt"


def dump_dom(page: Path, profile: Path) -> str:
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_hostile_article_text_renders_as_text_in_report_and_data_docs(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    lines = [
        {"date": "2022-03-01", "outlet": SCRIPT_OUTLET, "title": "Losses",
         "text": "A total of 1,000 Russian soldiers have been killed so far."},
        {"date": "2022-03-02", "outlet": SCRIPT_OUTLET, "title": "Losses again",
         "text": "A total of 900 Russian soldiers have been killed so far."},
    ]
    (inbox / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    (inbox / IMG_NAME).write_text(
        "date 2022-03-03\nsource: Test Wire\nT\nUkraine's General Staff said 2,000 Russian soldiers were "
        "killed so far.\n")
    (inbox / "later.txt").write_text(
        "date 2022-03-04\nsource: Test Wire\nT\nUkraine's General Staff said 1,500 Russian soldiers were "
        "killed so far.\n")
    summary = _load_flow()(inbox=str(inbox), warehouse=str(tmp_path / "w.duckdb"), report_dir=str(tmp_path / "r"))
    assert summary["checks_failed"] >= 1  # both series fall, so hostile names are in the failure rows

    summary_html = tmp_path / "r" / "summary.html"
    assert IMG_NAME in (tmp_path / "r" / "summary.md").read_text()
    pages = [summary_html, *sorted((tmp_path / "r" / "data_docs" / "validations").rglob("*.html"))]
    assert len(pages) >= 2
    shown = False
    for page in pages:
        dom = dump_dom(page, tmp_path / "profile")
        assert "data-xss" not in dom.split("<body", 1)[1].split(">", 1)[0], f"script ran in {page}"
        assert "<script>document.body" not in dom and "<img src=x" not in dom, page
        shown |= "&lt;script&gt;document.body" in dom or "&lt;img src=x" in dom
    assert shown, "the hostile text should be shown, as text"
