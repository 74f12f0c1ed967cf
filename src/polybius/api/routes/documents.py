"""``/documents``: post an article to code and store; list, read and delete stored documents."""
from __future__ import annotations

import asyncio
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ...config import Settings
from ...model import Document
from ..convert import page, plain
from ..deps import MAX_LIMIT, require_key
from ..errors import NotFound, TooLarge, Unprocessable
from ..schemas import DocumentIn, Page
from ..state import AppState, get_state

router = APIRouter(tags=["documents"])


def read_posted(body: DocumentIn, settings: Settings) -> Document:
    """A posted article -> Document (skipped, with the reasons, when it cannot be coded)."""
    from ...ingest.sources import read_bytes, read_text

    fields = {k: v for k, v in (("published", body.published), ("outlet", body.outlet), ("url", body.url),
                                ("id", body.id)) if v is not None}
    if body.format == "html":
        doc = next(iter(read_bytes("POST /documents.html", body.text.encode("utf-8"), settings, **fields)))
        if body.title and not doc.skipped:
            doc.title = body.title
        return doc
    return read_text(body.text, settings, origin="POST /documents", title=body.title, **fields)


@router.post("/documents", status_code=201, dependencies=[Depends(require_key)],
             responses={200: {"description": "Already stored: the stored document."},
                        201: {"description": "Coded and stored: the polybius/1 document."},
                        401: {"description": "No API key."}, 403: {"description": "Bad API key or writes disabled."},
                        413: {"description": "Body or text too large."},
                        422: {"description": "Invalid body, or an article that cannot be coded (the reasons)."}})
async def post_document(body: DocumentIn, state: AppState = Depends(get_state)):
    """Code an article (ingest, parse, actors, events, quotes, stances) and store it.

    The same article posted twice is coded and stored once (its id is a hash of its content)."""
    settings = state.settings
    if len(body.text.encode("utf-8")) > settings.max_bytes:
        raise TooLarge(f"text over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
    doc = await run_in_threadpool(read_posted, body, settings)
    if doc.skipped:
        raise Unprocessable({"message": "the article cannot be coded", "errors": doc.errors})
    stored = await state.run(lambda: state.store.get_document(doc.id) if state.store.has(doc.id) else None)
    if stored is not None:
        return JSONResponse(plain(stored.to_dict()), status_code=200)
    coded, new = await asyncio.wrap_future(state.coder.submit(doc))
    return JSONResponse(plain(coded.to_dict()), status_code=201 if new else 200,
                        headers={"Location": "/documents/" + quote(coded.id, safe=":/@+")})


@router.get("/documents", response_model=Page)
async def list_documents(request: Request, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0),
                         state: AppState = Depends(get_state)):
    """Stored documents, newest first: id, title, outlet, published, url and counts."""
    def query():
        items = state.store.documents(limit=limit, offset=offset)
        counter = getattr(state.store, "count_documents", None)  # optional beyond the Store ABC
        return items, (int(counter()) if callable(counter) else None)

    items, total = await state.run(query)
    return page(request, items, total, limit, offset)


@router.get("/documents/{doc_id:path}",
            responses={200: {"description": "The polybius/1 document."}, 404: {"description": "No such document."}})
async def get_document(doc_id: str = Path(..., max_length=300), state: AppState = Depends(get_state)):
    """One coded document in the polybius/1 contract: text, sentences, actors with mentions,
    events with triggers, quotes, stances, errors."""
    doc = await state.run(state.store.get_document, doc_id)
    if doc is None:
        raise NotFound("no such document")
    return JSONResponse(plain(doc.to_dict()))


@router.delete("/documents/{doc_id:path}", status_code=204, dependencies=[Depends(require_key)],
               responses={204: {"description": "Deleted with every layer."}, 401: {"description": "No API key."},
                          403: {"description": "Bad API key or writes disabled."}, 404: {"description": "No such document."}})
async def delete_document(doc_id: str = Path(..., max_length=300), state: AppState = Depends(get_state)):
    """Remove a stored document and everything coded from it (actors, events, quotes, stances)."""
    if not await state.run(state.store.delete, doc_id):
        raise NotFound("no such document")
    return Response(status_code=204)
