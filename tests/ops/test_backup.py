"""Backup and restore as the README documents it: `pg_dump -Fc`, then `pg_restore` into a
fresh database, and everything is there: accounts, people, seats, queued email."""

import shutil
import subprocess

import pytest

from backend.accounts.models import Account, User
from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.seats.models import SeatHolder
from tests.conftest import DATABASE_URL, TEST_DB, Api, _tmp
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for
from tests.ops.helpers import fresh_database, portico

pytestmark = [
    pytest.mark.committed,
    pytest.mark.skipif(TEST_DB != "postgres" or not shutil.which("pg_restore"), reason="pg_dump/pg_restore on PostgreSQL"),
]
INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["queued.one@example.com", "queued.two@example.com"]}) {
  invitedCount } }"""


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def _snapshot(conn) -> dict[str, list]:  # type: ignore[no-untyped-def]
    return {
        "accounts": [r["name"] for r in await conn.fetch("SELECT name FROM accounts ORDER BY id")],
        "people": [r["email"] for r in await conn.fetch("SELECT email FROM users ORDER BY id")],
        "seats": [tuple(r) for r in await conn.fetch("SELECT subscription_id, user_id, seat_status FROM seat_holders ORDER BY id")],
        "queued": [r["to_email"] for r in await conn.fetch("SELECT to_email FROM outbox_emails WHERE status = 'pending' ORDER BY id")],
    }


async def test_a_dump_restored_into_a_fresh_database_has_everything(api: Api) -> None:
    import asyncpg

    admin = await make_user("backup.admin@example.com")
    account = await make_account("Backed-up Gym", admin=admin)
    sub = await make_subscription(account, admin, seats=3)
    for first in ("Ann", "Bob"):
        await make_seat_user(sub, first=first)
    assert (await api.as_(await token_for(admin))(INVITE, {"a": str(account.id)}))["inviteUsers"]["invitedCount"] == 2
    assert await OutboxEmail.filter(status=OutboxStatus.PENDING).count() == 2

    dump = _tmp / "portico.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _libpq(DATABASE_URL)], check=True, timeout=120)
    async with fresh_database() as restored_url:
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={_libpq(restored_url)}", str(dump)],
                       check=True, timeout=120)
        source, restored = await asyncpg.connect(_libpq(DATABASE_URL)), await asyncpg.connect(_libpq(restored_url))
        try:
            before, after = await _snapshot(source), await _snapshot(restored)
        finally:
            await source.close()
            await restored.close()
        assert after == before
        assert after["accounts"] == ["Backed-up Gym"]
        assert after["queued"] == ["queued.one@example.com", "queued.two@example.com"]
        assert "backup.admin@example.com" in after["people"]
        assert (len(after["people"]), len(after["seats"])) == (await User.all().count(), await SeatHolder.all().count())
        assert len(after["seats"]) >= 2 and await Account.all().count() == 1
        check = portico("migrate", "--check", database_url=restored_url)
        assert check.returncode == 0, check.stdout
