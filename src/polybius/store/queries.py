"""The SQL store's event and actor queries (``polybius events``, ``GET /events``, exports).

A mixin of :class:`polybius.store.sql.SQLStore`; every value from a user is a query parameter.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Iterator

from .base import EventFilter


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



class EventQueries:
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

