"""Enterprise groups: signing people in by their OpenID identity, and acting as the
group's mapped staff user in a member account. No GraphQL here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Membership, MembershipStatus, User, UserStatus
from backend.accounts.modules import permissions_for
from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.auth import service as auth
from backend.core import identity
from backend.core.errors import DomainError, ErrorCode, Forbidden
from backend.core.permissions import Permission
from backend.core.security import utcnow
from backend.enterprise.models import (
    EnterpriseGroup,
    EnterpriseGroupAccount,
    EnterpriseLevel,
    EnterpriseSubgroupAccount,
    EnterpriseUser,
    IdentityProvider,
)
from backend.enterprise.providers import ProviderConfig


class SignInRefused(Exception):
    """The identity is not an active person of any group (shown as a 403)."""


@dataclass(frozen=True)
class ActableAccount:
    link: EnterpriseGroupAccount
    login_as: User | None
    permissions: frozenset[Permission]


def _served_by(provider: ProviderConfig) -> dict[str, Any]:
    """The people a provider may sign in: its own group's, or (the default provider) those
    of groups that name its issuer. Never another group's."""
    if provider.group_id is not None:
        return {"group_id": provider.group_id}
    return {"group__issuer": provider.issuer}


async def sign_in(
    *, provider: ProviderConfig, issuer: str, subject: str, email: str | None, email_verified: bool
) -> auth.Tokens:
    """Portico tokens for the person with this verified ID token. Found by issuer +
    subject among the people the provider serves; on first sign-in linked by the email their
    group admin registered, only when the provider says the email is verified and its domain
    is one the provider allows. A refusal changes nothing but the audit log."""
    served = _served_by(provider)
    async with in_transaction():
        person = await EnterpriseUser.get_or_none(issuer=issuer, subject=subject, **served).select_related("user")
        linking = person is None and bool(email) and email_verified and provider.allows_email(email)
        if linking:
            person = await EnterpriseUser.get_or_none(
                email=(email or "").strip().lower(), subject__isnull=True, **served
            ).select_related("user")
        if person is None or not person.active or person.user.status != UserStatus.ACTIVE:
            await audit.record(
                action="enterprise.sign_in_refused", actor_id=person.user.id if person else None,
                target_email=email, issuer=issuer, subject=subject, provider=provider.key,
            )
            refused = SignInRefused("inactive" if person else "unknown")
        else:
            if linking:
                await EnterpriseUser.filter(id=person.id).update(issuer=issuer, subject=subject, linked_at=utcnow())
                await audit.record(action="enterprise.identity_linked", actor_id=person.user.id, issuer=issuer, subject=subject)
            await audit.record(action="enterprise.sign_in", actor_id=person.user.id, issuer=issuer, subject=subject, provider=provider.key)
            return await auth.start_session(user=person.user, counts_as_sign_in=True)
    raise refused


async def active_person(*, user: User) -> EnterpriseUser:
    """The signed-in person's enterprise record; FORBIDDEN unless active."""
    person = await EnterpriseUser.get_or_none(user_id=user.id, active=True)
    if person is None:
        raise Forbidden("You are not an active enterprise user.")
    return person


async def links_of(person: EnterpriseUser) -> QuerySet[EnterpriseGroupAccount]:
    """The member accounts a person reaches: the group's, or only their subgroup's."""
    query = EnterpriseGroupAccount.filter(group_id=person.group_id)  # type: ignore[attr-defined]
    if person.subgroup_id is not None:  # type: ignore[attr-defined]
        held = await EnterpriseSubgroupAccount.filter(subgroup_id=person.subgroup_id).values_list("account_id", flat=True)  # type: ignore[attr-defined]
        query = query.filter(account_id__in=list(held))
    return query


def _login_as_id(person: EnterpriseUser, link: EnterpriseGroupAccount) -> int | None:
    return link.admin_login_as_id if person.level == EnterpriseLevel.ADMIN else link.user_login_as_id  # type: ignore[attr-defined]


async def actable_accounts(*, user: User) -> list[ActableAccount]:
    """The group's member accounts, each with the staff user this person acts as there and
    that user's permissions (none when the mapping or its membership is missing)."""
    person = await active_person(user=user)
    links = await (await links_of(person)).select_related("account", "user_login_as", "admin_login_as").order_by(
        "account__name", "id"
    )
    memberships = {
        (m.user_id, m.account_id): m  # type: ignore[attr-defined]
        for m in await Membership.filter(account_id__in=[link.account_id for link in links], status=MembershipStatus.ACTIVE)  # type: ignore[attr-defined]
    }
    result = []
    for link in links:
        login_as = link.admin_login_as if person.level == EnterpriseLevel.ADMIN else link.user_login_as
        if login_as is not None and login_as.status != UserStatus.ACTIVE:
            login_as = None
        membership = memberships.get((login_as.id, link.account_id)) if login_as else None  # type: ignore[attr-defined]
        granted = permissions_for(membership.role, membership.modules) if membership else frozenset()
        result.append(ActableAccount(link=link, login_as=login_as, permissions=granted))
    return result


async def act_as_in_account(*, user: User, account_id: int) -> auth.Tokens:
    """Tokens for the staff user this person is mapped to in the account. FORBIDDEN for
    an account outside the group, an inactive person, or a missing mapping."""
    person = await active_person(user=user)
    link = await (await links_of(person)).get_or_none(account_id=account_id)
    if link is None:
        raise Forbidden("This account is not in your enterprise group.")
    staff_id = _login_as_id(person, link)
    staff = await User.get_or_none(id=staff_id, status=UserStatus.ACTIVE) if staff_id else None
    if staff is None or await accounts.active_membership(user_id=staff.id, account_id=account_id) is None:
        raise Forbidden("No staff user is set up for you to act as in this account.")
    async with in_transaction():
        await audit.record(
            action="enterprise.act_as", actor_id=user.id, account_id=account_id, target_user_id=staff.id,
            level=person.level.value,
        )
        return await auth.start_session(user=staff, account_scope=account_id, acting_user_id=user.id)


async def act_as_still_allowed(signed_in: identity.SignedIn) -> bool:
    """Checked on every request and refresh of an act-as session: the person who started it
    is still an active person of a group that holds the account, and still mapped to this
    staff user there. Anything else ends it at once."""
    if signed_in.acting_user_id is None:
        return True
    person = await EnterpriseUser.get_or_none(
        user_id=signed_in.acting_user_id, active=True, user__status=UserStatus.ACTIVE
    )
    if person is None:
        return False
    link = await (await links_of(person)).get_or_none(account_id=signed_in.account_scope)
    return link is not None and _login_as_id(person, link) == signed_in.user.id


async def sso_provider_of(user_id: int) -> str | None:
    """The provider an enterprise person signs in with (they have no password), or None."""
    person = await EnterpriseUser.get_or_none(user_id=user_id).select_related("group")
    if person is None:
        return None
    names = await IdentityProvider.filter(group_id=person.group_id).order_by("id").values_list("display_name", flat=True)  # type: ignore[attr-defined]
    return " or ".join(str(n) for n in names) if names else person.group.provider_name


async def end_sessions_of(person: EnterpriseUser, *, reason: str) -> None:
    await auth.end_all_sessions(user_id=person.user_id, reason=reason)  # type: ignore[attr-defined]
    await auth.end_acting_sessions(acting_user_ids=[person.user_id], reason=reason)  # type: ignore[attr-defined]


async def register_person(
    *, group_id: int, email: str, first_name: str, last_name: str, level: EnterpriseLevel, active: bool = True,
    subgroup_id: int | None = None,
) -> EnterpriseUser:
    """Add a person to a group (operators, demo data; group admins via `create_person`).
    Caller owns the transaction."""
    email = accounts.normalise_email(email)
    if await EnterpriseUser.exists(email=email) or await EnterpriseUser.filter(user__email=email).exists():
        raise DomainError(ErrorCode.ENTERPRISE_USER_EXISTS, "This email already belongs to an enterprise user.", "email")
    # Always a new sign-in (ALREADY_MEMBER otherwise): a group admin must never gain a hold
    # (deactivation ends sessions) over a Portico person who exists outside the group. The one
    # exception is this group's own removed person, whose sign-in it made and then disabled.
    user = await removed_from_group(group_id=group_id, email=email)
    if user is not None:
        await User.filter(id=user.id).update(status=UserStatus.ACTIVE, first_name=first_name.strip(), last_name=last_name.strip())
    else:
        user = await accounts.create_user(email=email, password=None, first_name=first_name, last_name=last_name)
    return await EnterpriseUser.create(
        group_id=group_id, user=user, email=email, first_name=first_name.strip(), last_name=last_name.strip(),
        level=level, active=active, subgroup_id=subgroup_id,
    )


async def removed_from_group(*, group_id: int, email: str) -> User | None:
    """The sign-in of a person this group removed (disabled, never given a password, and taken
    out of this group by `enterprise.user_removed`), so adding them again revives it."""
    user = await User.get_or_none(email=email, status=UserStatus.DISABLED, password_hash=None)
    if user is None:
        return None
    removals = await AuditEvent.filter(action="enterprise.user_removed", target_user_id=user.id).order_by("-id").first()
    return user if removals is not None and removals.detail.get("group_id") == group_id else None


async def add_account(
    *, group: EnterpriseGroup, account_id: int, user_login_as: User | None, admin_login_as: User | None
) -> EnterpriseGroupAccount:
    """Make an account a member of the group, with the staff users its people act as."""
    return await EnterpriseGroupAccount.create(
        group=group, account_id=account_id, user_login_as=user_login_as, admin_login_as=admin_login_as
    )


async def get_group(*, group_id: int) -> EnterpriseGroup | None:
    return await EnterpriseGroup.get_or_none(id=group_id)


async def remove_account(*, group_id: int, account_id: int, actor_id: int | None = None) -> bool:
    """Take an account out of a group (operators): every act-as session the group's people
    hold in it ends. False when it was not a member."""
    async with in_transaction():
        removed = await EnterpriseGroupAccount.filter(group_id=group_id, account_id=account_id).delete()
        if not removed:
            return False
        people = await EnterpriseUser.filter(group_id=group_id).values_list("user_id", flat=True)
        await auth.end_acting_sessions(acting_user_ids=list(people), account_id=account_id, reason="enterprise_account_removed")  # type: ignore[arg-type]
        await audit.record(action="enterprise.account_removed", actor_id=actor_id, account_id=account_id, group_id=group_id)
    return True
