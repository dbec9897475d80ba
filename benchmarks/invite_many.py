"""10,000 invitations: time from starting an invitation job until every email is in the outbox.

    .venv/bin/python -m benchmarks.invite_many [--rows 10000] [--database postgres://postgres@127.0.0.1:5432/postgres]

Creates a throw-away database (PostgreSQL when `--database` names a server, else SQLite),
migrates it, starts a job of `rows` addresses through the real GraphQL API and runs the
job worker to the end. Prints rows, seconds, statements and the invitations and emails
written. Goal: 10,000 in at most 10 s on PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path


async def _create_pg(server: str) -> str:
    import asyncpg

    name = f"bench_portico_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(server.replace("postgres://", "postgresql://"))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return server.rsplit("/", 1)[0] + "/" + name


async def _drop_pg(server: str, url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(server.replace("postgres://", "postgresql://"))
    await conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    await conn.close()


async def main(rows: int, server: str | None) -> dict[str, float]:
    url = await _create_pg(server) if server else f"sqlite://{Path(tempfile.mkdtemp(prefix='portico-bench-')) / 'bench.sqlite3'}"
    os.environ.update(DATABASE_URL=url, MAIL_WORKER="off", JOB_WORKER="off", PORTICO_ENV="development")
    os.environ["INVITATION_DAILY_QUOTA"] = str(max(rows, 10_000))
    from httpx import ASGITransport, AsyncClient
    from tortoise.log import db_client_logger

    from backend.accounts import service as accounts
    from backend.accounts.models import User
    from backend.app import create_app
    from backend.auth import service as auth
    from backend.core import db
    from backend.core.mail.models import OutboxEmail
    from backend.invitations.models import Invitation
    from backend.members import jobs

    await db.migrate(url)
    await db.init_db(url)
    try:
        admin = await User.create(email="admin@bench.test", first_name="Bench", last_name="Admin")
        account = await accounts.create_account(name="Bench", creator=admin)
        token = (await auth.start_session(user=admin)).access_token
        text = "email,first_name,last_name\n" + "\n".join(f"p{i}@bench-example.com,First{i},Last{i}" for i in range(rows))
        start = "mutation S($a: ID!, $l: String!) { startInvitationJob(accountId: $a, input: {list: $l}) { job { id } errors { code } } }"

        class Counter(logging.Handler):
            count = 0

            def emit(self, record: logging.LogRecord) -> None:
                self.count += 1

        counter = Counter(level=logging.DEBUG)
        db_client_logger.addHandler(counter)
        db_client_logger.setLevel(logging.DEBUG)
        began = time.perf_counter()
        async with AsyncClient(transport=ASGITransport(app=create_app(manage_db=False)), base_url="http://bench") as client:
            response = await client.post("/graphql", json={"query": start, "variables": {"a": str(account.id), "l": text}},
                                         headers={"Authorization": f"Bearer {token}"})
            assert response.json()["data"]["startInvitationJob"]["errors"] == [], response.text
        await jobs.run_pending()
        seconds = time.perf_counter() - began
        db_client_logger.removeHandler(counter)
        return {
            "rows": rows, "seconds": round(seconds, 2), "statements": counter.count,
            "invitations": await Invitation.all().count(), "emails_in_outbox": await OutboxEmail.all().count(),
        }
    finally:
        await db.close_db()
        if server:
            await _drop_pg(server, url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", default=None, help="a PostgreSQL server URL (postgres://user@host:5432/postgres)")
    args = parser.parse_args()
    for key, value in asyncio.run(main(args.rows, args.database)).items():
        print(f"{key:>18}: {value}")
