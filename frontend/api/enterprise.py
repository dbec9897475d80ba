"""Enterprise sign-in: the provider button, my group's member accounts, acting in one."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from frontend.api.auth import USER_FIELDS
from frontend.api.client import ApiError, api_url, execute

SSO_PROVIDER = "query SsoProvider { ssoProvider }"
MY_ACCOUNTS = """query MyEnterpriseAccounts { myEnterpriseAccounts {
  accountId name canAct permissions loginAs { id email fullName } } }"""
ACT_AS = f"""mutation ActAs($accountId: ID!) {{ actAsInAccount(accountId: $accountId) {{
  accessToken refreshToken expiresIn user {{ {USER_FIELDS} }} }} }}"""


def sso_login_url() -> str:
    """Where the "Sign in with ..." button goes: the API starts the provider's flow."""
    return f"{api_url()}/sso/login"


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
