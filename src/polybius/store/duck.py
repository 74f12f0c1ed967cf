"""The DuckDB store: one embedded file, no server (the default)."""
from __future__ import annotations

import os
import re
from typing import Any, Iterator, Sequence

import duckdb

from .schema import TABLES
from .sql import SQLStore, StoreError, _plain


DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
_TEXT, _JSON = TABLES["documents"].index("text"), TABLES["documents"].index("doc_json")


def _quote(s: str) -> str:
    return s.replace("'", "''")


def _bytes(size: str) -> int | None:
    """Bytes in a DuckDB size setting such as ``48MB`` or ``1GiB`` (None when unreadable)."""
    m = re.fullmatch(r"\s*([\d.]+)\s*([KMGT]?)(i?B)?\s*", size or "", re.I)
    if not m:
        return None
    return int(float(m.group(1)) * 1024 ** " KMGT".index(m.group(2).upper() or " "))


def _check_file(path: str, create: bool) -> None:
    """Refuse, before DuckDB opens it, a path that is not a DuckDB file: DuckDB would read a
    ``.jsonl``, ``.csv`` or ``.parquet`` file as a view, take writes in memory and keep nothing."""
    if not os.path.exists(path):
        parent = os.path.dirname(os.path.abspath(path))
        if not create:
            raise StoreError(f"no such store: {path}")
        if not os.path.isdir(parent):
            raise StoreError(f"cannot open store {path}: directory {parent} does not exist")
        return
    if not os.path.isfile(path):
        raise StoreError(f"{path} is not a Polybius store (not a regular file); nothing was written to it")
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from exc
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{path} is not a Polybius store: not a readable DuckDB file (another format, or corrupt); "
                         "nothing was written to it")


class DuckDBStore(SQLStore):
    engine = "duckdb"
    blob_type = "BLOB"
    double_type = "DOUBLE"
    timestamp_type = "TIMESTAMP"

    def __init__(self, path: str, read_only: bool = False, migrate: bool = True, memory_limit: str | None = None,
                 threads: int | None = None, checkpoint_every: int | None = None, row_group_size: int | None = None,
                 create: bool = True, **kw):
        super().__init__(path, **kw)
        self.path = path
        # A writer that checkpoints often: data appended since the last checkpoint stays in
        # DuckDB's memory, and each checkpoint's transient memory grows with it (DuckDB's own
        # checkpoint, every 16MB of WAL, grows with the tables).  ``checkpoint_every`` documents,
        # or sooner when the next batch would take a checkpoint past half the memory bound.
        self.checkpoint_every = checkpoint_every
        self._since_checkpoint = 0  # documents
        self._pending_bytes = 0  # bytes of rows written since the last checkpoint
        self._batch_bytes = 0  # of the last batch
        self._raised = False  # the memory bound was raised for a batch larger than it allows
        self.row_group_size = row_group_size or 122_880
        self._group = [0, 0]  # rows and bytes of ``documents``' last (open) row group
        if path != ":memory:":
            _check_file(path, create)
        # DuckDB caches up to 80% of RAM by default; a bound keeps a long ingest's memory flat
        # (queries that need more spill to disk).  $POLYBIUS_DUCKDB_MEMORY overrides it.
        config = {"memory_limit": os.environ.get("POLYBIUS_DUCKDB_MEMORY") or memory_limit or "1GB"}
        if threads:
            config["threads"] = int(threads)
        self.memory_limit = config["memory_limit"]
        self._limit_bytes = _bytes(self.memory_limit)
        self._use = None  # the attached database's name, when the file is attached (row group size)
        try:
            if row_group_size and path != ":memory:" and not read_only:
                # Small row groups: a checkpoint rewrites the row groups that changed, so with
                # DuckDB's default (122,880 rows: one row group for a store's first 100,000
                # documents) its cost in memory and time grows with the store.
                self.con = duckdb.connect(":memory:", config=config)
                self.con.execute(f"SET temp_directory = '{_quote(path + '.tmp')}'")
                self.con.execute(f"ATTACH '{_quote(path)}' AS polybius (TYPE DUCKDB, ROW_GROUP_SIZE {int(row_group_size)})")
                self.con.execute("USE polybius")
                self._use = "polybius"
            else:
                self.con = duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(self._explain(exc)) from exc

        def then():
            if read_only:
                from .schema import VERSION

                v = self.schema_version()
                if v != VERSION:
                    raise StoreError(f"{path}: schema version {v}, expected {VERSION}; open it once for writing to migrate")
            if checkpoint_every and not read_only:
                n = self.con.execute("SELECT count(*) FROM documents").fetchone()[0] % self.row_group_size
                b = self.con.execute("SELECT sum(strlen(text) + strlen(doc_json)) FROM (SELECT text, doc_json "
                                     "FROM documents ORDER BY rowid DESC LIMIT ?)", [n]).fetchone()[0] if n else 0
                self._group = [n, int(b or 0)]

        self._opened(self.con.close, create, migrate and not read_only, then)

    def _ddl(self, stmt: str) -> str:
        """DuckDB keeps every index (ART) in memory and the analytic queries here scan columns
        anyway: only ``documents`` keeps its primary key (a document is stored once); the
        other tables' keys are guaranteed by writing a document's rows in one transaction,
        and secondary indexes are not created.  Memory then stays flat as the store grows."""
        s = stmt.strip()
        if s.startswith("CREATE INDEX"):
            return "SELECT 1"
        if s.startswith("CREATE TABLE") and not s.startswith("CREATE TABLE documents"):
            s = re.sub(r",\s*PRIMARY KEY \([^)]*\)\)$", ")", s)
            s = s.replace(" TEXT PRIMARY KEY", " TEXT NOT NULL") if not s.startswith("CREATE TABLE meta") else s
        return super()._ddl(s)

    def _explain(self, exc: Exception) -> str:
        msg = str(exc)
        low = msg.lower()
        if re.search(r"\block(ed)?\b", low) and "failed to pin" not in low:
            return (f"database {self.path} is locked by another process (an ingest still running?); "
                    f"wait for it or use another --db. ({msg.splitlines()[0]})")
        if "failed to pin" in low or "out of memory" in low:
            return (f"database {self.path}: DuckDB needs more memory than its bound (memory_limit "
                    f"{self.memory_limit}); raise it with $POLYBIUS_DUCKDB_MEMORY: {msg.splitlines()[0]}")
        if "not a valid duckdb" in low or "corrupt" in low or "checksum" in low or "magic" in low or "serializ" in low:
            return f"database {self.path} is not a readable DuckDB file (corrupt or another format): {msg.splitlines()[0]}"
        if "no space" in low or "disk" in low:
            return f"database {self.path}: the disk is full: {msg.splitlines()[0]}"
        return f"duckdb store {self.path}: {msg.splitlines()[0] if msg else type(exc).__name__}"

    def _errors(self) -> tuple:
        return (duckdb.Error,)

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        self.con.execute(sql, list(params))

    def _query(self, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
        try:
            cur = self.con.execute(sql, list(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, map(_plain, row))) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise self._wrap(exc) from exc

    def _stream(self, sql: str, params: Sequence = (), size: int = 5000) -> Iterator[list[tuple]]:
        cur = self.con.cursor()
        try:
            if self._use:
                cur.execute(f"USE {self._use}")
            cur.execute(sql, list(params))
            while True:
                chunk = cur.fetchmany(size)
                if not chunk:
                    break
                yield chunk
        finally:
            cur.close()

    def _insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        import pyarrow as pa

        tbl = pa.table({c: list(col) for c, col in zip(columns, zip(*rows))})
        name = f"_ins_{table}"
        self.con.register(name, tbl)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)

    def _begin(self) -> None:
        self.con.begin()

    def _commit(self) -> None:
        self.con.commit()

    def _rollback(self) -> None:
        self.con.rollback()

    def checkpoint(self) -> None:
        self.con.execute("CHECKPOINT")

    def _need(self, pending: int) -> int:
        """Memory a checkpoint needs (measured with batches of very long documents): ~3x the
        rows written since the last checkpoint plus a third of ``documents``' open row group,
        which it rewrites."""
        return 3 * pending + self._group[1] // 3

    def _before_insert(self, tables: dict[str, list[tuple]]) -> None:
        if not self.checkpoint_every:
            return
        # text and JSON of the documents (measured: the other tables add about as much again)
        docs = sum(len(r[_TEXT]) + len(r[_JSON]) for r in tables["documents"])
        self._batch_bytes = 2 * docs
        self._pending_bytes += 2 * docs
        rows, group = self._group
        rows += len(tables["documents"])
        group += docs
        if rows >= self.row_group_size:  # a new row group starts
            rows, group = rows % self.row_group_size, docs * (rows % self.row_group_size) // max(1, len(tables["documents"]))
        self._group = [rows, group]
        # Checkpoints come often enough that ordinary batches stay within half the bound (see
        # add_many); a batch of very long documents raises the bound until the next
        # checkpoint, instead of failing.
        need = self._need(self._pending_bytes)
        if self._limit_bytes and need > self._limit_bytes // 2:
            self.con.execute(f"SET memory_limit = '{(self._limit_bytes + need) // 2**20 + 1}MB'")
            self._raised = True

    def add_many(self, docs) -> int:
        docs = list(docs)
        self._batch_bytes = 0
        added = super().add_many(docs)
        if self.checkpoint_every:
            self._since_checkpoint += len(docs)
            # checkpoint now when another batch like this one would need more than half the bound
            if (self._since_checkpoint >= self.checkpoint_every or self._raised
                    or (self._limit_bytes and self._need(self._pending_bytes + self._batch_bytes) > self._limit_bytes // 2)):
                try:
                    self.checkpoint()
                    if self._raised:
                        self.con.execute(f"SET memory_limit = '{self.memory_limit}'")
                        self._raised = False
                except duckdb.Error as exc:
                    raise self._wrap(exc) from exc
                self._since_checkpoint = self._pending_bytes = 0
        return added

    def size_bytes(self) -> int | None:
        if self.path == ":memory:":
            return None
        return sum(os.path.getsize(p) for p in (self.path, self.path + ".wal") if os.path.exists(p))

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass
