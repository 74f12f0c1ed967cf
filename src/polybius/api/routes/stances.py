"""``/stances``: who stands where on a proposition, across documents."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from ..convert import plain
from ..deps import require_read_key
from ..schemas import Items
from ..state import AppState, get_state

router = APIRouter(tags=["stances"], dependencies=[Depends(require_read_key)])


@router.get("/stances", response_model=Items)
async def stances(proposition: str | None = Query(None, max_length=300, description="Words of the proposition."),
                  holder: str | None = Query(None, max_length=300, description="Holder actor code or name."),
                  state: AppState = Depends(get_state)):
    """Who stands where: stances grouped by proposition and holder, with their polarity and evidence."""
    return JSONResponse({"items": plain(await state.run(state.store.stances, proposition=proposition, holder=holder))})
