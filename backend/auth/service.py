"""Signing in and out, refresh-token rotation, password change and reset."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.functions import Max
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import User, UserStatus
from backend.audit import service as audit
from backend.auth.models import PasswordResetToken, RefreshToken, Session
from backend.core import ratelimit
from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode
from backend.core.mail import service as mail
from backend.core.passwords import validate_password
from backend.core.security import (
    create_access_token,
    hash_password,
    new_token,
    token_hash,
    utcnow,
    verify_password,
)

SignInHook = Callable[[User], Awaitable[None]]
_sign_in_hooks: list[SignInHook] = []
ResetWithoutAccount = Callable[[str], Awaitable[None]]
_reset_without_account: list[ResetWithoutAccount] = []


def on_sign_in(hook: SignInHook) -> None:
    """Called by a domain at import: what else a sign-in means there (a login on a seat).
    Runs inside the sign-in's transaction."""
    _sign_in_hooks.append(hook)


def on_reset_without_account(hook: ResetWithoutAccount) -> None:
    """Called by a domain at import: what a reset request for an address with no account
    may do instead (send a fresh invitation). Same neutral answer either way."""
    _reset_without_account.append(hook)


async def _signed_in(user: User) -> None:
    for hook in _sign_in_hooks:
        await hook(user)


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


async def _issue(*, user: User, session: Session) -> Tokens:
    s = get_settings()
    refresh = new_token()
    await RefreshToken.create(
        session=session, token_hash=token_hash(refresh), expires_at=utcnow() + timedelta(days=s.refresh_token_days)
    )
    access = create_access_token(user_id=user.id, session_id=session.id)
    return Tokens(access_token=access, refresh_token=refresh, expires_in=s.access_token_minutes * 60, user=user)


async def login(*, email: str, password: str, ip: str) -> Tokens:
    s = get_settings()
    await ratelimit.hit(s.rate_limit_login, "login-ip", ip)
    await ratelimit.hit(s.rate_limit_login, "login-email", email.strip())
    user = await accounts.get_by_email(email=email)
    if not verify_password(password, user.password_hash if user else None) or user is None:
        raise DomainError(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.")
    if user.status != UserStatus.ACTIVE:
        raise DomainError(ErrorCode.ACCOUNT_DISABLED, "This sign-in has been disabled.")
    async with in_transaction():
        session = await Session.create(id=uuid.uuid4(), user=user)
        await _signed_in(user)
        return await _issue(user=user, session=session)


async def start_session(*, user: User, counts_as_sign_in: bool = False) -> Tokens:
    """Sign a person in without a password (right after accepting an invitation, or by SSO).
    `counts_as_sign_in`: the person signed in themselves, so domains record a login."""
    session = await Session.create(id=uuid.uuid4(), user=user)
    if counts_as_sign_in:
        await _signed_in(user)
    return await _issue(user=user, session=session)


async def refresh(*, refresh_token: str) -> Tokens:
    """Rotate: the presented token is spent and a new one issued. Presenting a spent token
    again means it leaked, so the whole chain (session) is revoked."""
    row = await RefreshToken.get_or_none(token_hash=token_hash(refresh_token)).select_related(
        "session", "session__user"
    )
    if row is None or row.session.revoked_at is not None:
        raise DomainError(ErrorCode.TOKEN_INVALID, "Sign in again.")
    if row.expires_at < utcnow():
        raise DomainError(ErrorCode.TOKEN_EXPIRED, "Sign in again.")
    user = row.session.user
    if user.status != UserStatus.ACTIVE:
        raise DomainError(ErrorCode.ACCOUNT_DISABLED, "This sign-in has been disabled.")
    async with in_transaction():
        if await RefreshToken.filter(id=row.id, used_at__isnull=True).update(used_at=utcnow()):
            return await _issue(user=user, session=row.session)
    # Committed on its own: the revocation must stand although the call fails.
    await _revoke_sessions(Session.filter(id=row.session_id), reason="refresh_reuse")
    raise DomainError(ErrorCode.TOKEN_USED, "This sign-in was ended for safety. Sign in again.")


async def _revoke_sessions(query: object, *, reason: str) -> int:
    return await query.filter(revoked_at__isnull=True).update(revoked_at=utcnow(), revoked_reason=reason)  # type: ignore[attr-defined]


async def logout(*, session_id: uuid.UUID) -> None:
    await _revoke_sessions(Session.filter(id=session_id), reason="logout")


async def end_all_sessions(*, user_id: int, reason: str, keep: uuid.UUID | None = None) -> int:
    query = Session.filter(user_id=user_id)
    if keep is not None:
        query = query.exclude(id=keep)
    return await _revoke_sessions(query, reason=reason)


async def change_password(*, user: User, current: str, new: str, session_id: uuid.UUID | None) -> None:
    if not verify_password(current, user.password_hash):
        raise DomainError(ErrorCode.WRONG_PASSWORD, "Your current password is not right.", "currentPassword")
    validate_password(new, field="newPassword", email=user.email)
    async with in_transaction():
        await User.filter(id=user.id).update(password_hash=hash_password(new))
        await end_all_sessions(user_id=user.id, reason="password_changed", keep=session_id)
        await audit.record(action="password.changed", actor_id=user.id, target_user_id=user.id)
        await mail.enqueue(
            template="password_changed",
            to_email=user.email,
            to_name=user.full_name,
            first_name=user.first_name or "there",
            link=mail.link("/forgot-password"),
        )


async def send_reset_link(*, user: User, actor_id: int | None) -> None:
    """Queue a single-use reset link (15 minutes by default). Caller owns the transaction."""
    s = get_settings()
    token = new_token()
    await PasswordResetToken.create(
        user=user, token_hash=token_hash(token), expires_at=utcnow() + timedelta(minutes=s.password_reset_minutes)
    )
    await audit.record(action="password.reset_requested", actor_id=actor_id, target_user_id=user.id)
    await mail.enqueue(
        template="password_reset",
        to_email=user.email,
        to_name=user.full_name,
        first_name=user.first_name or "there",
        link=mail.link("/reset-password", token=token),
        minutes=str(s.password_reset_minutes),
    )


async def request_password_reset(*, email: str, ip: str) -> None:
    """Same answer whether or not the email exists."""
    s = get_settings()
    await ratelimit.hit(s.rate_limit_password_reset, "reset-ip", ip)
    await ratelimit.hit(s.rate_limit_password_reset, "reset-email", email.strip())
    user = await accounts.get_by_email(email=email)
    if user is None:
        try:
            address = accounts.normalise_email(email)
        except DomainError:
            return
        for hook in _reset_without_account:
            await hook(address)
        return
    if user.status != UserStatus.ACTIVE:
        return
    async with in_transaction():
        await send_reset_link(user=user, actor_id=None)


async def reset_link_problem(*, token: str) -> ErrorCode | None:
    """Why a reset link cannot be used (TOKEN_INVALID, TOKEN_USED, TOKEN_EXPIRED), or None.
    Lets the page refuse a dead link when it opens rather than after typing a password."""
    row = await PasswordResetToken.get_or_none(token_hash=token_hash(token))
    if row is None:
        return ErrorCode.TOKEN_INVALID
    if row.used_at is not None:
        return ErrorCode.TOKEN_USED
    if row.expires_at < utcnow():
        return ErrorCode.TOKEN_EXPIRED
    return None


async def reset_password(*, token: str, password: str) -> User:
    async with in_transaction():
        row = await PasswordResetToken.get_or_none(token_hash=token_hash(token)).select_related("user")
        if row is None:
            raise DomainError(ErrorCode.TOKEN_INVALID, "This reset link is not valid.", "token")
        if row.used_at is not None:
            raise DomainError(ErrorCode.TOKEN_USED, "This reset link was already used.", "token")
        if row.expires_at < utcnow():
            raise DomainError(ErrorCode.TOKEN_EXPIRED, "This reset link has expired. Ask for a new one.", "token")
        validate_password(password, email=row.user.email)
        if not await PasswordResetToken.filter(id=row.id, used_at__isnull=True).update(used_at=utcnow()):
            raise DomainError(ErrorCode.TOKEN_USED, "This reset link was already used.", "token")
        await User.filter(id=row.user_id).update(password_hash=hash_password(password))
        await end_all_sessions(user_id=row.user_id, reason="password_reset")
        await audit.record(action="password.reset", actor_id=row.user_id, target_user_id=row.user_id)
        return row.user


async def last_sign_ins(user_ids: list[int]) -> dict[int, datetime]:
    """Each person's latest sign-in (session start), in one grouped query."""
    if not user_ids:
        return {}
    rows = await Session.filter(user_id__in=user_ids).annotate(last=Max("created_at")).group_by("user_id").values_list("user_id", "last")
    return {uid: _aware(last) for uid, last in rows if last is not None}


def _aware(value: object) -> datetime:
    """MAX() over a datetime comes back as text on SQLite."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(timezone.utc)
