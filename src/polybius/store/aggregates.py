"""The SQL store's aggregates: dyad time series, the actor network, stances across documents.

A mixin of :class:`polybius.store.sql.SQLStore`.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from .queries import _code_cond

PERIODS = ("day", "week", "month", "quarter", "year")


class Aggregates:
    def dyad_timeline(self, a: str, b: str, by: str = "week", start: _dt.date | None = None,
                      end: _dt.date | None = None, directed: bool = False) -> list[dict[str, Any]]:
        """Per period (day|week|month|quarter|year): events and QuadClass counts, Goldstein sum
        and mean, unique events (folded across articles), and the events' ids ``doc#event``.
        Codes match as prefixes (``USA`` covers ``USAGOV``) or by actor country.  An event
        without a date of its own counts at its document's publication date; ``from_published``
        says how many of a period's events did."""
        if by not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {by!r}")
        params: list = []
        cond = self._dyad_cond(a, b, directed, params)
        params2: list = []
        dir_ab = self._dyad_cond(a, b, True, params2)
        day = "coalesce(date_start, published)"
        conds = [cond, "NOT negated", f"{day} IS NOT NULL"]
        if start:
            conds.append(f"{day} >= ?")
            params.append(start)
        if end:
            conds.append(f"{day} <= ?")
            params.append(end)
        period = f"CAST(date_trunc('{by}', {day}) AS DATE)"  # `by` is one of PERIODS
        sql = (f"SELECT {period} AS period, count(*) AS events, count(DISTINCT event_key) AS unique_events, "
               "count(DISTINCT doc_id) AS documents, "
               + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
               + f", sum(CASE WHEN {dir_ab} THEN 1 ELSE 0 END) AS a_to_b, "
               "sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, "
               "sum(CASE WHEN date_text IS NULL THEN 1 ELSE 0 END) AS from_published, "
               "string_agg(doc_id || '#' || event_id, ' ') AS event_ids "
               f"FROM events WHERE {' AND '.join(conds)} GROUP BY {period} ORDER BY {period}")
        # dir_ab's placeholders come first in the SELECT list
        rows = self._query(sql, params2 + params)
        for r in rows:
            r["event_ids"] = sorted((r["event_ids"] or "").split())
            for k in ("events", "unique_events", "documents", "q1", "q2", "q3", "q4", "a_to_b", "from_published"):
                r[k] = int(r[k] or 0)
            r["b_to_a"] = r["events"] - r["a_to_b"]
            r["goldstein_sum"] = round(float(r["goldstein_sum"] or 0.0), 4)
            r["goldstein_mean"] = round(float(r["goldstein_mean"]), 4) if r["goldstein_mean"] is not None else None
        return rows

    @staticmethod
    def _dyad_cond(a: str, b: str, directed: bool, params: list) -> str:
        ab = (_code_cond("source_code", None, a, params, "source_country", prefix=True) + " AND "
              + _code_cond("target_code", None, b, params, "target_country", prefix=True))
        if directed:
            return f"({ab})"
        ba = (_code_cond("source_code", None, b, params, "source_country", prefix=True) + " AND "
              + _code_cond("target_code", None, a, params, "target_country", prefix=True))
        return f"({ab} OR {ba})"

    def dyad_undated(self, a: str, b: str, directed: bool = False) -> int:
        """Events of the dyad that no timeline can place: no date of their own and no
        publication date either."""
        params: list = []
        cond = self._dyad_cond(a, b, directed, params)
        return int(self._query(f"SELECT count(*) AS n FROM events WHERE {cond} AND NOT negated "
                               "AND coalesce(date_start, published) IS NULL", params)[0]["n"])

    def network(self, start: _dt.date | None = None, end: _dt.date | None = None, min_weight: int = 1,
                country_level: bool = False):
        """A ``networkx.DiGraph`` of actors (codes; ``~name`` for uncoded actors): edges weighted
        by event count, with QuadClass counts, Goldstein sum/mean and unique events."""
        import networkx as nx

        sk = "coalesce(source_code, '~' || lower(source_name))"
        tk = "coalesce(target_code, '~' || lower(target_name))"
        if country_level:
            sk = "coalesce(source_country, substr(source_code, 1, 3), '~' || lower(source_name))"
            tk = "coalesce(target_country, substr(target_code, 1, 3), '~' || lower(target_name))"
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

