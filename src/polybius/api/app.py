"""The REST API and the web explorer, one FastAPI app over a :class:`~polybius.store.base.Store`.

    app = create_app(store=open_store("polybius.duckdb"), settings=load_settings())

Reads are open; writes (``POST /documents``) need an API key whose scrypt hash is in
``settings.api_key_hashes``.  Store calls are serialised by one lock (an embedded
database connection is not shared between threads).  Posted articles are coded by one
pipeline, built once per app, on one worker thread that parses concurrent posts together
(:class:`~polybius.api.coder.Coder`); a waiting post holds no server thread.
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import inspect
import logging
import math
import re
import string
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from importlib.resources import files
from typing import Any, Callable
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Security
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import APIKeyHeader
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..config import Settings, load_settings
from ..model import Document
from ..store.base import EventFilter, Store
from .coder import Coder
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .schemas import ActorDetail, DocumentIn, Health, Items, Network, Page, Timeline
from .security import KeyChecker, KeyCheckBusy

log = logging.getLogger("polybius.api")

MAX_LIMIT = 1000
CODE = r"^[A-Za-z0-9*_.\-]{1,64}$"  # actor codes (prefix wildcard allowed)
PERIODS = ("day", "week", "month", "quarter", "year")
WEB_DIR = files("polybius") / "web"

TAGS = [
    {"name": "documents", "description": "Post an article to code and store it; read coded documents (the polybius/1 contract)."},
    {"name": "events", "description": "Coded events: who did what to whom, when and where, with CAMEO/PLOVER codes, "
                                      "Goldstein scores, QuadClass and the character offsets of the trigger."},
    {"name": "actors", "description": "Actors across documents, grouped by CAMEO actor code."},
    {"name": "aggregates", "description": "Dyad time series and the actor network."},
    {"name": "stances", "description": "Who said what (quotes) and who stands where on a proposition, across documents."},
    {"name": "meta", "description": "Health."},
]

DESCRIPTION = """Polybius reads the news and serves its model of the political system.

Every coded fact points back to character offsets in its document's `text`.
Reads need no key.  Writes need an API key in the `X-API-Key` header
(or `Authorization: Bearer <key>`); keys are stored as salted scrypt hashes
(`polybius api-key` makes one).  Request bodies are limited in size (413 beyond).

The web explorer is served by the same process at `/`."""


class AppState:
    def __init__(self, store: Store, settings: Settings, pipeline=None,
                 pipeline_factory: Callable[[Settings], Any] | None = None):
        self.store = store
        self.settings = settings
        self.keys = KeyChecker(settings.api_key_hashes)
        # Every store call runs on this one thread: an embedded connection is used by one
        # thread at a time, and requests wait for it without holding a server thread.
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="polybius-store")
        self._pipeline = pipeline
        self._pipeline_factory = pipeline_factory
        self._pipeline_lock = threading.Lock()
        self.coder = Coder(self.pipeline, self._store_many)

    def _store_many(self, docs: list[Document]) -> list:
        return self.executor.submit(self._add_many, docs).result()

    def _add_many(self, docs: list[Document]) -> list:
        """On the store thread: store ``docs`` in one transaction; for each, whether it was new
        (or the exception that kept it out)."""
        seen: set[str] = set()
        flags = []
        for d in docs:
            flags.append(d.id not in seen and not self.store.has(d.id))
            seen.add(d.id)
        try:
            self.store.add_many(docs)
        except Exception:  # find the one that fails; store the others
            log.exception("storing %d documents together failed; storing them one by one", len(docs))
            flags = []
            for d in docs:
                try:
                    flags.append(self.store.add(d))
                except Exception as exc:  # this post gets the error; the others are stored
                    flags.append(exc)
        return flags

    async def run(self, fn: Callable, *args, **kw):
        """Run ``fn`` (a store call, or a function of several) on the store thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, partial(fn, *args, **kw))

    def pipeline(self):
        """The app's one Pipeline, built on first use (or by ``warm_up``)."""
        if self._pipeline is None:
            with self._pipeline_lock:
                if self._pipeline is None:
                    if self._pipeline_factory is not None:
                        self._pipeline = self._pipeline_factory(self.settings)
                    else:
                        from ..pipeline import Pipeline

                        self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def warm_up(self) -> None:
        self.pipeline()

    def close(self) -> None:
        """Finish queued posts and store calls (the store itself is the caller's to close)."""
        self.coder.close()
        self.executor.shutdown(wait=True)


# -- helpers -------------------------------------------------------------------

_AS_IS = frozenset({str, int, bool, type(None)})


def plain(value: Any) -> Any:
    """Store rows -> JSON: dates as ISO strings, NaN as null, numpy scalars as Python.

    Exact type checks first: pages of rows are converted on every request."""
    t = type(value)
    if t in _AS_IS:
        return value
    if t is dict:
        return {k if type(k) is str else str(k): (v if type(v) in _AS_IS else plain(v)) for k, v in value.items()}
    if t is list:
        return [v if type(v) in _AS_IS else plain(v) for v in value]
    if t is float:
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if type(value).__module__ == "numpy":
        if hasattr(value, "tolist"):
            return plain(value.tolist())
        if hasattr(value, "item"):
            return plain(value.item())
    return value


def period_bounds(period: Any, by: str) -> tuple[str | None, str | None]:
    """The first and last day of a timeline period given by its start (date or ISO string)."""
    try:
        if isinstance(period, _dt.datetime):
            start = period.date()
        elif isinstance(period, _dt.date):
            start = period
        else:
            start = _dt.date.fromisoformat(str(period)[:10])
    except ValueError:
        return None, None
    if by == "day":
        end = start
    elif by == "week":
        end = start + _dt.timedelta(days=6)
    elif by in ("month", "quarter"):
        months = 1 if by == "month" else 3
        m = start.month - 1 + months
        end = _dt.date(start.year + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)
    else:
        end = _dt.date(start.year, 12, 31)
    return start.isoformat(), end.isoformat()


def _next_url(request: Request, offset: int, limit: int, got: int, total: int | None) -> str | None:
    if (total is not None and offset + limit >= total) or (total is None and got < limit):
        return None
    params = dict(request.query_params)
    params["offset"] = str(offset + limit)
    params["limit"] = str(limit)
    return f"{request.url.path}?{urlencode(params)}"


def _read_posted(body: DocumentIn, settings: Settings) -> Document:
    """A posted article -> Document (skipped, with the reasons, when it cannot be coded)."""
    from ..ingest.sources import read_bytes, read_text

    fields = {k: v for k, v in (("published", body.published), ("outlet", body.outlet), ("url", body.url),
                                ("id", body.id)) if v is not None}
    if body.format == "html":
        doc = next(iter(read_bytes("POST /documents.html", body.text.encode("utf-8"), settings, **fields)))
        if body.title and not doc.skipped:
            doc.title = body.title
        return doc
    return read_text(body.text, settings, origin="POST /documents", title=body.title, **fields)


def _page(request: Request, items: list, total: int | None, limit: int, offset: int) -> JSONResponse:
    """A page of rows (the Page schema), serialised directly (rows can be many)."""
    items = plain(items)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items,
                         "next": _next_url(request, offset, limit, len(items), total)})


def _supported(method: Callable, **options) -> dict:
    """The options a store method takes beyond the Store ABC (false ones are left out)."""
    try:
        params = inspect.signature(method).parameters
    except (TypeError, ValueError):
        return {}
    return {k: v for k, v in options.items() if v and k in params}


def _events_and_total(store: Store, flt: EventFilter) -> tuple[list, int]:
    """A page of events and the number of matches; a first page shorter than the limit is the
    whole answer, so it needs no count."""
    items = store.events(flt)
    if flt.offset == 0 and len(items) < flt.limit:
        return items, len(items)
    return items, store.count_events(flt)


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


# -- the factory -----------------------------------------------------------------

def create_app(store: Store | None = None, settings: Settings | None = None, *, pipeline=None,
               pipeline_factory: Callable[[Settings], Any] | None = None,
               max_body_bytes: int | None = None) -> FastAPI:
    """Build the app.  ``store`` defaults to ``open_store(settings.db)``; ``pipeline`` (a
    :class:`polybius.pipeline.Pipeline`) is built from ``settings`` on the first POST when not given."""
    settings = settings or load_settings()
    if store is None:
        from ..store import open_store

        store = open_store(settings.db)
    state = AppState(store, settings, pipeline, pipeline_factory)
    # JSON may escape every character of the text (up to 6 bytes each); allow twice the
    # text limit plus room for the other fields; the text itself is checked against max_bytes.
    body_limit = max_body_bytes or (2 * settings.max_bytes + 64 * 1024)

    app = FastAPI(title="Polybius", version=__version__, description=DESCRIPTION, openapi_tags=TAGS,
                  docs_url=None, redoc_url=None)  # the stock docs pages load scripts from a CDN
    app.state.polybius = state
    app.add_middleware(BodyLimitMiddleware, max_bytes=body_limit)
    app.add_middleware(SecurityHeadersMiddleware)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # never leak internals
        log.exception("error serving %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key (writes only).")

    def require_key(request: Request, key: str | None = Security(key_header)) -> None:
        if key is None:
            auth = request.headers.get("authorization", "")
            if auth[:7].lower() == "bearer ":
                key = auth[7:].strip()
        if not state.keys.enabled:
            raise HTTPException(403, "writes are disabled: no API key is configured (see `polybius api-key`)")
        if not key:
            raise HTTPException(401, "an API key is required (header X-API-Key)", headers={"WWW-Authenticate": "Bearer"})
        try:
            good = state.keys.check(key)
        except KeyCheckBusy:
            raise HTTPException(429, "too many API key checks at once; retry", headers={"Retry-After": "1"}) from None
        if not good:
            raise HTTPException(403, "invalid API key")

    # -- documents ---------------------------------------------------------------

    @app.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(require_key)],
              responses={200: {"description": "Already stored: the stored document."},
                         201: {"description": "Coded and stored: the polybius/1 document."},
                         401: {"description": "No API key."}, 403: {"description": "Bad API key or writes disabled."},
                         413: {"description": "Body or text too large."},
                         422: {"description": "Invalid body, or an article that cannot be coded (the reasons)."}})
    async def post_document(body: DocumentIn):
        """Code an article (ingest, parse, actors, events, quotes, stances) and store it.

        The same article posted twice is coded and stored once (its id is a hash of its content)."""
        if len(body.text.encode("utf-8")) > settings.max_bytes:
            raise HTTPException(413, f"text over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
        doc = await run_in_threadpool(_read_posted, body, settings)
        if doc.skipped:
            raise HTTPException(422, {"message": "the article cannot be coded", "errors": doc.errors})
        stored = await state.run(lambda: state.store.get_document(doc.id) if state.store.has(doc.id) else None)
        if stored is not None:
            return JSONResponse(plain(stored.to_dict()), status_code=200)
        coded, new = await asyncio.wrap_future(state.coder.submit(doc))
        return JSONResponse(plain(coded.to_dict()), status_code=201 if new else 200,
                            headers={"Location": "/documents/" + quote(coded.id, safe=":/@+")})

    @app.get("/documents", tags=["documents"], response_model=Page)
    async def list_documents(request: Request, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        """Stored documents, newest first: id, title, outlet, published, url and counts."""
        def query():
            items = state.store.documents(limit=limit, offset=offset)
            counter = getattr(state.store, "count_documents", None)  # optional beyond the Store ABC
            return items, (int(counter()) if callable(counter) else None)

        items, total = await state.run(query)
        return _page(request, items, total, limit, offset)

    @app.get("/documents/{doc_id:path}", tags=["documents"],
             responses={200: {"description": "The polybius/1 document."}, 404: {"description": "No such document."}})
    async def get_document(doc_id: str = Path(..., max_length=300)):
        """One coded document in the polybius/1 contract: text, sentences, actors with mentions,
        events with triggers, quotes, stances, errors."""
        doc = await state.run(state.store.get_document, doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return JSONResponse(plain(doc.to_dict()))

    @app.delete("/documents/{doc_id:path}", tags=["documents"], status_code=204, dependencies=[Depends(require_key)],
                responses={204: {"description": "Deleted with every layer."}, 401: {"description": "No API key."},
                           403: {"description": "Bad API key or writes disabled."}, 404: {"description": "No such document."}})
    async def delete_document(doc_id: str = Path(..., max_length=300)):
        """Remove a stored document and everything coded from it (actors, events, quotes, stances)."""
        if not await state.run(state.store.delete, doc_id):
            raise HTTPException(404, "no such document")
        return Response(status_code=204)

    # -- events ------------------------------------------------------------------

    def event_filter(
        actor: str | None = Query(None, pattern=CODE, description="Actor code on either side; `USA*` for a prefix."),
        source: str | None = Query(None, pattern=CODE, description="Source actor code (prefix with `*`)."),
        target: str | None = Query(None, pattern=CODE, description="Target actor code (prefix with `*`)."),
        root: str | None = Query(None, pattern=r"^\d{2}$", description="CAMEO root, 01..20."),
        cameo: str | None = Query(None, pattern=r"^\d{2,4}$", description="CAMEO code or prefix."),
        plover: str | None = Query(None, pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER event type."),
        quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, "
                                                                      "3 verbal conflict, 4 material conflict."),
        start: _dt.date | None = Query(None, description="Events on or after this date."),
        end: _dt.date | None = Query(None, description="Events on or before this date."),
        outlet: str | None = Query(None, max_length=300),
        text: str | None = Query(None, max_length=300, description="Words in the event's sentence."),
        doc_id: str | None = Query(None, max_length=300, description="Events of one document."),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0),
    ) -> EventFilter:
        if start and end and start > end:
            raise HTTPException(422, "start is after end")
        return EventFilter(actor=actor, source=source, target=target, root=root, cameo=cameo, plover=plover,
                           quad_class=quad_class, start=start, end=end, outlet=outlet, text=text, doc_id=doc_id,
                           limit=limit, offset=offset)

    @app.get("/events", tags=["events"], response_model=Page)
    async def list_events(request: Request, flt: EventFilter = Depends(event_filter)):
        """Events matching every given filter, by date, paginated (`limit`, `offset`, `next`).

        Each row: document and event ids, date, source/target (id, code, name), CAMEO code and root,
        QuadClass, Goldstein, PLOVER, negation, modality, confidence, the rule that coded it, place,
        the trigger with its character offsets, outlet, url and the sentence."""
        def query():
            return _events_and_total(state.store, flt)

        items, total = await state.run(query)
        return _page(request, items, total, flt.limit, flt.offset)

    @app.get("/events/groups", tags=["events"], response_model=Page)
    async def event_groups(request: Request, flt: EventFilter = Depends(event_filter),
                           include_negated: bool = Query(False, description="Keep negated events.")):
        """The same event reported by several articles, folded into one (same dyad, code and date
        range), with GDELT-like `num_mentions`, `num_articles`, `num_sources` (outlets) and
        `num_stories` (articles once near-duplicates are folded), and the `mentions` behind it."""
        items = await state.run(state.store.event_groups, flt, include_negated=include_negated)
        return _page(request, items, None, flt.limit, flt.offset)

    # -- quotes ------------------------------------------------------------------

    @app.get("/quotes", tags=["stances"], response_model=Page)
    async def quotes(request: Request,
                     speaker: str | None = Query(None, max_length=300, description="Speaker code (`*` prefix) or name."),
                     text: str | None = Query(None, max_length=300, description="Words in the quote."),
                     doc_id: str | None = Query(None, max_length=300),
                     limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        """Who said what: quotes (direct, partial, indirect) with their speakers and character offsets."""
        items = await state.run(state.store.quotes, speaker=speaker, text=text, doc_id=doc_id, limit=limit, offset=offset)
        return _page(request, items, None, limit, offset)

    # -- actors ------------------------------------------------------------------

    @app.get("/actors", tags=["actors"], response_model=Page)
    async def list_actors(request: Request,
                    code: str | None = Query(None, pattern=CODE, description="A code, or a prefix such as `IRQ*`."),
                    limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        """Actors across documents grouped by code: names seen, documents and events."""
        items = await state.run(state.store.actors, code=code, limit=limit, offset=offset)
        return _page(request, items, None, limit, offset)

    @app.get("/actors/{code}", tags=["actors"], response_model=ActorDetail,
             responses={404: {"description": "No actor with this code."}})
    async def get_actor(request: Request, code: str = Path(..., pattern=CODE),
                  limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        """One actor code: its groups (names, documents, events) and its events on either side."""
        flt = EventFilter(actor=code, limit=limit, offset=offset)
        def query():
            events, total = _events_and_total(state.store, flt)
            return state.store.actors(code=code, limit=MAX_LIMIT), total, events

        actors, total, events = await state.run(query)
        actors, events = plain(actors), plain(events)
        if not actors and not total:
            raise HTTPException(404, "no actor with this code")
        return {"code": code, "actors": actors,
                "events": {"total": total, "limit": limit, "offset": offset, "items": events,
                           "next": _next_url(request, offset, limit, len(events), total)}}

    # -- aggregates ----------------------------------------------------------------

    @app.get("/dyads/{a}/{b}/timeline", tags=["aggregates"], response_model=Timeline)
    async def dyad_timeline(a: str = Path(..., pattern=CODE), b: str = Path(..., pattern=CODE),
                      by: str = Query("week", pattern="^(day|week|month|quarter|year)$"),
                      start: _dt.date | None = None, end: _dt.date | None = None,
                      directed: bool = Query(False, description="Only a on b (when the store supports it).")):
        """Cooperation and conflict between two actors over time: per period, counts by QuadClass,
        Goldstein sum and mean, and the events behind the point (both directions unless `directed`)."""
        extra = _supported(state.store.dyad_timeline, directed=directed)
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

    @app.get("/dyads/{a}/{b}/events", tags=["aggregates"], response_model=Page)
    async def dyad_events(request: Request, a: str = Path(..., pattern=CODE), b: str = Path(..., pattern=CODE),
                          start: _dt.date | None = None, end: _dt.date | None = None,
                          directed: bool = Query(False, description="Only a on b (when the store supports it)."),
                          limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        """The events behind the dyad's timeline between `start` and `end`: the same events the
        timeline counts (both directions unless `directed`), by date."""
        extra = _supported(state.store.dyad_timeline, directed=directed)

        def query():
            points = state.store.dyad_timeline(a, b, by="day", start=start, end=end, **extra)
            ids = []
            for p in points:
                got = p.get("event_ids")
                if got is None:  # a store without ids: fall back to the event filters
                    return _dyad_events_by_filter(state.store, a, b, start, end, directed, offset + limit)
                ids.extend(got.split() if isinstance(got, str) else got)
            wanted: dict[str, set[str]] = {}
            for ref in ids[offset:offset + limit]:
                doc_id, _, event_id = str(ref).rpartition("#")
                wanted.setdefault(doc_id, set()).add(event_id)
            rows = [r for doc_id, evs in wanted.items()
                    for r in state.store.events(EventFilter(doc_id=doc_id, limit=MAX_LIMIT)) if r["event_id"] in evs]
            rows.sort(key=_event_sort_key)
            return rows, len(ids), True

        rows, total, paged = await state.run(query)
        if not paged:
            rows.sort(key=_event_sort_key)
            rows = rows[offset:offset + limit]
        return _page(request, rows, total, limit, offset)

    @app.get("/network", tags=["aggregates"], response_model=Network)
    async def network(start: _dt.date | None = None, end: _dt.date | None = None,
                min_weight: int = Query(1, ge=1), max_nodes: int = Query(300, ge=1, le=5000),
                countries: bool = Query(False, description="One node per country (when the store supports it).")):
        """Who acts on whom: actor codes as nodes, directed edges weighted by events, with counts by
        QuadClass, between `start` and `end`.  The `max_nodes` busiest nodes are kept."""
        extra = _supported(state.store.network, country_level=countries)
        graph = await state.run(state.store.network, start=start, end=end, min_weight=min_weight, **extra)
        degree = dict(graph.degree(weight="weight"))
        keep = set(sorted(degree, key=lambda n: (-degree[n], str(n)))[:max_nodes])
        nodes = [{"id": str(n), **plain(dict(attrs)), "weight": degree.get(n, 0)}
                 for n, attrs in graph.nodes(data=True) if n in keep]
        edges = [{**plain(dict(attrs)), "source": str(u), "target": str(v)}
                 for u, v, attrs in graph.edges(data=True) if u in keep and v in keep]
        return JSONResponse({"nodes": nodes, "edges": edges})

    # -- stances -------------------------------------------------------------------

    @app.get("/stances", tags=["stances"], response_model=Items)
    async def stances(proposition: str | None = Query(None, max_length=300, description="Words of the proposition."),
                holder: str | None = Query(None, max_length=300, description="Holder actor code or name.")):
        """Who stands where: stances grouped by proposition and holder, with their polarity and evidence."""
        return JSONResponse({"items": plain(await state.run(state.store.stances, proposition=proposition, holder=holder))})

    @app.get("/health", tags=["meta"], response_model=Health)
    async def health():
        """Liveness, version, and whether writes are enabled."""
        return {"status": "ok", "version": __version__, "writes": state.keys.enabled}

    # -- the web explorer -----------------------------------------------------------

    layout = string.Template((WEB_DIR / "layout.html").read_text(encoding="utf-8"))

    def page(name: str):
        """One explorer page: its ``<main>`` (``web/NAME``), framed by ``web/layout.html``."""
        head, body = (WEB_DIR / name).read_text(encoding="utf-8").split("\n", 1)
        meta = dict(re.findall(r"(title|script): ([^;]+?)\s*(?:;|-->)", head))
        html = layout.substitute(title=meta["title"], script=meta["script"], main=body)

        def serve_page():
            return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

        return serve_page

    for route, name in (("/", "index.html"), ("/ui/article", "article.html"), ("/ui/network", "network.html"),
                        ("/ui/dyad", "dyad.html"), ("/ui/search", "search.html"), ("/ui/api", "api.html")):
        app.add_api_route(route, page(name), methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    return app
