"""`GET /metrics` for Prometheus, never public: it needs `Authorization: Bearer $METRICS_TOKEN`
and answers 404 when no token is configured. Processes without an HTTP API (mail workers)
can expose theirs on a separate port (`METRICS_PORT`) that no Service or Ingress publishes."""

from __future__ import annotations

import hmac

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from backend.core.config import get_settings
from backend.core.observability import metrics


async def metrics_endpoint(request: Request) -> Response:
    token = get_settings().metrics_token
    if not token:
        return PlainTextResponse("Not Found", status_code=404)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        return PlainTextResponse("Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"})
    return Response(await metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


def start_metrics_port(port: int) -> None:
    """Serve this process's counters on `port` (a thread; for `portico mail-worker`)."""
    from prometheus_client import start_http_server

    from backend.core.observability.metrics import _process_registry

    start_http_server(port, addr="0.0.0.0", registry=_process_registry())
