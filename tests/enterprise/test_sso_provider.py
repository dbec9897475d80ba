"""ssoProvider: the public switch for the portal's "Sign in with ..." button."""

from __future__ import annotations

from tests.conftest import Api

QUERY = "{ ssoProvider }"
SSO = {"OIDC_ISSUER": "https://login.microsoftonline.com/tenant/v2.0", "OIDC_CLIENT_ID": "portico", "OIDC_CLIENT_SECRET": "s"}


async def test_null_when_enterprise_sign_in_is_not_set_up(api: Api, settings_env) -> None:
    settings_env(OIDC_ISSUER="", OIDC_CLIENT_ID="", OIDC_CLIENT_SECRET="")
    assert await api(QUERY) == {"ssoProvider": None}
    settings_env(OIDC_ISSUER=SSO["OIDC_ISSUER"], OIDC_CLIENT_ID="portico")  # no secret: still off
    assert await api(QUERY) == {"ssoProvider": None}


async def test_the_configured_name_without_signing_in(api: Api, settings_env) -> None:
    settings_env(**SSO)
    assert await api(QUERY) == {"ssoProvider": "Google"}
    settings_env(OIDC_PROVIDER_NAME="Microsoft")
    assert await api(QUERY) == {"ssoProvider": "Microsoft"}
