"""What the API process adds to itself in production: probe and metrics routes, the drain
handler, tracing when configured, and giving back claimed work when it stops."""

from __future__ import annotations

import logging

from starlette.routing import Route

from backend.core import lifecycle
from backend.core.config import Settings
from backend.ops.health import healthz, readyz
from backend.ops.metrics_route import metrics_endpoint

log = logging.getLogger("portico.server")


def routes() -> list[Route]:
    return [Route("/healthz", healthz), Route("/readyz", readyz), Route("/metrics", metrics_endpoint)]


def start(settings: Settings) -> None:
    """Called at the start of the app's lifespan, inside the serving loop."""
    lifecycle.install_drain_handler(settings.drain_seconds)
    if settings.otel_endpoint:
        from backend.core.observability import tracing

        tracing.configure(settings)


async def release_claims(worker_id: str | None = None) -> int:
    """Give back the emails this process claimed but did not send, so another worker sends
    them now rather than after the claim expires."""
    from backend.core.mail import claims, worker

    try:
        released = await claims.release(worker_id or worker.WORKER_ID)
    except Exception:  # stopping anyway: the claim expires by itself
        log.warning("could not release claimed mail", exc_info=True)
        return 0
    if released:
        log.info("released %s claimed email(s)", released)
    return released
