"""Issue 14, items 2 and 16: every input of an ingest is counted and reported — new, already
stored, a duplicate of which id and why, unreadable — and the counts add up to the number read."""
from __future__ import annotations

import json

import pytest
from conftest import run_cli

from polybius.store import open_store

T1 = "Officials in Lima said on Monday that the harbour talks with Quito would resume next week."
T2 = "The ministers of Chile and Peru met in Santiago on Tuesday to discuss new fishing quotas."
T3 = "Egypt called on Sudan and Ethiopia to return to the dam talks, the foreign ministry said on Friday."
T4 = "Farmers in the north protested against the new water rules on Thursday, the union said."


def _corpus(path):
    lines = [{"id": "a", "text": T1}, {"id": "a", "text": T2},  # same id, another text
             {"id": "b", "text": T3}, {"id": "c", "text": T3},  # same text, two ids
             {"id": "a", "text": T1},  # the very same input again
             {"id": "d", "text": T4}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + '\n{"id": "e", "text": \n', encoding="utf-8")
    return path


def _run(path, db, pipeline, workers=1, **kw):
    from polybius.scale.ingest import ingest, iter_inputs

    heard = []
    with open_store(db) as store:
        st = ingest(iter_inputs([str(path)], pipeline.settings), store, pipeline.settings,
                    pipeline=pipeline if workers == 1 else None, workers=workers, batch_size=3,
                    on_input=lambda kind, doc, msg: heard.append((kind, doc.id, msg)), **kw)
    return st, heard


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])  # 2 workers: ~15 s
def test_duplicates_within_a_run_are_counted_and_reported(tmp_path, pipeline, workers):
    f = _corpus(tmp_path / "c.jsonl")
    db = tmp_path / "d.duckdb"
    st, heard = _run(f, db, pipeline, workers)
    assert (st.read, st.new, st.bad, st.known, st.duplicates) == (7, 3, 1, 0, 3)
    assert st.read == st.new + st.bad + st.known + st.duplicates
    dups = sorted((d, m) for kind, d, m in heard if kind == "duplicate")
    assert [d for d, _ in dups] == ["a", "a", "c"]
    msgs = " | ".join(m for _, m in dups)
    assert "c.jsonl:2: a is a duplicate of a (the same id as an earlier input, with a different text)" in msgs
    assert "c.jsonl:4: c is a duplicate of b (the same title and text as an earlier input)" in msgs
    assert "c.jsonl:5: a is a duplicate of a (the same id and text as an earlier input)" in msgs
    assert [kind for kind, d, _ in heard if d not in ("a", "c")] == ["unreadable"]
    with open_store(db) as s:
        assert s.get_document("a").text == T1 and not s.has("c") and s.count_documents() == 4

    again, heard = _run(f, db, pipeline)  # a rerun: the unreadable line is not reported again
    assert (again.read, again.new, again.bad, again.known, again.duplicates) == (7, 0, 0, 4, 3)
    assert sorted(kind for kind, _, _ in heard) == ["duplicate"] * 3


def test_a_stored_id_with_another_text_is_a_duplicate_not_already_stored(tmp_path, pipeline):
    db = tmp_path / "s.duckdb"
    first = tmp_path / "1.jsonl"
    first.write_text(json.dumps({"id": "x", "text": T1}) + "\n", encoding="utf-8")
    _run(first, db, pipeline)
    second = tmp_path / "2.jsonl"
    second.write_text(json.dumps({"id": "x", "text": T2}) + "\n" + json.dumps({"id": "y", "text": T1}) + "\n",
                      encoding="utf-8")
    st, heard = _run(second, db, pipeline)
    assert (st.read, st.new, st.known, st.duplicates) == (2, 0, 0, 2)
    assert [m.split(": ", 1)[1] for _, _, m in heard] == [
        "x is a duplicate of x (the same id as a stored document, with a different text); not stored",
        "y is a duplicate of x (the same title and text as a stored document); not stored"]


def test_documents_another_writer_stored_meanwhile_count_as_already_stored(tmp_path, pipeline, monkeypatch):
    """The losing writer of two (PostgreSQL): its counts still add up to the number read."""
    from polybius.scale.triage import Triage

    f = _corpus(tmp_path / "c.jsonl")
    db = tmp_path / "w.duckdb"
    blind = Triage.__init__
    monkeypatch.setattr(Triage, "__init__", lambda self, store=None: blind(self, None))  # checks before the other commits
    from polybius.scale.ingest import ingest, iter_inputs

    with open_store(db) as store:
        # the other writer commits "a" and "d" after this one found them new
        first = [d for d in iter_inputs([str(f)], pipeline.settings) if d.text in (T1, T4)][::2]
        assert [d.id for d in first] == ["a", "d"]
        store.add_many(pipeline.code_documents(first))
        st = ingest(iter_inputs([str(f)], pipeline.settings), store, pipeline.settings, pipeline=pipeline,
                    batch_size=3)
    assert (st.read, st.new, st.bad, st.known, st.duplicates) == (7, 1, 1, 2, 3)
    assert st.read == st.new + st.bad + st.known + st.duplicates


def test_cli_ingest_lists_each_duplicate_and_counts_that_add_up(tmp_path):
    f = _corpus(tmp_path / "c.jsonl")
    r = run_cli("ingest", str(f), "--db", str(tmp_path / "c.duckdb"), "--quiet", "--json")
    assert r.returncode == 0, r.stderr.decode()
    err = " ".join(r.stderr.decode().split())
    assert err.count("duplicate: ") == 3 and "c is a duplicate of b" in err
    assert "skipped: " in err and "malformed JSON" in err
    assert ("ingested 3 new document(s) of 7 read (1 unreadable, stored with the reason; 0 already stored; "
            "3 duplicate(s), not stored)") in err
    figures = json.loads(r.stdout.decode().splitlines()[-1])
    assert figures["read"] == figures["new"] + figures["bad"] + figures["known"] + figures["duplicates"]


def test_code_reports_duplicates_and_writes_every_input(tmp_path):
    f = _corpus(tmp_path / "c.jsonl")
    r = run_cli("code", str(f))
    assert r.returncode == 0, r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 7
    err = " ".join(r.stderr.decode().split())
    assert err.count("duplicate: ") == 3 and "c is a duplicate of b" in err and "written all the same" in err
