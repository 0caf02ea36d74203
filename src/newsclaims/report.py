"""The data-quality report of a run: a short summary (Markdown and HTML) beside the Data Docs.

Written to the report folder as ``summary.md``, ``summary.html`` and
``results.json`` (the latest run), with a copy under ``runs/<run_id>/``.
Every value that comes from an article is escaped in the HTML.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from newsclaims.quality import CheckResult, as_dicts

MAX_ROWS_SHOWN = 20


def _describe_row(row: dict) -> str:
    if "previous_claim_id" in row:
        return (f"{row.get('claimant')} / {row.get('metric')} / {row.get('subject')}: "
                f"{row.get('previous_value')} on {row.get('previous_as_of')} "
                f"(claim {row.get('previous_claim_id')}, {row.get('previous_source_file')}) -> "
                f"{row.get('value')} on {row.get('as_of')} "
                f"(claim {row.get('claim_id')}, {row.get('source_file')})")
    return ", ".join(f"{k}={v}" for k, v in row.items())


def render_markdown(run: dict, checks: list[CheckResult], data_docs_index: Path) -> str:
    failed = [c for c in checks if not c.success]
    lines = [
        f"# newsclaims data-quality report, run {run['run_id']}",
        "",
        f"- warehouse: `{run['warehouse']}`",
        f"- inbox: `{run['inbox']}`",
        f"- articles landed: {run['articles_landed']} new, {run['articles_duplicate']} already landed; "
        f"rejected: {run['rejects']}",
        f"- articles extracted: {run['articles_extracted']}; claims: {run['claims']}; "
        f"claimants: {run['claimants']}",
        f"- checks: {len(checks) - len(failed)} passed, {len(failed)} failed",
        f"- Data Docs: `{data_docs_index}`",
        "",
    ]
    if run.get("reject_reasons"):
        lines += ["## Rejected inputs", "", "Kept with their reason and original bytes in `raw.rejects`.", ""]
        lines += [f"- {reason}: {n}" for reason, n in sorted(run["reject_reasons"].items())]
        lines.append("")
    if run.get("deferred_files"):
        lines += ["## Deferred to the next run", "", "Modified too recently: they may still be being written.", ""]
        lines += [f"- {name}" for name in run["deferred_files"]]
        lines.append("")
    lines += ["## Failed checks", ""] if failed else ["## Failed checks", "", "None.", ""]
    for c in failed:
        lines.append(f"### {c.suite} ({c.gate}): {c.expectation} on `{c.column}`")
        lines.append("")
        lines.append(f"{c.why or 'no description'}; {c.unexpected_count} row(s) unexpected."
                     + (f" Error: {c.error}" if c.error else ""))
        lines.append("")
        for row in c.unexpected[:MAX_ROWS_SHOWN]:
            lines.append(f"- {_describe_row(row)}")
        if len(c.unexpected) > MAX_ROWS_SHOWN:
            lines.append(f"- ... and {len(c.unexpected) - MAX_ROWS_SHOWN} more (see results.json)")
        lines.append("")
    lines += ["## Passed checks", ""]
    lines += [f"- {c.suite}: {c.expectation} on `{c.column}`" for c in checks if c.success]
    return "\n".join(lines) + "\n"


def render_html(markdown: str) -> str:
    """A minimal, fully escaped HTML rendering of the Markdown summary."""
    body = []
    in_list = False
    for line in markdown.splitlines():
        if line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("### "):
            body.append(f"<h3>{html.escape(line[4:])}</h3>")
        elif line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if in_list:
        body.append("</ul>")
    return ("<!doctype html><html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<title>newsclaims data-quality report</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def write_report(report_dir: Path, run: dict, checks: list[CheckResult], data_docs_index: Path) -> Path:
    """Write the summary files; returns the path of summary.md."""
    report_dir.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(run, checks, data_docs_index)
    run_dir = report_dir / "runs" / run["run_id"]
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "summary.md").write_text(markdown, encoding="utf-8")
    (run_dir / "summary.html").write_text(render_html(markdown), encoding="utf-8")
    (run_dir / "results.json").write_text(
        json.dumps({"run": run, "checks": as_dicts(checks)}, indent=2, default=str), encoding="utf-8")
    for name in ("summary.md", "summary.html", "results.json"):
        shutil.copyfile(run_dir / name, report_dir / name)
    return report_dir / "summary.md"
