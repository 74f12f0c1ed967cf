"""``/health``."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from ... import __version__
from ..schemas import Health
from ..state import AppState, get_state

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=Health)
async def health(state: AppState = Depends(get_state)):
    """Liveness, version, and whether writes are enabled."""
    return {"status": "ok", "version": __version__, "writes": state.keys.enabled}
