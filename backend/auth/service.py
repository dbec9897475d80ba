"""Signing in and out, refresh-token rotation, password change and reset."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import User, UserStatus
from backend.audit import service as audit
from backend.auth.models import PasswordResetToken, RefreshToken, Session
from backend.core import identity, ratelimit, sql
from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode
from backend.core.mail import service as mail
from backend.core.passwords import validate_password
from backend.core.security import (
    AccessClaims,
    create_access_token,
    hash_password_async,
    new_token,
    token_hash,
    utcnow,
    verify_password_async,
)

SignInHook = Callable[[User], Awaitable[None]]
_sign_in_hooks: list[SignInHook] = []
ResetWithoutAccount = Callable[[str], Awaitable[None]]
_reset_without_account: list[ResetWithoutAccount] = []
PasswordRefusal = Callable[[int], Awaitable[DomainError | None]]
_password_refusals: list[PasswordRefusal] = []


def on_password_sign_in(check: PasswordRefusal) -> None:
    """Called by a domain at import: why a person's right password may still not sign them in
    (a one-time password past its expiry). Asked only once the password is verified, so a
    wrong guess learns nothing from it."""
    _password_refusals.append(check)


async def _password_refusal(user_id: int) -> DomainError | None:
    for check in _password_refusals:
        if (refusal := await check(user_id)) is not None:
            return refusal
    return None


def on_sign_in(hook: SignInHook) -> None:
    """Called by a domain at import: what else a sign-in means there (a login on a seat).
    Runs inside the sign-in's transaction."""
    _sign_in_hooks.append(hook)


def on_reset_without_account(hook: ResetWithoutAccount) -> None:
    """Called by a domain at import: what a reset request for an address with no account
    may do instead (send a fresh invitation). Same neutral answer either way."""
    _reset_without_account.append(hook)


async def _run_sign_in_hooks(user: User) -> None:
    for hook in _sign_in_hooks:
        await hook(user)


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


async def _issue(*, user: User, session: Session, claims: dict[str, Any] | None = None) -> Tokens:
    """`claims`: the token's claims when the caller read them already (login reads them while
    argon2 runs)."""
    s = get_settings()
    refresh = new_token()
    await RefreshToken.create(
        session=session, token_hash=token_hash(refresh), expires_at=utcnow() + timedelta(days=s.refresh_token_days)
    )
    scope = session.account_scope_id  # type: ignore[attr-defined]
    if claims is None:
        claims = await accounts.token_claims(user_id=user.id, account_id=scope)
    access = create_access_token(user_id=user.id, session_id=session.id, account_scope=scope, extra=claims)
    return Tokens(access_token=access, refresh_token=refresh, expires_in=s.access_token_minutes * 60, user=user)


async def _refuse_sso_only(user: User, field: str | None = None) -> None:
    """SSO_REQUIRED for a person who signs in through their group's provider (no password)."""
    provider = await identity.sso_provider_of(user.id)
    if provider is not None:
        raise DomainError(ErrorCode.SSO_REQUIRED, f"Sign in with {provider}: this sign-in has no password.", field)


async def _nothing() -> None:
    return None


async def login(*, email: str, password: str, ip: str) -> Tokens:
    s = get_settings()
    # Per client address, and per (client, email): guessing at one person from one place
    # is stopped without locking that person out everywhere else.
    await ratelimit.hit(s.rate_limit_login, "login-ip", ip)
    await ratelimit.hit(s.rate_limit_login, "login-client-email", ip, email.strip())
    user = await accounts.get_by_email(email=email)
    active = user is not None and user.status == UserStatus.ACTIVE
    # argon2 runs in a worker thread while the reads an active person needs (the refusals and
    # the access token's claims) run on the event loop; the refusals keep their order (SSO
    # first, then the password, then access). After it, only the writes are left.
    known = user is not None and active
    verified, provider, notice, claims, refusal = await asyncio.gather(
        verify_password_async(password, user.password_hash if user else None),
        identity.sso_provider_of(user.id) if known else _nothing(),  # type: ignore[union-attr]
        accounts.turned_off_notice(user_id=user.id) if known else _nothing(),  # type: ignore[union-attr]
        accounts.token_claims(user_id=user.id) if known else _nothing(),  # type: ignore[union-attr]
        _password_refusal(user.id) if known and _password_refusals else _nothing(),  # type: ignore[union-attr]
    )
    if provider is not None:
        raise DomainError(ErrorCode.SSO_REQUIRED, f"Sign in with {provider}: this sign-in has no password.", "email")
    if not verified or user is None:
        raise DomainError(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.")
    if user.status != UserStatus.ACTIVE:
        raise DomainError(ErrorCode.ACCOUNT_DISABLED, "This sign-in has been disabled.")
    if notice:
        raise DomainError(ErrorCode.ACCESS_TURNED_OFF, notice)
    if refusal is not None:
        raise refusal
    async with in_transaction():
        session = await Session.create(id=uuid.uuid4(), user=user)
        await _run_sign_in_hooks(user)
        return await _issue(user=user, session=session, claims=claims)


async def start_session(
    *, user: User, account_scope: int | None = None, acting_user_id: int | None = None, counts_as_sign_in: bool = False
) -> Tokens:
    """Sign a person in without a password (after accepting an invitation, after SSO). With
    `account_scope`: an act-as session for that one account, started by `acting_user_id`.
    `counts_as_sign_in`: the person signed in themselves, so domains record a login."""
    session = await Session.create(id=uuid.uuid4(), user=user, account_scope_id=account_scope, acting_user_id=acting_user_id)
    if counts_as_sign_in:
        await _run_sign_in_hooks(user)
    return await _issue(user=user, session=session)


def _signed_in(session: Session) -> identity.SignedIn:
    return identity.SignedIn(
        user=session.user, session_id=session.id, account_scope=session.account_scope_id,
        acting_user_id=session.acting_user_id,
    )


async def load_session(claims: AccessClaims) -> identity.SignedIn | None:
    """The live session an access token names (registered in core at start-up). The token's
    account scope must be the session record's: neither can widen the other."""
    rows = await sql.select(
        Session,
        f"SELECT s.account_scope_id AS scope, s.acting_user_id AS acting, {sql.columns(User, 'u')} "
        "FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.status = $3",
        str(claims.session_id), claims.user_id, UserStatus.ACTIVE.value,
    )
    if not rows or rows[0]["scope"] != claims.account_scope:
        return None
    return identity.SignedIn(
        user=sql.instance(User, rows[0], "u"), session_id=claims.session_id, account_scope=rows[0]["scope"],
        acting_user_id=rows[0]["acting"],
    )


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
    if not await identity.session_allowed(_signed_in(row.session)):
        await _revoke_sessions(Session.filter(id=row.session_id), reason="act_as_withdrawn")
        raise DomainError(ErrorCode.TOKEN_INVALID, "Sign in again.")
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


async def end_acting_sessions(*, acting_user_ids: list[int], reason: str, account_id: int | None = None) -> int:
    """End the act-as sessions these people started (in one account, or in all)."""
    query = Session.filter(acting_user_id__in=acting_user_ids)
    if account_id is not None:
        query = query.filter(account_scope_id=account_id)
    return await _revoke_sessions(query, reason=reason)


async def end_all_sessions(*, user_id: int, reason: str, keep: uuid.UUID | None = None) -> int:
    query = Session.filter(user_id=user_id)
    if keep is not None:
        query = query.exclude(id=keep)
    return await _revoke_sessions(query, reason=reason)


async def change_password(*, user: User, current: str, new: str, session_id: uuid.UUID | None) -> None:
    await _refuse_sso_only(user, "currentPassword")
    if not await verify_password_async(current, user.password_hash):
        raise DomainError(ErrorCode.WRONG_PASSWORD, "Your current password is not right.", "currentPassword")
    validate_password(new, field="newPassword", email=user.email, names=(user.first_name, user.last_name))
    new_hash = await hash_password_async(new)
    async with in_transaction():
        await User.filter(id=user.id).update(password_hash=new_hash)
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
    """Queue a single-use reset link (15 minutes by default). Caller owns the transaction.
    SSO_REQUIRED for a person who has no password to reset."""
    await _refuse_sso_only(user)
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
    await ratelimit.hit(s.rate_limit_password_reset, "reset-client-email", ip, email.strip())
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
    provider = await identity.sso_provider_of(user.id)
    async with in_transaction():
        if provider is None:
            await send_reset_link(user=user, actor_id=None)
            return
        # Same answer to the caller; the person learns by email how they sign in.
        await audit.record(action="password.reset_refused_sso", actor_id=None, target_user_id=user.id)
        await mail.enqueue(
            template="sso_sign_in", to_email=user.email, to_name=user.full_name,
            first_name=user.first_name or "there", provider=provider, link=mail.link("/sign-in"),
        )


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
        await _refuse_sso_only(row.user, "token")
        validate_password(password, email=row.user.email, names=(row.user.first_name, row.user.last_name))
        if not await PasswordResetToken.filter(id=row.id, used_at__isnull=True).update(used_at=utcnow()):
            raise DomainError(ErrorCode.TOKEN_USED, "This reset link was already used.", "token")
        await User.filter(id=row.user_id).update(password_hash=await hash_password_async(password))
        await end_all_sessions(user_id=row.user_id, reason="password_reset")
        await audit.record(action="password.reset", actor_id=row.user_id, target_user_id=row.user_id)
        return row.user


async def last_sign_ins(user_ids: list[int]) -> dict[int, datetime]:
    """Each person's latest sign-in (session start), in one grouped query."""
    if not user_ids:
        return {}
    # Raw SQL with the ids inlined (integers): building a 100-term IN through the ORM cost more than the query.
    ids = ", ".join(str(int(uid)) for uid in user_ids)
    rows = await Session._meta.db.execute_query_dict(
        f"SELECT user_id, max(created_at) AS last FROM sessions WHERE user_id IN ({ids}) GROUP BY user_id"
    )
    return {r["user_id"]: sql.utc(r["last"]) for r in rows if r["last"] is not None}

