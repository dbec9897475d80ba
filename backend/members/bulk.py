"""Inviting many addresses at once, set-based: the same few SQL statements per chunk of up to
1,000 addresses, however many chunks.

Per chunk, in one transaction: lock the account row (so the daily quota and the "already
invited?" answer hold under concurrency), count today's invitations, look up members and
pending invitations for the whole chunk, then insert the invitations, their audit entries
and their emails in one statement each. The unique partial index on pending invitations is
the last word: if another writer still slipped one in, the chunk is retried once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, Membership, MembershipRole, User
from backend.audit.models import AuditEvent
from backend.core.config import get_settings
from backend.core.errors import DomainError
from backend.core.mail import service as mail
from backend.core.security import new_token, token_hash, utcnow
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus

CHUNK = 1000
KIND = InvitationKind.ACCOUNT_USER


class InviteOutcome(str, Enum):
    INVITED = "invited"
    ALREADY_MEMBER = "already_member"
    ALREADY_INVITED = "already_invited"
    PREVIOUSLY_INVITED = "previously_invited"
    DISPOSABLE_EMAIL = "disposable_email"
    INVALID_EMAIL = "invalid_email"
    DUPLICATE = "duplicate"
    RATE_LIMITED = "rate_limited"
    INVALID_ROLE = "invalid_role"


@dataclass(frozen=True)
class InviteRow:
    """One line of a list: an address, optionally a name and a role."""

    email: str
    first_name: str = ""
    last_name: str = ""
    role: MembershipRole = MembershipRole.USER


@dataclass(frozen=True)
class InviteResult:
    email: str
    outcome: InviteOutcome
    message: str
    invitation: Invitation | None = None


@dataclass
class _Candidate:
    index: int
    email: str
    row: InviteRow
    grants: dict[str, Any] = field(default_factory=dict)


def target_of(account_id: int) -> str:
    return f"account:{account_id}"


def _screen(rows: list[InviteRow], *, normalised: bool = False) -> tuple[dict[int, InviteResult], list[_Candidate]]:
    """Everything decidable without the database: syntax, duplicates, disposable domains.
    `normalised`: the addresses were validated and normalised before (a job's rows)."""
    answered: dict[int, InviteResult] = {}
    candidates: list[_Candidate] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        try:
            email = row.email if normalised else accounts.normalise_email(row.email)
        except DomainError as e:
            answered[i] = InviteResult(row.email.strip(), InviteOutcome.INVALID_EMAIL, e.message)
            continue
        if email in seen:
            answered[i] = InviteResult(email, InviteOutcome.DUPLICATE, "Listed more than once; invited once.")
        elif invitations.is_disposable(email):
            answered[i] = InviteResult(email, InviteOutcome.DISPOSABLE_EMAIL, "Disposable email addresses cannot be invited.")
        else:
            seen.add(email)
            candidates.append(_Candidate(i, email, row))
    return answered, candidates


async def invite_rows(
    *, account: Account, inviter: User | None, rows: list[InviteRow], grants_for: Any, normalised: bool = False
) -> list[InviteResult]:
    """Answer every row, in order. `grants_for(row)` says what accepting grants for that row."""
    answered, candidates = _screen(rows, normalised=normalised)
    for c in candidates:
        c.grants = grants_for(c.row)
    for start in range(0, len(candidates), CHUNK):
        answered.update(await _chunk_with_retry(account, inviter, candidates[start : start + CHUNK]))
    return [answered[i] for i in range(len(rows))]


async def _chunk_with_retry(account: Account, inviter: User | None, chunk: list[_Candidate]) -> dict[int, InviteResult]:
    try:
        return await _chunk(account, inviter, chunk)
    except IntegrityError:
        # A writer that does not take the account lock (none today) inserted one of ours first.
        return await _chunk(account, inviter, chunk)


def quota_message(quota: int) -> str:
    return f"This account has used its {quota:,} invitations for the last 24 hours; try again later."


async def _chunk(account: Account, inviter: User | None, chunk: list[_Candidate]) -> dict[int, InviteResult]:
    target, now, quota = target_of(account.id), utcnow(), get_settings().invitation_daily_quota
    emails = [c.email for c in chunk]
    async with in_transaction():
        await Account.select_for_update().filter(id=account.id).values_list("id", flat=True)
        used = await Invitation.filter(account_id=account.id, kind=KIND, created_at__gte=now - timedelta(days=1)).count()
        members = set(await Membership.filter(account_id=account.id, user__email__in=emails).values_list("user__email", flat=True))
        pending = {
            i.email: i for i in await Invitation.filter(target=target, kind=KIND, status=InvitationStatus.PENDING, email__in=emails)
        }
        answered, fresh = _classify(chunk, members, pending, room=max(0, quota - used), quota=quota)
        if fresh:
            answered.update(await _insert(account, inviter, fresh, now))
    return answered


def _classify(
    chunk: list[_Candidate], members: set[Any], pending: dict[str, Invitation], *, room: int, quota: int
) -> tuple[dict[int, InviteResult], list[_Candidate]]:
    answered: dict[int, InviteResult] = {}
    fresh: list[_Candidate] = []
    for c in chunk:
        earlier = pending.get(c.email)
        if c.email in members:
            answered[c.index] = InviteResult(c.email, InviteOutcome.ALREADY_MEMBER, "Already a member of this account.")
        elif earlier is not None and invitations.effective_status(earlier) == InvitationStatus.PENDING:
            answered[c.index] = InviteResult(
                c.email, InviteOutcome.ALREADY_INVITED, "Already invited; the invitation is pending.", earlier
            )
        elif earlier is not None:
            answered[c.index] = InviteResult(
                c.email, InviteOutcome.PREVIOUSLY_INVITED, "Invited before and the link expired: resend it.", earlier
            )
        elif len(fresh) >= room:
            answered[c.index] = InviteResult(c.email, InviteOutcome.RATE_LIMITED, quota_message(quota))
        else:
            fresh.append(c)
    return answered, fresh


async def _insert(account: Account, inviter: User | None, fresh: list[_Candidate], now: Any) -> dict[int, InviteResult]:
    expires = now + invitations.lifetime(KIND, account)
    tokens = [new_token() for _ in fresh]
    await Invitation.bulk_create([
        Invitation(
            kind=KIND, account_id=account.id, target=target_of(account.id), email=c.email,
            first_name=c.row.first_name.strip()[:100], last_name=c.row.last_name.strip()[:100], invited_by_id=inviter.id if inviter else None,
            grants=c.grants, token_hash=token_hash(t), expires_at=expires, target_name=account.name, summary=_what(c.grants),
            created_at=now, last_sent_at=now,
        )
        for c, t in zip(fresh, tokens, strict=True)
    ])
    by_hash = {i.token_hash: i for i in await Invitation.filter(token_hash__in=[token_hash(t) for t in tokens])}
    made = [by_hash[token_hash(t)] for t in tokens]
    await AuditEvent.bulk_create([
        AuditEvent(
            action=f"invitation.created.{KIND.value}", actor_id=inviter.id if inviter else None, account_id=account.id, target_email=i.email,
            detail={"target": i.target, "grants": i.grants, "invitation_id": i.id}, created_at=now,
        )
        for i in made
    ])
    inviter_name = (inviter.full_name or inviter.email) if inviter else account.name
    await mail.enqueue_many(template="invitation", messages=[
        {
            "to_email": i.email, "to_name": f"{i.first_name} {i.last_name}".strip(), "first_name": i.first_name or "there",
            "inviter_name": inviter_name, "target_name": i.target_name, "what": i.summary,
            "link": mail.link("/accept-invitation", token=t), "expires_at": i.expires_at.strftime("%Y-%m-%d %H:%M"),
        }
        for i, t in zip(made, tokens, strict=True)
    ])
    return {c.index: InviteResult(i.email, InviteOutcome.INVITED, "Invitation sent.", i) for c, i in zip(fresh, made, strict=True)}


def _what(grants: dict[str, Any]) -> str:
    return "as Admin" if grants["role"] == MembershipRole.ADMIN.value else "as User"
