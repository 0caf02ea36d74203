"""The analysts' documentation: every model and column described, and the dbt docs site as one
file that renders offline in a browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import duckdb
import pytest
import yaml

from newsclaims.cli import main

from ..conftest import PROJECT_ROOT

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MODELS = PROJECT_ROOT / "dbt" / "models"


def documented() -> dict[str, dict]:
    out = {}
    for path in MODELS.rglob("_*__models.yml"):
        for model in yaml.safe_load(path.read_text()).get("models", []):
            out[model["name"]] = model
    return out


def test_every_model_and_every_column_it_builds_is_described(sample_run):
    tmp, _ = sample_run
    docs = documented()
    models = {p.stem for p in MODELS.rglob("*.sql")}
    assert models <= set(docs), f"models without docs: {sorted(models - set(docs))}"
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        built = con.execute("select table_schema, table_name, column_name from information_schema.columns "
                            "where table_schema in ('main', 'intermediate', 'staging')").fetchall()
    columns: dict[str, set[str]] = {}
    for _schema, table, column in built:
        if table in models:
            columns.setdefault(table, set()).add(column)
    for name in ("claims", "claim_series", "claim_events", "reference_reconciliation", "period_reconciliation",
                 "reference_series", "claimants", "articles", "rejects"):
        described = {c["name"] for c in docs[name].get("columns", []) if c.get("description")}
        assert docs[name].get("description"), name
        assert columns[name] <= described, f"{name}: undocumented {sorted(columns[name] - described)}"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_dbt_docs_site_is_one_file_that_renders_offline(sample_run, tmp_path):
    tmp, _ = sample_run
    assert main(["docs", "--warehouse", str(tmp / "w.duckdb"), "--out", str(tmp_path / "docs")]) == 0
    assert [p.name for p in (tmp_path / "docs").iterdir()] == ["index.html"]
    page = tmp_path / "docs" / "index.html"
    url = page.as_uri() + "#!/model/model.newsclaims.reference_reconciliation"
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    rendered = re.sub(r"<(script|style)\b.*?</\1>", "", out.stdout, flags=re.S)
    # the app drew the model's page from its inline manifest: its description and its columns
    assert "beside the reference on its as_of and the day before" in rendered
    assert "reference_value_day_before" in rendered and "ratio_to_reference" in rendered
