"""The API's named errors, mapped to HTTP responses in one place (:func:`install`).

Routes raise these (never bare ``HTTPException``); every error answers ``{"detail": ...}``.
Anything else that escapes a route is logged and answered 500 ``{"detail": "internal error"}``
(with the security headers): internals never reach the client."""
from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .middleware import HttpMiddleware, StartTracker

log = logging.getLogger("polybius.api")


class ApiError(Exception):
    """Base of the API's errors: an HTTP status, a detail for the client, optional headers."""

    status = 400
    headers: dict[str, str] | None = None  # sent with every error of the class

    def __init__(self, detail: Any, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or self.headers


def _error(name: str, status: int, headers: dict[str, str] | None = None) -> type[ApiError]:
    return type(name, (ApiError,), {"status": status, "headers": headers, "__module__": __name__,
                                    "__doc__": f"An API error answered with HTTP {status}."})


BadRequest = _error("BadRequest", 400)
Unauthorized = _error("Unauthorized", 401, {"WWW-Authenticate": "Bearer"})
Forbidden = _error("Forbidden", 403)
NotFound = _error("NotFound", 404)
Conflict = _error("Conflict", 409)
TooLarge = _error("TooLarge", 413)
Unprocessable = _error("Unprocessable", 422)
TooManyRequests = _error("TooManyRequests", 429, {"Retry-After": "1"})


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: a lone surrogate echoed from a request body
    (``"\\ud800"``) cannot be encoded as UTF-8, but it can be escaped."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


class InternalErrorMiddleware(HttpMiddleware):
    """The innermost middleware: an exception no handler took becomes 500 ``internal error``
    (logged with its cause), answered inside the other middleware, so it carries the security
    headers like every other response."""

    async def handle(self, scope, receive, send):
        tracked = StartTracker(send)
        try:
            await self.app(scope, receive, tracked.send)
        except Exception:  # never leak internals
            log.exception("error serving %s %s", scope.get("method"), scope.get("path"))
            if tracked.started:
                raise
            await JSONResponse({"detail": "internal error"}, status_code=500)(scope, receive, send)


def install(app: FastAPI) -> None:
    """Map :class:`ApiError` to its status, invalid requests to 422 with the reasons, and every
    other exception to a clean 500 (add this before any other middleware: it must be innermost)."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return AsciiJSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    app.add_middleware(InternalErrorMiddleware)
