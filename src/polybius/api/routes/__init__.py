"""One router per resource; :func:`polybius.api.app.create_app` includes them all."""
from . import actors, aggregates, documents, events, meta, quotes, stances, web

ROUTERS = [documents.router, events.router, quotes.router, actors.router, aggregates.router, stances.router,
           meta.router, web.router]

__all__ = ["ROUTERS"]
