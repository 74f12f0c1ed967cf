"""The API's named errors, mapped to HTTP responses in one place (:func:`install`).

Routes raise these (never bare ``HTTPException``); every error answers ``{"detail": ...}``.
Anything else that escapes a route is logged and answered 500 ``{"detail": "internal error"}``:
internals never reach the client."""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

log = logging.getLogger("polybius.api")


class ApiError(Exception):
    """Base of the API's errors: an HTTP status, a detail for the client, optional headers."""

    status = 400

    def __init__(self, detail: Any, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = headers


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401

    def __init__(self, detail: Any):
        super().__init__(detail, {"WWW-Authenticate": "Bearer"})


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    status = 409


class TooLarge(ApiError):
    status = 413


class Unprocessable(ApiError):
    status = 422


class TooManyRequests(ApiError):
    status = 429

    def __init__(self, detail: Any):
        super().__init__(detail, {"Retry-After": "1"})


def install(app: FastAPI) -> None:
    """Map :class:`ApiError` to its status and every other exception to a clean 500."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # never leak internals
        log.exception("error serving %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)
