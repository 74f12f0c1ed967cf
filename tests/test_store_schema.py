"""Schema versions and migrations; corrupt, locked and newer databases give clear errors."""
from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest
from store_docs import corpus
from store_fixtures import PgSchema, needs_pg

from polybius.store import StoreError, open_store
from polybius.store.schema import MIGRATIONS, VERSION


def _v1_database(path):
    """A database as the first schema version wrote it, with one document in it."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for stmt in MIGRATIONS[1]:
        con.execute(stmt.format(blob="BLOB", double="DOUBLE", timestamp="TIMESTAMP"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (id, content_hash, title, skipped, text, doc_json) "
                "VALUES ('old-1', 'h', 'Old article', false, 'Some old text here.', "
                "'{\"schema\": \"polybius/1\", \"id\": \"old-1\", \"title\": \"Old article\"}')")
    con.close()


def test_new_store_is_at_the_latest_version(tmp_path):
    with open_store(tmp_path / "a.duckdb") as s:
        assert s.schema_version() == VERSION


def test_old_database_is_migrated_keeping_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    with open_store(path) as s:
        assert s.schema_version() == VERSION
        rows = s.documents()
        assert [(r["id"], r["story"]) for r in rows] == [("old-1", "old-1")]
        assert s.get_document("old-1").title == "Old article"
        assert s.add_many(corpus()) == 5 and len(s.duplicates()) == 1


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(VERSION + 5)])
    con.close()
    with pytest.raises(StoreError, match="newer than this Polybius"):
        open_store(path)


def test_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.duckdb"
    path.write_bytes(b"this is not a database at all\n" * 300)
    with pytest.raises(StoreError, match="not a readable DuckDB file|bad.duckdb"):
        open_store(path)
    assert path.read_bytes().startswith(b"this is not a database")  # untouched


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "x.duckdb")


def test_locked_database_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    open_store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(60)", str(path)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ok"
        with pytest.raises(StoreError, match="locked by another process"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()
    with open_store(path) as s:  # free again
        assert s.count_documents() == 0


def test_read_only_store_reads(tmp_path):
    path = tmp_path / "ro.duckdb"
    with open_store(path) as s:
        s.add_many(corpus())
    with open_store(path, read_only=True) as s:
        assert s.count_documents() == 5


@needs_pg
def test_postgres_migrates_and_refuses_newer(tmp_path):
    sch = PgSchema()
    try:
        with open_store(sch.url) as s:
            assert s.schema_version() == VERSION
            s.add_many(corpus())
        with open_store(sch.url) as s:  # reopening does not migrate again
            assert s.count_documents() == 5
            s._execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(VERSION + 1)])
        with pytest.raises(StoreError, match="newer"):
            open_store(sch.url)
    finally:
        sch.drop()


@needs_pg
def test_unreachable_postgres_is_a_clear_error():
    t = time.time()
    with pytest.raises(StoreError, match="unreachable"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=3)
    assert time.time() - t < 15


def test_unreachable_postgres_message_hides_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none", connect_timeout=3)
    assert "secret" not in str(info.value) and "unreachable" in str(info.value)
