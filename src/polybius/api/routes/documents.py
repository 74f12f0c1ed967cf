"""``/documents``: post an article to code and store; list, read and delete stored documents."""
from __future__ import annotations

import asyncio
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ...config import Settings
from ...model import Document
from ...store.base import Store
from ...store.rows import content_hash
from ..convert import page, plain
from ..deps import MAX_LIMIT, offset_query, require_key, require_read_key
from ..errors import Conflict, NotFound, TooLarge, Unprocessable
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


def _with_content(store: Store, doc: Document) -> str | None:
    """The id of a stored document with ``doc``'s title and text (its candidates are found by
    their first words, then compared whole)."""
    words = doc.text.split()[:12]
    want = content_hash(doc)
    for row in store.documents(limit=50, offset=0, text=" ".join(words)) if words else ():
        other = store.get_document(row["id"])
        if other is not None and content_hash(other) == want:
            return other.id
    return None


def stored_as(store: Store, doc: Document) -> Document | None:
    """The stored document ``doc`` is already (same id and content, or same content under
    another id), or None when it is new.  Its id holding another text is a :class:`Conflict`."""
    if store.has(doc.id):
        stored = store.get_document(doc.id)
        if stored is not None and content_hash(stored) != content_hash(doc):
            raise Conflict(f"id {doc.id!r} is already stored with a different text: post it under a new id, "
                           "or delete the stored document first")
        return stored
    if doc.id not in store.stored([doc]):
        return None
    other = _with_content(store, doc)
    return store.get_document(other) if other else None


def location(doc_id: str) -> str:
    """The document's URL path, every reserved character of its id (``/`` too) percent-encoded."""
    return "/documents/" + quote(doc_id, safe=":@+")


def _answer(doc: Document, status: int) -> JSONResponse:
    return JSONResponse(plain(doc.to_dict()), status_code=status, headers={"Location": location(doc.id)})


@router.post("/documents", status_code=201, dependencies=[Depends(require_key)],
             responses={200: {"description": "Already stored (same content, under this id or another): "
                                             "the stored document; `Location` is its URL."},
                        201: {"description": "Coded and stored: the polybius/1 document; `Location` is its URL."},
                        401: {"description": "No API key."}, 403: {"description": "Bad API key or writes disabled."},
                        409: {"description": "The id is already stored with a different text."},
                        413: {"description": "Body or text too large."},
                        422: {"description": "Invalid body, or an article that cannot be coded (the reasons)."}})
async def post_document(body: DocumentIn, state: AppState = Depends(get_state)):
    """Code an article (ingest, parse, actors, events, quotes, stances) and store it.

    The same article posted twice is coded and stored once (its id is a hash of its content):
    the same text under a new id answers 200 with the stored document and its `Location`;
    a stored id with a new text answers 409."""
    settings = state.settings
    if len(body.text.encode("utf-8")) > settings.max_bytes:
        raise TooLarge(f"text over the limit of {settings.max_bytes:,} bytes (setting max_bytes)")
    doc = await run_in_threadpool(read_posted, body, settings)
    if doc.skipped:
        raise Unprocessable({"message": "the article cannot be coded", "errors": doc.errors})
    stored = await state.run(stored_as, state.store, doc)
    if stored is not None:
        return _answer(stored, 200)
    coded, new = await asyncio.wrap_future(state.coder.submit(doc))
    if not new:  # posted twice at once: the other post stored it
        stored = await state.run(stored_as, state.store, coded)
        return _answer(stored or coded, 200)
    return _answer(coded, 201)


@router.get("/documents", response_model=Page, dependencies=[Depends(require_read_key)])
async def list_documents(request: Request, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = offset_query(),
                         state: AppState = Depends(get_state)):
    """Stored documents, newest first: id, title, outlet, published, url and counts."""
    def query():
        items = state.store.documents(limit=limit, offset=offset)
        counter = getattr(state.store, "count_documents", None)  # optional beyond the Store ABC
        return items, (int(counter()) if callable(counter) else None)

    items, total = await state.run(query)
    return page(request, items, total, limit, offset)


@router.get("/documents/{doc_id:path}", dependencies=[Depends(require_read_key)],
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
