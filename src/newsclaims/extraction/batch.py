"""Clean and extract batches of articles, on every core for large batches.

Kept apart from the extract stage so that worker processes import only the
extractor (not pandas or DuckDB): a spawned worker starts in a fraction of a second.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

from newsclaims import progress
from newsclaims.cleaning import clean
from newsclaims.config import DEFAULT_EXTRACT_BUDGET_SECONDS
from newsclaims.extraction.claims import EXTRACTOR_VERSION, ClaimExtractor
from newsclaims.extraction.extractor import ExtractionBudgetExceeded

# Below this many articles a second process costs more than it saves.
PARALLEL_MIN_ARTICLES = 400


def extract_records(records: list[tuple], version: str = EXTRACTOR_VERSION,
                    budget: float | None = DEFAULT_EXTRACT_BUDGET_SECONDS) -> tuple[list[dict], list[dict]]:
    """Clean and extract (article_id, title, body, published_on, outlet) records.

    Returns (texts, mentions) as rows without the run's id and time. An article whose extraction
    fails, or takes longer than ``budget`` seconds, is quarantined: its text row carries the reason
    (``extraction_error``) and it has no mentions; the others go on.
    """
    extractor = ClaimExtractor()
    texts, mentions = [], []
    for article_id, title, body, published_on, outlet in records:
        cleaned = clean(title, body)
        text = {
            "article_id": article_id, "extractor_version": version,
            "title_clean": cleaned.title, "body_clean": cleaned.body,
            "boilerplate": cleaned.boilerplate, "mojibake_repaired": cleaned.mojibake_repaired,
            "extraction_error": None,
        }
        texts.append(text)
        try:
            claims = extractor.extract(cleaned.title, cleaned.body, published_on, outlet, budget=budget)
        except ExtractionBudgetExceeded as exc:
            text["extraction_error"] = f"over the {budget:g}-second budget: {exc}"
            continue
        except Exception as exc:  # one article's surprise must not stop the others
            text["extraction_error"] = f"extraction failed: {type(exc).__name__}: {exc}"[:500]
            continue
        for claim in claims:
            mention = claim.as_row()
            key = f"{article_id}|{claim.section}|{claim.number_start}|{claim.metric}"
            if claim.stance != "assert":
                # a denied report is two claims of one number: the report's and the denial
                key += f"|{claim.stance}"
            mention["mention_id"] = hashlib.sha256(key.encode()).hexdigest()[:16]
            mention["article_id"] = article_id
            mention["extractor_version"] = version
            mentions.append(mention)
    return texts, mentions


def worker_pool(workers: int | None = None) -> ProcessPoolExecutor | None:
    """A pool of extraction processes to reuse across batches (None on one core). Spawned, not
    forked: the parent holds a DuckDB connection and Prefect's threads."""
    workers = workers or os.cpu_count() or 1
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) if workers >= 2 else None


def extract_parallel(records: list[tuple], version: str = EXTRACTOR_VERSION,
                     workers: int | None = None, budget: float | None = DEFAULT_EXTRACT_BUDGET_SECONDS,
                     pool=None) -> tuple[list[dict], list[dict]]:
    """``extract_records`` over all cores for large batches (results in input order), in ``pool``
    when one is given (it stays open for the next batch), else in a pool of its own. A cluster's
    pool (newsclaims.cluster.DaskPool) is given every batch and says how many workers it has."""
    if getattr(pool, "takes_every_batch", False):
        workers = pool.workers
    else:
        workers = workers or os.cpu_count() or 1
        if workers < 2 or len(records) < PARALLEL_MIN_ARTICLES:
            return extract_records(records, version, budget)
    own = pool is None
    pool = pool or worker_pool(workers)
    size = -(-len(records) // (workers * 8))
    chunks = [records[i:i + size] for i in range(0, len(records), size)]
    results = []
    try:
        with progress.bar(len(records), "extracting") as shown:
            done = pool.map(extract_records, chunks, [version] * len(chunks), [budget] * len(chunks))
            for chunk, result in zip(chunks, done, strict=True):
                results.append(result)
                shown.update(len(chunk))
    finally:
        if own:
            pool.shutdown()
    return [t for ts, _ in results for t in ts], [m for _, ms in results for m in ms]
