"""PostgreSQL specifics on a real server ($POLYBIUS_TEST_PG, started by .ci/postgres.sh):
ingest into it, a server connection that goes away mid-run, two stores sharing one database."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from store_docs import corpus
from store_fixtures import PG_URL, PgSchema, needs_pg

from polybius.store import StoreError, open_store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ingest_corpus import write as write_corpus  # noqa: E402

pytestmark = needs_pg


@pytest.fixture
def schema():
    s = PgSchema()
    yield s
    s.drop()


def test_connection_lost_mid_run_stops_cleanly_and_resumes(schema, tmp_path, pipeline):
    import psycopg

    from polybius.scale.ingest import ingest, iter_inputs

    corpus_file = tmp_path / "c.jsonl"
    write_corpus(str(corpus_file), 20, seed=9, copies=0.0, paragraphs=2)
    store = open_store(schema.url)
    pid = store.conn.info.backend_pid
    batches = {"n": 0}

    def kill_server_side(stats):
        batches["n"] += 1
        if batches["n"] == 2:
            with psycopg.connect(PG_URL, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    with pytest.raises(StoreError, match="unreachable or went away"):
        ingest(iter_inputs([str(corpus_file)], pipeline.settings), store, pipeline.settings, pipeline=pipeline,
               batch_size=5, progress=kill_server_side)
    store.close()
    with open_store(schema.url) as s:
        kept = s.count_documents()
        assert kept == 10  # the two batches committed before the connection died
        st = ingest(iter_inputs([str(corpus_file)], pipeline.settings), s, pipeline.settings, pipeline=pipeline,
                    batch_size=5)
        assert (st.known, st.stored) == (10, 10) and s.count_documents() == 20


def test_two_stores_share_one_database(schema):
    docs = corpus()
    a, b = open_store(schema.url), open_store(schema.url)
    try:
        assert a.add_many(docs[:3]) == 3
        assert b.add_many(docs) == 2  # sees what the other wrote
        assert a.count_documents() == b.count_documents() == 5
        # near-duplicates are found against documents another writer stored
        assert len(b.duplicates()) == 1
    finally:
        a.close()
        b.close()


def test_cli_ingest_into_postgres(schema, tmp_path):
    from conftest import run_cli

    corpus_file = tmp_path / "c.jsonl"
    write_corpus(str(corpus_file), 6, seed=2, copies=0.0, paragraphs=2)
    r = run_cli("ingest", str(corpus_file), "--db", schema.url, "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    r = run_cli("export", "-", "--format", "gdelt", "--db", schema.url)
    assert r.returncode == 0
    with open_store(schema.url) as s:
        assert s.count_documents() == 6
