"""Probes: `/healthz` says the process answers, `/readyz` says it can do its job.

Readiness: the database answers, every migration this code ships is applied, and Redis
answers when one is configured. While draining, not ready. A failing dependency is named
in the body; the probe itself never raises.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise import Tortoise

from backend.core import lifecycle
from backend.core.config import get_settings
from backend.ops.migrations import pending_migrations

log = logging.getLogger("portico.health")
_migrations_current = False  # once true it stays true for this code


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def _database() -> str:
    try:
        await Tortoise.get_connection("default").execute_query("SELECT 1")
    except Exception as exc:
        log.warning("readiness: database unreachable: %s", exc)
        return "unreachable"
    return "ok"


async def _migrations() -> str:
    global _migrations_current
    if _migrations_current:
        return "ok"
    pending = await pending_migrations()
    if pending:
        return f"pending: {', '.join(pending)}"
    _migrations_current = True
    return "ok"


async def _redis() -> str | None:
    url = get_settings().redis_url
    if not url:
        return None
    from redis.asyncio import Redis

    client = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        await client.ping()  # type: ignore[misc]
    except Exception as exc:
        log.warning("readiness: redis unreachable: %s", exc)
        return "unreachable"
    finally:
        await client.aclose()
    return "ok"


async def readyz(request: Request) -> JSONResponse:
    checks: dict[str, str] = {"database": await _database()}
    if checks["database"] == "ok":
        checks["migrations"] = await _migrations()
    redis = await _redis()
    if redis is not None:
        checks["redis"] = redis
    if lifecycle.is_draining():
        checks["process"] = "draining"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"status": "ok" if ready else "unavailable", **checks}, status_code=200 if ready else 503)
