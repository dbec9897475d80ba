"""Fresh, empty databases for the operator-command tests (PostgreSQL or SQLite file)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

from tests.conftest import PG_ADMIN_DSN, TEST_DB, _tmp


def _pg(dsn: str) -> str:
    return dsn.replace("postgres://", "postgresql://", 1)


@contextlib.asynccontextmanager
async def fresh_database() -> AsyncIterator[str]:
    """The URL of a new empty database, dropped afterwards."""
    if TEST_DB != "postgres":
        path = _tmp / f"fresh-{uuid.uuid4().hex[:8]}.sqlite3"
        yield f"sqlite://{path}"
        path.unlink(missing_ok=True)
        return
    import asyncpg

    name = f"test_portico_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_pg(PG_ADMIN_DSN))
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_DSN.rsplit("/", 1)[0] + "/" + name
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def portico(*args: str, database_url: str, env: dict[str, str] | None = None, log: Path | None = None,
            background: bool = False) -> subprocess.Popen | subprocess.CompletedProcess:
    """Run the real `portico` command line against `database_url`."""
    full_env = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
    cmd = [sys.executable, "-m", "backend.cli", *args]
    if background:
        return subprocess.Popen(cmd, env=full_env, stdout=subprocess.PIPE, stderr=log.open("a") if log else None, text=True)
    return subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=120)
