"""The SQL store shared by DuckDB and PostgreSQL: engine hooks, schema migration, documents.

Its parts: writes (``writes.py``), event and actor queries (``queries.py``), aggregates
(``aggregates.py``), stats and deletes (``manage.py``), near-duplicate signatures (``dedup.py``).  Engines supply a connection, a placeholder style and a bulk insert; every value
that comes from a user travels as a query parameter, never inside the SQL text.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Iterator, Sequence

from ..model import Document
from .aggregates import PERIODS, Aggregates
from .base import Store
from .dedup import THRESHOLD
from .manage import Manage
from .queries import EventQueries, _code_cond, _plain
from .schema import MIGRATIONS, TABLES, VERSION
from .writes import Writes

log = logging.getLogger("polybius.store")

__all__ = ["SQLStore", "StoreError", "PERIODS", "_plain"]


class StoreError(RuntimeError):
    """A store problem a user can act on (locked, corrupt, newer schema, server gone...)."""


class SQLStore(Writes, Manage, EventQueries, Aggregates, Store):
    engine = "sql"
    blob_type = "BLOB"
    double_type = "DOUBLE"
    timestamp_type = "TIMESTAMP"

    def __init__(self, location: str, dedup_threshold: float | None = None):
        self.location = location
        self._dups = None
        self._stories: dict[str, str] = {}
        self.dedup_threshold = THRESHOLD if dedup_threshold is None else dedup_threshold

    # -- engine hooks ----------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence = (), size: int = 5000) -> Iterator[list[tuple]]:
        raise NotImplementedError

    def _insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _explain(self, exc: Exception) -> str:
        """One line saying what went wrong (engines explain their own errors better)."""
        return f"{self.engine} store {self.location}: {exc}"

    def _wrap(self, exc: Exception) -> StoreError:
        return StoreError(self._explain(exc))

    def _opened(self, close, create: bool, migrate: bool, then=None) -> None:
        """After connecting: check (or create) the Polybius schema, migrate it, then ``then()``;
        on any failure close the connection first (the engine's own errors are explained as a
        :class:`StoreError`)."""
        try:
            self.check_polybius(create)
            if migrate:
                self.migrate()
            if then is not None:
                then()
        except self._errors() as exc:
            close()
            raise StoreError(self._explain(exc)) from exc
        except BaseException:
            close()
            raise

    def _before_insert(self, tables: dict[str, list[tuple]]) -> None:
        """Engines may size their resources to a batch's rows here (DuckDB's memory bound)."""

    def _errors(self) -> tuple:
        return ()

    # -- schema -----------------------------------------------------------------------
    def _ddl(self, stmt: str) -> str:
        return stmt.format(blob=self.blob_type, double=self.double_type, timestamp=self.timestamp_type)

    def _lock_schema(self) -> None:
        """Engines with several writers serialise migrations here."""

    def check_polybius(self, create: bool = True) -> None:
        """Refuse a database that holds tables but no Polybius ``meta`` table (someone else's
        data: nothing is written to it), and, with ``create=False``, one with no store yet."""
        names = {r["name"] for r in self._query(
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = current_schema()")}
        if "meta" in names and self._query("SELECT 1 AS x FROM meta WHERE key = ?", ["schema_version"]):
            return
        if names:
            raise StoreError(f"{self.location} is not a Polybius store (a database with other tables: "
                             f"{', '.join(sorted(names)[:5])}); nothing was written to it")
        if not create:
            raise StoreError(f"no such store: {self.location}")

    def schema_version(self) -> int:
        rows = self._query("SELECT value FROM meta WHERE key = ?", ["schema_version"])
        return int(rows[0]["value"]) if rows else 0

    def migrate(self, upto: int = VERSION) -> int:
        """Apply the migrations this database lacks; returns the version reached."""
        self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        current = self.schema_version()
        if current > VERSION:
            raise StoreError(f"{self.location}: database schema version {current} is newer than this "
                             f"Polybius understands ({VERSION}); upgrade Polybius")
        for v in range(current + 1, upto + 1):
            self._begin()
            try:
                self._lock_schema()
                if self.schema_version() >= v:  # another process migrated meanwhile
                    self._commit()
                    continue
                for stmt in MIGRATIONS[v]:
                    self._execute(self._ddl(stmt))
                self._execute("DELETE FROM meta WHERE key = ?", ["schema_version"])
                self._execute("INSERT INTO meta (key, value) VALUES (?, ?)", ["schema_version", str(v)])
                self._commit()
                log.info("store %s migrated to schema version %d", self.location, v)
            except Exception:
                self._rollback()
                raise
        return self.schema_version()

    # -- documents ------------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return bool(self._query("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]))

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._query("SELECT text, doc_json, story FROM documents WHERE id = ?", [doc_id])
        if not rows:
            return None
        d = json.loads(rows[0]["doc_json"])
        d["text"] = rows[0]["text"]
        doc = Document.from_dict(d)
        doc.extras["story"] = rows[0]["story"]
        return doc

    _DOC_COLS = ("id, title, outlet, source, published, url, language, origin, skipped, n_words, n_sentences, "
                 "n_actors, n_events, n_quotes, n_stances, n_errors, story, ingested_at")

    def documents(self, limit: int | None = 100, offset: int = 0, outlet: str | None = None,
                  text: str | None = None) -> list[dict[str, Any]]:
        params: list = []
        where = self._doc_where(outlet, text, params)
        sql = f"SELECT {self._DOC_COLS} FROM documents{where} ORDER BY published DESC NULLS LAST, id"
        return self._query(sql + self._page(limit, offset, params), params)

    def count_documents(self, outlet: str | None = None, text: str | None = None) -> int:
        params: list = []
        where = self._doc_where(outlet, text, params)
        return int(self._query(f"SELECT count(*) AS n FROM documents{where}", params)[0]["n"])

    @staticmethod
    def _doc_where(outlet, text, params) -> str:
        conds = []
        if outlet:
            conds.append("lower(outlet) = ?")
            params.append(outlet.lower())
        for w in (text or "").split():
            conds.append("(strpos(lower(text), ?) > 0 OR strpos(lower(coalesce(title, '')), ?) > 0)")
            params.extend([w.lower(), w.lower()])
        return (" WHERE " + " AND ".join(conds)) if conds else ""

    @staticmethod
    def _page(limit, offset, params) -> str:
        if limit is None:
            if offset:
                params.append(int(offset))
                return " OFFSET ?"
            return ""
        params.extend([int(limit), int(offset or 0)])
        return " LIMIT ? OFFSET ?"

    # -- more views -----------------------------------------------------------------------
    def quotes(self, speaker: str | None = None, doc_id: str | None = None, text: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        params: list = []
        conds = []
        if speaker:
            conds.append(_code_cond("speaker_code", "speaker_name", speaker, params))
        if doc_id:
            conds.append("doc_id = ?")
            params.append(doc_id)
        for w in (text or "").split():
            conds.append("strpos(lower(text), ?) > 0")
            params.append(w.lower())
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        sql = f"SELECT {', '.join(TABLES['quotes'])} FROM quotes{where} ORDER BY doc_id, start_char"
        return self._query(sql + self._page(limit, offset, params), params)

    def duplicates(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Near-duplicate links: ``doc_id`` copies ``duplicate_of`` with an estimated Jaccard ``similarity``."""
        params: list = []
        where = ""
        if doc_id:
            where = " WHERE doc_id = ? OR duplicate_of = ?"
            params = [doc_id, doc_id]
        return self._query(f"SELECT doc_id, duplicate_of, similarity FROM duplicates{where} "
                           "ORDER BY doc_id, duplicate_of", params)

    def errors(self, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        params: list = []
        return self._query("SELECT doc_id, n, message FROM errors ORDER BY doc_id, n"
                           + self._page(limit, offset, params), params)

    def stats(self) -> dict[str, int]:
        return {t: int(self._query(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in TABLES}

    def table_names(self) -> list[str]:
        return list(TABLES)

    def iter_table(self, table: str, size: int = 5000) -> Iterator[list[dict[str, Any]]]:
        """Every row of ``table`` in chunks of dicts (streamed; for exports)."""
        if table not in TABLES:
            raise ValueError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        cols = TABLES[table]
        order = ", ".join(c for c in cols[:3] if c in ("doc_id", "id", "actor_id", "event_id", "n", "quote_id"))
        for chunk in self._stream(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order or cols[0]}", (), size):
            yield [dict(zip(cols, map(_plain, row))) for row in chunk]
