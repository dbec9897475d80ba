"""The ID token checks Portico runs on the callback, against tokens the real provider issued."""

from __future__ import annotations

import pytest

from backend.enterprise import oidc
from backend.enterprise.providers import ProviderConfig, default_provider
from tests.enterprise.conftest import OTHER_ID, OTHER_SECRET, Provider, code_for_other_client, sso_env


def _default() -> ProviderConfig:
    config = default_provider()
    assert config is not None
    return config


async def test_a_token_minted_for_another_client_is_refused(provider: Provider, settings_env) -> None:
    token = code_for_other_client(provider.issuer, "sub-ada", nonce="n-1")
    settings_env(**sso_env(provider))
    # Twice: authlib consumes the options dict it is given; the check must hold every time.
    for _ in range(2):
        with pytest.raises(oidc.VERIFICATION_ERRORS, match="aud"):
            await oidc.verify_id_token(_default(), token, nonce="n-1")


async def test_the_same_token_passes_for_the_client_it_was_minted_for(provider: Provider, settings_env) -> None:
    token = code_for_other_client(provider.issuer, "sub-ada", nonce="n-2")
    settings_env(**{**sso_env(provider), "OIDC_CLIENT_ID": OTHER_ID, "OIDC_CLIENT_SECRET": OTHER_SECRET})
    claims = await oidc.verify_id_token(_default(), token, nonce="n-2")
    assert (claims["iss"], claims["sub"], claims["email"], claims["email_verified"]) == (
        provider.issuer, "sub-ada", "ada@corp.example.com", True,
    )
    with pytest.raises(oidc.VERIFICATION_ERRORS, match="nonce"):
        await oidc.verify_id_token(_default(), token, nonce="another-nonce")
