"""The DuckDB warehouse: its Python-written schemas and how to open it.

Python writes three schemas; dbt builds everything else from them.

* ``raw``: append-only, exactly what arrived (``raw.articles``, ``raw.rejects``,
  ``raw.files``; the reference series in ``raw.reference_files`` and
  ``raw.reference_values``).
* ``extract``: what the extractor made of each article for one extractor
  version (``extract.article_texts``, ``extract.claim_mentions``).
* ``ops``: run records (``ops.runs``) and builds (``ops.builds``).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from newsclaims.config import duckdb_memory_limit

DDL = """
create schema if not exists raw;
create schema if not exists extract;
create schema if not exists ops;

-- The three big tables have no primary key or unique constraint: DuckDB keeps such an index whole
-- in memory (and rewrites it at every checkpoint), and on a million articles it outgrew the memory
-- limit. Their keys are kept unique by the one writer, which inserts only what is not stored yet
-- (landing on content_hash, extraction on the pending articles), and checked by the dbt tests and
-- the raw_articles suite.
create table if not exists raw.articles (
    article_id    varchar not null,      -- first 16 hex digits of content_hash
    content_hash  varchar not null,
    source_file   varchar not null,
    source_path   varchar not null,
    line_number   integer,               -- JSON-lines files: the line; text files: null
    file_format   varchar not null,      -- 'text' or 'jsonl'
    byte_size     bigint not null,
    raw_text      varchar not null,      -- the article exactly as it arrived (decoded)
    published_on  date not null,
    title         varchar not null,
    body          varchar not null,
    byline        varchar,
    outlet        varchar,
    url           varchar,
    landed_at     timestamptz not null,
    run_id        varchar not null
);

create table if not exists raw.files (
    file_hash     varchar primary key,   -- SHA-256 of the file's bytes
    source_file   varchar not null,
    source_path   varchar not null,
    byte_size     bigint not null,
    n_articles    integer not null,      -- articles parsed from it (before deduplication)
    n_rejects     integer not null,
    landed_at     timestamptz not null,
    run_id        varchar not null
);

create table if not exists raw.rejects (
    reject_id     varchar primary key,   -- hash of the original bytes and reason
    source_file   varchar not null,
    source_path   varchar not null,
    line_number   integer,
    reason        varchar not null,
    byte_size     bigint not null,       -- the whole rejected input's size
    content_hash  varchar not null,      -- and SHA-256
    original      blob,                  -- its first bytes, at most 1 MiB (landing.MAX_REJECT_KEPT_BYTES); null where
                                         -- an earlier row with the same content_hash holds them
    landed_at     timestamptz not null,
    run_id        varchar not null
);

create table if not exists raw.reference_files (
    file_hash     varchar primary key,   -- SHA-256 of the file's bytes
    source_file   varchar not null,
    source_path   varchar not null,
    kind          varchar not null,      -- 'daily' (cumulative counts) or 'correction' (deltas)
    byte_size     bigint not null,
    n_values      integer not null,      -- values landed from it
    n_rejects     integer not null,      -- rows (or the whole file) sent to raw.rejects
    n_bad_values  integer not null,      -- values of known keys that are not counts
    unknown_keys  varchar,               -- keys seeds/reference_keys.csv does not know, not landed
    missing_days  integer not null,      -- days missing between a daily file's first and last
    first_date    date,
    last_date     date,
    landed_at     timestamptz not null,
    run_id        varchar not null
);

create table if not exists raw.reference_values (
    file_hash     varchar not null,      -- the raw.reference_files row it came from
    kind          varchar not null,      -- 'daily' or 'correction'
    date          date not null,
    day           integer,               -- the dataset's day of the war
    key           varchar not null,      -- the dataset's key, as it came ('personnel', 'tank', 'APC')
    value         double not null,       -- a cumulative count (daily) or a delta (correction)
    qualifier     varchar,               -- the dataset's 'key*' field ('about', 'more')
    landed_at     timestamptz not null,
    run_id        varchar not null,
    primary key (file_hash, date, key)
);

create table if not exists extract.article_texts (
    article_id         varchar not null,
    extractor_version  varchar not null,
    title_clean        varchar not null,
    body_clean         varchar not null,
    boilerplate        varchar not null,  -- the lines separated from the body
    mojibake_repaired  boolean not null,
    extracted_at       timestamptz not null,
    run_id             varchar not null   -- key: (article_id, extractor_version)
);

create table if not exists extract.claim_mentions (
    mention_id         varchar not null,
    article_id         varchar not null,
    extractor_version  varchar not null,
    section            varchar not null,  -- 'title' or 'body'
    sentence           varchar not null,
    sentence_start     integer not null,  -- offsets into title_clean or body_clean
    sentence_end       integer not null,
    number_text        varchar not null,
    number_start       integer not null,
    value              double not null,
    value_max          double,
    qualifier          varchar not null,
    metric             varchar not null,
    metric_note        varchar,
    subject            varchar not null,
    scope              varchar not null,
    period_days        double,
    as_of              date not null,
    claimant           varchar not null,
    claimant_org       varchar,
    claimant_party     varchar not null,
    claimant_kind      varchar not null,  -- person, organisation, state, media, unknown
    claimant_mention   varchar not null,  -- the words that named the claimant
    relayed_by         varchar,
    stance             varchar not null,
    evidence           varchar not null,  -- cue words and rules that produced the row
    confidence         double             -- the learned claim head's probability (null: rules alone)
                                          -- key: (mention_id, extractor_version)
);
-- warehouses built before the learned layer gain its column
alter table extract.claim_mentions add column if not exists confidence double;
-- why an article was quarantined by extraction (over its time budget, or an error); null when done
alter table extract.article_texts add column if not exists extraction_error varchar;

create table if not exists ops.builds (
    run_id        varchar not null,
    fingerprint   varchar not null,      -- hash of the dbt project, seeds, suites and extractor version
    built_at      timestamptz not null
);

create table if not exists ops.runs (
    run_id        varchar primary key,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    status        varchar not null,      -- running, completed, failed, interrupted, abandoned, refused
    inbox         varchar,
    files_seen    integer,
    files_deferred integer,
    articles_landed integer,
    articles_duplicate integer,
    rejects       integer,
    articles_extracted integer,
    claims        integer,
    claimants     integer,
    checks_passed integer,
    checks_failed integer,
    report_path   varchar,
    error         varchar
);
-- which parsing.PARSER_VERSION last read the file (null: version 1, before it was recorded)
alter table raw.files add column if not exists parser_version integer;
-- seconds each stage of a run took, measured by the run itself (Prefect's task timings were wrong under load)
alter table ops.runs add column if not exists land_seconds double;
alter table ops.runs add column if not exists extract_seconds double;
alter table ops.runs add column if not exists build_seconds double;
alter table ops.runs add column if not exists check_seconds double;
-- where the extract stage ran: this process, this machine's processes, or a Dask cluster's address
alter table ops.runs add column if not exists extracted_on varchar;
-- whether the build was whole (the fingerprint changed, or none was recorded) or added the new rows
alter table ops.builds add column if not exists full_refresh boolean;
"""


log = logging.getLogger(__name__)

_OPEN: set[duckdb.DuckDBPyConnection] = set()  # this process's open connections, for interrupt_all


@contextlib.contextmanager
def tracked(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Hold a connection where ``interrupt_all`` can reach it; close it at the end."""
    _OPEN.add(con)
    try:
        yield con
    finally:
        _OPEN.discard(con)
        con.close()


def interrupt_all() -> None:
    """Stop the queries of every open connection (a stopped run: DuckDB does not stop a running
    query for a Python signal handler's exception, only for ``interrupt``)."""
    for con in list(_OPEN):
        with contextlib.suppress(Exception):
            con.interrupt()


@contextlib.contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (creating its folder and Python-owned schemas when writing)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    with tracked(duckdb.connect(str(path), read_only=read_only)) as con:
        # a setting of the database, not the connection: set after connecting, so that a process
        # that holds another connection to the file (with DuckDB's defaults) is not refused
        con.execute("set memory_limit = ?", [duckdb_memory_limit()])
        # a long query (a migration, a big landing's dedupe) would draw DuckDB's bar into the run's log
        con.execute("set enable_progress_bar = false")
        if not read_only:
            con.execute(DDL)
            _migrate(con)
        yield con


UNINDEXED = ("raw.articles", "extract.article_texts", "extract.claim_mentions")


def _migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a warehouse made by an older version to this one's tables (what DDL's ``if not exists``
    cannot): raw.rejects.original became nullable when rejected bytes began to be kept once; the
    big tables lost their key indexes (see DDL)."""
    nullable = scalar(con, "select is_nullable from information_schema.columns where table_schema = 'raw' "
                           "and table_name = 'rejects' and column_name = 'original'")
    if nullable == "NO":
        con.execute("alter table raw.rejects alter column original drop not null")
    for table in UNINDEXED:
        schema, name = table.split(".")
        if scalar(con, "select count(*) from duckdb_constraints() where schema_name = ? and table_name = ? "
                       "and constraint_type in ('PRIMARY KEY', 'UNIQUE')", [schema, name]):
            _rebuild_without_keys(con, table)


def _rebuild_without_keys(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Copy ``table`` into one made by this version's DDL (no key index), in one transaction."""
    schema, name = table.split(".")
    body = re.search(rf"create table if not exists {re.escape(table)} \((.*?)\n\);", DDL, re.S).group(1)
    added = re.findall(rf"alter table {re.escape(table)} add column if not exists (\w+ \w+);", DDL)
    log.info("rebuilding %s without its key index (a one-off, for a warehouse of an older version)", table)
    with transaction(con):
        con.execute(f"create table {schema}.{name}__rebuilt ({body}\n)")  # the body may end in a comment
        for column in added:
            con.execute(f"alter table {schema}.{name}__rebuilt add column if not exists {column}")
        con.execute(f"insert into {schema}.{name}__rebuilt by name select * from {table}")
        con.execute(f"drop table {table}")
        con.execute(f"alter table {schema}.{name}__rebuilt rename to {name}")


def open_latest(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the newest published build, for notebooks and servers that live
    across runs. ``duckdb.connect(path)`` in a process that still holds a connection to the file
    returns that connection's database, the build it opened (DuckDB caches one database per file
    per process); a fresh in-memory database attaching the file reads the file as it is now."""
    con = duckdb.connect(":memory:")
    quoted = str(Path(path).resolve()).replace("'", "''")
    con.execute(f"attach '{quoted}' as warehouse (read_only)")
    con.execute("use warehouse")
    return con


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: committed at the end, rolled back on an error. The error raised is the one
    that failed the work: when DuckDB has already ended the transaction (a full disk, an
    interrupted query) the rollback's own "no transaction is active" would otherwise hide it."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException as exc:
        try:
            con.execute("rollback")
        except Exception as rollback_exc:
            log.debug("rollback after %s failed too: %s", type(exc).__name__, rollback_exc)
        raise
    con.execute("commit")


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame) -> Iterator[None]:
    """``frame`` as the view ``name`` for the block. When the block fails, DuckDB refuses every
    statement of the aborted transaction, dropping the view too: that refusal ("Current transaction
    is aborted") must not replace the error that caused it (an out-of-memory, a full disk)."""
    con.register(name, frame)
    try:
        yield
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)
        raise
    con.unregister(name)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """The first column of the first row (DuckDB 2 wants every result fully fetched)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(scalar(
        con,
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ))
