"""The warehouse's Python-owned schema: no key index on the big tables, the migration of an older
warehouse, and errors that keep their cause."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from newsclaims import warehouse

# the big tables as an older version made them: key indexes, and article_texts before it had
# extraction_error
OLD_DDL = """
create schema raw; create schema extract;
create table raw.articles (
    article_id varchar primary key, content_hash varchar not null unique, source_file varchar not null,
    source_path varchar not null, line_number integer, file_format varchar not null, byte_size bigint not null,
    raw_text varchar not null, published_on date not null, title varchar not null, body varchar not null,
    byline varchar, outlet varchar, url varchar, landed_at timestamptz not null, run_id varchar not null);
create table extract.article_texts (
    article_id varchar not null, extractor_version varchar not null, title_clean varchar not null,
    body_clean varchar not null, boilerplate varchar not null, mojibake_repaired boolean not null,
    extracted_at timestamptz not null, run_id varchar not null, primary key (article_id, extractor_version));
insert into raw.articles values ('a1', 'h1', 'f.txt', '/in/f.txt', null, 'text', 10, 'raw', '2022-03-01',
    'Title', 'Body', null, 'BBC', null, '2022-03-01 10:00:00+00', 'run-1');
insert into extract.article_texts values ('a1', 'v1', 'Title', 'Body', '', false, '2022-03-01 10:00:01+00', 'run-1');
"""


def _keys(con, schema: str, table: str) -> int:
    return con.execute("select count(*) from duckdb_constraints() where schema_name = ? and table_name = ? "
                       "and constraint_type in ('PRIMARY KEY', 'UNIQUE')", [schema, table]).fetchone()[0]


def test_a_new_warehouse_has_no_key_index_on_its_big_tables(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        for table in warehouse.UNINDEXED:
            assert _keys(con, *table.split(".")) == 0, table
        assert _keys(con, "raw", "files") == 1  # small tables keep theirs


def test_an_older_warehouse_loses_its_key_indexes_and_keeps_rows_columns_and_not_nulls(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(OLD_DDL)
        before = con.execute("select * from raw.articles").fetchall()
    with warehouse.connect(path) as con:
        assert _keys(con, "raw", "articles") == _keys(con, "extract", "article_texts") == 0
        assert con.execute("select * from raw.articles").fetchall() == before
        assert con.execute("select article_id, extraction_error from extract.article_texts").fetchall() == [
            ("a1", None)]
        with pytest.raises(duckdb.ConstraintException):
            con.execute("insert into raw.articles (article_id) values ('a2')")  # not null still holds
    with warehouse.connect(path) as con:  # the next connection finds nothing to migrate
        assert con.execute("select count(*) from raw.articles").fetchone() == (1,)


def test_a_failed_insert_raises_its_own_error_not_the_aborted_transaction(tmp_path):
    """DuckDB refuses every statement of a failed transaction, dropping a registered frame too; the
    error raised is the insert's (here a key clash; on a million articles it was out of memory)."""
    row = {"file_hash": "f", "source_file": "a.txt", "source_path": "/in/a.txt", "byte_size": 1, "n_articles": 1,
           "n_rejects": 0, "landed_at": dt.datetime.now(dt.UTC), "run_id": "r", "parser_version": 2}
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        con.execute("insert into raw.files by name select * from (select ? as file_hash, ? as source_file, "
                    "? as source_path, ? as byte_size, ? as n_articles, ? as n_rejects, ?::timestamptz as landed_at, "
                    "? as run_id, ? as parser_version)", list(row.values()))
        with pytest.raises(duckdb.ConstraintException), warehouse.transaction(con), \
                warehouse.registered(con, "incoming", pd.DataFrame([row])):
            con.execute("insert into raw.files by name select * from incoming")
        assert con.execute("select count(*) from raw.files").fetchone() == (1,)
