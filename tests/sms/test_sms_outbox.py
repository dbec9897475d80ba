"""SMS: queued with its cause, sealed at rest, delivered to a Twilio-compatible gateway,
retried with backoff on 429/5xx, given up on other 4xx with the reason, never sent twice."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from tortoise.transactions import in_transaction

from backend.core.config import get_settings
from backend.core.security import utcnow
from backend.core.sms import service as sms_service
from backend.core.sms import worker
from backend.core.sms.models import OutboxSms, SmsStatus
from tests.conftest import SmsInbox, _free_port
from tests.sms_gateway import FROM

BODY = "Riverside: your code is abcd-efgh-jkmn"


async def _queue(n: int = 1, body: str = BODY) -> None:
    for i in range(n):
        await sms_service.enqueue(to_phone=f"+1415555{i:04d}", body=body, purpose="test", ref=f"t:{i}")


async def _make_due() -> None:
    await OutboxSms.all().update(next_attempt_at=utcnow())


async def test_a_queued_text_reaches_the_gateway_in_twilios_format(sms: SmsInbox) -> None:
    await _queue()
    row = await OutboxSms.get()
    assert "abcd-efgh-jkmn" not in row.body_sealed  # sealed at rest
    [received] = await sms.deliver()
    assert (received.to, received.sender, received.body) == ("+14155550000", FROM, BODY)
    row = await OutboxSms.get()
    assert row.status == SmsStatus.SENT and row.provider_sid == received.sid and row.attempts == 1
    assert row.body_sealed == ""  # wiped once delivered
    assert await sms.deliver() == [received]  # never sent again


async def test_429_and_500_are_retried_with_backoff_then_sent(sms: SmsInbox) -> None:
    await _queue()
    sms.gateway.answer_next(429, 500)
    assert await worker.deliver_pending() == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.PENDING and row.attempts == 1 and "429" in (row.last_error or "")
    assert (row.next_attempt_at - utcnow()).total_seconds() > 20
    assert await worker.deliver_pending() == 0  # not due yet: no request made
    assert sms.gateway.requests == 1
    await _make_due()
    assert await worker.deliver_pending() == 0
    row = await OutboxSms.get()
    assert row.attempts == 2 and "500" in (row.last_error or "") and (row.next_attempt_at - utcnow()).total_seconds() > 50
    await _make_due()
    assert await worker.deliver_pending() == 1
    assert [m.body for m in sms.messages] == [BODY]
    assert (await OutboxSms.get()).status == SmsStatus.SENT


async def test_a_400_is_given_up_with_the_reason_recorded(sms: SmsInbox) -> None:
    await _queue()
    sms.gateway.answer_next(400)
    assert await worker.deliver_pending() == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.FAILED and "400" in (row.last_error or "") and "21211" in (row.last_error or "")
    assert row.body_sealed == ""
    await _make_due()
    assert await worker.deliver_pending() == 0 and sms.gateway.requests == 1 and sms.messages == []


async def test_bad_credentials_are_refused_by_the_gateway_and_not_retried(sms: SmsInbox) -> None:
    await _queue()
    wrong = dataclasses.replace(get_settings(), twilio_auth_token="not-the-token")
    assert await worker.deliver_pending(settings=wrong) == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.FAILED and "401" in (row.last_error or "") and "Authenticate" in (row.last_error or "")


async def test_an_unreachable_gateway_is_retried(sms: SmsInbox) -> None:
    await _queue()
    down = dataclasses.replace(get_settings(), sms_api_url=f"http://127.0.0.1:{_free_port()}", sms_timeout_seconds=2)
    assert await worker.deliver_pending(settings=down) == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.PENDING and row.attempts == 1 and "unreachable" in (row.last_error or "")
    await _make_due()
    assert await worker.deliver_pending() == 1


async def test_after_the_last_attempt_it_fails_with_the_reason(sms: SmsInbox) -> None:
    await _queue()
    await OutboxSms.all().update(attempts=get_settings().sms_max_attempts - 1)
    sms.gateway.answer_next(503)
    assert await worker.deliver_pending() == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.FAILED and "503" in (row.last_error or "")


async def test_a_messaging_service_sender_is_sent_as_messaging_service_sid(sms: SmsInbox) -> None:
    await _queue()
    mg = dataclasses.replace(get_settings(), sms_from="MG" + "1" * 32)
    assert await worker.deliver_pending(settings=mg) == 1
    assert sms.messages[0].sender == "MG" + "1" * 32


async def test_a_text_is_rolled_back_with_its_cause() -> None:
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await _queue()
            raise RuntimeError("the change failed")
    assert await OutboxSms.all().count() == 0


async def test_a_message_left_in_flight_by_a_crashed_worker_is_not_sent_again(sms: SmsInbox) -> None:
    await _queue()
    await OutboxSms.all().update(status=SmsStatus.SENDING, locked_by="dead:1", locked_until=utcnow())
    await asyncio.sleep(0.01)
    assert await worker.deliver_pending() == 0
    row = await OutboxSms.get()
    assert row.status == SmsStatus.FAILED and "outcome unknown" in (row.last_error or "")
    assert sms.gateway.requests == 0


def test_backoff_grows_is_capped_and_honours_retry_after() -> None:
    assert [worker.backoff_seconds(n) for n in (1, 2, 3)] == [30, 60, 120]
    assert worker.backoff_seconds(50) == 3600
    assert worker.backoff_seconds(1, retry_after=600) == 600


@pytest.mark.committed
async def test_concurrent_workers_send_each_text_exactly_once(sms: SmsInbox) -> None:
    await _queue(12)
    sent = await asyncio.gather(*[worker.deliver_pending(limit=3, worker_id=f"w{i}") for i in range(4)])
    while await worker.deliver_pending(limit=3):
        pass
    assert sum(sent) <= 12
    assert sorted(m.to for m in sms.messages) == sorted(f"+1415555{i:04d}" for i in range(12))
    assert await OutboxSms.filter(status=SmsStatus.SENT).count() == 12


async def test_the_claim_locks_rows_with_skip_locked_on_postgres(sms: SmsInbox, count_queries: object) -> None:
    from tests.conftest import TEST_DB

    await _queue(2)
    with count_queries() as q:  # type: ignore[operator]
        stamp, rows = await worker.claim(limit=5, worker_id="w1")
    assert [r.locked_by for r in rows] == [stamp, stamp]
    select = next(s for s in q.statements if s.lstrip().upper().startswith("SELECT") and "outbox_sms" in s)
    if TEST_DB == "postgres":
        assert "FOR UPDATE SKIP LOCKED" in select.upper()
    # A second claim finds nothing: the rows are stamped until their lock expires.
    assert (await worker.claim(limit=5, worker_id="w2"))[1] == []
