"""Draining: how a process stops without dropping what it was doing.

On SIGTERM (Kubernetes, compose, `portico serve --workers` passing it on) the process
first *drains* for `SHUTDOWN_DRAIN_SECONDS`: `/readyz` answers 503 so the balancer stops
sending, new requests get 503 with `Retry-After` (nothing was done, so any client or
balancer may retry them elsewhere), requests already running finish. Then the server's own
graceful shutdown runs (uvicorn: stop listening, wait for in-flight, lifespan shutdown,
where workers release what they claimed).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

log = logging.getLogger("portico.lifecycle")
_draining = False


def is_draining() -> bool:
    return _draining


def start_draining() -> None:
    global _draining
    _draining = True


def reset() -> None:
    """Back to serving (tests)."""
    global _draining
    _draining = False


def install_drain_handler(seconds: float) -> None:
    """Wrap the server's SIGTERM/SIGINT handlers: drain first, then let the server stop.

    Call from the serving loop after the server installed its handlers (the app's lifespan
    start). A second signal while draining stops at once."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)
        if not callable(previous):
            continue

        def handler(signum: int, frame: Any, previous: Any = previous) -> None:
            if is_draining() or seconds <= 0:
                start_draining()
                previous(signum, frame)
                return
            start_draining()
            log.info("draining for %.1f s before shutting down", seconds)
            loop.call_soon_threadsafe(loop.call_later, seconds, previous, signum, None)

        signal.signal(sig, handler)
