"""Every module maps to permissions and every permission is checked by someone: a Portico
field, or, for the host application's modules, the host asking `can` / `myPermissions` or
reading the access token's claims."""

from jose import jwt
from strawberry.permission import PermissionExtension

from backend.accounts.models import Account
from backend.accounts.modules import (
    ADMIN_ONLY_MODULES,
    HOST_APP_MODULES,
    HOST_APP_PERMISSIONS,
    MEMBER_PERMISSIONS,
    MODULE_PERMISSIONS,
    Module,
)
from backend.core.permissions import HasAccountPermission, Permission
from backend.schema import Mutation, Query
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, token_for

CAN = "query C($a: ID!, $p: Permission!) { can(accountId: $a, permission: $p) }"
MINE = "query M($a: ID!) { myPermissions(accountId: $a) }"
LOGIN = """mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code message } } }"""
REPORT = "query R($a: ID!) { memberReport(accountId: $a) { activeMembers pendingInvitations dailyInvitationQuota } }"


def _checked_by_fields() -> dict[Permission, list[str]]:
    """Permission -> the GraphQL fields whose permission classes check it."""
    found: dict[Permission, list[str]] = {}
    for root in (Query, Mutation):
        for field in root.__strawberry_definition__.fields:  # type: ignore[attr-defined]
            for ext in field.extensions:
                if isinstance(ext, PermissionExtension):
                    for check in ext.permissions:
                        if isinstance(check, HasAccountPermission):
                            found.setdefault(check.permission, []).append(field.name)
    return found


def test_every_module_maps_to_permissions_and_every_permission_belongs_somewhere() -> None:
    assert set(MODULE_PERMISSIONS) == set(Module)
    assert all(MODULE_PERMISSIONS[m] for m in Module), "a module that gates nothing"
    mapped = set(MEMBER_PERMISSIONS).union(*MODULE_PERMISSIONS.values())
    assert mapped == set(Permission), f"permissions no module grants: {set(Permission) - mapped}"
    assert ADMIN_ONLY_MODULES == {Module.PRICING, Module.PAYMENT, Module.USER_MANAGEMENT}


def test_every_portico_permission_is_checked_by_at_least_one_field() -> None:
    checked = _checked_by_fields()
    unchecked = [p.value for p in Permission if p not in HOST_APP_PERMISSIONS and not checked.get(p)]
    assert unchecked == [], f"permissions no field checks: {unchecked}"
    # And none of the host application's permissions is claimed by a Portico field by mistake.
    assert not HOST_APP_PERMISSIONS & set(checked)


async def test_every_host_app_permission_is_answered_by_can_my_permissions_and_the_token(api: Api) -> None:
    admin = await make_user("admin@example.com")
    gym = await make_account("Gym", admin=admin)
    assert {p for m in HOST_APP_MODULES for p in MODULE_PERMISSIONS[m]} == HOST_APP_PERMISSIONS
    a = {"a": str(gym.id)}
    for module in sorted(HOST_APP_MODULES - ADMIN_ONLY_MODULES, key=lambda m: m.value):
        holder = await make_member(gym, await make_user(f"has-{module.value}@example.com"), modules=[module.value])
        lacking = await make_member(gym, await make_user(f"lacks-{module.value}@example.com"), modules=[])
        as_holder, as_lacking = api.as_(await token_for(holder)), api.as_(await token_for(lacking))
        for permission in MODULE_PERMISSIONS[module]:
            assert (await as_holder(CAN, {**a, "p": permission.name}))["can"] is True
            assert (await as_lacking(CAN, {**a, "p": permission.name}))["can"] is False
            assert permission.name in (await as_holder(MINE, a))["myPermissions"]
            assert permission.name not in (await as_lacking(MINE, a))["myPermissions"]
    as_admin = api.as_(await token_for(admin))
    for permission in HOST_APP_PERMISSIONS:  # admin-only ones (Pricing, Payment) included
        assert (await as_admin(CAN, {**a, "p": permission.name}))["can"] is True


async def test_the_access_token_carries_the_active_accounts_permissions(api: Api) -> None:
    user = await make_user("u@example.com", password="a-long-passphrase-42")
    gym = await make_account("Gym")
    await make_member(gym, user, modules=["scheduling", "reports"])
    await make_account("Zoo", admin=user)
    data = (await api(LOGIN, {"e": "u@example.com", "p": "a-long-passphrase-42"}))["login"]
    claims = jwt.get_unverified_claims(data["tokens"]["accessToken"])
    # Only the active account (first by name), only names: small enough for every request.
    assert claims["acc"] == str(gym.id)
    assert claims["perms"] == ["account.view", "reports.view", "scheduling.manage"]


async def test_can_and_my_permissions_answer_false_and_empty_outside_my_accounts(api: Api) -> None:
    user = await make_user()
    other = await make_account("Other", admin=await make_user())
    as_user = api.as_(await token_for(user))
    assert (await as_user(CAN, {"a": str(other.id), "p": "ACCOUNT_VIEW"}))["can"] is False
    assert (await as_user(MINE, {"a": str(other.id)}))["myPermissions"] == []
    assert await api.error_code(MINE, {"a": str(other.id)}) == "UNAUTHENTICATED"


async def test_reports_module_reads_the_member_report(api: Api) -> None:
    admin = await make_user()
    gym = await make_account("Gym", admin=admin)
    reader = await make_member(gym, await make_user(), modules=["reports"])
    other = await make_member(gym, await make_user(), modules=["customers"])
    data = (await api.as_(await token_for(reader))(REPORT, {"a": str(gym.id)}))["memberReport"]
    assert data == {"activeMembers": 3, "pendingInvitations": 0, "dailyInvitationQuota": 10000}
    assert await api.as_(await token_for(other)).error_code(REPORT, {"a": str(gym.id)}) == "FORBIDDEN"
    sub = await Account.create(name="Sub", parent=gym)
    # The Reports module reaches the sub-accounts too (no sub-accounts named: all of them).
    assert (await api.as_(await token_for(reader))(REPORT, {"a": str(sub.id)}))["memberReport"]["activeMembers"] == 0


async def test_set_user_permissions_refuses_an_admin_only_module_by_name_and_changes_nothing(api: Api) -> None:
    from backend.accounts.models import Membership
    from backend.audit.models import AuditEvent

    admin = await make_user()
    gym = await make_account("Gym", admin=admin)
    worker = await make_member(gym, await make_user(), modules=["dashboard"])
    perms = """mutation P($a: ID!, $u: ID!) { setUserPermissions(accountId: $a, userId: $u, role: USER,
      modules: [REPORTS, PRICING], subAccountIds: []) { membership { modules } errors { code message field } } }"""
    data = (await api.as_(await token_for(admin))(perms, {"a": str(gym.id), "u": str(worker.id)}))["setUserPermissions"]
    assert data["membership"] is None
    [error] = data["errors"]
    assert (error["code"], error["field"]) == ("MODULE_NOT_ALLOWED", "modules") and "PRICING" in error["message"]
    assert (await Membership.get(user=worker, account=gym)).modules == ["dashboard"]
    assert not await AuditEvent.exists(action="membership.permissions_changed")
