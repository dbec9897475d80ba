"""Handing out initial credentials: a one-time password by SMS or printed on paper (the
invitation e-mail is `invites.py`). One outcome per person; each person's change is all or nothing.

A one-time password is random, shown once (in the SMS or on the paper), stored only as the
argon2id hash of the user's password; issuing another replaces the hash, so the previous
one stops working, and ends that person's sessions. Until they choose their own password,
`OneTimePassword` marks them, and the student home refuses them.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import timedelta

from tortoise.transactions import in_transaction

from backend.accounts.models import Account, User, UserStatus
from backend.audit import service as audit
from backend.auth import service as auth
from backend.core import ratelimit
from backend.core.config import get_settings
from backend.core.errors import DomainError
from backend.core.security import hash_random_secret, utcnow
from backend.core.sms import service as sms
from backend.core.sms.models import OutboxSms
from backend.families.models import FamilyMember, MemberStatus
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationStatus
from backend.students import policy
from backend.students.errors import SignInErrorCode as Code
from backend.students.errors import SignInRefusal
from backend.students.models import (
    CredentialChannel,
    GuardianSignIn,
    OneTimePassword,
    SignInStatus,
    StudentSignIn,
    StudentSignInSettings,
)
from backend.students.people import Person, load, parse_ref, policy_of, require_staff

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed by children
ONE_TIME_PASSWORD_DAYS = 14


def new_one_time_password() -> str:
    """12 characters from 31 (about 59 bits), grouped for reading: `abcd-efgh-jkmn`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass(frozen=True)
class Outcome:
    ref: str
    name: str
    sent: bool
    username: str | None = None
    code: Code | None = None
    message: str = ""
    one_time_password: str | None = None  # only for the paper report, never returned by the API


def skip(ref: str, name: str, r: SignInRefusal) -> Outcome:
    return Outcome(ref=ref, name=name, sent=False, code=r.code, message=r.message)


async def _username_free(username: str, user: User | None, owners: dict[str, int] | None) -> None:
    """`owners` (address -> user id, looked up once for a batch) saves a query per person."""
    if owners is not None:
        taken = owners.get(username) not in (None, user.id if user else None)
    else:
        query = User.filter(email=username)
        taken = await (query.exclude(id=user.id) if user is not None else query).exists()
    if taken:
        raise SignInRefusal(Code.USERNAME_TAKEN, f"{username} is already someone else's sign-in.", "username")


async def username_owners(people: list[Person], settings: StudentSignInSettings | None) -> dict[str, int]:
    """Who already signs in with each student's policy username, in one query."""
    candidates = set()
    for p in people:
        try:
            candidates.add(policy.username(p.sign_in, settings))
        except SignInRefusal:
            pass
    if not candidates:
        return {}
    return dict(await User.filter(email__in=sorted(candidates)).values_list("email", "id"))  # type: ignore[arg-type]


async def student_username(p: Person, settings: StudentSignInSettings | None, owners: dict[str, int] | None = None) -> str:
    if p.user is not None and p.user.status != UserStatus.ACTIVE:
        raise SignInRefusal(Code.DISABLED, "This sign-in is disabled.")
    if p.sign_in is not None and p.sign_in.status == SignInStatus.ACTIVE:
        raise SignInRefusal(Code.ALREADY_ACTIVE, "The student already signs in with their own password.")
    username = policy.username(p.sign_in, settings)
    await _username_free(username, p.user, owners)
    return username


def guardian_username(p: Person) -> str:
    m = p.member
    assert m is not None
    if m.status == MemberStatus.REVOKED or (p.user is not None and p.user.status != UserStatus.ACTIVE):
        raise SignInRefusal(Code.DISABLED, "This guardian's access was revoked or disabled.")
    if p.user is None:
        raise SignInRefusal(Code.NO_SIGN_IN_YET, "This guardian has no sign-in yet: the family invitation creates it.")
    if p.signed_in_before:
        raise SignInRefusal(Code.ALREADY_ACTIVE, "This guardian has already signed in.")
    return p.user.email


def prepare_one_time_password() -> tuple[str, str]:
    """A fresh one-time password and its argon2id hash (light parameters: the password is
    random, see `hash_random_secret`; still CPU work, call in a thread)."""
    otp = new_one_time_password()
    return otp, hash_random_secret(otp)


async def issue_one_time_password(
    p: Person, *, username: str, channel: CredentialChannel, actor: User, account: Account,
    prepared: tuple[str, str] | None = None,
) -> str:
    """Give the person a fresh one-time password (caller owns the transaction)."""
    if prepared is None:
        prepared = await asyncio.to_thread(prepare_one_time_password)  # argon2id off the event loop
    otp, hashed = prepared
    now = utcnow()
    user = p.user
    if p.student is not None:
        s = p.student
        if user is None:
            user = await User.create(email=username, first_name=s.first_name, last_name=s.last_name, password_hash=hashed)
        else:
            await User.filter(id=user.id).update(email=username, password_hash=hashed)
        sign_in = p.sign_in or await StudentSignIn.create(student=s)
        if sign_in.invitation_id and (inv := await Invitation.get(id=sign_in.invitation_id)).status == InvitationStatus.PENDING:  # type: ignore[attr-defined]
            await invitations.revoke(invitation=inv, actor=actor)
        await StudentSignIn.filter(id=sign_in.id).update(
            user_id=user.id, status=SignInStatus.CREDENTIALS_SENT, credentials_channel=channel, credentials_sent_at=now
        )
    else:
        assert user is not None and p.member is not None
        await User.filter(id=user.id).update(password_hash=hashed)
        contact, _ = await GuardianSignIn.get_or_create(family_member_id=p.member.id)
        await GuardianSignIn.filter(id=contact.id).update(credentials_channel=channel, credentials_sent_at=now)
    await OneTimePassword.filter(user_id=user.id).delete()
    await OneTimePassword.create(user_id=user.id, channel=channel, issued_at=now, expires_at=now + timedelta(days=ONE_TIME_PASSWORD_DAYS))
    await auth.end_all_sessions(user_id=user.id, reason="one_time_password_issued")
    await audit.record(
        action=f"credentials.{channel.value}", actor_id=actor.id, account_id=account.id, target_user_id=user.id, person=p.ref
    )
    return otp


def sms_body(*, account: Account, username: str, otp: str) -> str:
    return (
        f"{account.name}: your Portico sign-in. Username: {username} One-time password: {otp} "
        f"Sign in at {get_settings().public_url}/sign-in and choose your own password."
    )


def _phone(p: Person) -> str:
    phone = p.sign_in.phone if p.sign_in else p.guardian_sign_in.phone if p.guardian_sign_in else None
    if not phone:
        raise SignInRefusal(Code.NO_PHONE, "No mobile phone number on record.", "phone")
    return phone


def dedupe(refs: list[str]) -> list[str]:
    if len(set(refs)) > get_settings().max_invites_per_call:
        raise SignInRefusal(Code.TOO_MANY, f"Choose at most {get_settings().max_invites_per_call} people at once.", "people")
    return list(dict.fromkeys(str(r) for r in refs))


async def _rate(*, actor: User, phone: str) -> None:
    """The invitation limits apply to texts too: per sender and per phone number."""
    limit = get_settings().rate_limit_invitations
    try:
        await ratelimit.hit(limit, "sms-by", str(actor.id))
        await ratelimit.hit(limit, "sms-to", phone)
    except DomainError as exc:
        raise SignInRefusal(Code.RATE_LIMITED, exc.message) from exc


async def sms_initial_credentials(*, actor: User, account_id: int, refs: list[str]) -> list[Outcome]:
    """Username and a fresh one-time password by SMS, per person; queued with the change."""
    account = await require_staff(actor=actor, account_id=account_id)
    refs = dedupe(refs)
    settings, people = await policy_of(account_id), await load(account_id=account_id, refs=refs)
    outcomes = []
    async with in_transaction():
        for ref in refs:
            p = people.get(ref)
            if p is None:
                outcomes.append(skip(ref, "", SignInRefusal(Code.NOT_FOUND, "No such student or guardian in this account.")))
                continue
            try:
                username = await student_username(p, settings) if p.student else guardian_username(p)
                phone = _phone(p)
                await _rate(actor=actor, phone=phone)
                async with in_transaction():
                    otp = await issue_one_time_password(p, username=username, channel=CredentialChannel.SMS, actor=actor, account=account)
                    await sms.enqueue(to_phone=phone, body=sms_body(account=account, username=username, otp=otp), purpose="credentials", ref=ref)
                outcomes.append(Outcome(ref=ref, name=p.name, sent=True, username=username))
            except SignInRefusal as r:
                outcomes.append(skip(ref, p.name, r))
    return outcomes


async def sms_failed(row: OutboxSms) -> None:
    """The gateway refused a credentials text for good (a bad number, ...): the one-time
    password it carried is voided and the person reads as before it was sent; the list shows
    the gateway's reason. Nothing happens when a newer text replaced it or the password was
    already changed."""
    parsed = parse_ref(row.ref)
    if parsed is None or await OutboxSms.filter(ref=row.ref, id__gt=row.id).exists():
        return
    kind, ref_id = parsed
    sign_in = await StudentSignIn.get_or_none(student_id=ref_id) if kind == "student" else None
    member = await FamilyMember.get_or_none(id=ref_id) if kind == "guardian" else None
    user_id = sign_in.user_id if sign_in else member.user_id if member else None  # type: ignore[attr-defined]
    if user_id is None or not await OneTimePassword.exists(user_id=user_id, channel=CredentialChannel.SMS):
        return
    await OneTimePassword.filter(user_id=user_id).delete()
    await User.filter(id=user_id).update(password_hash=None)
    if sign_in is not None:
        await StudentSignIn.filter(id=sign_in.id, status=SignInStatus.CREDENTIALS_SENT).update(status=SignInStatus.NO_LOGIN)
    await audit.record(action="credentials.sms_failed", actor_id=None, target_user_id=user_id, person=row.ref, reason=row.last_error)


sms.on_failure("credentials", sms_failed)
