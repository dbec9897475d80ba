"""People, accounts and memberships: plain async functions, keyword-only, no GraphQL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from email_validator import EmailNotValidError, validate_email

from backend.accounts.access import account_access
from backend.accounts.models import (
    Account,
    Membership,
    MembershipRole,
    MembershipStatus,
    User,
)
from backend.accounts.modules import allowed_modules
from backend.audit import service as audit
from backend.core import sql
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.permissions import Permission
from backend.core.security import hash_password_async


def normalise_email(email: str, *, field: str = "email") -> str:
    """Validated, lower-cased email (syntax only: no DNS lookups at request time)."""
    try:
        result = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise DomainError(ErrorCode.INVALID_EMAIL, f"{email!r} is not a valid email address: {exc}", field) from exc
    return result.normalized.lower()


async def get_by_email(*, email: str) -> User | None:
    return await User.get_or_none(email=email.strip().lower())


async def get_user(*, user_id: int) -> User:
    user = await User.get_or_none(id=user_id)
    if user is None:
        raise NotFound("No such person.")
    return user


async def create_user(
    *, email: str, password: str | None, first_name: str = "", last_name: str = ""
) -> User:
    """Create a person (invitation acceptance and operators only: no self-registration)."""
    email = normalise_email(email)
    if await User.exists(email=email):
        raise DomainError(ErrorCode.ALREADY_MEMBER, "A person with this email already exists.", "email")
    return await User.create(
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        password_hash=await hash_password_async(password) if password else None,
    )


async def create_account(*, name: str, creator: User | None, parent_id: int | None = None) -> Account:
    """A new account; its creator is its first admin."""
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the account a name.", "name")
    account = await Account.create(name=name.strip(), parent_id=parent_id)
    if creator is not None:
        await add_member(account=account, user=creator, role=MembershipRole.ADMIN, actor_id=creator.id)
    return account


async def add_member(
    *,
    account: Account,
    user: User,
    role: MembershipRole,
    actor_id: int | None,
    modules: list[str] | None = None,
    sub_account_ids: list[int] | None = None,
) -> Membership:
    membership = await Membership.create(
        account=account,
        user=user,
        role=role,
        modules=allowed_modules(role, modules or []),
        sub_account_ids=sub_account_ids or [],
    )
    await audit.record(
        action="membership.created",
        actor_id=actor_id,
        account_id=account.id,
        target_user_id=user.id,
        role=role.value,
        modules=membership.modules,
    )
    return membership


async def active_membership(*, user_id: int, account_id: int) -> Membership | None:
    return await Membership.get_or_none(user_id=user_id, account_id=account_id, status=MembershipStatus.ACTIVE)


async def has_permission(*, user_id: int, account_id: int, permission: Permission) -> bool:
    """The one answer to "may this person do this in this account?" for every account-bound
    field: own membership, or one in a parent account reaching down (see `access`)."""
    return (await account_access(user_id=user_id, account_id=account_id)).has(permission)


async def my_permissions(*, user_id: int, account_id: int) -> list[Permission]:
    """Everything the person may do in the account, sorted by name (empty outside it)."""
    found = await account_access(user_id=user_id, account_id=account_id)
    return sorted(found.permissions, key=lambda p: p.value)


async def memberships_of(*, user_id: int) -> list[Membership]:
    """Every membership of a person, with its account, in one query (hand-written: `me` runs
    it on every request; see `backend.core.sql`)."""
    rows = await sql.select(
        Membership,
        f"SELECT {sql.columns(Membership, 'm')}, {sql.columns(Account, 'a')} FROM memberships m "
        "JOIN accounts a ON a.id = m.account_id WHERE m.user_id = $1 ORDER BY a.name, m.id",
        user_id,
    )
    memberships = []
    for row in rows:
        membership = sql.instance(Membership, row, "m")
        membership._account = sql.instance(Account, row, "a")  # as select_related("account") sets it
        memberships.append(membership)
    return memberships


async def get_account(*, account_id: int) -> Account:
    account = await Account.get_or_none(id=account_id)
    if account is None:
        raise NotFound("No such account.")
    return account


async def visible_sub_accounts(*, user_id: int, account_id: int) -> Any:
    """Sub-accounts a member may see and act in: those named on their membership here, or all
    when none are named (the default, admins included), or all when a membership above
    reaches this account (a grant covers the sub-accounts below it). A queryset by name, then id."""
    found = await account_access(user_id=user_id, account_id=account_id)
    query = Account.filter(parent_id=account_id)
    if not found.any:
        return query.filter(id__in=[])
    inherited = any(a != account_id for a in found.through)
    membership = await active_membership(user_id=user_id, account_id=account_id)
    if not inherited and membership is not None and membership.sub_account_ids:
        query = query.filter(id__in=membership.sub_account_ids)
    return query.order_by("name", "id")


async def token_claims(*, user_id: int, account_id: int | None = None) -> dict[str, Any]:
    """What an access token tells a host app without a round trip, kept small: the active
    account (an act-as session's account, else the first of my active memberships, by
    name) and my permissions there."""
    if account_id is None:
        first = await Membership.filter(user_id=user_id, status=MembershipStatus.ACTIVE).order_by("account__name", "id").first()
        if first is None:
            return {}
        account_id = first.account_id  # type: ignore[attr-defined]
    return {"acc": str(account_id), "perms": [p.value for p in await my_permissions(user_id=user_id, account_id=account_id)]}


async def set_documents(
    *, actor: User, account_id: int, privacy_policy_url: str, terms_url: str, version: str
) -> Account:
    """The Privacy Policy and Terms of Use an invitee of this account agrees to, and their version."""
    urls = {"privacyPolicyUrl": privacy_policy_url.strip(), "termsUrl": terms_url.strip()}
    for field, url in urls.items():
        if url and not url.startswith(("https://", "http://")):
            raise DomainError(ErrorCode.INVALID, "Give a full http(s) address.", field)
        if len(url) > 500:
            raise DomainError(ErrorCode.INVALID, "At most 500 characters.", field)
    if any(urls.values()) and not version.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the documents a version, e.g. 2026-01.", "version")
    account = await get_account(account_id=account_id)
    account.privacy_policy_url, account.terms_url = urls["privacyPolicyUrl"], urls["termsUrl"]
    account.documents_version = version.strip()[:50]
    await account.save(update_fields=["privacy_policy_url", "terms_url", "documents_version"])
    await audit.record(
        action="account.documents_changed", actor_id=actor.id, account_id=account_id,
        privacy_policy_url=account.privacy_policy_url, terms_url=account.terms_url, version=account.documents_version,
    )
    return account


OtherAccessProbe = Callable[[int], Awaitable[bool]]
_other_access: list[OtherAccessProbe] = []


def register_other_access(probe: OtherAccessProbe) -> None:
    """Domains that give access without an account membership (families, seats) say so here,
    so a person with such access is never told they were turned off."""
    _other_access.append(probe)


async def turned_off_notice(*, user_id: int) -> str | None:
    """In plain words, when every membership of the person was deactivated and nothing else
    gives them access; None otherwise. Names the accounts, nothing more."""
    rows = await Membership.filter(user_id=user_id).select_related("account").order_by("account__name")
    if not rows or any(m.status == MembershipStatus.ACTIVE for m in rows):
        return None
    for probe in _other_access:
        if await probe(user_id):
            return None
    names = [m.account.name for m in rows]
    if len(names) == 1:
        return f"Your access to {names[0]} was turned off by its administrator."
    return f"Your access to {', '.join(names[:-1])} and {names[-1]} was turned off by their administrators."
