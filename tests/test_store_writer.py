"""The ingest writer's DuckDB settings: small row groups, one thread, frequent checkpoints and a
memory bound that grows for a batch of very long documents instead of failing."""
from __future__ import annotations

import duckdb
from store_docs import corpus

from polybius.model import Document
from polybius.store import open_store
from polybius.store.duck import DuckDBStore, _bytes

WRITER = {"memory_limit": "48MB", "threads": 1, "checkpoint_every": 2, "row_group_size": 2048}


def _clones(docs: list[Document], n: int, tag: str) -> list[Document]:
    out = []
    for i in range(n):
        d = Document.from_dict({**docs[i % len(docs)].to_dict(), "id": f"{tag}-{i}", "title": f"{tag} {i}"})
        out.append(d)
    return out


def test_sizes_are_read_from_duckdb_settings():
    assert _bytes("48MB") == 48 * 2**20
    assert _bytes("1GB") == 2**30
    assert _bytes("1.5GiB") == int(1.5 * 2**30)
    assert _bytes("lots") is None


def test_writer_stores_checkpoints_and_the_file_reopens_normally(tmp_path):
    path = tmp_path / "w.duckdb"
    docs = corpus()
    with open_store(path, **WRITER) as s:
        assert s.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
        assert s.add_many(docs[:3]) == 3  # 3 >= checkpoint_every: checkpointed
        assert s._since_checkpoint == 0 and s._pending_bytes == 0
        assert s.add_many(docs[3:]) == len(docs) - 3
        assert s.add_many(docs) == 0  # known documents are not stored twice
        # queries that stream through a second cursor see the attached database
        assert [r["id"] for r in s.documents(limit=None)]
        assert s.count_events() > 0
    with open_store(path, read_only=True) as s:  # an ordinary connection reads what was written
        assert s.count_documents() == len(docs)
        stored = s.get_document(docs[0].id)
        assert stored is not None and stored.text == docs[0].text
    with open_store(path, **WRITER) as s:  # resuming counts the open row group's rows
        assert s._group[0] == len(docs)
        assert s._group[1] > sum(len(d.text) for d in docs)


def test_row_groups_are_small(tmp_path):
    path = tmp_path / "rg.duckdb"
    docs = _clones(corpus(), 2100, "rg")
    with open_store(path, **{**WRITER, "checkpoint_every": 1000}) as s:
        for i in range(0, len(docs), 300):
            s.add_many(docs[i:i + 300])
        s.checkpoint()
        groups = s.con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('documents')").fetchone()[0]
    assert groups == 2  # 2,100 rows in row groups of 2,048


def test_a_batch_of_very_long_documents_raises_the_bound_until_the_checkpoint(tmp_path):
    words = " ".join(f"word{i % 997}" for i in range(60_000))
    docs = [Document(text=f"Article {i}. {words}", id=f"long-{i}", title=f"long {i}") for i in range(12)]
    store = DuckDBStore(str(tmp_path / "long.duckdb"), memory_limit="8MB", threads=1, checkpoint_every=1000,
                        row_group_size=2048)
    try:
        raised = []
        orig = store.con.execute

        class Spy:  # records the memory bounds set while writing
            def __getattr__(self, name):
                return getattr(orig.__self__, name)

            def execute(self, sql, *a):
                if sql.startswith("SET memory_limit"):
                    raised.append(sql)
                return orig(sql, *a)

        store.con = Spy()
        for i in range(0, len(docs), 4):
            assert store.add_many(docs[i:i + 4]) == 4
        assert raised and raised[-1] == "SET memory_limit = '8MB'"  # back to the bound after a checkpoint
        assert store.count_documents() == len(docs)
    finally:
        store.close()


def test_a_memory_error_is_not_reported_as_a_lock():
    s = DuckDBStore.__new__(DuckDBStore)
    s.path, s.memory_limit = "x.duckdb", "8MB"
    msg = s._explain(duckdb.Error("FATAL Error: failed to pin block of size 256.0 KiB (7.6 MiB/7.6 MiB used)"))
    assert "locked" not in msg and "POLYBIUS_DUCKDB_MEMORY" in msg
    msg = s._explain(duckdb.Error('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held'))
    assert "locked by another process" in msg
