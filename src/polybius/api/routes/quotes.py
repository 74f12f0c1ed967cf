"""``/quotes``: who said what, across documents."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Depends, Query, Request

from ..convert import page, rows_and_total
from ..deps import MAX_LIMIT, offset_query, require_read_key
from ..schemas import Page
from ..state import AppState, get_state

router = APIRouter(tags=["stances"], dependencies=[Depends(require_read_key)])


@router.get("/quotes", response_model=Page)
async def quotes(request: Request,
                 speaker: str | None = Query(None, max_length=300, description="Speaker code (`*` prefix) or name."),
                 text: str | None = Query(None, max_length=300, description="Words in the quote."),
                 doc_id: str | None = Query(None, max_length=300),
                 limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = offset_query(),
                 state: AppState = Depends(get_state)):
    """Who said what: quotes (direct, partial, indirect) with their speakers and character offsets."""
    fetch = partial(state.store.quotes, speaker=speaker, text=text, doc_id=doc_id)
    items, total = await state.run(rows_and_total, fetch, limit, offset, getattr(state.store, "count_quotes", None))
    return page(request, items, total, limit, offset)
