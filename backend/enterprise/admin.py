"""Administering an enterprise group: people, levels, subgroups, member accounts and their
login-as staff users. Group admins come through GraphQL, operators through the CLI; both
go through one `GroupAdmin`, which says what they may touch. Every change is audited.
No GraphQL here."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, User, UserStatus
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, Forbidden
from backend.core.pagination import Page, PageRequest, paginate
from backend.enterprise import service
from backend.enterprise.models import (
    EnterpriseGroup,
    EnterpriseGroupAccount,
    EnterpriseLevel,
    EnterpriseSubgroup,
    EnterpriseSubgroupAccount,
    EnterpriseUser,
    IdentityProvider,
)

NOT_ADMIN = "Only an admin of this enterprise group may do this."


@dataclass(frozen=True)
class GroupAdmin:
    """Who manages a group, and how far: an active ADMIN-level person of the group reaches
    all of it; one of a subgroup reaches only that subgroup's people and accounts; an
    operator (CLI, `actor_id` None) reaches all of it."""

    group_id: int
    actor_id: int | None
    subgroup_id: int | None = None
    person_id: int | None = None

    @property
    def whole_group(self) -> bool:
        return self.subgroup_id is None

    def may_manage(self, person: EnterpriseUser) -> bool:
        return person.group_id == self.group_id and (self.whole_group or person.subgroup_id == self.subgroup_id)  # type: ignore[attr-defined]

    async def account_ids(self) -> set[int]:
        query = EnterpriseGroupAccount.filter(group_id=self.group_id)
        if not self.whole_group:
            held = await EnterpriseSubgroupAccount.filter(subgroup_id=self.subgroup_id).values_list("account_id", flat=True)
            query = query.filter(account_id__in=list(held))
        return {int(a) for a in await query.values_list("account_id", flat=True)}  # type: ignore[call-overload]

    async def record(self, action: str, **detail: object) -> None:
        await audit.record(action=action, actor_id=self.actor_id, group_id=self.group_id, **detail)  # type: ignore[arg-type]


async def group_admin(*, user: User, group_id: int) -> GroupAdmin:
    """The signed-in person as admin of the group; FORBIDDEN otherwise."""
    person = await service.active_person(user=user)
    if person.group_id != group_id or person.level != EnterpriseLevel.ADMIN:  # type: ignore[attr-defined]
        raise Forbidden(NOT_ADMIN)
    return GroupAdmin(group_id=group_id, actor_id=user.id, subgroup_id=person.subgroup_id, person_id=person.id)  # type: ignore[attr-defined]


async def operator(*, group_id: int) -> GroupAdmin:
    if not await EnterpriseGroup.exists(id=group_id):
        raise DomainError(ErrorCode.INVALID, "No such enterprise group.", "groupId")
    return GroupAdmin(group_id=group_id, actor_id=None)


async def _person(admin: GroupAdmin, enterprise_user_id: int) -> EnterpriseUser:
    person = await EnterpriseUser.get_or_none(id=enterprise_user_id).select_related("user", "subgroup")
    if person is None or not admin.may_manage(person):
        raise Forbidden(NOT_ADMIN)
    return person


async def _subgroup(admin: GroupAdmin, subgroup_id: int | None) -> int | None:
    """A subgroup the admin may place people in (a subgroup admin: only their own)."""
    if subgroup_id is None:
        if not admin.whole_group:
            raise Forbidden("A subgroup admin adds people to their own subgroup only.")
        return None
    if not admin.whole_group and subgroup_id != admin.subgroup_id:
        raise Forbidden("A subgroup admin adds people to their own subgroup only.")
    if not await EnterpriseSubgroup.exists(id=subgroup_id, group_id=admin.group_id):
        raise DomainError(ErrorCode.INVALID, "No such subgroup in this group.", "subgroupId")
    return subgroup_id


# ---------------------------------------------------------------- groups (operators)


async def create_group(*, name: str, issuer: str = "", provider_name: str = "") -> EnterpriseGroup:
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the group a name.", "name")
    async with in_transaction():
        group = await EnterpriseGroup.create(name=name.strip(), issuer=issuer.strip().rstrip("/"), provider_name=provider_name.strip())
        await audit.record(action="enterprise.group_created", actor_id=None, group_id=group.id, name=group.name)
    return group


# ---------------------------------------------------------------- people


async def people(admin: GroupAdmin, request: PageRequest) -> Page[EnterpriseUser]:
    """A page of the group's people (a subgroup admin's: of the subgroup) by email (then id)."""
    query = EnterpriseUser.filter(group_id=admin.group_id)
    if not admin.whole_group:
        query = query.filter(subgroup_id=admin.subgroup_id)
    return await paginate(query.select_related("subgroup").order_by("email", "id"), request)


async def create_person(
    admin: GroupAdmin, *, email: str, first_name: str, last_name: str, level: EnterpriseLevel,
    subgroup_id: int | None = None, active: bool = True,
) -> EnterpriseUser:
    """Register a person by email. They sign in with the group's provider; their Portico
    sign-in has no password."""
    subgroup = await _subgroup(admin, subgroup_id if subgroup_id is not None or admin.whole_group else admin.subgroup_id)
    async with in_transaction():
        person = await service.register_person(
            group_id=admin.group_id, email=email, first_name=first_name, last_name=last_name, level=level,
            active=active, subgroup_id=subgroup,
        )
        await admin.record("enterprise.user_created", target_user_id=person.user.id, level=level.value, subgroup_id=subgroup)
    return await EnterpriseUser.get(id=person.id).select_related("user", "subgroup")


async def set_active(admin: GroupAdmin, *, enterprise_user_id: int, active: bool) -> EnterpriseUser:
    """Switch a person on or off; off ends every session they hold or started, at once."""
    person = await _person(admin, enterprise_user_id)
    if admin.person_id == person.id and not active:
        raise DomainError(ErrorCode.CANNOT_DEACTIVATE_SELF, "You cannot deactivate yourself.", "enterpriseUserId")
    async with in_transaction():
        await EnterpriseUser.filter(id=person.id).update(active=active)
        if not active:
            await service.end_sessions_of(person, reason="enterprise_deactivated")
        await admin.record("enterprise.user_active_set", target_user_id=person.user_id, active=active)  # type: ignore[attr-defined]
    person.active = active
    return person


async def set_level(admin: GroupAdmin, *, enterprise_user_id: int, level: EnterpriseLevel) -> EnterpriseUser:
    """ADMIN or USER. Act-as sessions as the other level's staff user end on their next request."""
    person = await _person(admin, enterprise_user_id)
    if admin.person_id == person.id and level != EnterpriseLevel.ADMIN:
        raise DomainError(ErrorCode.CANNOT_DEACTIVATE_SELF, "You cannot take your own admin level.", "level")
    async with in_transaction():
        await EnterpriseUser.filter(id=person.id).update(level=level)
        await admin.record("enterprise.user_level_set", target_user_id=person.user_id, level=level.value)  # type: ignore[attr-defined]
    person.level = level
    return person


async def set_subgroup(admin: GroupAdmin, *, enterprise_user_id: int, subgroup_id: int | None) -> EnterpriseUser:
    """Move a person to a subgroup (or to the whole group: whole-group admins only)."""
    person = await _person(admin, enterprise_user_id)
    target = await _subgroup(admin, subgroup_id)
    async with in_transaction():
        await EnterpriseUser.filter(id=person.id).update(subgroup_id=target)
        await admin.record("enterprise.user_subgroup_set", target_user_id=person.user_id, subgroup_id=target)  # type: ignore[attr-defined]
    return await EnterpriseUser.get(id=person.id).select_related("user", "subgroup")


async def remove_person(admin: GroupAdmin, *, enterprise_user_id: int) -> None:
    """Take a person out of the group. Their sign-in is disabled (it never had a password,
    and must not get one) and every session they hold or started ends."""
    person = await _person(admin, enterprise_user_id)
    if admin.person_id == person.id:
        raise DomainError(ErrorCode.CANNOT_DEACTIVATE_SELF, "You cannot remove yourself.", "enterpriseUserId")
    async with in_transaction():
        await service.end_sessions_of(person, reason="enterprise_removed")
        await User.filter(id=person.user_id).update(status=UserStatus.DISABLED)  # type: ignore[attr-defined]
        await EnterpriseUser.filter(id=person.id).delete()
        await admin.record("enterprise.user_removed", target_user_id=person.user_id, target_email=person.email)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- accounts and login-as users


async def _staff(account_id: int, email: str | None, field: str) -> User | None:
    """An active person with an active membership in the account, by email (None: unset)."""
    if not email:
        return None
    user = await accounts.get_by_email(email=email)
    if user is None or user.status != UserStatus.ACTIVE or await accounts.active_membership(user_id=user.id, account_id=account_id) is None:
        raise DomainError(ErrorCode.NOT_ACCOUNT_STAFF, f"{email} is not active staff of this account.", field)
    return user


async def add_account(
    admin: GroupAdmin, *, account_id: int, user_login_as: str | None = None, admin_login_as: str | None = None
) -> EnterpriseGroupAccount:
    """Make an account a member of the group (operators only)."""
    if admin.actor_id is not None:
        raise Forbidden("Only an operator adds accounts to a group.")
    if not await Account.exists(id=account_id):
        raise DomainError(ErrorCode.INVALID, "No such account.", "accountId")
    if await EnterpriseGroupAccount.exists(group_id=admin.group_id, account_id=account_id):
        raise DomainError(ErrorCode.INVALID, "This account is already in the group.", "accountId")
    staff_user = await _staff(account_id, user_login_as, "userLoginAs")
    staff_admin = await _staff(account_id, admin_login_as, "adminLoginAs")
    async with in_transaction():
        link = await EnterpriseGroupAccount.create(
            group_id=admin.group_id, account_id=account_id, user_login_as=staff_user, admin_login_as=staff_admin
        )
        await admin.record("enterprise.account_added", account_id=account_id)
    return link


async def set_login_as(
    admin: GroupAdmin, *, account_id: int, user_login_as: str | None, admin_login_as: str | None
) -> EnterpriseGroupAccount:
    """Choose the staff users USER- and ADMIN-level people act as in a member account
    (validated: active staff of that account). Act-as sessions as a replaced staff user end
    on their next request."""
    if account_id not in await admin.account_ids():
        raise Forbidden("This account is not one you administer in the group.")
    staff_user = await _staff(account_id, user_login_as, "userLoginAs")
    staff_admin = await _staff(account_id, admin_login_as, "adminLoginAs")
    async with in_transaction():
        await EnterpriseGroupAccount.filter(group_id=admin.group_id, account_id=account_id).update(
            user_login_as_id=staff_user.id if staff_user else None, admin_login_as_id=staff_admin.id if staff_admin else None
        )
        await admin.record(
            "enterprise.login_as_set", account_id=account_id, user_login_as=user_login_as, admin_login_as=admin_login_as
        )
    return await EnterpriseGroupAccount.get(group_id=admin.group_id, account_id=account_id).select_related(
        "account", "user_login_as", "admin_login_as"
    )


async def member_accounts(admin: GroupAdmin, request: PageRequest) -> Page[EnterpriseGroupAccount]:
    """A page of the member accounts this admin manages, by account name (then id)."""
    ids = await admin.account_ids()
    return await paginate(EnterpriseGroupAccount.filter(group_id=admin.group_id, account_id__in=list(ids)).select_related(
        "account", "user_login_as", "admin_login_as"
    ).order_by("account__name", "id"), request)


# ---------------------------------------------------------------- subgroups


async def _account_ids_in_group(admin: GroupAdmin, account_ids: list[int]) -> list[int]:
    wanted = sorted(set(account_ids))
    if not set(wanted) <= await admin.account_ids():
        raise DomainError(ErrorCode.INVALID, "A subgroup holds accounts of its group only.", "accountIds")
    return wanted


async def create_subgroup(admin: GroupAdmin, *, name: str, account_ids: list[int]) -> EnterpriseSubgroup:
    """A subgroup holding some of the group's accounts (whole-group admins and operators)."""
    if not admin.whole_group:
        raise Forbidden("Only an admin of the whole group manages subgroups.")
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the subgroup a name.", "name")
    if await EnterpriseSubgroup.exists(group_id=admin.group_id, name=name.strip()):
        raise DomainError(ErrorCode.INVALID, "A subgroup with this name exists.", "name")
    wanted = await _account_ids_in_group(admin, account_ids)
    async with in_transaction():
        subgroup = await EnterpriseSubgroup.create(group_id=admin.group_id, name=name.strip())
        await EnterpriseSubgroupAccount.bulk_create([EnterpriseSubgroupAccount(subgroup=subgroup, account_id=a) for a in wanted])
        await admin.record("enterprise.subgroup_created", subgroup_id=subgroup.id, name=subgroup.name, account_ids=wanted)
    return subgroup


async def set_subgroup_accounts(admin: GroupAdmin, *, subgroup_id: int, account_ids: list[int]) -> EnterpriseSubgroup:
    """Change which accounts a subgroup holds; its people's act-as sessions in an account it
    no longer holds end on their next request."""
    if not admin.whole_group:
        raise Forbidden("Only an admin of the whole group manages subgroups.")
    subgroup = await EnterpriseSubgroup.get_or_none(id=subgroup_id, group_id=admin.group_id)
    if subgroup is None:
        raise DomainError(ErrorCode.INVALID, "No such subgroup in this group.", "subgroupId")
    wanted = await _account_ids_in_group(admin, account_ids)
    async with in_transaction():
        await EnterpriseSubgroupAccount.filter(subgroup_id=subgroup.id).delete()
        await EnterpriseSubgroupAccount.bulk_create([EnterpriseSubgroupAccount(subgroup=subgroup, account_id=a) for a in wanted])
        await admin.record("enterprise.subgroup_accounts_set", subgroup_id=subgroup.id, account_ids=wanted)
    return subgroup


async def subgroups(admin: GroupAdmin, request: PageRequest) -> Page[tuple[EnterpriseSubgroup, list[int]]]:
    """A page of subgroups by name (then id), each with the accounts it holds (read for the page)."""
    query = EnterpriseSubgroup.filter(group_id=admin.group_id)
    if not admin.whole_group:
        query = query.filter(id=admin.subgroup_id)
    page = await paginate(query.order_by("name", "id"), request)
    held: dict[int, list[int]] = {r.id: [] for r in page.rows}
    if page.rows:
        for sid, aid in await EnterpriseSubgroupAccount.filter(subgroup_id__in=list(held)).values_list("subgroup_id", "account_id"):
            held[sid].append(int(aid))
    return Page(kind=page.kind, rows=[(r, sorted(held[r.id])) for r in page.rows], offset=page.offset, total_count=page.total_count)


async def identity_providers(admin: GroupAdmin) -> list[IdentityProvider]:
    return await IdentityProvider.filter(group_id=admin.group_id).order_by("display_name", "id")


async def admin_of_person(*, user: User, enterprise_user_id: int) -> GroupAdmin:
    """The signed-in person as admin of the group of the person named (FORBIDDEN otherwise)."""
    person = await EnterpriseUser.get_or_none(id=enterprise_user_id)
    if person is None:
        raise Forbidden(NOT_ADMIN)
    return await group_admin(user=user, group_id=person.group_id)  # type: ignore[attr-defined]
