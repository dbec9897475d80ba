"""Who is calling, as core needs to know it: a small protocol and a registry domains plug into.

Core never imports a domain (arrows point down). At start-up (`backend.wiring.install`)
the auth domain registers how a verified access token becomes a session, the accounts
domain how a permission is checked, and any domain may add a check that a session must
pass on every request (the enterprise domain: "the person who started this act-as session
is still allowed to"). A missing registration fails loudly, never open.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from backend.core.permissions import Permission
    from backend.core.security import AccessClaims


class Person(Protocol):
    """The signed-in person, as core sees them."""

    id: int
    email: str


@dataclass(frozen=True)
class SignedIn:
    """A live session: whose it is and, for an act-as session, the one account it may touch
    and the person who started it."""

    user: Any  # a Person (the accounts domain's User)
    session_id: uuid.UUID
    account_scope: int | None = None
    acting_user_id: int | None = None


SessionLoader = Callable[["AccessClaims"], Awaitable[SignedIn | None]]
SessionCheck = Callable[[SignedIn], Awaitable[bool]]
PermissionCheck = Callable[..., Awaitable[bool]]
SsoLookup = Callable[[int], Awaitable[str | None]]


class _Registry:
    def __init__(self) -> None:
        self.session_loader: SessionLoader | None = None
        self.permission_check: PermissionCheck | None = None
        self.session_checks: list[SessionCheck] = []
        self.sso_lookup: SsoLookup | None = None


_registry = _Registry()


def set_session_loader(loader: SessionLoader) -> None:
    _registry.session_loader = loader


def set_permission_check(check: PermissionCheck) -> None:
    """`check(user_id=..., account_id=..., permission=...) -> bool` (the accounts domain)."""
    _registry.permission_check = check


def add_session_check(check: SessionCheck) -> None:
    if check not in _registry.session_checks:
        _registry.session_checks.append(check)


def set_sso_lookup(lookup: SsoLookup) -> None:
    """`lookup(user_id)`: the display name of the provider a person must sign in with, or
    None when they may use a password (the enterprise domain)."""
    _registry.sso_lookup = lookup


async def sso_provider_of(user_id: int) -> str | None:
    return await _registry.sso_lookup(user_id) if _registry.sso_lookup else None


async def load_session(claims: "AccessClaims") -> SignedIn | None:
    """The session a verified token names, when it is live and passes every check."""
    if _registry.session_loader is None:
        raise RuntimeError("no session loader registered: call backend.wiring.install() at start-up")
    signed_in = await _registry.session_loader(claims)
    if signed_in is None or not await session_allowed(signed_in):
        return None
    return signed_in


async def session_allowed(signed_in: SignedIn) -> bool:
    """Every registered check passes (used per request and on refresh)."""
    for check in _registry.session_checks:
        if not await check(signed_in):
            return False
    return True


async def has_permission(*, user_id: int, account_id: int, permission: "Permission") -> bool:
    if _registry.permission_check is None:
        raise RuntimeError("no permission check registered: call backend.wiring.install() at start-up")
    return await _registry.permission_check(user_id=user_id, account_id=account_id, permission=permission)
