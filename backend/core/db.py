"""Database configuration, migrations and connection lifecycle (Tortoise ORM)."""

from __future__ import annotations

import functools
from typing import Any

from tortoise import Tortoise
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as tortoise_migrate

from backend.core.config import get_settings

MODEL_MODULES = [
    "backend.accounts.models",
    "backend.auth.models",
    "backend.invitations.models",
    "backend.audit.models",
    "backend.core.mail.models",
    "backend.core.sms.models",
    "backend.families.models",
    "backend.seats.models",
    "backend.learning.models",
    "backend.activity.models",
    "backend.enterprise.models",
    "backend.members.models",
    "backend.students.models",
]


def normalise_url(url: str) -> str:
    """Accept the common `postgresql://` spelling as well as Tortoise's `postgres://`."""
    if url.startswith("postgresql://"):
        return "postgres://" + url[len("postgresql://") :]
    return url


@functools.cache
def _pooled_connection_class() -> type:
    import asyncpg

    class PooledConnection(asyncpg.Connection):  # type: ignore[misc]
        """A pooled PostgreSQL connection released without asyncpg's reset statement
        (`pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`): that is one more round
        trip after every query outside a transaction, and Portico leaves nothing for it to
        undo: no SET, LISTEN, session advisory lock (the migration lock has its own connection)
        or cursor outside a transaction. asyncpg still rolls back an open transaction."""

        def get_reset_query(self) -> str:
            return ""

    return PooledConnection


def _connection(url: str) -> str | dict[str, Any]:
    if not url.startswith("postgres://"):
        return url
    config = expand_db_url(url)
    config["credentials"]["connection_class"] = _pooled_connection_class()
    return config


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    """The Tortoise config dict for a database URL (the configured one by default)."""
    url = normalise_url(database_url or get_settings().database_url)
    return {
        "connections": {"default": _connection(url)},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "backend.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # `tortoise` CLI reads TORTOISE_ORM lazily, so settings are resolved at use time.
    if name == "TORTOISE_ORM":
        return tortoise_config()
    raise AttributeError(name)


async def migrate(database_url: str | None = None) -> None:
    """Apply every migration. SQLite runs with foreign keys off during the migration:
    a table rebuild would otherwise cascade-delete child rows (see shared/notes/tortoise.md)."""
    url = normalise_url(database_url or get_settings().database_url)
    if url.startswith("sqlite") and "foreign_keys" not in url:
        url += ("&" if "?" in url else "?") + "foreign_keys=OFF"
    async with TortoiseContext():
        try:
            await tortoise_migrate(config=tortoise_config(url))
            if url.startswith("sqlite"):
                conn = Tortoise.get_connection("default")
                _, broken = await conn.execute_query("PRAGMA foreign_key_check")
                if broken:
                    raise RuntimeError(f"foreign key check failed after migration: {broken[:5]}")
        finally:
            await Tortoise.close_connections()


async def init_db(database_url: str | None = None) -> None:
    """Open connections for serving (global fallback so request handlers see them)."""
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def pending_model_changes() -> list[str]:
    """Names of migrations `makemigrations` would write now: empty when models and
    migrations agree (checked by the test suite)."""
    from tortoise.migrations.autodetector import MigrationAutodetector

    config = tortoise_config("sqlite://:memory:")
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        assert ctx.apps is not None
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
        await ctx.close_connections()
    return [w.name for w in writers]
