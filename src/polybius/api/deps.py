"""Dependencies the routers share: the write key check and the event filters."""
from __future__ import annotations

import datetime as _dt

from fastapi import Depends, Query, Request, Security
from fastapi.security import APIKeyHeader

from ..store.base import EventFilter
from .filters import CAMEO, CODE, PLOVER, ROOT
from .errors import Forbidden, TooManyRequests, Unauthorized, Unprocessable
from .security import KeyCheckBusy
from .state import AppState, get_state

MAX_LIMIT = 1000
MAX_OFFSET = 10**9  # beyond any store; larger values would overflow the database's integers

key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key (writes only).")


def _presented_key(request: Request, key: str | None) -> str | None:
    if key is None:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            key = auth[7:].strip()
    return key


def _check_key(state: AppState, key: str | None) -> None:
    if not key:
        raise Unauthorized("an API key is required (header X-API-Key)")
    try:
        good = state.keys.check(key)
    except KeyCheckBusy:
        raise TooManyRequests("too many API key checks at once; retry") from None
    if not good:
        raise Forbidden("invalid API key")


def require_key(request: Request, key: str | None = Security(key_header),
                state: AppState = Depends(get_state)) -> None:
    """Writes: a configured key, presented as ``X-API-Key`` or ``Authorization: Bearer``."""
    key = _presented_key(request, key)
    if not state.keys.enabled:
        raise Forbidden("writes are disabled: no API key is configured (see `polybius api-key`)")
    _check_key(state, key)


def require_read_key(request: Request, state: AppState = Depends(get_state)) -> None:
    """Reads: a key as for writes when the setting ``api_read_requires_key`` is on."""
    if not state.settings.api_read_requires_key:
        return
    if not state.keys.enabled:
        raise Forbidden("reads need an API key but none is configured (see `polybius api-key`)")
    _check_key(state, _presented_key(request, request.headers.get("x-api-key")))


def offset_query():
    return Query(0, ge=0, le=MAX_OFFSET, description=f"Rows to skip (at most {MAX_OFFSET:,}).")


def event_filter(
    actor: str | None = Query(None, pattern=CODE, description="Actor code on either side; `USA*` for a prefix."),
    source: str | None = Query(None, pattern=CODE, description="Source actor code (prefix with `*`)."),
    target: str | None = Query(None, pattern=CODE, description="Target actor code (prefix with `*`)."),
    root: str | None = Query(None, pattern=ROOT, description="CAMEO root, 01..20."),
    cameo: str | None = Query(None, pattern=CAMEO, description="CAMEO code or prefix."),
    plover: str | None = Query(None, pattern=PLOVER, description="PLOVER event type."),
    quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, "
                                                                  "3 verbal conflict, 4 material conflict."),
    start: _dt.date | None = Query(None, description="Events on or after this date."),
    end: _dt.date | None = Query(None, description="Events on or before this date."),
    outlet: str | None = Query(None, max_length=300),
    text: str | None = Query(None, max_length=300, description="Words in the event's sentence."),
    doc_id: str | None = Query(None, max_length=300, description="Events of one document."),
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = offset_query(),
) -> EventFilter:
    if start and end and start > end:
        raise Unprocessable("start is after end")
    return EventFilter(actor=actor, source=source, target=target, root=root, cameo=cameo, plover=plover,
                       quad_class=quad_class, start=start, end=end, outlet=outlet, text=text, doc_id=doc_id,
                       limit=limit, offset=offset)
