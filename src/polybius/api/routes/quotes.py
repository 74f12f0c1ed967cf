"""``/quotes``: who said what, across documents."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ..convert import page
from ..deps import MAX_LIMIT
from ..schemas import Page
from ..state import AppState, get_state

router = APIRouter(tags=["stances"])


@router.get("/quotes", response_model=Page)
async def quotes(request: Request,
                 speaker: str | None = Query(None, max_length=300, description="Speaker code (`*` prefix) or name."),
                 text: str | None = Query(None, max_length=300, description="Words in the quote."),
                 doc_id: str | None = Query(None, max_length=300),
                 limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0),
                 state: AppState = Depends(get_state)):
    """Who said what: quotes (direct, partial, indirect) with their speakers and character offsets."""
    items = await state.run(state.store.quotes, speaker=speaker, text=text, doc_id=doc_id, limit=limit, offset=offset)
    return page(request, items, None, limit, offset)
