"""Enterprise sign-in: the provider button, my group's member accounts, acting in one."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode

from frontend.api.auth import USER_FIELDS
from frontend.api.client import ApiError, api_url, checked, execute

SSO_PROVIDER = "query SsoProvider { ssoProvider }"
MY_ACCOUNTS = """query MyEnterpriseAccounts { myEnterpriseAccounts {
  accountId name canAct permissions loginAs { id email fullName } } }"""
ACT_AS = f"""mutation ActAs($accountId: ID!) {{ actAsInAccount(accountId: $accountId) {{
  accessToken refreshToken expiresIn user {{ {USER_FIELDS} }} }} }}"""


SSO_PROVIDERS = "query SsoProviders { ssoProviders { key displayName loginUrl } }"


def sso_login_url(*, email: str = "") -> str:
    """Where the "Sign in with ..." button goes: the API starts the provider's flow (with a
    work email: the provider of that email's group, home-realm discovery)."""
    return f"{api_url()}/sso/login" + (f"?{urlencode({'email': email})}" if email else "")


async def sso_providers() -> list[dict[str, str]]:
    """One entry per provider people sign in with ([] when none, or the API is away)."""
    try:
        return (await execute(SSO_PROVIDERS)).get("ssoProviders") or []
    except ApiError:
        return []


def tokens_from_fragment(fragment: str) -> tuple[str, str] | None:
    """The access and refresh tokens in `#access_token=...&refresh_token=...` (the API's
    redirect after an enterprise sign-in), or None when either is missing."""
    values = parse_qs(fragment.removeprefix("#"))
    access, refresh = values.get("access_token", [""])[0], values.get("refresh_token", [""])[0]
    return (access, refresh) if access and refresh else None


async def sso_provider() -> str:
    """The provider's display name ("Google"), or "" when enterprise sign-in is off or the API is away."""
    try:
        return (await execute(SSO_PROVIDER)).get("ssoProvider") or ""
    except ApiError:
        return ""


async def my_accounts(*, token: str) -> list[dict[str, Any]]:
    """My group's member accounts; FORBIDDEN (ApiError) when I am not an active enterprise user."""
    return (await execute(MY_ACCOUNTS, token=token))["myEnterpriseAccounts"]


async def act_as(*, token: str, account_id: str) -> dict[str, Any]:
    """Tokens (with the user) for the staff user I act as in that account."""
    return (await execute(ACT_AS, {"accountId": account_id}, token=token))["actAsInAccount"]


# ---------------------------------------------------------------- group administration

PERSON_FIELDS = "id email firstName lastName level active linked subgroupId"
MY_GROUPS = "query MyEnterpriseGroups { myEnterpriseGroups { id name myLevel mySubgroupId isAdmin } }"
ADMIN_VIEW = f"""query EnterpriseAdmin($g: ID!) {{
  enterprisePeople(groupId: $g, first: 100) {{ nodes {{ {PERSON_FIELDS} }} }}
  enterpriseSubgroups(groupId: $g, first: 100) {{ nodes {{ id name accountIds }} }}
  enterpriseMemberAccounts(groupId: $g, first: 100) {{ nodes {{ accountId name userLoginAs {{ email }} adminLoginAs {{ email }} }} }}
  enterpriseIdentityProviders(groupId: $g) {{ key displayName issuer allowedDomains }} }}"""
PERSON_PAYLOAD = f"enterpriseUser {{ {PERSON_FIELDS} }} errors {{ code message field }}"
CREATE_PERSON = f"""mutation CreatePerson($g: ID!, $i: CreateEnterpriseUserInput!) {{
  createEnterpriseUser(groupId: $g, input: $i) {{ {PERSON_PAYLOAD} }} }}"""
SET_ACTIVE = f"""mutation SetActive($p: ID!, $a: Boolean!) {{
  setEnterpriseUserActive(enterpriseUserId: $p, active: $a) {{ {PERSON_PAYLOAD} }} }}"""
SET_LEVEL = f"""mutation SetLevel($p: ID!, $l: EnterpriseLevel!) {{
  setEnterpriseUserLevel(enterpriseUserId: $p, level: $l) {{ {PERSON_PAYLOAD} }} }}"""
CREATE_SUBGROUP = """mutation CreateSubgroup($g: ID!, $n: String!, $a: [ID!]!) {
  createEnterpriseSubgroup(groupId: $g, name: $n, accountIds: $a) { subgroup { id } errors { code message field } } }"""
SET_LOGIN_AS = """mutation SetLoginAs($g: ID!, $a: ID!, $u: String, $d: String) {
  setLoginAsUsers(groupId: $g, accountId: $a, userLoginAs: $u, adminLoginAs: $d) { account { accountId } errors { code message field } } }"""


async def my_groups(*, token: str) -> list[dict[str, Any]]:
    return (await execute(MY_GROUPS, token=token))["myEnterpriseGroups"]


async def admin_view(*, token: str, group_id: str) -> dict[str, Any]:
    """People, subgroups, member accounts (the first 100 of each, as lists) and providers of a group I administer."""
    view = await execute(ADMIN_VIEW, {"g": group_id}, token=token)
    return {**view, **{k: view[k]["nodes"] for k in ("enterprisePeople", "enterpriseSubgroups", "enterpriseMemberAccounts")}}


async def create_person(*, token: str, group_id: str, person: dict[str, Any]) -> dict[str, Any]:
    return checked((await execute(CREATE_PERSON, {"g": group_id, "i": person}, token=token))["createEnterpriseUser"])


async def set_active(*, token: str, person_id: str, active: bool) -> dict[str, Any]:
    return checked((await execute(SET_ACTIVE, {"p": person_id, "a": active}, token=token))["setEnterpriseUserActive"])


async def set_level(*, token: str, person_id: str, level: str) -> dict[str, Any]:
    return checked((await execute(SET_LEVEL, {"p": person_id, "l": level}, token=token))["setEnterpriseUserLevel"])


async def create_subgroup(*, token: str, group_id: str, name: str, account_ids: list[str]) -> dict[str, Any]:
    variables = {"g": group_id, "n": name, "a": account_ids}
    return checked((await execute(CREATE_SUBGROUP, variables, token=token))["createEnterpriseSubgroup"])


async def set_login_as(*, token: str, group_id: str, account_id: str, user: str, admin: str) -> dict[str, Any]:
    variables = {"g": group_id, "a": account_id, "u": user or None, "d": admin or None}
    return checked((await execute(SET_LOGIN_AS, variables, token=token))["setLoginAsUsers"])
