"""``/actors``: actors across documents, grouped by CAMEO actor code."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Depends, Path, Query, Request

from ...store.base import EventFilter
from ..convert import next_url, page, plain, rows_and_total
from ..deps import CODE, MAX_LIMIT, offset_query, require_read_key
from ..errors import NotFound
from ..schemas import ActorDetail, Page
from ..state import AppState, get_state
from .events import events_and_total

router = APIRouter(tags=["actors"], dependencies=[Depends(require_read_key)])


@router.get("/actors", response_model=Page)
async def list_actors(request: Request,
                      code: str | None = Query(None, pattern=CODE, description="A code, or a prefix such as `IRQ*`."),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = offset_query(),
                      state: AppState = Depends(get_state)):
    """Actors across documents grouped by code: names seen, documents and events."""
    fetch = partial(state.store.actors, code=code)
    items, total = await state.run(rows_and_total, fetch, limit, offset, getattr(state.store, "count_actors", None))
    return page(request, items, total, limit, offset)


@router.get("/actors/{code}", response_model=ActorDetail, responses={404: {"description": "No actor with this code."}})
async def get_actor(request: Request, code: str = Path(..., pattern=CODE),
                    limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = offset_query(),
                    state: AppState = Depends(get_state)):
    """One actor code: its groups (names, documents, events) and its events on either side."""
    flt = EventFilter(actor=code, limit=limit, offset=offset)

    def query():
        events, total = events_and_total(state.store, flt)
        return state.store.actors(code=code, limit=MAX_LIMIT), total, events

    actors, total, events = await state.run(query)
    actors, events = plain(actors), plain(events)
    if not actors and not total:
        raise NotFound("no actor with this code")
    return {"code": code, "actors": actors,
            "events": {"total": total, "limit": limit, "offset": offset, "items": events,
                       "next": next_url(request, offset, limit, len(events), total)}}
