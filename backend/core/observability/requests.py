"""One line per request, request ids, request metrics, and 503 while draining.

The ASGI middleware owns the request: it picks the request id (a sane `X-Request-ID` from
the balancer, or a new one), times it, answers 503 while draining, and writes the one log
line. The Strawberry extension fills in what only GraphQL knows: the operation name, who
asked, for which account, and how it went.
"""

from __future__ import annotations

import contextvars
import logging
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import structlog
from strawberry.extensions import SchemaExtension

from backend.core import lifecycle
from backend.core.observability import metrics

_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
QUIET_PATHS = {"/healthz", "/readyz", "/metrics"}
RETRY_AFTER_SECONDS = "2"


@dataclass
class RequestInfo:
    request_id: str
    operation: str
    outcome: str = "ok"
    user_id: int | None = None
    account_id: str | None = None
    refusals: list[str] = field(default_factory=list)


current: contextvars.ContextVar[RequestInfo | None] = contextvars.ContextVar("portico_request", default=None)


def note_refusal(code: str) -> None:
    """An expected business refusal went into a payload (called by `MutationError.of`)."""
    info = current.get()
    if info is not None:
        info.refusals.append(code)


class ObservabilityMiddleware:
    """Pure ASGI, so streaming responses and lifespan pass through untouched."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # A signed token in the path (a report download link) is a credential: never logged, never a label.
        path = _SIGNED_TOKEN.sub("/{token}", scope.get("path", ""))
        if lifecycle.is_draining() and path != "/healthz":
            await _unavailable(send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        info = RequestInfo(request_id=given if _SANE_ID.match(given) else secrets.token_hex(8), operation=_route(path))
        token = current.set(info)
        structlog.contextvars.bind_contextvars(request_id=info.request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", info.request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            current.reset(token)
            structlog.contextvars.unbind_contextvars("request_id")
            _finish(info, path, status, elapsed)


_SIGNED_TOKEN = re.compile(r"/[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}(?=/|$)")


def _route(path: str) -> str:
    """A bounded label for non-GraphQL routes (ids are not labels)."""
    if path == "/graphql":
        return "graphql"
    return re.sub(r"/\d+", "/{id}", path) or "/"


def _finish(info: RequestInfo, path: str, status: int, elapsed: float) -> None:
    if status == 404 and info.operation != "graphql" and not info.operation.startswith(("/reports/", "/sso/")):
        info.operation = "not_found"  # a scanner's made-up paths must not become labels
    if status >= 500 and info.outcome == "ok":
        info.outcome = "server_error"
    elif status >= 400 and info.outcome == "ok":
        info.outcome = f"http_{status}"
    metrics.REQUESTS.labels(info.operation, info.outcome).inc()
    metrics.LATENCY.labels(info.operation).observe(elapsed)
    level = logging.DEBUG if path in QUIET_PATHS else logging.INFO
    structlog.stdlib.get_logger("portico.request").log(
        level, "request", request_id=info.request_id, path=path, operation=info.operation, status=status,
        outcome=info.outcome, user_id=info.user_id, account_id=info.account_id, duration_ms=round(elapsed * 1000, 1),
    )


async def _unavailable(send: Any) -> None:
    await send({
        "type": "http.response.start", "status": 503,
        "headers": [(b"content-type", b"application/json"), (b"retry-after", RETRY_AFTER_SECONDS.encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": b'{"status":"draining"}'})


_MAX_OPERATION_LABELS = 200
_seen_operations: set[str] = set()


def _operation_label(name: str | None, fields: list[str]) -> str:
    """The client's operation name (or the root fields), bounded: a client inventing names
    cannot grow the metric without end."""
    label = (name or "+".join(fields) or "anonymous")[:64]
    label = re.sub(r"[^A-Za-z0-9_+]", "_", label)
    if label not in _seen_operations and len(_seen_operations) >= _MAX_OPERATION_LABELS:
        return "other"
    _seen_operations.add(label)
    return label


class RequestObserver(SchemaExtension):
    """Tells the request line what the GraphQL operation was and how it went."""

    def on_operation(self):  # type: ignore[no-untyped-def]
        yield
        info = current.get()
        if info is None:
            return
        ec = self.execution_context
        fields = _root_fields(ec)
        info.operation = _operation_label(ec.operation_name, fields)
        variables = ec.variables or {}
        if variables.get("accountId") is not None:
            info.account_id = str(variables["accountId"])
        signed_in = getattr(ec.context, "_signed_in", None)
        info.user_id = getattr(getattr(signed_in, "user", None), "id", None)
        scope = getattr(signed_in, "account_scope", None)
        if scope is not None and info.account_id is None:
            info.account_id = str(scope)
        result = ec.result
        if result is None:
            return
        if result.errors:
            extensions = result.errors[0].extensions or {}
            info.outcome = str(extensions.get("code") or "error").lower()
        else:
            codes = info.refusals or _payload_codes(result.data or {})
            info.outcome = "refused" if codes else "ok"
            if fields == ["login"]:
                metrics.login(codes[0].lower() if codes else "ok")


def _root_fields(ec: Any) -> list[str]:
    document = ec.graphql_document
    if document is None:
        return []
    names: list[str] = []
    for definition in document.definitions:
        selection_set = getattr(definition, "selection_set", None)
        if selection_set is None or getattr(definition, "operation", None) is None:
            continue
        names += [s.name.value for s in selection_set.selections if hasattr(s, "name")]
    return sorted(names)


def _payload_codes(data: dict[str, Any]) -> list[str]:
    """Codes from the mutation payloads' `errors` (expected business refusals)."""
    codes: list[str] = []
    for value in data.values():
        if isinstance(value, dict):
            for error in value.get("errors") or []:
                if isinstance(error, dict) and error.get("code"):
                    codes.append(str(error["code"]))
    return codes
