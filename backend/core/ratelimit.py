"""Rate limits: a moving window per key, shared across processes with Redis.

With `REDIS_URL` the maintained `limits` library keeps the counters in Redis. Without
it, one process keeps them in memory here: `limits`' own in-memory storage sweeps every
key (a thread hop each) after every check, which with many keys (one per address and
email an attacker tries) burns most of a core. Here a check touches its own key only,
and expired keys are swept at most once a minute.
"""

from __future__ import annotations

import time
from collections import deque
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode
from backend.core.observability import metrics

if TYPE_CHECKING:  # `limits` (and its dependencies, ~4 MB) is loaded at the first check, not at start-up
    from limits import RateLimitItem
    from limits.aio.strategies import MovingWindowRateLimiter

SWEEP_SECONDS = 60.0


class LocalMovingWindow:
    """In-process moving windows: key -> times of the hits still inside the window."""

    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._windows: dict[str, float] = {}
        self._next_sweep = time.monotonic() + SWEEP_SECONDS

    def hit(self, item: RateLimitItem, *identifiers: str) -> bool:
        now = time.monotonic()
        key = item.key_for(*identifiers)
        window = float(item.get_expiry())
        hits = self._hits.setdefault(key, deque())
        self._windows[key] = window
        while hits and hits[0] <= now - window:
            hits.popleft()
        allowed = len(hits) < item.amount
        if allowed:
            hits.append(now)
        if now >= self._next_sweep:
            self._sweep(now)
        return allowed

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + SWEEP_SECONDS
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self._windows[k]]:
            del self._hits[key], self._windows[key]

    def __len__(self) -> int:
        return len(self._hits)

    def reset(self) -> None:
        self._hits.clear()
        self._windows.clear()


@lru_cache(maxsize=1)
def _redis() -> MovingWindowRateLimiter | None:
    url = get_settings().redis_url
    if not url:
        return None
    from limits.aio.storage import Storage
    from limits.aio.strategies import MovingWindowRateLimiter
    from limits.storage import storage_from_string

    scheme_url = url if url.startswith("async+") else f"async+{url}"
    storage = cast(Storage, storage_from_string(scheme_url, implementation="redispy", key_prefix="portico"))
    return MovingWindowRateLimiter(storage)


_local = LocalMovingWindow()


async def hit(limit: str, scope: str, *keys: str) -> None:
    """Count one attempt against `limit` (e.g. "10/minute") for `scope` and keys;
    raise RATE_LIMITED once the limit is reached."""
    from limits import parse

    item, identifiers = parse(limit), [scope, *[k.lower() for k in keys]]
    shared = _redis()
    allowed = await shared.hit(item, *identifiers) if shared else _local.hit(item, *identifiers)
    if not allowed:
        metrics.rate_limited(scope)
        raise DomainError(ErrorCode.RATE_LIMITED, "Too many attempts. Please wait a little and try again.")


async def reset() -> None:
    """Forget all counters (tests, and operators after an incident)."""
    shared = _redis()
    if shared is not None:
        await shared.storage.reset()
    _local.reset()
