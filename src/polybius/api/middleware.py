"""ASGI middleware: body size limit and security headers (no dependency beyond Starlette)."""
from __future__ import annotations

import json

from starlette.exceptions import HTTPException

# The explorer is self-contained: scripts, styles and data come from this server only, and
# nothing from an article can run (no inline script, no eval, no plugins, no framing).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class _TooLarge(HTTPException):
    """Raised from ``receive``: routes re-raise HTTPExceptions, so the client gets 413."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body over the limit of {limit:,} bytes")


def _json_response(status: int, detail: str):
    body = json.dumps({"detail": detail}).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                         (b"connection", b"close"), *SECURITY_HEADERS]}
    return start, {"type": "http.response.body", "body": body}


class HttpMiddleware:
    """ASGI middleware that acts on HTTP requests only (``handle``); anything else passes through."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope, receive, send):  # pragma: no cover - overridden
        await self.app(scope, receive, send)


class StartTracker:
    """Wraps an ASGI ``send``; ``started`` says whether the response has begun (after that, no
    other response can be sent in its place)."""

    def __init__(self, send):
        self._send = send
        self.started = False

    async def send(self, message):
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


class BodyLimitMiddleware:
    """Refuses request bodies over ``max_bytes`` with 413, whether announced by
    Content-Length or streamed in chunks, before the body reaches a route."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        detail = f"request body over the limit of {limit:,} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > limit
                except ValueError:
                    too_big = False
                if too_big:
                    start, body = _json_response(413, detail)
                    await send(start)
                    await send(body)
                    return
        received = 0
        tracked = StartTracker(send)

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge(limit)
            return message

        try:
            await self.app(scope, limited_receive, tracked.send)
        except _TooLarge:
            if not tracked.started:
                start, body = _json_response(413, detail)
                await send(start)
                await send(body)


class SecurityHeadersMiddleware(HttpMiddleware):
    async def handle(self, scope, receive, send):
        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
