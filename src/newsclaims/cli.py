"""The ``newsclaims`` command: the whole pipeline, or one stage of it.

Exit status 0 when the run completed, even if expectations failed (that is
data, in the report); 1 with a one-line reason when the pipeline could not run.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import logging
import os
import sys
import time
from pathlib import Path

from newsclaims.config import PROJECT_ROOT, Settings


def _load_flow():
    """Import flows/pipeline.py as ``flows.pipeline`` from the project root.

    A real import (not exec of a file) lets Prefect deploy the flow and lets the
    processes that ``serve`` spawns import it by name (they inherit sys.path).
    """
    root = str(PROJECT_ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module("flows.pipeline").pipeline


def _print_summary(summary: dict, seconds: float) -> None:
    print(f"newsclaims run {summary['run_id']} completed in {seconds:.1f}s")
    print(f"  articles landed   {summary.get('articles_landed', 0)} new, "
          f"{summary.get('articles_duplicate', 0)} already landed, {summary.get('rejects', 0)} rejected")
    for reason, n in sorted((summary.get("reject_reasons") or {}).items()):
        print(f"    rejected: {reason} x{n}")
    if summary.get("files_deferred"):
        print(f"    deferred to the next run (may still be being written): "
              f"{', '.join(summary.get('deferred_files', []))}")
    if summary.get("files_unchanged"):
        print(f"    {summary['files_unchanged']} files unchanged since they were landed")
    if summary.get("files_reread"):
        print(f"    {summary['files_reread']} files read again: an older parser version read them")
    if summary.get("reference_files"):
        print(f"  reference values  {_reference_counts(summary)}")
    for problem in summary.get("reference_problems") or []:
        print(f"    reference: {problem}")
    print(f"  articles extracted {summary.get('articles_extracted', 0)} "
          f"({summary.get('extractor_version', '')})")
    if summary.get("extracted_on"):
        print(f"    on {summary['extracted_on']}")
    if summary.get("extraction_failures"):
        print(f"    quarantined by extraction: {summary['extraction_failures']} (articles.extraction_error)")
    print(f"  claims            {summary.get('claims', 0)}")
    if summary.get("claims_rejected"):
        print(f"    rejected as no count: {summary['claims_rejected']} (main.rejected_claims says why)")
    print(f"  claimants         {summary.get('claimants', 0)}")
    if summary.get("build_skipped"):
        print(f"  build and checks  skipped: {summary['build_skipped']}")
    else:
        print(f"  checks            {summary.get('checks_passed', 0)} passed, "
              f"{summary.get('checks_failed', 0)} failed")
    for failed in summary.get("failed_checks", []):
        print(f"    FAILED {failed}")
    for failed in summary.get("dbt_tests_failed", []):
        print(f"    dbt test FAILED {failed}")
    if summary.get("seconds"):
        print("  stage seconds     " + ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in summary["seconds"].items()))
    print(f"  warehouse         {summary['warehouse']}")
    if summary.get("report"):
        print(f"  report            {Path(summary['report']).with_name('summary.html')} (and summary.md)")
    else:
        print("  report            not written: nothing new since the last build")
    print(f"  data docs         {summary.get('data_docs')}")


def _reference_counts(result: dict) -> str:
    """What a landing of reference files did, in a line."""
    return (f"{result.get('reference_values', 0)} new from {result['reference_files'] - result['reference_unchanged']} "
            f"new files ({result['reference_unchanged']} unchanged), {result['reference_rejects']} rejected")


def _settings(args) -> Settings:
    return Settings.from_env(
        inbox=getattr(args, "inbox", None), warehouse=getattr(args, "warehouse", None),
        report_dir=getattr(args, "report_dir", None), lock_wait=getattr(args, "lock_wait", None),
        schedule=getattr(args, "cron", None), reference=getattr(args, "reference", None),
    )


def cmd_run(args) -> int:
    from newsclaims import stages

    stages.stop_on_signals()  # for the rest of the process: its exit stops the temporary server too
    settings = _settings(args)
    if not settings.inbox.exists():
        raise SystemExit(f"newsclaims: inbox {settings.inbox} does not exist")
    started = time.monotonic()
    pipeline = _load_flow()
    if settings.reference is not None and not settings.reference.exists():
        raise SystemExit(f"newsclaims: reference {settings.reference} does not exist")
    summary = pipeline(inbox=str(settings.inbox), warehouse=str(settings.warehouse),
                       report_dir=str(settings.report_dir), lock_wait=settings.lock_wait,
                       reference=str(settings.reference) if settings.reference else None)
    if summary.get("status") == "skipped":
        print(f"newsclaims: run skipped: {summary['reason']}")
        return 0
    _print_summary(summary, time.monotonic() - started)
    return 0


def cmd_serve(args) -> int:
    settings = _settings(args)
    os.chdir(PROJECT_ROOT)  # served runs load flows/pipeline.py relative to the working directory
    pipeline = _load_flow()
    print(f"newsclaims: serving deployment 'newsclaims-pipeline/{args.name}' on cron '{settings.schedule}' "
          f"for inbox {settings.inbox} (Ctrl-C stops)")
    pipeline.serve(
        name=args.name,
        cron=settings.schedule,
        parameters={"inbox": str(settings.inbox), "warehouse": str(settings.warehouse),
                    "report_dir": str(settings.report_dir),
                    "reference": str(settings.reference) if settings.reference else None},
        description="newsclaims pipeline on a schedule",
        pause_on_shutdown=False,
    )
    return 0


def _stage(settings: Settings, func):
    """Run one stage by hand under the run lock, on a working copy published when it succeeds."""
    from newsclaims import publish, stages

    run_id = stages.new_run_id()
    with publish.exclusive_copy(settings.warehouse, run_id, settings.lock_wait) as work:
        return func(dataclasses.replace(settings, warehouse=work), run_id)


def cmd_land(args) -> int:
    from newsclaims import stages

    settings = _settings(args)
    result = _stage(settings, stages.land_stage)
    print(f"landed {result['articles_landed']} new articles ({result['articles_duplicate']} already "
          f"landed), {result['rejects']} rejected, {result['files_unchanged']} files unchanged, "
          f"{result['files_deferred']} deferred, from {result['files_seen']} files into {settings.warehouse}")
    return 0


def cmd_reference(args) -> int:
    from newsclaims import stages

    settings = _settings(args)
    if not settings.reference.exists():
        raise SystemExit(f"newsclaims: reference {settings.reference} does not exist")
    result = _stage(settings, stages.reference_stage)
    print(f"landed reference values: {_reference_counts(result)}, into {settings.warehouse}")
    for problem in result["reference_problems"]:
        print(f"  {problem}")
    return 0


def cmd_extract(args) -> int:
    from newsclaims import stages

    result = _stage(_settings(args), stages.extract_stage)
    print(f"extracted {result['mentions']} claim mentions from {result['articles_extracted']} articles "
          f"({result['extractor_version']})")
    return 0


def cmd_build(args) -> int:
    from newsclaims import stages

    result = _stage(_settings(args), stages.build_stage)
    print(f"built {result['models_built']} models: {result['claims']} claims, {result['claimants']} "
          f"claimants; dbt tests {result['dbt_tests'] - len(result['dbt_tests_failed'])} passed, "
          f"{len(result['dbt_tests_failed'])} failed")
    for failed in result["dbt_tests_failed"]:
        print(f"  FAILED {failed}")
    return 0


def cmd_check(args) -> int:
    from newsclaims import stages

    settings = _settings(args)
    checks = stages.check_stage(settings)  # reads the published warehouse, read-only
    summary = {"run_id": stages.new_run_id(), "inbox": "-", "warehouse": str(settings.warehouse),
               "articles_landed": 0, "articles_duplicate": 0, "rejects": 0, "articles_extracted": 0,
               **stages.warehouse_counts(settings)}
    path = stages.report_stage(settings, summary, checks)
    failed = [c for c in checks if not c.success]
    print(f"checks: {len(checks) - len(failed)} passed, {len(failed)} failed")
    for c in failed:
        print(f"  FAILED {c.suite}: {c.expectation} on {c.column} ({c.unexpected_count} rows)")
    print(f"report: {path}")
    return 0


def cmd_docs(args) -> int:
    from newsclaims import transform

    settings = _settings(args)
    if not settings.warehouse.exists():
        raise SystemExit(f"newsclaims: no warehouse at {settings.warehouse}: run 'newsclaims run' first")
    out = Path(args.out) if args.out else settings.report_dir / "dbt_docs"
    path = transform.docs(settings.warehouse, out)
    print(f"dbt docs: {path} (one file: open it in a browser, no server or network needed)")
    return 0


def cmd_report(args) -> int:
    from newsclaims import stages

    settings = _settings(args)
    path = settings.report_dir / "summary.md"
    if not path.exists():
        raise SystemExit(f"newsclaims: no report yet at {path}: run 'newsclaims run' or 'newsclaims check'")
    print(path.read_text(encoding="utf-8"))
    print(f"(report: {path}; data docs: {stages.data_docs_dir(settings) / 'index.html'})")
    return 0


def _need_gold() -> None:
    from newsclaims.extraction import goldsets

    if not goldsets.available():
        raise SystemExit(f"newsclaims: the gold sets are not at {goldsets.EVAL_DIR}: nothing to train or score")


def cmd_train(args) -> int:
    from newsclaims.extraction import training

    _need_gold()
    model, develop = training.build_model()
    print(f"wrote {training.MODEL_FILE} (model-{model.digest}, threshold {model.threshold:.2f}, "
          f"{training.MODEL_FILE.stat().st_size / 1e6:.1f} MB)")
    reports = {"develop (oof)": develop}
    reports.update(training.evaluate(model, ("check",)))
    print(training.format_report(reports))
    return 0


def cmd_evaluate(args) -> int:
    from newsclaims.extraction import claims, training

    _need_gold()
    model = None if args.rules_only else claims.MODEL
    print(f"{claims.RULES_VERSION if model is None else claims.EXTRACTOR_VERSION}:")
    print(training.format_report(training.evaluate(model, tuple(args.parts))))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclaims",
        description="A claims warehouse for news: land articles, extract claims, build, check, report.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log library progress")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func, help_text: str, inbox: bool = False):
        p = sub.add_parser(name, help=help_text, description=help_text)
        if inbox:
            p.add_argument("--inbox", help="folder or file to land (env NEWSCLAIMS_INBOX; "
                                            "default: the built-in sample seeds/inbox)")
        p.add_argument("--warehouse", help="DuckDB file (env NEWSCLAIMS_WAREHOUSE; "
                                           "default data/newsclaims.duckdb)")
        p.add_argument("--report-dir", help="where reports and Data Docs go (env NEWSCLAIMS_REPORT_DIR; "
                                            "default expectations/uncommitted)")
        p.add_argument("--wait", type=float, dest="lock_wait",
                       help="seconds to wait for a run that holds the warehouse (env NEWSCLAIMS_LOCK_WAIT; "
                            "default 0: skip with a message)")
        p.set_defaults(func=func)
        return p

    run = add("run", cmd_run, "Run the whole pipeline as a Prefect flow: land, extract, build, check, report.",
        inbox=True)
    run.add_argument("--reference", help="reference series to land too: a file or folder in the format of "
                                         "the General Staff dataset (env NEWSCLAIMS_REFERENCE)")
    serve = add("serve", cmd_serve, "Serve the pipeline as a Prefect deployment on a cron schedule "
                "(env NEWSCLAIMS_SCHEDULE, default hourly).", inbox=True)
    serve.add_argument("--cron", help="cron schedule, e.g. '*/15 * * * *'")
    serve.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    add("land", cmd_land, "Land the inbox's files in the raw layer (idempotent).", inbox=True)
    reference = add("reference", cmd_reference, "Land reference series (the General Staff's daily losses "
                    "and corrections, russia_losses_*.json) in the raw layer (idempotent).")
    reference.add_argument("reference", help="a reference file, or a folder holding russia_losses_*.json files")
    add("extract", cmd_extract, "Extract claims from articles not yet done by this extractor version.")
    add("build", cmd_build, "Build the dbt models and run the dbt tests.")
    add("check", cmd_check, "Run the Great Expectations suites and write the report.")
    add("report", cmd_report, "Print the latest data-quality report.")
    docs = add("docs", cmd_docs, "Build the dbt docs site for analysts (every model and column, the lineage "
               "graph) as one static HTML file.")
    docs.add_argument("--out", help="folder for index.html (default: <report dir>/dbt_docs)")
    train = sub.add_parser("train", help="Train the learned layer on the develop part of the gold (../shared/eval) "
                           "and write src/newsclaims/extraction/models/claims.json.")
    train.set_defaults(func=cmd_train)
    evaluate = sub.add_parser("evaluate", help="Score the extractor on parts of the gold split with "
                              "../shared/eval/score.py.")
    evaluate.add_argument("parts", nargs="*", default=["develop", "check"],
                          choices=sorted(["dev", "train", "develop", "train-develop", "check"]),
                          help="parts to score (default: develop check; develop is in-sample for the model)")
    evaluate.add_argument("--rules-only", action="store_true", help="score the rules without the model")
    evaluate.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    # No telemetry: the machines this runs on have no network but the package registries.
    for key, value in (("PREFECT_SERVER_ANALYTICS_ENABLED", "false"), ("DO_NOT_TRACK", "1"),
                       ("GX_ANALYTICS_ENABLED", "false")):
        os.environ.setdefault(key, value)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("newsclaims: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the pipeline could not run: one line, non-zero
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"newsclaims: {args.command} failed: {type(exc).__name__}: {reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
