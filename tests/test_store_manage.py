"""Issue 14, item 21: ``polybius stats`` and ``polybius delete`` (by id, outlet, date range;
one transaction; counts), on every store engine."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import run_cli
from store_docs import corpus
from store_fixtures import filled, store, store_url  # noqa: F401
from test_store_analysis import cli_db  # noqa: F401  (a DuckDB file holding store_docs.corpus())

from polybius.store import DocFilter, open_store


def test_overview_counts_what_the_store_holds(filled):
    o = filled.overview()
    docs = filled.docs
    assert o["documents"] == len(docs) and o["events"] == sum(len(d.events) for d in docs)
    assert o["quotes"] == sum(len(d.quotes) for d in docs) and o["actors"] > 0
    assert sum(r["documents"] for r in o["outlets"]) == len(docs)
    dates = [d.published for d in docs if d.published]
    assert (o["first_published"], o["last_published"]) == (min(dates).isoformat(), max(dates).isoformat())


def test_delete_where_removes_every_layer_in_one_transaction(filled):
    docs = filled.docs
    outlet = docs[0].outlet
    mine = [d for d in docs if d.outlet and d.outlet.lower() == outlet.lower()]
    before = filled.stats()
    dry = filled.delete_where(DocFilter(outlet=outlet.upper()), dry_run=True)
    assert dry["documents"] == len(mine) and filled.stats() == before  # a dry run changes nothing
    counts = filled.delete_where(DocFilter(outlet=outlet.upper()))
    assert counts == dry and counts["events"] == sum(len(d.events) for d in mine)
    after = filled.stats()
    assert all(after[t] == before[t] - counts[t] for t in before)
    assert not any(filled.has(d.id) for d in mine)
    with pytest.raises(ValueError, match="no filter"):
        filled.delete_where(DocFilter())


def test_delete_by_date_range_and_ids(filled):
    docs = filled.docs
    day = sorted(d.published for d in docs if d.published)[0]
    on_day = {d.id for d in docs if d.published == day}
    assert filled.delete_where(DocFilter(start=day, end=day))["documents"] == len(on_day)
    rest = [d.id for d in docs if d.id not in on_day]
    assert filled.delete_where(DocFilter(ids=rest[:1] + ["nope"]))["documents"] == 1
    assert filled.count_documents() == len(docs) - len(on_day) - 1
    assert filled.add_many([d for d in docs if d.id in on_day]) == len(on_day)  # stored again afresh


def test_cli_stats(cli_db):
    r = run_cli("stats", "--db", cli_db, "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    o = json.loads(r.stdout)
    assert o["documents"] == len(corpus()) and o["size_bytes"] > 0 and o["outlets"]
    r = run_cli("stats", "--db", cli_db)
    out = r.stdout.decode()
    assert r.returncode == 0 and "documents" in out and "by outlet" in out and "size" in out


def test_cli_delete_refuses_without_a_filter_and_prints_counts(cli_db):
    n = len(corpus())
    for args in ([], ["--all"], ["--yes"]):
        r = run_cli("delete", "--db", cli_db, *args)
        assert r.returncode == 2 and "refusing to delete without a filter" in r.stderr.decode()
    assert run_cli("delete", "--db", cli_db, "--all", "--yes", "--outlet", "x").returncode == 2
    doc = corpus()[0]
    r = run_cli("delete", "--db", cli_db, "--id", doc.id, "--id", "nope", "--dry-run")
    err = " ".join(r.stderr.decode().split())
    assert r.returncode == 0 and "would delete 1 document(s)" in err and "not stored: nope" in err
    r = run_cli("delete", "--db", cli_db, "--id", doc.id)
    err = " ".join(r.stderr.decode().split())
    assert r.returncode == 0 and "deleted 1 document(s) (" in err and f"{len(doc.events)} events" in err
    r = run_cli("delete", "--db", cli_db, "--all", "--yes")
    assert r.returncode == 0 and f"deleted {n - 1} document(s)" in r.stderr.decode()
    with open_store(cli_db) as s:
        assert s.count_documents() == 0 and not any(s.stats().values())
