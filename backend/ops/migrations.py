"""`portico migrate` from several replicas at once, and `portico migrate --check`.

Every replica may run `portico migrate` on start (or a Kubernetes Job may race a rolling
deploy): on PostgreSQL a session-level advisory lock lets one of them migrate while the
others wait, then find nothing left to do. SQLite has one writer per file anyway.
"""

from __future__ import annotations

import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise import Tortoise
from tortoise.context import TortoiseContext

from backend import migrations as migrations_package
from backend.core import db
from backend.core.config import get_settings

# Any constant both sides agree on: "portico-migrate" as a 63-bit number.
ADVISORY_LOCK_KEY = 0x706F727469636F


def known_migrations() -> set[str]:
    """The migrations this code ships (module names in `backend/migrations/`)."""
    return {m.name for m in pkgutil.iter_modules(migrations_package.__path__) if m.name[:4].isdigit()}


async def applied_migrations(connection_name: str = "default") -> set[str]:
    """What the database says was applied (Tortoise's `tortoise_migrations` table); empty when none."""
    conn = Tortoise.get_connection(connection_name)
    try:
        _, rows = await conn.execute_query("SELECT name FROM tortoise_migrations WHERE app = 'models'")
    except Exception:  # no table: nothing was ever migrated
        return set()
    return {row["name"] for row in rows}


async def pending_migrations(connection_name: str = "default") -> list[str]:
    return sorted(known_migrations() - await applied_migrations(connection_name))


@asynccontextmanager
async def _migration_lock(url: str) -> AsyncIterator[None]:
    if not url.startswith(("postgres://", "postgresql://")):
        yield
        return
    import asyncpg

    conn = await asyncpg.connect("postgresql://" + url.split("://", 1)[1].split("?")[0])
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", ADVISORY_LOCK_KEY)
        yield
    finally:
        try:
            await conn.execute("SELECT pg_advisory_unlock($1)", ADVISORY_LOCK_KEY)
        finally:
            await conn.close()


async def migrate(database_url: str | None = None) -> None:
    """Apply migrations, one replica at a time."""
    url = db.normalise_url(database_url or get_settings().database_url)
    async with _migration_lock(url):
        await db.migrate(url)


async def check(database_url: str | None = None) -> list[str]:
    """Migrations not yet applied to the database (empty: current)."""
    url = db.normalise_url(database_url or get_settings().database_url)
    async with TortoiseContext() as ctx:
        await ctx.init(config=db.tortoise_config(url))
        try:
            return await pending_migrations()
        finally:
            await ctx.close_connections()
