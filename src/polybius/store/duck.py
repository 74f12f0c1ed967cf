"""The DuckDB store: one embedded file, no server (the default)."""
from __future__ import annotations

import os
import re
from typing import Any, Iterator, Sequence

import duckdb

from .sql import SQLStore, StoreError, _plain


class DuckDBStore(SQLStore):
    engine = "duckdb"
    blob_type = "BLOB"
    double_type = "DOUBLE"
    timestamp_type = "TIMESTAMP"

    def __init__(self, path: str, read_only: bool = False, migrate: bool = True, memory_limit: str | None = None,
                 **kw):
        super().__init__(path, **kw)
        self.path = path
        if path != ":memory:":
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise StoreError(f"cannot open store {path}: directory {parent} does not exist")
        # DuckDB caches up to 80% of RAM by default; a bound keeps a long ingest's memory flat
        # (queries that need more spill to disk).  $POLYBIUS_DUCKDB_MEMORY overrides it.
        config = {"memory_limit": os.environ.get("POLYBIUS_DUCKDB_MEMORY") or memory_limit or "1GB"}
        try:
            self.con = duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(self._explain(exc)) from exc
        try:
            if migrate and not read_only:
                self.migrate()
            elif read_only:
                from .schema import VERSION

                v = self.schema_version()
                if v != VERSION:
                    raise StoreError(f"{path}: schema version {v}, expected {VERSION}; open it once for writing to migrate")
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(self._explain(exc)) from exc
        except BaseException:
            self.con.close()
            raise

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
        if "lock" in low:
            return (f"database {self.path} is locked by another process (an ingest still running?); "
                    f"wait for it or use another --db. ({msg.splitlines()[0]})")
        if "not a valid duckdb" in low or "corrupt" in low or "checksum" in low or "magic" in low or "serializ" in low:
            return f"database {self.path} is not a readable DuckDB file (corrupt or another format): {msg.splitlines()[0]}"
        if "no space" in low or "disk" in low:
            return f"database {self.path}: the disk is full: {msg.splitlines()[0]}"
        return f"duckdb store {self.path}: {msg.splitlines()[0] if msg else type(exc).__name__}"

    def _wrap(self, exc: Exception) -> StoreError:
        return StoreError(self._explain(exc))

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

        data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
        tbl = pa.table(data)
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

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass
