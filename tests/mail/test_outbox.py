"""Mail: queued with the change that caused it, delivered over SMTP, retried, never dropped."""

import asyncio
import dataclasses

import pytest
from tortoise.transactions import in_transaction

from backend.core.config import get_settings
from backend.core.mail import service as mail
from backend.core.mail import worker
from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.security import utcnow
from tests.conftest import Mailbox, _free_port


async def _queue(n: int = 1, **context: str) -> None:
    for i in range(n):
        await mail.enqueue(
            template="password_reset", to_email=f"p{i}@example.com", to_name=context.get("name", "P"),
            first_name="P", link="http://portal.test/x", minutes="15",
        )


async def test_smtp_down_is_retried_with_backoff_and_nothing_is_lost(mailbox: Mailbox) -> None:
    await _queue()
    down = dataclasses.replace(get_settings(), smtp_port=_free_port(), smtp_timeout_seconds=2)
    assert await worker.deliver_pending(settings=down) == 0
    row = await OutboxEmail.get()
    assert row.status == OutboxStatus.PENDING and row.attempts == 1 and row.last_error
    assert (row.next_attempt_at - utcnow()).total_seconds() > 20  # backed off
    assert await worker.deliver_pending() == 0  # not due yet
    await OutboxEmail.all().update(next_attempt_at=utcnow())
    assert await worker.deliver_pending() == 1
    await asyncio.sleep(0.05)
    assert len(mailbox.messages) == 1
    row = await OutboxEmail.get()
    assert row.status == OutboxStatus.SENT and row.attempts == 2


def test_backoff_grows_and_is_capped() -> None:
    assert [worker.backoff_seconds(n) for n in (1, 2, 3)] == [30, 60, 120]
    assert worker.backoff_seconds(50) == 3600


async def test_mail_is_rolled_back_with_its_cause() -> None:
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await _queue()
            raise RuntimeError("the change failed")
    assert await OutboxEmail.all().count() == 0


async def test_no_header_injection_from_names(mailbox: Mailbox) -> None:
    await _queue(name="Eve\r\nBcc: victim@example.com")
    [msg] = await mailbox.deliver()
    assert msg["Bcc"] is None
    assert msg["X-Envelope-To"] == "p0@example.com"
    assert "\n" not in msg["To"]


async def test_templates_render_text_and_escaped_html() -> None:
    subject, text, page = mail.render(
        "invitation", first_name="<b>Ann</b>", inviter_name="Bo", target_name="Gym & Co", what="as User",
        link="http://portal.test/accept-invitation?token=abc", expires_at="2026-01-01 00:00",
    )
    assert subject == "Bo invited you to Gym & Co on Portico"
    assert "<b>Ann</b>" in text and "&lt;b&gt;Ann&lt;/b&gt;" in page and "Gym &amp; Co" in page


@pytest.mark.committed
async def test_two_workers_never_send_one_email_twice(mailbox: Mailbox) -> None:
    await _queue(12)
    sent = await asyncio.gather(*[worker.deliver_pending(worker_id=f"w{i}") for i in range(3)])
    assert sum(sent) == 12
    await asyncio.sleep(0.1)
    recipients = sorted(m["X-Envelope-To"] for m in mailbox.messages)
    assert recipients == sorted(f"p{i}@example.com" for i in range(12))
    assert await OutboxEmail.filter(status=OutboxStatus.SENT).count() == 12


async def test_links_come_from_public_url_not_the_request() -> None:
    assert mail.link("/reset-password", token="t") == "http://portal.test/reset-password?token=t"


def test_every_template_the_code_sends_exists_in_all_three_parts() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "backend"
    used = {m for p in root.rglob("*.py") for m in re.findall(r'template="(\w+)"', p.read_text())}
    assert {"invitation", "password_reset", "secondary_revoked", "family_created"} <= used
    for name in used:
        for part in (".subject.txt", ".txt", ".html"):
            assert (mail.TEMPLATES / f"{name}{part}").is_file(), f"{name}{part} missing"
