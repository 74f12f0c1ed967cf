"""The PostgreSQL store (psycopg 3): several users and processes share one database."""
from __future__ import annotations

import re
from itertools import islice
from typing import Any, Iterator, Sequence

import psycopg

from .sql import SQLStore, StoreError, _plain


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    engine = "postgresql"
    blob_type = "BYTEA"
    double_type = "DOUBLE PRECISION"
    timestamp_type = "TIMESTAMP"

    def __init__(self, url: str, migrate: bool = True, connect_timeout: int = 10, create: bool = True, **kw):
        super().__init__(redact(url), **kw)
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(self._explain(exc)) from exc
        self._opened(self.conn.close, create, migrate)

    def _explain(self, exc: Exception) -> str:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if isinstance(exc, psycopg.OperationalError):
            return (f"PostgreSQL server {self.location} is unreachable or went away: {first}; "
                    "what was committed is kept; run again to resume")
        if isinstance(exc, psycopg.errors.DiskFull):
            return f"PostgreSQL server {self.location}: the disk is full: {first}"
        return f"postgresql store {self.location}: {first}"

    def _errors(self) -> tuple:
        return (psycopg.Error,)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        self.conn.execute(self._sql(sql), list(params))

    def _query(self, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(self._sql(sql), list(params))
                cols = [d.name for d in cur.description]
                return [dict(zip(cols, map(_plain, row))) for row in cur.fetchall()]
        except psycopg.Error as exc:
            raise self._wrap(exc) from exc

    def _stream(self, sql: str, params: Sequence = (), size: int = 5000) -> Iterator[list[tuple]]:
        try:
            with self.conn.cursor() as cur:
                rows = cur.stream(self._sql(sql), list(params))
                while chunk := list(islice(rows, size)):
                    yield chunk
        except psycopg.Error as exc:
            raise self._wrap(exc) from exc

    def _insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if not self.conn.closed:
            self.conn.execute("ROLLBACK")

    def _lock_schema(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(7240211)")

    def add_many(self, docs) -> int:
        docs = list(docs)
        try:
            return super().add_many(docs)
        except StoreError as exc:
            if isinstance(exc.__cause__, psycopg.errors.UniqueViolation):
                # another writer stored some of these meanwhile: the retry skips them
                return super().add_many(docs)
            raise

    def size_bytes(self) -> int | None:
        """The whole database's size (the tables of a store share it with whatever else it holds)."""
        return int(self._query("SELECT pg_database_size(current_database()) AS n")[0]["n"])

    def close(self) -> None:
        try:
            self.conn.close()
        except psycopg.Error:
            pass
