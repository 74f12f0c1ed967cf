"""Where coded documents live: DuckDB (an embedded file, the default) or PostgreSQL.

    from polybius.store import open_store, EventFilter
    with open_store("news.duckdb") as store:           # or "postgresql://user@host/db"
        store.add(doc)
        store.events(EventFilter(actor="USA*", root="17"))
"""
from __future__ import annotations

import os

from .base import EventFilter, Store
from .manage import DocFilter
from .sql import PERIODS, SQLStore, StoreError

__all__ = ["open_store", "EventFilter", "DocFilter", "Store", "SQLStore", "StoreError", "PERIODS", "is_postgres"]


def is_postgres(url_or_path: str) -> bool:
    return str(url_or_path).startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def open_store(url_or_path: str | os.PathLike | None = None, *, read_only: bool = False, create: bool = True,
               **kw) -> SQLStore:
    """Open (creating and migrating as needed) the store at a DuckDB path or a PostgreSQL URL.

    ``None`` means the ``db`` setting (``$POLYBIUS_DB``, default ``polybius.duckdb``).
    ``create=False`` (queries) refuses a store that does not exist yet: "no such store".
    A file or database that is not a Polybius store is refused, never written to.
    Problems (locked, corrupt, unreachable, newer schema) raise :class:`StoreError`."""
    if url_or_path is None:
        from ..config import load_settings

        url_or_path = load_settings().db
    target = os.fspath(url_or_path)
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(target.replace("postgresql+psycopg://", "postgresql://"), create=create, **kw)
    from .duck import DuckDBStore

    if target.startswith("duckdb://"):
        target = target[len("duckdb://"):]
    return DuckDBStore(target, read_only=read_only, create=create, **kw)
