"""Managing a store (``polybius stats``, ``polybius delete``): what it holds, and removing
documents with every layer of them, by id, outlet or publication date, in one transaction.

A mixin of :class:`polybius.store.sql.SQLStore`, the same SQL on DuckDB and PostgreSQL.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Sequence

from .schema import TABLES


@dataclass
class DocFilter:
    """Which documents ``delete_where`` removes: every condition given must hold."""

    ids: Sequence[str] = field(default_factory=tuple)
    outlet: str | None = None  # case-insensitive
    start: _dt.date | None = None  # publication date on or after
    end: _dt.date | None = None  # publication date on or before
    everything: bool = False  # no condition: every document

    def empty(self) -> bool:
        return not (self.ids or self.outlet or self.start or self.end)

    def where(self, params: list) -> str:
        if self.empty():
            if not self.everything:
                raise ValueError("no filter: give ids, an outlet or a date range (or everything=True)")
            return "1 = 1"
        conds = []
        if self.ids:
            conds.append(f"id IN ({', '.join('?' * len(self.ids))})")
            params.extend(self.ids)
        if self.outlet:
            conds.append("lower(outlet) = ?")
            params.append(self.outlet.lower())
        if self.start:
            conds.append("published >= ?")
            params.append(self.start)
        if self.end:
            conds.append("published <= ?")
            params.append(self.end)
        return " AND ".join(conds)


class Manage:
    def delete(self, doc_id: str) -> bool:
        """Remove a document and every layer of it (one transaction); False when it was not
        stored.  Documents stored as near-duplicates of it become stories of their own."""
        return self.delete_where(DocFilter(ids=[doc_id]))["documents"] == 1

    def size_bytes(self) -> int | None:
        """The store's size on disk (None when not known, e.g. in memory)."""
        return None

    def overview(self) -> dict[str, Any]:
        """Documents (and how many unreadable), events, actors (distinct codes, or names when
        uncoded), quotes, stances; publication date range; documents and events by outlet;
        size on disk."""
        one = lambda sql: self._query(sql)[0]  # noqa: E731
        docs = one("SELECT count(*) AS n, sum(CASE WHEN skipped THEN 1 ELSE 0 END) AS skipped, "
                   "min(published) AS first, max(published) AS last, "
                   "sum(CASE WHEN published IS NULL THEN 1 ELSE 0 END) AS undated FROM documents")
        out = {"documents": int(docs["n"]), "unreadable": int(docs["skipped"] or 0),
               "first_published": docs["first"], "last_published": docs["last"],
               "undated_documents": int(docs["undated"] or 0)}
        for table in ("events", "quotes", "stances"):
            out[table] = int(one(f"SELECT count(*) AS n FROM {table}")["n"])
        out["actors"] = int(one("SELECT count(DISTINCT coalesce(code, '~' || lower(name))) AS n FROM actors")["n"])
        out["outlets"] = [
            {"outlet": r["outlet"], "documents": int(r["documents"]), "events": int(r["events"] or 0),
             "first_published": r["first"], "last_published": r["last"]}
            for r in self._query("SELECT outlet, count(*) AS documents, sum(n_events) AS events, "
                                 "min(published) AS first, max(published) AS last FROM documents "
                                 "GROUP BY outlet ORDER BY count(*) DESC, outlet NULLS LAST")]
        out["size_bytes"] = self.size_bytes()
        return out

    def delete_where(self, flt: DocFilter, dry_run: bool = False) -> dict[str, int]:
        """Remove the documents ``flt`` selects with every layer of them, in one transaction;
        returns the rows removed per table (``dry_run``: counted, then rolled back).  Documents
        stored as near-duplicates of a removed one become stories of their own."""
        params: list = []
        chosen = f"SELECT id FROM documents WHERE {flt.where(params)}"
        try:
            self._begin()
        except self._errors() as exc:
            raise self._wrap(exc) from exc
        try:
            counts = {}
            for table in TABLES:
                key = "id" if table == "documents" else "doc_id"
                extra = " OR duplicate_of IN (" + chosen + ")" if table == "duplicates" else ""
                where = f"{key} IN ({chosen}){extra}"
                both = params + params if extra else params
                counts[table] = int(self._query(f"SELECT count(*) AS n FROM {table} WHERE {where}", both)[0]["n"])
                if table != "documents" and not dry_run:
                    self._execute(f"DELETE FROM {table} WHERE {where}", both)
            if dry_run:
                self._rollback()
                return counts
            self._execute(f"UPDATE documents SET story = id WHERE story IN ({chosen}) AND id NOT IN ({chosen})",
                          params + params)
            self._execute(f"DELETE FROM documents WHERE id IN ({chosen})", params)
            self._commit()
        except BaseException as exc:
            self._abort(exc)
        self._dups = None  # the near-duplicate index is rebuilt from the table on the next write
        return counts
