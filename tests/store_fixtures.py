"""Store fixtures for test_store_*/test_export_*/test_scale_*: one fresh store per test, on
DuckDB (a temp file) and, when ``$POLYBIUS_TEST_PG`` names a server, on PostgreSQL (a fresh schema)."""
from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("POLYBIUS_TEST_PG")
needs_pg = pytest.mark.skipif(not PG_URL, reason="POLYBIUS_TEST_PG is unset (run .ci/postgres.sh to start a server)")


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


class PgSchema:
    """A throwaway schema on the test server; ``url`` connects with it as search_path."""

    def __init__(self):
        import psycopg

        self.name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(PG_URL, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {self.name}")
        self.url = pg_schema_url(self.name)

    def drop(self):
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as c:
            c.execute(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=needs_pg)])
def store_url(request, tmp_path):
    if request.param == "duckdb":
        yield str(tmp_path / "test.duckdb")
    else:
        s = PgSchema()
        yield s.url
        s.drop()


@pytest.fixture
def store(store_url):
    from polybius.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    from store_docs import corpus

    docs = corpus()
    assert store.add_many(docs) == len(docs)
    store.docs = docs
    return store
