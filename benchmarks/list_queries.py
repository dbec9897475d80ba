"""List queries: SQL statements and time for short vs long lists, as ratios.

    .venv/bin/python -m benchmarks.list_queries [--small 10] [--large 500]

Builds a throw-away SQLite database with the real migrations, fills one account with
`large` members and one person with `large` families, then runs `accountMembers` (its first
page of 100: a connection) and `myFamilies` (a whole list) through the real ASGI app for a short and a long list. The baseline,
measured in the same run, is the same request for the short list: a ratio of
statements of 1.0 means the cost in SQL does not grow with the list.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path


async def main(small: int, large: int, repeat: int) -> dict[str, dict[str, float]]:
    tmp = Path(tempfile.mkdtemp(prefix="portico-bench-"))
    os.environ.update(DATABASE_URL=f"sqlite://{tmp / 'bench.sqlite3'}", MAIL_WORKER="off", PORTICO_ENV="development")
    from httpx import ASGITransport, AsyncClient
    from tortoise.log import db_client_logger

    from backend.accounts import service as accounts
    from backend.accounts.models import MembershipRole, User
    from backend.app import create_app
    from backend.auth import service as auth
    from backend.core import db
    from backend.core.security import hash_password
    from backend.families import service as families
    from backend.families.models import FamilyMember, MemberRole, MemberStatus

    await db.migrate()
    await db.init_db()
    pw = hash_password("benchmark-password-1")
    results: dict[str, dict[str, float]] = {}

    async def setup(n: int) -> tuple[str, str, str]:
        admin = await User.create(email=f"admin{n}@bench.test", password_hash=pw)
        account = await accounts.create_account(name=f"Bench {n}", creator=admin)
        users = [User(email=f"u{n}-{i}@bench.test", password_hash=pw) for i in range(n)]
        await User.bulk_create(users)
        for u in await User.filter(email__startswith=f"u{n}-"):
            await accounts.add_member(account=account, user=u, role=MembershipRole.USER, actor_id=None)
        person = await User.create(email=f"person{n}@bench.test", password_hash=pw)
        for i in range(n):
            fam = await families.create_family(account=account, primary=admin, name=f"F{n}-{i}")
            await FamilyMember.create(family=fam, user=person, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE, email=person.email)
        admin_token = (await auth.start_session(user=admin)).access_token
        person_token = (await auth.start_session(user=person)).access_token
        return str(account.id), admin_token, person_token

    class Counter(logging.Handler):
        count = 0

        def emit(self, record: logging.LogRecord) -> None:
            Counter.count += 1

    counter = Counter(level=logging.DEBUG)
    db_client_logger.addHandler(counter)
    db_client_logger.setLevel(logging.DEBUG)
    async with AsyncClient(transport=ASGITransport(app=create_app(manage_db=False)), base_url="http://bench") as client:
        cases = {}
        for n in (small, large):
            cases[n] = await setup(n)
        for name, query in {
            "accountMembers": "query($a: ID!) { accountMembers(accountId: $a, first: 100) { totalCount nodes { user { email } membership { role } } } }",
            "myFamilies": "{ myFamilies { name role isActive } }",
        }.items():
            stats = {}
            for n, (account_id, admin_token, person_token) in cases.items():
                token = admin_token if name == "accountMembers" else person_token
                timings, statements = [], 0
                for _ in range(repeat):
                    Counter.count = 0
                    start = time.perf_counter()
                    r = await client.post("/graphql", json={"query": query, "variables": {"a": account_id}},
                                          headers={"Authorization": f"Bearer {token}"})
                    timings.append(time.perf_counter() - start)
                    assert r.status_code == 200 and not r.json().get("errors"), r.text
                    statements = Counter.count
                stats[n] = (statistics.median(timings), statements)
            (t_small, q_small), (t_large, q_large) = stats[small], stats[large]
            results[name] = {
                f"statements_{small}": q_small, f"statements_{large}": q_large,
                "statements_ratio": q_large / q_small,
                f"ms_{small}": round(t_small * 1000, 2), f"ms_{large}": round(t_large * 1000, 2),
                "time_ratio": round(t_large / t_small, 2), "rows_ratio": large / small,
            }
    await db.close_db()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--large", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for name, row in asyncio.run(main(args.small, args.large, args.repeat)).items():
        print(f"{name:16s} " + "  ".join(f"{k}={v}" for k, v in row.items()))
