"""The data-quality report of a run: one self-contained HTML page, and a Markdown summary.

Written to the report folder:

* ``runs/<run_id>/report.html``: the run's report, kept per run. One file with every asset
  inline (styles, SVG charts; no script, no font, no image, nothing fetched: its
  Content-Security-Policy forbids any load), so it opens anywhere, offline.
* ``summary.html``: the latest run's report, with links to the earlier runs' reports.
* ``summary.md`` and ``results.json``: the same run as text and as data (copies under ``runs/``).

The report reads the published warehouse (read-only) for what the check results alone do not
hold: the run history (``ops.runs``), both claims of each decrease with their sentences and
links, explained decreases, the running totals and the reference series to plot, and the
reconciliation marts. Every value that comes from an article is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import shutil
from pathlib import Path

import duckdb

from newsclaims import charts
from newsclaims.quality import CheckResult, as_dicts
from newsclaims.warehouse import connect, table_exists

log = logging.getLogger(__name__)

MAX_ROWS_SHOWN = 20
RUNS_SHOWN = 12
PLOTTED_TOTALS = 4      # running totals (metric and subject) plotted, the most claimed first
CLAIMANTS_PER_PLOT = 6  # claimants coloured in one plot; the rest are "other claimants"
PARTIES_SHOWN = 7       # parties in the per-month bars; the rest are "other parties"


def _describe_row(row: dict) -> str:
    if "previous_claim_id" in row:
        return (f"{row.get('claimant')} / {row.get('metric')} / {row.get('subject')}: "
                f"{row.get('previous_value')} on {row.get('previous_as_of')} "
                f"(claim {row.get('previous_claim_id')}, {row.get('previous_source_file')}) -> "
                f"{row.get('value')} on {row.get('as_of')} "
                f"(claim {row.get('claim_id')}, {row.get('source_file')})")
    return ", ".join(f"{k}={v}" for k, v in row.items())


def checked_rows(checks: list[CheckResult]) -> list[list]:
    """[suite, which rows, how many] for each suite: after an incremental build the big suites
    validate only the run's rows (quality.RUN_SCOPES)."""
    seen: dict[str, list] = {}
    for c in checks:
        seen.setdefault(c.suite, [c.suite, c.scope, c.rows])
    return list(seen.values())


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
        *(f"  - {suite} checked {scope}: {rows} rows" for suite, scope, rows in checked_rows(checks)),
        f"- Data Docs: `{data_docs_index}`",
        "",
    ]
    if run.get("reject_reasons"):
        lines += ["## Rejected inputs", "", "Kept with their reason, size, hash and first MiB of bytes in "
                  "`raw.rejects`.", ""]
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


# ---- what the report reads from the warehouse

def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


CLAIM_COLUMNS = ("c.claim_id, c.value, c.qualifier, c.as_of, c.claimant, c.metric, c.subject, c.place, "
                 "c.sentence, c.outlet, c.source_file, c.confidence, a.url")


def _nothing() -> dict:
    """What the report shows of a warehouse it cannot read: nothing, in every section."""
    return {"runs": [], "decreases": [], "explained": [], "totals": [], "party_months": [],
            "reconciliation": {}, "official_differs": [], "periods": []}


def gather(warehouse: Path) -> dict:
    """Everything the HTML report shows beyond the check results, read-only from the warehouse."""
    data = _nothing()
    with connect(warehouse, read_only=True) as con:
        if table_exists(con, "ops", "runs"):
            data["runs"] = _rows(con, f"select run_id, started_at, finished_at, status, articles_landed, rejects, "
                                      f"articles_extracted, claims, checks_passed, checks_failed, land_seconds, "
                                      f"extract_seconds, build_seconds, check_seconds from ops.runs "
                                      f"order by started_at desc limit {RUNS_SHOWN}")
        if not table_exists(con, "main", "claim_series"):
            return data
        steps = _rows(con, """
            select s.claim_id, s.previous_claim_id, s.decrease_kind, s.decrease_note, s.change
            from main.claim_series s where s.is_decrease order by s.decrease_kind, s.as_of
            """)
        claims = {}
        wanted = sorted({s["claim_id"] for s in steps} | {s["previous_claim_id"] for s in steps} - {None})
        if wanted:
            for row in _rows(con, f"select {CLAIM_COLUMNS} from main.claims c join main.articles a "
                                  "using (article_id) where c.claim_id in (select unnest(?))", [wanted]):
                claims[row["claim_id"]] = row
        for step in steps:
            pair = {**step, "before": claims.get(step["previous_claim_id"]), "after": claims.get(step["claim_id"])}
            data["decreases" if step["decrease_kind"] == "unexplained" else "explained"].append(pair)
        data["totals"] = _totals(con)
        data["party_months"] = _rows(con, """
            select strftime(date_trunc('month', published_on), '%Y-%m') as month, claimant_party, count(*) as n
            from main.claims group by all order by month""")
        if table_exists(con, "main", "reference_reconciliation"):
            data["reconciliation"] = {
                (r["is_official"], r["status"]): r["n"] for r in _rows(
                    con, "select is_official, status, count(*) as n from main.reference_reconciliation group by all")}
            data["official_differs"] = _rows(con, f"""
                select r.as_of, r.claimant, r.metric, r.value, r.qualifier, r.reference_value,
                       r.reference_value_day_before, r.difference, r.outlet, r.source_file, r.sentence
                from main.reference_reconciliation r where r.is_official and r.status = 'differs'
                order by abs(r.difference) desc limit {MAX_ROWS_SHOWN}""")
            data["periods"] = _rows(con, f"""
                select as_of, claimant, metric, period_days, value, reference_change, reference_change_day_before,
                       claimant_change, status, source_file
                from main.period_reconciliation order by status = 'no_reference', as_of limit {MAX_ROWS_SHOWN}""")
    return data


def _totals(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The most claimed running totals (metric and subject, country-wide), each with its claimants'
    points and, where the reference covers it, the reference line."""
    out = []
    groups = _rows(con, f"""
        select metric, subject, count(*) as n from main.claim_series where place is null
        group by all order by n desc, metric, subject limit {PLOTTED_TOTALS}""")
    has_reference = table_exists(con, "main", "reference_series")
    for group in groups:
        points = _rows(con, """
            select s.claimant, s.as_of, s.value, s.qualifier, s.outlet
            from main.claim_series s where s.metric = ? and s.subject = ? and s.place is null
            order by s.as_of""", [group["metric"], group["subject"]])
        counts: dict[str, int] = {}
        for p in points:
            counts[p["claimant"]] = counts.get(p["claimant"], 0) + 1
        top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CLAIMANTS_PER_PLOT]]
        by_claimant: dict[str, list] = {name: [] for name in top}
        for p in points:
            label = p["claimant"] if p["claimant"] in by_claimant else "other claimants"
            hover = f"{p['claimant']}: {p['value']:,.0f} ({p['qualifier']}) on {p['as_of']}, {p['outlet'] or ''}"
            by_claimant.setdefault(label, []).append((p["as_of"], p["value"], hover))
        line = []
        if has_reference and points:
            first, last = points[0]["as_of"], points[-1]["as_of"]
            line = [(r["date"], r["value"]) for r in _rows(con, """
                select date, value from main.reference_series where metric = ? and subject = ?
                  and date between ? - 7 and ? + 7 order by date""", [group["metric"], group["subject"], first, last])]
        out.append({**group, "points": by_claimant, "line": line})
    return out


# ---- the HTML page

STYLE = """
body{font-family:system-ui,sans-serif;max-width:72em;margin:1.5em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail{color:#b00020;font-weight:bold}.pass{color:#137333}.note{color:#555;font-size:.9em}
.pair td{width:50%}.sentence{font-style:italic}.chart{max-width:100%;height:auto;margin:.5em 0}
.muted{color:#777}nav a{margin-right:1em}.scroll{overflow-x:auto}
"""


def _e(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:,.0f}" if value == int(value) else f"{value:,.2f}")
    return html.escape(str(value))


def _table(headers: list[str], rows: list[list], numeric: set[int] | None = None, cls: str = "") -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="num">{_e(v)}</td>' if i in numeric else f"<td>{_e(v)}</td>"
                                    for i, v in enumerate(row)) + "</tr>" for row in rows)
    return (f'<div class="scroll"><table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            '</table></div>')


def _link(url: str | None, text: str) -> str:
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noreferrer noopener">{html.escape(text)}</a>'
    return html.escape(text)


def _claim_cell(claim: dict | None) -> str:
    if claim is None:
        return '<span class="muted">claim not found</span>'
    return (f"<b>{_e(claim['value'])}</b> ({_e(claim['qualifier'])}) on {_e(claim['as_of'])}<br>"
            f"{_e(claim['claimant'])}, in {_link(claim['url'], claim['outlet'] or claim['source_file'])}"
            f" <span class=\"muted\">({_e(claim['source_file'])})</span><br>"
            f"<span class=\"sentence\">“{_e(claim['sentence'])}”</span>")


def _pairs(pairs: list[dict], explained: bool) -> str:
    rows = []
    for p in pairs[:MAX_ROWS_SHOWN]:
        after = p["after"] or {}
        title = f"{after.get('claimant', '')} / {after.get('metric', '')} / {after.get('subject', '')}" + (
            f" / {after['place']}" if after.get("place") else "")
        kind = "" if p["decrease_kind"] == "unexplained" else f'{p["decrease_kind"].replace("_", " ")}: '
        rows.append(f'<tr><th colspan="2">{html.escape(title)}: change {_e(p["change"])}'
                    f' <span class="note">({html.escape(kind + (p["decrease_note"] or ""))})</span></th></tr>'
                    f'<tr class="pair"><td>{_claim_cell(p["before"])}</td><td>{_claim_cell(p["after"])}</td></tr>')
    more = f'<p class="note">... and {len(pairs) - MAX_ROWS_SHOWN} more.</p>' if len(pairs) > MAX_ROWS_SHOWN else ""
    cls = "explained" if explained else "decreases"
    return (f'<table class="{cls}"><thead><tr><th>before</th><th>after</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>" + more)


def _charts(data: dict) -> str:
    parts = []
    for total in data["totals"]:
        title = f"{total['metric'].replace('_', ' ')} ({total['subject']}): cumulative claims by claimant"
        parts.append(charts.time_chart(title, f"{total['metric'].split('_')[0]} (count)", total["points"],
                                       total["line"] or None, "reference (General Staff)"))
    months = sorted({r["month"] for r in data["party_months"]})
    if months:
        totals: dict[str, int] = {}
        for r in data["party_months"]:
            totals[r["claimant_party"]] = totals.get(r["claimant_party"], 0) + r["n"]
        top = [p for p, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:PARTIES_SHOWN]]
        groups = {p: [0] * len(months) for p in top}
        for r in data["party_months"]:
            label = r["claimant_party"] if r["claimant_party"] in groups else "other parties"
            groups.setdefault(label, [0] * len(months))[months.index(r["month"])] += r["n"]
        parts.append(charts.stacked_bars("claims per month by claimant party", "claims", months, groups))
    return "".join(parts) or '<p class="muted">No claims to plot yet.</p>'


def render_html(run: dict, checks: list[CheckResult], data: dict, data_docs_index: Path,
                earlier: list[tuple[str, str]] | None = None) -> str:
    failed = [c for c in checks if not c.success]
    out = [f"<h1>newsclaims data-quality report</h1><p>run <code>{_e(run['run_id'])}</code>, "
           f"{'<span class=fail>' + str(len(failed)) + ' failed checks</span>' if failed else '<span class=pass>all checks passed</span>'}"
           f", {len(checks) - len(failed)} passed. Warehouse <code>{_e(run['warehouse'])}</code>, inbox "
           f"<code>{_e(run['inbox'])}</code>.</p>",
           "<nav><a href=\"#counts\">counts</a><a href=\"#failed\">failed checks</a><a href=\"#explained\">"
           "explained</a><a href=\"#charts\">charts</a><a href=\"#reconciliation\">reconciliation</a>"
           "<a href=\"#history\">runs</a></nav>"]
    counts = [["articles landed", run.get("articles_landed")], ["already landed", run.get("articles_duplicate")],
              ["rejected", run.get("rejects")], ["reference values landed", run.get("reference_values")],
              ["articles extracted", run.get("articles_extracted")],
              ["quarantined by extraction", run.get("extraction_failures")], ["claims", run.get("claims")],
              ["mentions rejected as no count (main.rejected_claims)", run.get("claims_rejected")],
              ["claimants", run.get("claimants")]]
    out.append('<h2 id="counts">This run</h2>' + _table(["", "count"], [r for r in counts if r[1] is not None],
                                                         {1}, "counts"))
    out.append("<p>Rows checked by each suite:</p>" + _table(["suite", "which rows", "rows"], checked_rows(checks),
                                                              {2}, "scopes"))
    if run.get("reject_reasons"):
        out.append("<p>Rejected inputs, kept with their reason, size, hash and first MiB of bytes in <code>raw.rejects</code>:</p>"
                   + _table(["reason", "count"], sorted(run["reject_reasons"].items()), {1}, "rejects"))
    for problem in run.get("reference_problems") or []:
        out.append(f'<p class="note">reference: {_e(problem)}</p>')
    out.append('<h2 id="failed">Failed checks</h2>')
    if not failed:
        out.append("<p>None.</p>")
    for c in failed:
        out.append(f"<h3>{_e(c.suite)} ({_e(c.gate)}): {_e(c.expectation)} on <code>{_e(c.column)}</code></h3>"
                   f"<p>{_e(c.why or 'no description')}; {c.unexpected_count} row(s) unexpected."
                   + (f" Error: {_e(c.error)}" if c.error else "") + "</p>")
        if c.suite == "claim_series" and data["decreases"]:
            out.append(_pairs(data["decreases"], explained=False))
        elif c.unexpected:
            keys = list(c.unexpected[0])
            out.append(_table(keys, [[row.get(k) for k in keys] for row in c.unexpected[:MAX_ROWS_SHOWN]],
                              cls="unexpected"))
    out.append('<h2 id="explained">Decreases the check lets pass</h2><p class="note">Explained by a '
               'correction, consistent (both figures can be true of a total that never fell), or more likely '
               'two different totals than one revised (<code>claim_series.decrease_kind</code>).</p>')
    out.append(_pairs(data["explained"], explained=True) if data["explained"] else "<p>None.</p>")
    out.append('<h2 id="charts">Running totals and claims over time</h2>'
               '<p class="note">Each point is a cumulative claim in <code>claim_series</code> (confidence at or '
               'above the series setting), at the date it refers to; the line is the reference series where '
               'one covers the metric. Hover a point for its claim.</p>' + _charts(data))
    out.append('<h2 id="reconciliation">Reconciliation with the reference series</h2>')
    if data["reconciliation"]:
        rows = [[("Ukrainian officials" if official else "other claimants"), status, n]
                for (official, status), n in sorted(data["reconciliation"].items(), key=lambda kv: (not kv[0][0], kv[0][1]))]
        out.append(_table(["claimants", "status", "claims"], rows, {2}, "reconciliation"))
        if data["official_differs"]:
            out.append("<h3>Official figures that differ from the reference</h3>" + _table(
                ["as_of", "claimant", "metric", "value", "qualifier", "reference", "day before", "difference",
                 "outlet", "file", "sentence"],
                [list(r.values()) for r in data["official_differs"]], {3, 5, 6, 7}, "differs"))
        if data["periods"]:
            out.append("<h3>Period claims beside the reference's change</h3>" + _table(
                ["as_of", "claimant", "metric", "days", "value", "reference change", "change to the day before",
                 "claimant's own change", "status", "file"],
                [list(r.values()) for r in data["periods"]], {3, 4, 5, 6, 7}, "periods"))
    else:
        out.append("<p>No claim of a metric the reference covers, or no reference series landed "
                   "(<code>newsclaims reference PATH</code>).</p>")
    out.append('<h2 id="history">Runs</h2>' + _table(
        ["started", "status", "landed", "rejected", "extracted", "claims", "checks passed", "checks failed",
         "seconds: land / extract / build / check", "run"],
        [[str(r["started_at"])[:19], r["status"], r["articles_landed"], r["rejects"], r["articles_extracted"],
          r["claims"], r["checks_passed"], r["checks_failed"],
          " / ".join("-" if r.get(f"{s}_seconds") is None else f"{r[f'{s}_seconds']:.1f}"
                     for s in ("land", "extract", "build", "check")), r["run_id"]] for r in data["runs"]],
        {2, 3, 4, 5, 6, 7}, "runs"))
    if earlier:
        out.append("<p>Earlier reports: " + " ".join(
            f'<a href="{html.escape(href, quote=True)}">{html.escape(name)}</a>' for name, href in earlier) + "</p>")
    out.append("<h2>Passed checks</h2><ul>" + "".join(
        f"<li>{_e(c.suite)}: {_e(c.expectation)} on <code>{_e(c.column)}</code></li>" for c in checks if c.success)
        + "</ul>")
    out.append(f'<p class="note">Generated {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. Great Expectations\' own '
               f'Data Docs are at <code>{_e(data_docs_index)}</code> (they load their styles from the network).</p>')
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name=\"viewport\" content=\"width=device-width\">"
            f"<title>newsclaims report {_e(run['run_id'])}</title><style>{STYLE}</style></head><body>"
            + "\n".join(out) + "</body></html>\n")


def write_report(report_dir: Path, run: dict, checks: list[CheckResult], data_docs_index: Path,
                 warehouse: Path | None = None) -> Path:
    """Write the run's report files; returns the path of summary.md."""
    report_dir.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(run, checks, data_docs_index)
    data = _nothing()
    if warehouse is not None and Path(warehouse).exists():
        try:
            data = gather(Path(warehouse))
        except duckdb.Error as exc:  # a report without its warehouse parts is still a report
            log.warning("the report could not read %s: %s", warehouse, exc)
    run_dir = report_dir / "runs" / run["run_id"]
    run_dir.mkdir(parents=True, exist_ok=True)
    earlier = sorted((p.parent.name for p in (report_dir / "runs").glob("*/report.html")
                      if p.parent.name != run["run_id"]), reverse=True)[:RUNS_SHOWN]
    (run_dir / "summary.md").write_text(markdown, encoding="utf-8")
    (run_dir / "report.html").write_text(render_html(run, checks, data, data_docs_index), encoding="utf-8")
    (run_dir / "results.json").write_text(
        json.dumps({"run": run, "checks": as_dicts(checks)}, indent=2, default=str), encoding="utf-8")
    latest = render_html(run, checks, data, data_docs_index, [(name, f"runs/{name}/report.html") for name in earlier])
    (report_dir / "summary.html").write_text(latest, encoding="utf-8")
    for name in ("summary.md", "results.json"):
        shutil.copyfile(run_dir / name, report_dir / name)
    return report_dir / "summary.md"
