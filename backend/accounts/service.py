"""People, accounts and memberships: plain async functions, keyword-only, no GraphQL."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from backend.accounts.models import (
    Account,
    Membership,
    MembershipRole,
    MembershipStatus,
    User,
)
from backend.accounts.modules import allowed_modules, permissions_for
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.permissions import Permission
from backend.core.security import hash_password


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
        password_hash=hash_password(password) if password else None,
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
    membership = await active_membership(user_id=user_id, account_id=account_id)
    if membership is None:
        return False
    return permission in permissions_for(membership.role, membership.modules)


async def memberships_of(*, user_id: int) -> list[Membership]:
    """Every membership of a person, with its account, in one query."""
    return await Membership.filter(user_id=user_id).select_related("account").order_by("account__name", "id")


async def get_account(*, account_id: int) -> Account:
    account = await Account.get_or_none(id=account_id)
    if account is None:
        raise NotFound("No such account.")
    return account


async def visible_sub_accounts(*, user_id: int, account_id: int) -> list[Account]:
    """Sub-accounts a member may see: those named on the membership, or all when none are
    named (admins always see all)."""
    membership = await active_membership(user_id=user_id, account_id=account_id)
    if membership is None:
        return []
    query = Account.filter(parent_id=account_id)
    if membership.role != MembershipRole.ADMIN and membership.sub_account_ids:
        query = query.filter(id__in=membership.sub_account_ids)
    return await query.order_by("name")
