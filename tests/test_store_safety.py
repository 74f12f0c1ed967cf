"""Issue 14, items 1 and 7: a ``--db`` that is not a Polybius store is refused and left as it
was; a query never creates a store."""
from __future__ import annotations

import pytest
from conftest import run_cli

from polybius.store import StoreError, open_store

NOT_STORES = {
    "corpus.jsonl": b'{"id": "a", "text": "Paris welcomed the new trade rules on Monday."}\n',
    "table.csv": b"id,text\n1,hello\n",
    "data.parquet": b"PAR1\x15\x04\x15\x00PAR1",
    "notes.duckdb": b"hello, not a database\n" * 20,
    "empty.duckdb": b"",
}


@pytest.mark.parametrize("name", sorted(NOT_STORES))
def test_a_file_that_is_not_a_store_is_refused_and_untouched(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(NOT_STORES[name])
    with pytest.raises(StoreError, match="not a Polybius store") as info:
        open_store(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == NOT_STORES[name]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no WAL, no temp files


def test_a_duckdb_file_of_someone_elses_tables_is_refused(tmp_path):
    import duckdb

    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a Polybius store"):
        open_store(path)
    con = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()


def test_ingest_into_a_jsonl_file_is_refused_with_exit_2(tmp_path):
    db = tmp_path / "corpus.jsonl"
    db.write_bytes(NOT_STORES["corpus.jsonl"])
    r = run_cli("ingest", str(db), "--db", str(db), "--quiet")
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert f"{db} is not a Polybius store" in err and "stored" not in err and "Traceback" not in err
    assert db.read_bytes() == NOT_STORES["corpus.jsonl"]


@pytest.mark.parametrize("args", [["events"], ["dyad", "USA", "IRQ"], ["network"], ["stances"],
                                  ["export", "-", "--format", "gdelt"], ["serve", "--no-preload"]])
def test_a_query_never_creates_a_store(tmp_path, args):
    db = tmp_path / "typo.duckdb"
    r = run_cli(*args, "--db", str(db))
    assert r.returncode == 2, r.stderr.decode()
    assert f"no such store: {db}" in r.stderr.decode()
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_open_store_create_false_opens_an_existing_store(tmp_path):
    db = tmp_path / "s.duckdb"
    with pytest.raises(StoreError, match="no such store"):
        open_store(db, create=False)
    open_store(db).close()
    with open_store(db, create=False) as s:
        assert s.count_documents() == 0
