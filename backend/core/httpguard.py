"""The HTTP edge: bounded request bodies, well-formed GraphQL requests, security headers.

* A body over `MAX_REQUEST_BYTES` is refused (413) before it is read whole: by its
  `Content-Length` at once, or while streaming once the count passes the limit.
* `POST /graphql` must carry a JSON object with a string `query` (or, for a persisted
  query, `extensions.persistedQuery` and no query), an object (or null)
  `variables` and `extensions`, and a string (or null) `operationName`; anything else
  (`5`, `"x"`, `null`, malformed JSON) is a 400 with a GraphQL error `BAD_USER_INPUT`.
* Every response gets `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
  `X-Frame-Options: DENY`, a strict CSP (not on the development GraphiQL page), and
  HSTS when the request came over TLS (directly or through a trusted proxy).
"""

from __future__ import annotations

import json

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.clientaddr import is_trusted_proxy
from backend.core.config import get_settings

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
BASE_HEADERS = [
    (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class _TooLarge(Exception):
    pass


def _error(status: int, message: str, code: str = "BAD_USER_INPUT") -> tuple[int, bytes]:
    return status, json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()


def graphql_body_problem(body: bytes) -> str | None:
    """Why a GraphQL POST body is not a request we can run, or None."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "The request body is not valid JSON."
    if not isinstance(data, dict):
        return "The request body must be a JSON object with a `query`."
    # A persisted query (APQ, backend.core.persisted) may come as its hash alone.
    persisted = isinstance(data.get("extensions"), dict) and "persistedQuery" in data["extensions"]
    kinds = {"query": (str, type(None)) if persisted else (str,), "operationName": (str, type(None)),
             "variables": (dict, type(None)), "extensions": (dict, type(None))}
    for key, allowed in kinds.items():
        if not isinstance(data.get(key), allowed):
            return f"`{key}` has the wrong type." if key in data else f"`{key}` is missing."
    return None


def _behind_tls(scope: Scope) -> bool:
    """Over TLS itself, or a trusted proxy says the client's connection was."""
    if scope.get("scheme") == "https":
        return True
    client = scope.get("client")
    forwarded = Headers(scope=scope).get("x-forwarded-proto", "").split(",")[-1].strip().lower()
    return forwarded == "https" and client is not None and is_trusted_proxy(str(client[0]))


class RequestGuard:
    """ASGI middleware: body limit, GraphQL body shape, security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope, send)
        limit = get_settings().max_request_bytes
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._reply(send, *_error(413, f"The request body is over {limit} bytes.", "REQUEST_TOO_LARGE"))
            return
        try:
            body, more = await self._read(receive, limit)
        except _TooLarge:
            await self._reply(send, *_error(413, f"The request body is over {limit} bytes.", "REQUEST_TOO_LARGE"))
            return
        if scope["method"] == "POST" and scope["path"].rstrip("/") == "/graphql":
            problem = graphql_body_problem(body)
            if problem:
                await self._reply(send, *_error(400, problem))
                return
        await self.app(scope, self._replay(body, more, receive), send)

    @staticmethod
    async def _read(receive: Receive, limit: int) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), True  # a disconnect: let the app see it
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body"):
                return b"".join(chunks), False

    @staticmethod
    def _replay(body: bytes, disconnected: bool, receive: Receive) -> Receive:
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    @staticmethod
    async def _reply(send: Send, status: int, body: bytes) -> None:
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _with_headers(scope: Scope, send: Send) -> Send:
        extra = list(BASE_HEADERS)
        graphiql = scope["method"] == "GET" and scope["path"].rstrip("/") == "/graphql" and get_settings().debug
        if not graphiql:
            extra.append((b"content-security-policy", CSP.encode()))
        if _behind_tls(scope):
            extra.append(HSTS)

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *[(k, v) for k, v in extra if k not in present]]}
            await send(message)

        return sending
