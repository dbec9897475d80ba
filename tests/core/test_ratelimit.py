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


async def test_a_check_does_not_sweep_every_other_key() -> None:
    """limits' in-memory storage walked every key (a thread hop each) after each check:
    with 20,000 live keys, steady traffic burnt most of a core."""
    import asyncio
    import time

    from backend.core import ratelimit

    for i in range(20_000):
        await ratelimit.hit("10/minute", "login-ip", f"10.{i // 65536}.{i // 256 % 256}.{i % 256}")
    cpu, wall, n = time.process_time(), time.perf_counter(), 0
    while time.perf_counter() - wall < 1.0:
        n += 1
        await ratelimit.hit("10/minute", "login-ip", f"198.51.{n // 256 % 256}.{n % 256}")
        await asyncio.sleep(0.002)
    assert time.process_time() - cpu < 0.3  # about 0.05 s here; 0.8 s and more with the sweep
