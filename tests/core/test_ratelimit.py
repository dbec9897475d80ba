"""Rate limits are shared across processes when Redis is configured."""

import uuid

import pytest
from limits import parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

REDIS = "async+redis://127.0.0.1:6379/0"


async def test_two_processes_share_counters_through_redis() -> None:
    # Two storages stand for two API processes: each opens its own connection.
    first = storage_from_string(REDIS, implementation="redispy", key_prefix="portico-test")
    second = storage_from_string(REDIS, implementation="redispy", key_prefix="portico-test")
    try:
        if not await first.check():
            pytest.skip("no Redis on 127.0.0.1:6379")
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")
    limit, key = parse("3/minute"), uuid.uuid4().hex
    a, b = MovingWindowRateLimiter(first), MovingWindowRateLimiter(second)
    assert [await a.hit(limit, "login", key), await b.hit(limit, "login", key), await a.hit(limit, "login", key)] == [True] * 3
    assert await b.hit(limit, "login", key) is False
    await first.clear(key)
