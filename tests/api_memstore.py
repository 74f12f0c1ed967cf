"""A small in-memory Store for the API and web tests (tests only; the product uses DuckDB).

It follows the semantics documented in ``polybius.store.base`` so the API can be tested
without a database file."""
from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict

import networkx as nx

from polybius.frames import event_rows
from polybius.model import Document
from polybius.store.base import EventFilter, Store


def _match(code, pattern):
    if pattern is None:
        return True
    if code is None:
        return False
    if pattern.endswith("*"):
        return code.startswith(pattern[:-1])
    return code == pattern


def _period(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


class MemoryStore(Store):
    def __init__(self):
        self.docs: dict[str, Document] = {}
        self.rows: list[dict] = []
        self.lock = threading.Lock()

    def add(self, doc: Document) -> bool:
        with self.lock:
            if doc.id in self.docs:
                return False
            self.docs[doc.id] = Document.from_dict(doc.to_dict())
            self.rows.extend(event_rows(doc))
            return True

    def has(self, doc_id):
        return doc_id in self.docs

    def get_document(self, doc_id):
        d = self.docs.get(doc_id)
        return Document.from_dict(d.to_dict()) if d else None

    def documents(self, limit=100, offset=0):
        docs = sorted(self.docs.values(), key=lambda d: (d.published or dt.date.min, d.id), reverse=True)
        return [{"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "url": d.url,
                 "actors": len(d.actors), "events": len(d.events), "quotes": len(d.quotes)}
                for d in docs[offset:offset + limit]]

    def _filtered(self, f: EventFilter):
        out = []
        for r in self.rows:
            if f.actor and not (_match(r["source_code"], f.actor) or _match(r["target_code"], f.actor)):
                continue
            if not _match(r["source_code"], f.source) or not _match(r["target_code"], f.target):
                continue
            if f.root and r["root"] != f.root:
                continue
            if f.cameo and not (r["cameo"] or "").startswith(f.cameo):
                continue
            if f.plover and r["plover_event"] != f.plover:
                continue
            if f.quad_class and r["quad_class"] != f.quad_class:
                continue
            day = dt.date.fromisoformat(r["date"]) if r["date"] else None
            if f.start and (day is None or day < f.start):
                continue
            if f.end and (day is None or day > f.end):
                continue
            if f.outlet and r["outlet"] != f.outlet:
                continue
            if f.text and f.text.lower() not in (r["sentence"] or "").lower():
                continue
            if f.doc_id and r["doc_id"] != f.doc_id:
                continue
            out.append(r)
        out.sort(key=lambda r: (r["date"] or "", r["doc_id"], r["event_id"]))
        return out

    def events(self, flt):
        return [dict(r) for r in self._filtered(flt)[flt.offset:flt.offset + flt.limit]]

    def count_events(self, flt):
        return len(self._filtered(flt))

    def actors(self, code=None, limit=100, offset=0):
        groups: dict[str, dict] = {}
        for d in self.docs.values():
            for a in d.actors:
                if not a.code or not _match(a.code, code):
                    continue
                g = groups.setdefault(a.code, {"code": a.code, "names": set(), "documents": set(), "events": 0})
                g["names"].add(a.name)
                g["documents"].add(d.id)
                g["events"] += sum(1 for e in d.events if a.id in (e.source, e.target))
        out = [{**g, "names": sorted(g["names"]), "documents": len(g["documents"])} for g in groups.values()]
        out.sort(key=lambda g: (-g["events"], g["code"]))
        return out[offset:offset + limit]

    def dyad_timeline(self, a, b, by="week", start=None, end=None):
        points: dict[dt.date, dict] = {}
        for r in self.rows:
            pair = (r["source_code"], r["target_code"])
            if not ((_match(pair[0], a) and _match(pair[1], b)) or (_match(pair[0], b) and _match(pair[1], a))):
                continue
            if not r["date"]:
                continue
            day = dt.date.fromisoformat(r["date"])
            if (start and day < start) or (end and day > end):
                continue
            p = points.setdefault(_period(day, by), {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0,
                                                     "goldstein_sum": 0.0, "event_ids": []})
            p[f"q{r['quad_class']}"] += 1
            p["events"] += 1
            p["goldstein_sum"] += r["goldstein"]
            p["event_ids"].append(f"{r['doc_id']}#{r['event_id']}")
        return [{"period": k, **v, "goldstein_mean": v["goldstein_sum"] / v["events"]} for k, v in sorted(points.items())]

    def network(self, start=None, end=None, min_weight=1):
        g = nx.DiGraph()
        for r in self._filtered(EventFilter(start=start, end=end, limit=10**9)):
            s, t = r["source_code"], r["target_code"]
            if not s or not t:
                continue
            if not g.has_edge(s, t):
                g.add_edge(s, t, weight=0, q1=0, q2=0, q3=0, q4=0, goldstein=0.0)
            e = g[s][t]
            e["weight"] += 1
            e[f"q{r['quad_class']}"] += 1
            e["goldstein"] += r["goldstein"]
        g.remove_edges_from([(u, v) for u, v, w in g.edges(data="weight") if w < min_weight])
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
        return g

    def stances(self, proposition=None, holder=None):
        groups: dict[tuple, dict] = {}
        for d in self.docs.values():
            for s in d.stances:
                a = d.actor(s.holder)
                code = a.code if a else None
                name = a.name if a else s.holder
                if proposition and proposition.lower() not in s.proposition.lower():
                    continue
                if holder and holder not in ((code or ""), name):
                    continue
                key = (s.proposition, code or name, s.polarity)
                g = groups.setdefault(key, {"proposition": s.proposition, "holder": code or name, "holder_code": code,
                                            "holder_name": name, "polarity": s.polarity, "documents": set(), "evidence": []})
                g["documents"].add(d.id)
                g["evidence"].extend({"doc_id": d.id, "text": d.text[x.start:x.end]} for x in s.evidence)
        return [{**g, "documents": len(g["documents"])} for g in groups.values()]
