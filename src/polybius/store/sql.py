"""The SQL store shared by DuckDB and PostgreSQL: schema migration, writes, queries.

Engines supply a connection, a placeholder style and a bulk insert; every value
that comes from a user travels as a query parameter, never inside the SQL text.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
from typing import Any, Iterable, Iterator, Sequence

from ..model import Document
from .base import EventFilter, Store
from .rows import content_hash, document_rows
from .schema import MIGRATIONS, TABLES, VERSION

log = logging.getLogger("polybius.store")

PERIODS = ("day", "week", "month", "quarter", "year")


class StoreError(RuntimeError):
    """A store problem a user can act on (locked, corrupt, newer schema, server gone...)."""


def _plain(v):
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat()
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def _code_cond(col: str, name_col: str | None, value: str, params: list, country_col: str | None = None,
               prefix: bool = False) -> str:
    """Match an actor code (``USA*`` = prefix), or its name (case-insensitive)."""
    value = value.strip()
    conds = []
    if value.endswith("*") or prefix:
        conds.append(f"starts_with({col}, ?)")
        params.append(value.rstrip("*").upper())
    else:
        conds.append(f"{col} = ?")
        params.append(value.upper())
    if country_col is not None:
        conds.append(f"{country_col} = ?")
        params.append(value.rstrip("*").upper())
    if name_col is not None:
        conds.append(f"lower({name_col}) = ?")
        params.append(value.rstrip("*").lower())
    return "(" + " OR ".join(conds) + ")"


class SQLStore(Store):
    engine = "sql"
    blob_type = "BLOB"
    double_type = "DOUBLE"
    timestamp_type = "TIMESTAMP"

    def __init__(self, location: str, dedup_threshold: float | None = None):
        self.location = location
        self._dups = None
        self._stories: dict[str, str] = {}
        from ..scale.dedup import THRESHOLD

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

    def _wrap(self, exc: Exception) -> StoreError:
        return StoreError(f"{self.engine} store {self.location}: {exc}")

    def _before_insert(self, tables: dict[str, list[tuple]]) -> None:
        """Engines may size their resources to a batch's rows here (DuckDB's memory bound)."""

    def _errors(self) -> tuple:
        return ()

    # -- schema -----------------------------------------------------------------------
    def _ddl(self, stmt: str) -> str:
        return stmt.format(blob=self.blob_type, double=self.double_type, timestamp=self.timestamp_type)

    def _lock_schema(self) -> None:
        """Engines with several writers serialise migrations here."""

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

    # -- writes -------------------------------------------------------------------------
    def _dup_index(self):
        if self._dups is None:
            from ..scale.dedup import NearDuplicates

            idx = NearDuplicates(threshold=self.dedup_threshold, lookup=self._signatures)
            self._stories = {}
            for chunk in self._stream("SELECT m.doc_id, m.signature, d.story FROM minhashes m "
                                      "JOIN documents d ON d.id = m.doc_id ORDER BY d.ingested_at, m.doc_id"):
                for doc_id, sig, story in chunk:
                    idx.add(doc_id, bytes(sig), keep=False)
                    if story and story != doc_id:
                        self._stories[doc_id] = story
            self._dups = idx
        return self._dups

    def _signatures(self, ids: list[str]) -> dict[str, bytes]:
        marks = ", ".join("?" * len(ids))
        return {r["doc_id"]: bytes(r["signature"]) for r in
                self._query(f"SELECT doc_id, signature FROM minhashes WHERE doc_id IN ({marks})", ids)}

    def stored(self, docs: Iterable[Document]) -> set[str]:
        """Ids of ``docs`` that are already stored (same id or same content)."""
        docs = list(docs)
        out: set[str] = set()
        for i in range(0, len(docs), 400):
            part = docs[i:i + 400]
            ids = [d.id for d in part]
            hashes = [content_hash(d) for d in part]
            marks = ", ".join("?" * len(part))
            rows = self._query(f"SELECT id, content_hash FROM documents WHERE id IN ({marks}) "
                               f"OR content_hash IN ({marks})", ids + hashes)
            known_ids = {r["id"] for r in rows}
            known_hashes = {r["content_hash"] for r in rows}
            out.update(d.id for d, h in zip(part, hashes) if d.id in known_ids or h in known_hashes)
        return out

    def add(self, doc: Document) -> bool:
        return self.add_many([doc]) == 1

    def add_many(self, docs: Iterable[Document]) -> int:
        """Store documents in one transaction; returns how many were new (the rest were known)."""
        from ..scale.dedup import signature

        docs = list(docs)
        if not docs:
            return 0
        try:
            self._begin()
        except self._errors() as exc:
            raise self._wrap(exc) from exc
        try:
            known = self.stored(docs)
            seen: set[str] = set()
            tables: dict[str, list[tuple]] = {t: [] for t in TABLES}
            idx = self._dup_index()
            added = 0
            for doc in docs:
                h = content_hash(doc)
                if doc.id in known or doc.id in seen or h in seen:
                    continue
                seen.update((doc.id, h))
                sig = None
                if not doc.skipped and doc.text:
                    sig = doc.extras.get("minhash") or signature(doc.text)
                match = idx.best_match(sig) if sig else None
                if match:
                    story = self._stories.get(match[0], match[0])
                    doc.extras["story"] = story
                    tables["duplicates"].append((doc.id, match[0], round(match[1], 4)))
                else:
                    doc.extras["story"] = doc.id
                for t, rs in document_rows(doc).items():
                    tables[t].extend(rs)
                if sig:
                    tables["minhashes"].append((doc.id, sig))
                    idx.add(doc.id, sig)
                    if doc.extras["story"] != doc.id:
                        self._stories[doc.id] = doc.extras["story"]
                added += 1
            self._before_insert(tables)
            for t, rs in tables.items():
                if rs:
                    self._insert(t, TABLES[t], rs)
            self._commit()
            idx.flush()
            return added
        except BaseException as exc:
            self._dups = None  # the index may hold documents that were not committed
            self._abort(exc)

    def _abort(self, exc: BaseException):
        """Roll the open transaction back and raise ``exc`` (a database error as StoreError)."""
        try:
            self._rollback()
        except Exception:  # the connection itself may be gone
            pass
        if isinstance(exc, self._errors()):
            raise self._wrap(exc) from exc
        raise exc

    def delete(self, doc_id: str) -> bool:
        """Remove a document and every layer of it (one transaction); False when it was not
        stored.  Documents stored as near-duplicates of it become stories of their own."""
        try:
            self._begin()
        except self._errors() as exc:
            raise self._wrap(exc) from exc
        try:
            if not self._query("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]):
                self._rollback()
                return False
            for table in TABLES:
                self._execute(f"DELETE FROM {table} WHERE {'id' if table == 'documents' else 'doc_id'} = ?", [doc_id])
            self._execute("DELETE FROM duplicates WHERE duplicate_of = ?", [doc_id])
            self._execute("UPDATE documents SET story = id WHERE story = ?", [doc_id])
            self._commit()
        except BaseException as exc:
            self._abort(exc)
        self._dups = None  # the near-duplicate index is rebuilt from the table on the next write
        return True

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

    # -- events ---------------------------------------------------------------------------
    _EVENT_SELECT = (
        "doc_id, event_id, date_start AS date, date_end, date_text, source, source_code, source_name, "
        "target, target_code, target_name, cameo, root, quad_class, goldstein, plover_event, plover_mode, "
        "negated, modality, confidence, rule, place, place_country, lat, lon, trigger_text AS trigger, "
        "trigger_start, trigger_end, outlet, url, published, sentence_text AS sentence, event_key, is_root, "
        "sentence AS sentence_index, source_country, source_sectors, target_country, target_sectors, plover_context")

    def _event_where(self, flt: EventFilter, params: list, prefix: str = "") -> list[str]:
        p = prefix
        conds: list[str] = []
        if flt.actor:
            a = _code_cond(f"{p}source_code", f"{p}source_name", flt.actor, params)
            b = _code_cond(f"{p}target_code", f"{p}target_name", flt.actor, params)
            conds.append(f"({a} OR {b})")
        if flt.source:
            conds.append(_code_cond(f"{p}source_code", f"{p}source_name", flt.source, params))
        if flt.target:
            conds.append(_code_cond(f"{p}target_code", f"{p}target_name", flt.target, params))
        if flt.root:
            r = str(flt.root).strip()
            conds.append(f"{p}root = ?")
            params.append(r.zfill(2) if r.isdigit() else r)
        if flt.cameo:
            conds.append(f"starts_with({p}cameo, ?)")
            params.append(str(flt.cameo).strip().rstrip("*"))
        if flt.plover:
            conds.append(f"upper({p}plover_event) = ?")
            params.append(flt.plover.strip().upper())
        if flt.quad_class is not None:
            conds.append(f"{p}quad_class = ?")
            params.append(int(flt.quad_class))
        if flt.start:
            conds.append(f"coalesce({p}date_end, {p}date_start) >= ?")
            params.append(flt.start)
        if flt.end:
            conds.append(f"{p}date_start <= ?")
            params.append(flt.end)
        if flt.outlet:
            conds.append(f"(lower({p}outlet) = ? OR lower({p}source_outlet) = ?)")
            params.extend([flt.outlet.lower(), flt.outlet.lower()])
        for w in (flt.text or "").split():
            conds.append(f"strpos(lower({p}sentence_text), ?) > 0")
            params.append(w.lower())
        if flt.doc_id:
            conds.append(f"{p}doc_id = ?")
            params.append(flt.doc_id)
        return conds

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        flt = flt or EventFilter()
        params: list = []
        conds = self._event_where(flt, params)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        sql = (f"SELECT {self._EVENT_SELECT} FROM events{where} "
               "ORDER BY date_start NULLS LAST, doc_id, trigger_start, event_id")
        return self._query(sql + self._page(flt.limit, flt.offset, params), params)

    def count_events(self, flt: EventFilter | None = None) -> int:
        flt = flt or EventFilter()
        params: list = []
        conds = self._event_where(flt, params)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        return int(self._query(f"SELECT count(*) AS n FROM events{where}", params)[0]["n"])

    def _event_groups_sql(self, flt: EventFilter, include_negated: bool) -> tuple[str, list]:
        params: list = []
        conds = self._event_where(flt, params, prefix="e.")
        if not include_negated:
            conds.append("NOT e.negated")
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        sql = (
            "SELECT e.event_key, min(e.source_code) AS source_code, min(e.source_name) AS source_name, "
            "min(e.source_country) AS source_country, min(e.source_sectors) AS source_sectors, "
            "min(e.target_code) AS target_code, min(e.target_name) AS target_name, "
            "min(e.target_country) AS target_country, min(e.target_sectors) AS target_sectors, "
            "min(e.cameo) AS cameo, min(e.root) AS root, min(e.quad_class) AS quad_class, "
            "avg(e.goldstein) AS goldstein, min(e.plover_event) AS plover_event, min(e.plover_mode) AS plover_mode, "
            "min(e.plover_context) AS plover_context, bool_or(e.negated) AS negated, "
            "min(e.date_start) AS date_start, min(e.date_end) AS date_end, "
            "min(e.place) AS place, min(e.place_country) AS place_country, min(e.lat) AS lat, min(e.lon) AS lon, "
            "bool_or(e.is_root) AS is_root, sum(e.n_evidence) AS num_mentions, "
            "count(DISTINCT e.doc_id) AS num_articles, "
            "count(DISTINCT coalesce(e.source_outlet, e.doc_id)) AS num_sources, "
            "count(DISTINCT d.d_story) AS num_stories, min(e.url) AS url, min(d.d_ingested) AS date_added, "
            "string_agg(e.doc_id || '#' || e.event_id, ' ') AS mentions "
            "FROM events e JOIN (SELECT id AS d_id, coalesce(story, id) AS d_story, ingested_at AS d_ingested "
            f"FROM documents) d ON d.d_id = e.doc_id{where} "
            "GROUP BY e.event_key ORDER BY min(e.date_start) NULLS LAST, e.event_key")
        return sql, params

    _GROUP_COLS = ("event_key", "source_code", "source_name", "source_country", "source_sectors", "target_code",
                   "target_name", "target_country", "target_sectors", "cameo", "root", "quad_class", "goldstein",
                   "plover_event", "plover_mode", "plover_context", "negated", "date_start", "date_end", "place",
                   "place_country", "lat", "lon", "is_root", "num_mentions", "num_articles", "num_sources",
                   "num_stories", "url", "date_added", "mentions")

    @staticmethod
    def _group_row(r: dict) -> dict:
        r["mentions"] = sorted((r["mentions"] or "").split())
        for k in ("num_mentions", "num_articles", "num_sources", "num_stories"):
            r[k] = int(r[k] or 0)
        return r

    def event_groups(self, flt: EventFilter | None = None, include_negated: bool = False) -> list[dict[str, Any]]:
        """Events folded across articles: one row per (dyad, code, date range) with GDELT-like
        ``num_mentions`` (evidence spans), ``num_articles``, ``num_sources`` (outlets) and
        ``num_stories`` (articles after folding near-duplicates)."""
        flt = flt or EventFilter()
        sql, params = self._event_groups_sql(flt, include_negated)
        return [self._group_row(r) for r in self._query(sql + self._page(flt.limit, flt.offset, params), params)]

    def iter_event_groups(self, flt: EventFilter | None = None, include_negated: bool = False,
                          size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every folded event (``flt.limit`` ignored), streamed."""
        sql, params = self._event_groups_sql(flt or EventFilter(), include_negated)
        for chunk in self._stream(sql, params, size):
            for row in chunk:
                yield self._group_row(dict(zip(self._GROUP_COLS, map(_plain, row))))

    def iter_events(self, flt: EventFilter | None = None, size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every event row matching ``flt`` (``flt.limit`` ignored), streamed."""
        flt = flt or EventFilter()
        params: list = []
        conds = self._event_where(flt, params)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        cols = [c.split(" AS ")[-1].strip() for c in self._EVENT_SELECT.split(", ")]
        sql = (f"SELECT {self._EVENT_SELECT} FROM events{where} "
               "ORDER BY date_start NULLS LAST, doc_id, trigger_start, event_id")
        for chunk in self._stream(sql, params, size):
            for row in chunk:
                yield dict(zip(cols, map(_plain, row)))

    # -- actors ---------------------------------------------------------------------------
    def actors(self, code: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        params: list = []
        where = ""
        if code:
            where = " WHERE " + _code_cond("code", "name", code, params)
        sql = ("SELECT coalesce(code, '~' || lower(name)) AS key, max(code) AS code, min(name) AS name, "
               "string_agg(DISTINCT name, chr(31)) AS names, max(country) AS country, max(kind) AS kind, "
               "count(DISTINCT doc_id) AS documents, sum(n_mentions) AS mentions "
               f"FROM actors{where} GROUP BY coalesce(code, '~' || lower(name)) "
               "ORDER BY count(DISTINCT doc_id) DESC, coalesce(code, '~' || lower(name))")
        rows = self._query(sql + self._page(limit, offset, params), params)
        if rows:
            keys = [r["key"] for r in rows]
            marks = ", ".join("?" * len(keys))
            counts = {r["key"]: int(r["n"]) for r in self._query(
                f"SELECT k AS key, count(*) AS n FROM ("
                f"SELECT coalesce(source_code, '~' || lower(source_name)) AS k FROM events WHERE source IS NOT NULL "
                f"UNION ALL SELECT coalesce(target_code, '~' || lower(target_name)) AS k FROM events "
                f"WHERE target IS NOT NULL) x WHERE k IN ({marks}) GROUP BY k", keys)}
            for r in rows:
                r["names"] = sorted(set((r["names"] or "").split("\x1f")) - {""})
                r["events"] = counts.get(r["key"], 0)
                r["documents"] = int(r["documents"])
                r["mentions"] = int(r["mentions"] or 0)
        return rows

    # -- aggregates -----------------------------------------------------------------------
    def dyad_timeline(self, a: str, b: str, by: str = "week", start: _dt.date | None = None,
                      end: _dt.date | None = None, directed: bool = False) -> list[dict[str, Any]]:
        """Per period (day|week|month|quarter|year): events and QuadClass counts, Goldstein sum
        and mean, unique events (folded across articles), and the events' ids ``doc#event``.
        Codes match as prefixes (``USA`` covers ``USAGOV``) or by actor country."""
        if by not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {by!r}")
        params: list = []
        ab = (_code_cond("source_code", None, a, params, "source_country", prefix=True) + " AND "
              + _code_cond("target_code", None, b, params, "target_country", prefix=True))
        cond = f"({ab})"
        if not directed:
            ba = (_code_cond("source_code", None, b, params, "source_country", prefix=True) + " AND "
                  + _code_cond("target_code", None, a, params, "target_country", prefix=True))
            cond = f"({ab} OR {ba})"
        params2: list = []
        dir_ab = (_code_cond("source_code", None, a, params2, "source_country", prefix=True) + " AND "
                  + _code_cond("target_code", None, b, params2, "target_country", prefix=True))
        conds = [cond, "NOT negated", "date_start IS NOT NULL"]
        if start:
            conds.append("date_start >= ?")
            params.append(start)
        if end:
            conds.append("date_start <= ?")
            params.append(end)
        period = f"CAST(date_trunc('{by}', date_start) AS DATE)"  # `by` is one of PERIODS
        sql = (f"SELECT {period} AS period, count(*) AS events, count(DISTINCT event_key) AS unique_events, "
               "count(DISTINCT doc_id) AS documents, "
               + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
               + f", sum(CASE WHEN {dir_ab} THEN 1 ELSE 0 END) AS a_to_b, "
               "sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, "
               "string_agg(doc_id || '#' || event_id, ' ') AS event_ids "
               f"FROM events WHERE {' AND '.join(conds)} GROUP BY {period} ORDER BY {period}")
        # dir_ab's placeholders come first in the SELECT list
        rows = self._query(sql, params2 + params)
        for r in rows:
            r["event_ids"] = sorted((r["event_ids"] or "").split())
            for k in ("events", "unique_events", "documents", "q1", "q2", "q3", "q4", "a_to_b"):
                r[k] = int(r[k] or 0)
            r["b_to_a"] = r["events"] - r["a_to_b"]
            r["goldstein_sum"] = round(float(r["goldstein_sum"] or 0.0), 4)
            r["goldstein_mean"] = round(float(r["goldstein_mean"]), 4) if r["goldstein_mean"] is not None else None
        return rows

    def network(self, start: _dt.date | None = None, end: _dt.date | None = None, min_weight: int = 1,
                country_level: bool = False):
        """A ``networkx.DiGraph`` of actors (codes; ``~name`` for uncoded actors): edges weighted
        by event count, with QuadClass counts, Goldstein sum/mean and unique events."""
        import networkx as nx

        sk = "coalesce(source_code, '~' || lower(source_name))"
        tk = "coalesce(target_code, '~' || lower(target_name))"
        if country_level:
            sk = f"coalesce(source_country, substr(source_code, 1, 3), '~' || lower(source_name))"
            tk = f"coalesce(target_country, substr(target_code, 1, 3), '~' || lower(target_name))"
        params: list = []
        conds = ["source IS NOT NULL", "target IS NOT NULL", "NOT negated"]
        if start:
            conds.append("date_start >= ?")
            params.append(start)
        if end:
            conds.append("date_start <= ?")
            params.append(end)
        where = " AND ".join(conds)
        params.append(int(min_weight))
        edges = self._query(
            f"SELECT {sk} AS s, {tk} AS t, count(*) AS weight, count(DISTINCT event_key) AS unique_events, "
            "count(DISTINCT doc_id) AS documents, "
            + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
            + ", sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean "
            f"FROM events WHERE {where} GROUP BY {sk}, {tk} HAVING count(*) >= ? ORDER BY {sk}, {tk}", params)
        names: dict[str, dict[str, int]] = {}
        for side in ("source", "target"):
            key = sk if side == "source" else tk
            for r in self._query(f"SELECT {key} AS k, {side}_name AS name, count(*) AS n FROM events "
                                 f"WHERE {where} GROUP BY {key}, {side}_name", params[:-1]):
                names.setdefault(r["k"], {})
                names[r["k"]][r["name"] or ""] = names[r["k"]].get(r["name"] or "", 0) + int(r["n"])
        g = nx.DiGraph()
        for e in edges:
            for node in (e["s"], e["t"]):
                if node not in g:
                    ns = names.get(node, {})
                    label = max(ns, key=lambda k: (ns[k], k)) if ns else node
                    g.add_node(node, label=label if not node.startswith("~") else label,
                               code=node if not node.startswith("~") else "",
                               names="; ".join(sorted(n for n in ns if n)), events=0)
            g.add_edge(e["s"], e["t"], weight=int(e["weight"]), unique_events=int(e["unique_events"]),
                       documents=int(e["documents"]), q1=int(e["q1"]), q2=int(e["q2"]), q3=int(e["q3"]),
                       q4=int(e["q4"]), goldstein_sum=round(float(e["goldstein_sum"] or 0), 4),
                       goldstein_mean=round(float(e["goldstein_mean"] or 0), 4))
            g.nodes[e["s"]]["events"] += int(e["weight"])
            if e["t"] != e["s"]:
                g.nodes[e["t"]]["events"] += int(e["weight"])
        return g

    def stances(self, proposition: str | None = None, holder: str | None = None) -> list[dict[str, Any]]:
        params: list = []
        conds = []
        for w in (proposition or "").split():
            conds.append("strpos(lower(proposition), ?) > 0")
            params.append(w.lower())
        if holder:
            conds.append(_code_cond("holder_code", "holder_name", holder, params))
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        rows = self._query("SELECT s.doc_id, s.holder, s.holder_code, s.holder_name, s.proposition, s.polarity, "
                           "s.evidence_json, s.evidence_text, s.rule, d.published, d.outlet FROM stances s "
                           f"JOIN documents d ON d.id = s.doc_id{where} "
                           "ORDER BY s.proposition, s.holder_code, s.holder_name, d.published, s.doc_id", params)
        groups: dict[tuple, dict] = {}
        for r in rows:
            hk = r["holder_code"] or "~" + (r["holder_name"] or "").lower()
            key = (" ".join((r["proposition"] or "").lower().split()), hk)
            g = groups.get(key)
            if g is None:
                g = groups[key] = {"proposition": r["proposition"], "holder": hk, "holder_code": r["holder_code"],
                                   "holder_names": [], "support": 0, "oppose": 0, "documents": 0, "evidence": []}
            if r["holder_name"] and r["holder_name"] not in g["holder_names"]:
                g["holder_names"].append(r["holder_name"])
            if r["polarity"] in ("support", "oppose"):
                g[r["polarity"]] += 1
            g["evidence"].append({"doc_id": r["doc_id"], "polarity": r["polarity"], "published": r["published"],
                                  "outlet": r["outlet"], "spans": json.loads(r["evidence_json"] or "[]"),
                                  "text": r["evidence_text"], "rule": r["rule"]})
        for g in groups.values():
            g["documents"] = len({e["doc_id"] for e in g["evidence"]})
            g["polarity"] = ("support" if g["support"] > g["oppose"] else "oppose" if g["oppose"] > g["support"]
                             else "mixed")
        return list(groups.values())

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
