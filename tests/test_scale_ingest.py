"""Streaming ingest: idempotent, resumable after kill -9, parallel workers, Dask, bad input."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ingest_corpus import write as write_corpus  # noqa: E402

from polybius.store import EventFilter, StoreError, open_store  # noqa: E402


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    write_corpus(str(p), 24, seed=7, copies=0.25, paragraphs=3)
    return p


def _ingest(paths, db, pipeline, **kw):
    from polybius.scale.ingest import ingest, iter_inputs

    with open_store(db) as store:
        return ingest(iter_inputs([str(p) for p in paths], pipeline.settings), store, pipeline.settings,
                      pipeline=pipeline, **kw)


def test_ingest_then_again_stores_once(corpus_file, tmp_path, pipeline):
    db = tmp_path / "a.duckdb"
    first = _ingest([corpus_file], db, pipeline, batch_size=5)
    assert (first.read, first.stored, first.known, first.coded) == (24, 24, 0, 24)
    assert first.words > 0 and first.docs_per_s > 0
    again = _ingest([corpus_file], db, pipeline, batch_size=5)
    assert (again.read, again.stored, again.known, again.coded) == (24, 0, 24, 0)
    with open_store(db) as s:
        assert s.count_documents() == 24
        doc = s.get_document("synthetic-3")
        assert doc.sentences and doc.text.startswith(doc.title)
        assert s.duplicates(), "republished copies are linked as near-duplicates"
        for link in s.duplicates():
            a, b = s.get_document(link["doc_id"]), s.get_document(link["duplicate_of"])
            assert a.text.split("\n\n")[1:3] == b.text.split("\n\n")[1:3]


def test_bad_input_is_stored_with_its_reason_once(tmp_path, pipeline):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "ok-1", "text": "Paris welcomed the new trade rules on Monday. Officials said so."}\n'
                 '{"id": "bad", "text": \n'
                 '{"id": "no-text", "title": "x"}\n', encoding="utf-8")
    db = tmp_path / "b.duckdb"
    st = _ingest([f, tmp_path / "missing.txt"], db, pipeline)
    assert (st.read, st.coded, st.bad) == (4, 1, 3)
    with open_store(db) as s:
        msgs = [e["message"] for e in s.errors()]
        assert any("malformed JSON" in m for m in msgs) and any("no such file" in m for m in msgs)
        assert any("no string field 'text'" in m for m in msgs)
    st2 = _ingest([f, tmp_path / "missing.txt"], db, pipeline)
    assert (st2.stored, st2.known) == (0, 4)


def test_store_failure_stops_cleanly_and_the_rerun_finishes(corpus_file, tmp_path, pipeline, monkeypatch):
    from polybius.scale.ingest import ingest, iter_inputs
    from polybius.store.sql import SQLStore

    db = tmp_path / "c.duckdb"
    real = SQLStore.add_many
    calls = {"n": 0}

    def failing(self, docs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError("the disk is full (simulated)")
        return real(self, docs)

    monkeypatch.setattr(SQLStore, "add_many", failing)
    with open_store(db) as store, pytest.raises(StoreError, match="disk is full"):
        ingest(iter_inputs([str(corpus_file)], pipeline.settings), store, pipeline.settings, pipeline=pipeline,
               batch_size=5)
    monkeypatch.setattr(SQLStore, "add_many", real)
    with open_store(db) as s:
        assert s.count_documents() == 10  # two batches committed
    st = _ingest([corpus_file], db, pipeline, batch_size=5)
    assert (st.known, st.stored) == (10, 14)


def _cli(*args, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "polybius", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_kill_9_half_way_then_rerun_loses_and_duplicates_nothing(tmp_path):
    corpus = tmp_path / "big.jsonl"
    write_corpus(str(corpus), 60, seed=11, copies=0.1, paragraphs=4)
    db = tmp_path / "k.duckdb"
    p = _cli("ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--log-every", "0")
    stored = 0
    deadline = time.time() + 240
    try:
        for line in p.stderr:
            line = line.decode()
            if line.startswith("progress:"):
                stored = int(line.split(" stored")[0].rsplit(" ", 1)[-1])
                if stored >= 12:
                    break
            assert time.time() < deadline, "ingest made no progress"
        p.send_signal(signal.SIGKILL)
    finally:
        p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    assert 12 <= stored < 60, "killed half-way"
    with open_store(db) as s:
        kept = s.count_documents()
    assert kept >= stored  # everything reported as committed survived kill -9
    rerun = _cli("ingest", str(corpus), "--db", str(db), "--json", "--quiet")
    out, errs = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, errs.decode()
    figures = json.loads(out.decode().strip().splitlines()[-1])
    assert figures["known"] == kept and figures["stored"] == 60 - kept
    with open_store(db) as s:
        assert s.count_documents() == 60
        ids = [r["id"] for r in s.documents(limit=None)]
        assert sorted(ids) == sorted(f"synthetic-{i}" for i in range(60))
        st = s.stats()
        assert st["minhashes"] == 60 and st["errors"] == 0
        assert s._query("SELECT count(*) AS n FROM (SELECT DISTINCT doc_id, actor_id, n FROM mentions) x")[0]["n"] == st["mentions"]


def test_two_worker_processes_store_what_one_does(tmp_path, pipeline):
    from polybius.scale.ingest import ingest, iter_inputs

    corpus = tmp_path / "w.jsonl"
    write_corpus(str(corpus), 10, seed=3, copies=0.0, paragraphs=3)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    _ingest([corpus], one, pipeline, batch_size=3)
    with open_store(two) as store:
        st = ingest(iter_inputs([str(corpus)], pipeline.settings), store, pipeline.settings, workers=2, batch_size=3)
    assert (st.stored, st.coded) == (10, 10)
    with open_store(one) as a, open_store(two) as b:
        for r in a.documents(limit=None):
            assert a.get_document(r["id"]).to_dict() == b.get_document(r["id"]).to_dict()
        assert a.count_events(EventFilter()) == b.count_events(EventFilter())


def test_dask_local_cluster(tmp_path, pipeline):
    from polybius.scale.ingest import ingest, iter_inputs

    corpus = tmp_path / "d.jsonl"
    write_corpus(str(corpus), 6, seed=5, copies=0.0, paragraphs=2)
    db = tmp_path / "dask.duckdb"
    with open_store(db) as store:
        st = ingest(iter_inputs([str(corpus)], pipeline.settings), store, pipeline.settings, dask="local",
                    workers=1, batch_size=2)
    assert (st.stored, st.coded) == (6, 6)
    with open_store(db) as s:
        assert s.count_documents() == 6
        assert all(s.get_document(r["id"]).sentences for r in s.documents())


def test_cli_ingest_on_a_dask_scheduler_address(tmp_path):
    """``--dask tcp://HOST:PORT``: a real scheduler with one worker process, reached by address."""
    from distributed import LocalCluster

    from conftest import run_cli

    corpus = tmp_path / "t.jsonl"
    write_corpus(str(corpus), 5, seed=13, copies=0.0, paragraphs=2)
    db = str(tmp_path / "tcp.duckdb")
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env_path if env_path else "")
    try:
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                          host="127.0.0.1") as cluster:
            assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
            r = run_cli("ingest", str(corpus), "--db", db, "--dask", cluster.scheduler_address, "--json", "--quiet")
    finally:
        os.environ["PYTHONPATH"] = env_path
    assert r.returncode == 0, r.stderr.decode()
    figures = json.loads(r.stdout.decode().strip().splitlines()[-1])
    assert (figures["stored"], figures["coded"]) == (5, 5)


def test_unreachable_dask_scheduler_is_a_clear_error(tmp_path):
    from conftest import run_cli

    corpus = tmp_path / "t.jsonl"
    write_corpus(str(corpus), 2, seed=1, copies=0.0, paragraphs=1)
    r = run_cli("ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"), "--dask", "tcp://127.0.0.1:9", "--quiet",
                "--dask-timeout", "3")
    err = r.stderr.decode()
    assert r.returncode == 2 and "Dask scheduler" in err and "Traceback" not in err
