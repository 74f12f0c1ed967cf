"""The REST API and the web explorer, one FastAPI app over a :class:`~polybius.store.base.Store`.

    app = create_app(store=open_store("polybius.duckdb"), settings=load_settings())

Reads are open; writes (``POST /documents``) need an API key whose scrypt hash is in
``settings.api_key_hashes``.  Store calls are serialised by one lock (an embedded database
connection is not shared between threads).  Posted articles are coded by one pipeline, built
once per app, on one worker thread that parses concurrent posts together
(:class:`~polybius.api.coder.Coder`); a waiting post holds no server thread.

The routes live in :mod:`polybius.api.routes` (one router per resource), their errors in
:mod:`polybius.api.errors`; ``create_app`` only assembles them.
"""
from __future__ import annotations

from typing import Any, Callable

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..config import Settings, load_settings
from ..store.base import Store
from . import errors
from .convert import period_bounds, plain  # noqa: F401  (re-exported: earlier home of these helpers)
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .routes import ROUTERS
from .routes.web import WEB_DIR
from .state import AppState

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
Reads need no key (unless the server requires one: setting `api_read_requires_key`).
Writes need an API key in the `X-API-Key` header
(or `Authorization: Bearer <key>`); keys are stored as salted scrypt hashes
(`polybius api-key` makes one).  Request bodies are limited in size (413 beyond).

The web explorer is served by the same process at `/`."""


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
    errors.install(app)  # innermost: the 500s it makes pass through the middleware below
    app.add_middleware(BodyLimitMiddleware, max_bytes=body_limit)
    if settings.api_cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.api_cors_origins),
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["X-API-Key", "Authorization", "Content-Type"], expose_headers=["Location"])
    if list(settings.api_allowed_hosts) != ["*"]:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.api_allowed_hosts))
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: every answer carries the headers
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    return app
