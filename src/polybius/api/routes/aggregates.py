"""``/dyads`` and ``/network``: dyad time series, the events behind them, the actor network."""
from __future__ import annotations

import datetime as _dt

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from ...store.base import EventFilter, Store
from ..convert import page, period_bounds, plain, supported
from ..deps import CODE, MAX_LIMIT, offset_query, require_read_key
from ..schemas import Network, Page, Timeline
from ..state import AppState, get_state

router = APIRouter(tags=["aggregates"], dependencies=[Depends(require_read_key)])


def _dyad_events_by_filter(store: Store, a: str, b: str, start, end, directed: bool, want: int):
    """Events between two codes (prefixes) by the event filters: for stores whose timeline has no ids."""
    pre = lambda c: c if c.endswith("*") else c + "*"  # the timeline matches codes as prefixes
    total, rows = 0, []
    pairs = ((a, b),) if directed or a == b else ((a, b), (b, a))
    for src, tgt in pairs:
        flt = EventFilter(source=pre(src), target=pre(tgt), start=start, end=end, limit=want, offset=0)
        total += store.count_events(flt)
        rows.extend(store.events(flt))
    return rows, total, False


def _event_sort_key(row: dict) -> tuple:
    return (str(row.get("date") or ""), str(row.get("doc_id") or ""), str(row.get("event_id") or ""))


def _dyad_events(store: Store, a: str, b: str, start, end, directed: bool, extra: dict, limit: int, offset: int):
    """On the store thread: the events a day-by-day timeline counts, by their ids."""
    points = store.dyad_timeline(a, b, by="day", start=start, end=end, **extra)
    ids = []
    for p in points:
        got = p.get("event_ids")
        if got is None:  # a store without ids: fall back to the event filters
            return _dyad_events_by_filter(store, a, b, start, end, directed, offset + limit)
        ids.extend(got.split() if isinstance(got, str) else got)
    wanted: dict[str, set[str]] = {}
    for ref in ids[offset:offset + limit]:
        doc_id, _, event_id = str(ref).rpartition("#")
        wanted.setdefault(doc_id, set()).add(event_id)
    rows = [r for doc_id, evs in wanted.items()
            for r in store.events(EventFilter(doc_id=doc_id, limit=MAX_LIMIT)) if r["event_id"] in evs]
    rows.sort(key=_event_sort_key)
    return rows, len(ids), True


@router.get("/dyads/{a}/{b}/timeline", response_model=Timeline)
async def dyad_timeline(a: str = Path(..., pattern=CODE), b: str = Path(..., pattern=CODE),
                        by: str = Query("week", pattern="^(day|week|month|quarter|year)$"),
                        start: _dt.date | None = None, end: _dt.date | None = None,
                        directed: bool = Query(False, description="Only a on b (when the store supports it)."),
                        state: AppState = Depends(get_state)):
    """Cooperation and conflict between two actors over time: per period, counts by QuadClass,
    Goldstein sum and mean, and the events behind the point (both directions unless `directed`)."""
    extra = supported(state.store.dyad_timeline, directed=directed)
    rows = await state.run(state.store.dyad_timeline, a, b, by=by, start=start, end=end, **extra)
    points = []
    for row in rows:
        row = dict(row)
        if "start" not in row or "end" not in row:
            s, e = period_bounds(row.get("period"), by)
            row.setdefault("start", s)
            row.setdefault("end", e)
        points.append(plain(row))
    return JSONResponse({"a": a, "b": b, "by": by, "directed": bool(extra.get("directed")), "points": points})


@router.get("/dyads/{a}/{b}/events", response_model=Page)
async def dyad_events(request: Request, a: str = Path(..., pattern=CODE), b: str = Path(..., pattern=CODE),
                      start: _dt.date | None = None, end: _dt.date | None = None,
                      directed: bool = Query(False, description="Only a on b (when the store supports it)."),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = offset_query(),
                      state: AppState = Depends(get_state)):
    """The events behind the dyad's timeline between `start` and `end`: the same events the
    timeline counts (both directions unless `directed`), by date."""
    extra = supported(state.store.dyad_timeline, directed=directed)
    rows, total, paged = await state.run(_dyad_events, state.store, a, b, start, end, directed, extra, limit, offset)
    if not paged:
        rows.sort(key=_event_sort_key)
        rows = rows[offset:offset + limit]
    return page(request, rows, total, limit, offset)


@router.get("/network", response_model=Network)
async def network(start: _dt.date | None = None, end: _dt.date | None = None,
                  min_weight: int = Query(1, ge=1, description="Leave out links with fewer events."),
                  min_degree: int = Query(0, ge=0, le=5000, description="Leave out actors linked to fewer others."),
                  max_nodes: int = Query(300, ge=1, le=5000),
                  countries: bool = Query(False, description="One node per country (when the store supports it)."),
                  state: AppState = Depends(get_state)):
    """Who acts on whom: actor codes as nodes, directed edges weighted by events, with counts by
    QuadClass, between `start` and `end`.  Actors with fewer than `min_degree` links are left out,
    then the `max_nodes` busiest are kept; each node has its `community` (0 the largest; Louvain
    modularity over the kept graph)."""
    from ...analysis import communities, trim

    extra = supported(state.store.network, country_level=countries)
    graph = await state.run(state.store.network, start=start, end=end, min_weight=min_weight, **extra)
    degree = dict(graph.degree(weight="weight"))
    kept = trim(graph, max_nodes, min_degree)
    group = communities(kept)
    nodes = [{"id": str(n), **plain(dict(attrs)), "weight": degree.get(n, 0), "community": group.get(n, 0)}
             for n, attrs in graph.nodes(data=True) if n in kept]
    edges = [{**plain(dict(attrs)), "source": str(u), "target": str(v)}
             for u, v, attrs in graph.edges(data=True) if u in kept and v in kept]
    return JSONResponse({"nodes": nodes, "edges": edges})
