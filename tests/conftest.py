"""Test harness: a real database (SQLite or PostgreSQL, built by the real migrations),
a real SMTP server (aiosmtpd) and the real ASGI app over httpx.

Choose the database with PORTICO_TEST_DB=sqlite|postgres (default sqlite). Each test runs
inside a transaction that is rolled back; tests marked `committed` write for real (for
concurrency) and the tables are emptied afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

TEST_DB = os.environ.get("PORTICO_TEST_DB", "sqlite")
PG_ADMIN_DSN = os.environ.get("PORTICO_TEST_PG", "postgres://postgres@127.0.0.1:5432/postgres")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SMTP_PORT = _free_port()
SMS_PORT = _free_port()
_tmp = Path(tempfile.mkdtemp(prefix="portico-test-"))
if TEST_DB == "postgres":
    DB_NAME = f"test_portico_{uuid.uuid4().hex[:12]}"
    DATABASE_URL = PG_ADMIN_DSN.rsplit("/", 1)[0] + "/" + DB_NAME
else:
    DATABASE_URL = f"sqlite://{_tmp / 'test.sqlite3'}"

# Settings are read from the environment, once: set it before anything imports backend.
os.environ.update(
    PORTICO_ENV="development",
    DATABASE_URL=DATABASE_URL,
    SMTP_HOST="127.0.0.1",
    SMTP_PORT=str(SMTP_PORT),
    SMTP_STARTTLS="false",
    MAIL_FROM="Portico Test <no-reply@portico.test>",
    MAIL_WORKER="off",
    SMS_WORKER="off",
    SMS_PROVIDER="twilio",
    SMS_API_URL=f"http://127.0.0.1:{SMS_PORT}",
    TWILIO_ACCOUNT_SID="AC" + "0" * 30 + "11",
    TWILIO_AUTH_TOKEN="test-auth-token-0123456789abcdef",
    SMS_FROM="+15005550006",
    PUBLIC_URL="http://portal.test",
    SECRET_KEY="test-secret-key-that-is-long-enough-123",
)
os.environ.pop("REDIS_URL", None)

from aiosmtpd.controller import Controller  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402
from tortoise import Tortoise  # noqa: E402
from tortoise.transactions import in_transaction  # noqa: E402

from backend.core import db, ratelimit  # noqa: E402
from backend.core.config import get_settings  # noqa: E402

get_settings.cache_clear()


# ---------------------------------------------------------------- database


async def _create_pg_database() -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN.replace("postgres://", "postgresql://"))
    await conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    await conn.close()


async def _drop_pg_database() -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN.replace("postgres://", "postgresql://"))
    await conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    await conn.close()


@pytest.fixture(scope="session", autouse=True)
async def database() -> AsyncIterator[str]:
    if TEST_DB == "postgres":
        await _create_pg_database()
    await db.migrate(DATABASE_URL)
    await db.init_db(DATABASE_URL)
    yield DATABASE_URL
    await db.close_db()
    if TEST_DB == "postgres":
        await _drop_pg_database()


class _Rollback(Exception):
    pass


def _tables() -> list[str]:
    return sorted(m._meta.db_table for m in Tortoise.apps.get_models_iterable())  # type: ignore[union-attr]


async def truncate_all() -> None:
    conn = Tortoise.get_connection("default")
    if TEST_DB == "postgres":
        await conn.execute_script(f"TRUNCATE {', '.join(_tables())} RESTART IDENTITY CASCADE")
    else:
        await conn.execute_script("PRAGMA foreign_keys=OFF")
        for table in _tables():
            await conn.execute_script(f"DELETE FROM {table}")
        await conn.execute_script("PRAGMA foreign_keys=ON")


@pytest.fixture(autouse=True)
async def clean_db(request: pytest.FixtureRequest, database: str) -> AsyncIterator[None]:
    """Every test starts on an empty database and leaves it empty."""
    await ratelimit.reset()
    if request.node.get_closest_marker("committed"):
        try:
            yield
        finally:
            await truncate_all()
        return
    try:
        async with in_transaction():
            yield
            raise _Rollback
    except _Rollback:
        pass


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Change settings for one test: `settings_env(RATE_LIMIT_LOGIN="2/minute")`."""

    def apply(**values: str) -> None:
        for key, value in values.items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()


class QueryCounter(logging.Handler):
    """Counts SQL statements Tortoise sends while active (`with count_queries() as q: ...; q.count`)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append(record.getMessage())

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries() -> Any:
    from tortoise.log import db_client_logger

    @contextlib.contextmanager
    def counting() -> Iterator[QueryCounter]:
        handler, level = QueryCounter(), db_client_logger.level
        db_client_logger.addHandler(handler)
        db_client_logger.setLevel(logging.DEBUG)
        try:
            yield handler
        finally:
            db_client_logger.removeHandler(handler)
            db_client_logger.setLevel(level)

    return counting


# ---------------------------------------------------------------- logs

LOG_FILE = _tmp / "suite.log"
# Secrets the suite used (passwords sent, tokens received or mailed, addresses), and more
# log files to scan (servers the tests start write theirs here). Checked at the end.
SECRETS: set[str] = set()
EXTRA_LOGS: list[Path] = []
_SECRET_KEYS = ("password", "token", "code", "secret")


def remember_secrets(value: Any, key: str = "") -> None:
    """Note every string under a secret-sounding key, and every email address, in `value`."""
    if isinstance(value, dict):
        for k, v in value.items():
            remember_secrets(v, str(k))
    elif isinstance(value, (list, tuple)):
        for v in value:
            remember_secrets(v, key)
    elif isinstance(value, str) and len(value) >= 8 and not re.fullmatch(r"[A-Z_]+", value):
        if any(word in key.lower() for word in _SECRET_KEYS) or ("@" in value and "." in value.split("@")[-1]):
            SECRETS.add(value)


@pytest.fixture(scope="session", autouse=True)
def suite_log() -> Iterator[Path]:
    """Every log record of the whole run, formatted as production formats it, in one file;
    at the end no secret the suite used may appear in it (or in the servers' logs)."""
    from backend.core.observability.logging import configure_logging, formatter
    from tests.factories import PASSWORD

    configure_logging()
    handler = logging.FileHandler(LOG_FILE)
    handler.setLevel(logging.INFO)
    handler.setFormatter(formatter())
    logging.getLogger().addHandler(handler)
    SECRETS.add(PASSWORD)
    yield LOG_FILE
    logging.getLogger().removeHandler(handler)
    handler.close()
    leaks = []
    for path in [LOG_FILE, *EXTRA_LOGS]:
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            found = [s for s in SECRETS if s in line]
            if found:
                leaks.append(f"{path.name}:{number}: {found[0][:12]}... in {line[:200]}")
    assert not leaks, "secrets in the logs:\n" + "\n".join(leaks[:20])


# ---------------------------------------------------------------- mail


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        msg["X-Envelope-To"] = ",".join(envelope.rcpt_tos)
        remember_secrets(list(envelope.rcpt_tos), "email")
        SECRETS.update(re.findall(r"[?&](?:token|code)=([\w-]{16,})", envelope.content.decode("utf-8", "replace")))
        self.messages.append(msg)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[_Inbox]:
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield inbox
    controller.stop()


class Mailbox:
    """What the test SMTP server received; `await mailbox.deliver()` runs the outbox worker."""

    def __init__(self, inbox: _Inbox) -> None:
        self._inbox = inbox

    async def deliver(self) -> list[EmailMessage]:
        from backend.core.mail import worker

        await worker.deliver_pending()
        await asyncio.sleep(0.05)
        return self.messages

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self._inbox.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self._inbox.messages if address.lower() in m["X-Envelope-To"].lower()]

    def clear(self) -> None:
        self._inbox.messages.clear()


@pytest.fixture
def mailbox(smtp_server: _Inbox) -> Iterator[Mailbox]:
    smtp_server.messages.clear()
    yield Mailbox(smtp_server)
    smtp_server.messages.clear()


def body_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


# ---------------------------------------------------------------- SMS


@pytest.fixture(scope="session")
def sms_server() -> Iterator[Any]:
    from tests.sms_gateway import start

    gateway, server = start(SMS_PORT)
    yield gateway
    server.shutdown()


class SmsInbox:
    """What the local Twilio-compatible gateway received; `await sms.deliver()` runs the SMS worker."""

    def __init__(self, gateway: Any) -> None:
        self.gateway = gateway

    async def deliver(self) -> list[Any]:
        from backend.core.sms import worker

        await worker.deliver_pending(limit=100)
        return list(self.gateway.messages)

    @property
    def messages(self) -> list[Any]:
        return list(self.gateway.messages)


@pytest.fixture
def sms(sms_server: Any) -> Iterator[SmsInbox]:
    sms_server.reset()
    yield SmsInbox(sms_server)
    sms_server.reset()


# ---------------------------------------------------------------- API


class Api:
    """A GraphQL client over the real ASGI app, optionally signed in."""

    def __init__(self, client: AsyncClient, token: str | None = None) -> None:
        self.client = client
        self.token = token

    async def raw(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code == 200, response.text
        remember_secrets(variables or {})
        remember_secrets(response.json())
        return response.json()

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run a document that must not produce top-level errors; return `data`."""
        body = await self.raw(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]

    async def error_code(self, query: str, variables: dict[str, Any] | None = None) -> str:
        """Run a document that must be refused with a top-level error; return its code."""
        body = await self.raw(query, variables)
        assert body.get("errors"), body
        return body["errors"][0]["extensions"]["code"]

    def as_(self, token: str | None) -> "Api":
        return Api(self.client, token)


@pytest.fixture
async def http() -> AsyncIterator[AsyncClient]:
    from backend.app import create_app

    async with AsyncClient(transport=ASGITransport(app=create_app(manage_db=False)), base_url="http://api.test") as client:
        yield client


@pytest.fixture
def api(http: AsyncClient) -> Api:
    return Api(http)
