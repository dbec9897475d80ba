"""Enterprise sign-in: the provider button, my group's member accounts, acting in one."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode

from frontend.api.client import ApiError, api, api_url, checked, dump, dump_all
from frontend.api.generated import CreateEnterpriseUserInput, EnterpriseLevel


def sso_login_url(*, email: str = "") -> str:
    """Where the "Sign in with ..." button goes: the API starts the provider's flow (with a
    work email: the provider of that email's group, home-realm discovery)."""
    return f"{api_url()}/sso/login" + (f"?{urlencode({'email': email})}" if email else "")


async def sso_providers() -> list[dict[str, str]]:
    """One entry per provider people sign in with ([] when none, or the API is away)."""
    try:
        return dump_all((await api().sso_providers()).sso_providers)
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
        return (await api().sso_provider()).sso_provider or ""
    except ApiError:
        return ""


async def my_accounts(*, token: str) -> list[dict[str, Any]]:
    """My group's member accounts; FORBIDDEN (ApiError) when I am not an active enterprise user."""
    return dump_all((await api(token).my_enterprise_accounts()).my_enterprise_accounts)


async def act_as(*, token: str, account_id: str) -> dict[str, Any]:
    """Tokens (with the user) for the staff user I act as in that account."""
    return dump((await api(token).act_as(account_id=account_id)).act_as_in_account)


# ---------------------------------------------------------------- group administration

async def my_groups(*, token: str) -> list[dict[str, Any]]:
    return dump_all((await api(token).my_enterprise_groups()).my_enterprise_groups)


async def admin_view(*, token: str, group_id: str) -> dict[str, Any]:
    """People, subgroups, member accounts (the first 100 of each, as lists) and providers of a group I administer."""
    view = dump(await api(token).enterprise_admin(group=group_id))
    return {**view, **{k: view[k]["nodes"] for k in ("enterprisePeople", "enterpriseSubgroups", "enterpriseMemberAccounts")}}


async def create_person(*, token: str, group_id: str, person: dict[str, Any]) -> dict[str, Any]:
    person_input = CreateEnterpriseUserInput.model_validate(person)
    return checked((await api(token).create_enterprise_user(group=group_id, input=person_input)).create_enterprise_user)


async def set_active(*, token: str, person_id: str, active: bool) -> dict[str, Any]:
    return checked((await api(token).set_enterprise_user_active(person=person_id, active=active)).set_enterprise_user_active)


async def set_level(*, token: str, person_id: str, level: str) -> dict[str, Any]:
    result = await api(token).set_enterprise_user_level(person=person_id, level=EnterpriseLevel(level))
    return checked(result.set_enterprise_user_level)


async def create_subgroup(*, token: str, group_id: str, name: str, account_ids: list[str]) -> dict[str, Any]:
    result = await api(token).create_enterprise_subgroup(group=group_id, name=name, account_ids=account_ids)
    return checked(result.create_enterprise_subgroup)


async def set_login_as(*, token: str, group_id: str, account_id: str, user: str, admin: str) -> dict[str, Any]:
    result = await api(token).set_login_as_users(
        group=group_id, account=account_id, user_login_as=user or None, admin_login_as=admin or None)
    return checked(result.set_login_as_users)
