"""``/events``: coded events by filters, and the same events folded across articles."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ...store.base import EventFilter, Store
from ..convert import page, rows_and_total
from ..deps import event_filter, require_read_key
from ..schemas import Page
from ..state import AppState, get_state

router = APIRouter(tags=["events"], dependencies=[Depends(require_read_key)])


def events_and_total(store: Store, flt: EventFilter) -> tuple[list, int]:
    """A page of events and the number of matches (a short first page needs no count)."""
    return rows_and_total(lambda limit, offset: store.events(flt), flt.limit, flt.offset, lambda: store.count_events(flt))


@router.get("/events", response_model=Page)
async def list_events(request: Request, flt: EventFilter = Depends(event_filter), state: AppState = Depends(get_state)):
    """Events matching every given filter, by date, paginated (`limit`, `offset`, `next`).

    Each row: document and event ids, date, source/target (id, code, name), CAMEO code and root,
    QuadClass, Goldstein, PLOVER, negation, modality, confidence, the rule that coded it, place,
    the trigger with its character offsets, outlet, url and the sentence."""
    items, total = await state.run(events_and_total, state.store, flt)
    return page(request, items, total, flt.limit, flt.offset)


@router.get("/events/groups", response_model=Page)
async def event_groups(request: Request, flt: EventFilter = Depends(event_filter),
                       include_negated: bool = Query(False, description="Keep negated events."),
                       state: AppState = Depends(get_state)):
    """The same event reported by several articles, folded into one (same dyad, code and date
    range), with GDELT-like `num_mentions`, `num_articles`, `num_sources` (outlets) and
    `num_stories` (articles once near-duplicates are folded), and the `mentions` behind it."""
    items = await state.run(state.store.event_groups, flt, include_negated=include_negated)
    return page(request, items, None, flt.limit, flt.offset)
