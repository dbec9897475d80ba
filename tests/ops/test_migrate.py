"""`portico migrate` from several replicas at once, and `portico migrate --check`."""

import asyncio
import subprocess

import pytest

from backend.ops.migrations import known_migrations
from tests.conftest import TEST_DB
from tests.ops.helpers import fresh_database, portico


async def _applied(url: str) -> list[str]:
    from tortoise.context import TortoiseContext

    from backend.core import db

    async with TortoiseContext() as ctx:
        await ctx.init(config=db.tortoise_config(url))
        _, rows = await ctx.connections.get("default").execute_query("SELECT name FROM tortoise_migrations ORDER BY name")
        await ctx.close_connections()
    return [r["name"] for r in rows]


async def test_check_says_pending_until_migrated() -> None:
    async with fresh_database() as url:
        before = portico("migrate", "--check", database_url=url)
        assert before.returncode == 1
        assert "pending migrations" in before.stdout and "0001_initial" in before.stdout
        assert portico("migrate", database_url=url).returncode == 0
        after = portico("migrate", "--check", database_url=url)
        assert (after.returncode, after.stdout.strip().endswith("is current")) == (0, True)
        assert await _applied(url) == sorted(known_migrations())


@pytest.mark.skipif(TEST_DB != "postgres", reason="several replicas share PostgreSQL")
async def test_three_replicas_migrating_at_once_apply_each_migration_once() -> None:
    async with fresh_database() as url:
        procs = [portico("migrate", database_url=url, background=True) for _ in range(3)]
        codes = await asyncio.gather(*(asyncio.to_thread(p.wait, 120) for p in procs if isinstance(p, subprocess.Popen)))
        assert codes == [0, 0, 0]
        assert await _applied(url) == sorted(known_migrations())
