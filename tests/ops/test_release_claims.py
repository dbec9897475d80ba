"""A stopping worker gives back the email it claimed but did not send, and nothing else."""

from datetime import timedelta

from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.security import utcnow
from backend.ops.server import release_claims


async def _row(to: str, **fields: object) -> OutboxEmail:
    return await OutboxEmail.create(template="invitation", to_email=to, subject="s", text_body="t", html_body="h",
                                    next_attempt_at=utcnow(), **fields)


async def test_only_my_unsent_claims_are_released() -> None:
    later = utcnow() + timedelta(minutes=2)
    mine = await _row("a@example.com", locked_by="host:1/a1b2", locked_until=later)
    theirs = await _row("b@example.com", locked_by="host:11/c3d4", locked_until=later)
    sent = await _row("c@example.com", locked_by="host:1/e5f6", locked_until=later, status=OutboxStatus.SENT)

    assert await release_claims("host:1") == 1

    mine, theirs, sent = [await OutboxEmail.get(id=r.id) for r in (mine, theirs, sent)]
    assert (mine.locked_by, mine.locked_until, mine.status) == (None, None, OutboxStatus.PENDING)
    assert (theirs.locked_by, sent.locked_by) == ("host:11/c3d4", "host:1/e5f6")
