"""Rate limits (the maintained `limits` library), shared across processes with Redis."""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from limits import parse
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode
from backend.core.observability import metrics


@lru_cache(maxsize=1)
def _storage() -> Storage:
    url = get_settings().redis_url
    if url:
        scheme_url = url if url.startswith("async+") else f"async+{url}"
        return cast(Storage, storage_from_string(scheme_url, implementation="redispy", key_prefix="portico"))
    return MemoryStorage()


@lru_cache(maxsize=1)
def _limiter() -> MovingWindowRateLimiter:
    return MovingWindowRateLimiter(_storage())


async def hit(limit: str, scope: str, *keys: str) -> None:
    """Count one attempt against `limit` (e.g. "10/minute") for `scope` and keys;
    raise RATE_LIMITED once the limit is reached."""
    if not await _limiter().hit(parse(limit), scope, *[k.lower() for k in keys]):
        metrics.rate_limited(scope)
        raise DomainError(ErrorCode.RATE_LIMITED, "Too many attempts. Please wait a little and try again.")


async def reset() -> None:
    """Forget all counters (tests, and operators after an incident)."""
    await _storage().reset()
