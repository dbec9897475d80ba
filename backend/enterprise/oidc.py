"""The OpenID Connect client (authlib) for enterprise sign-in: discovery, PKCE, and ID
token checks, per provider. Known authlib traps (see shared notes): it checks `aud` only
when told, and it consumes the `claims_options` dict it is given, so a fresh one is built
per call. A multi-tenant issuer is checked after parsing (`ProviderConfig.issuer_of`)."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

from authlib.common.errors import AuthlibBaseError
from joserfc.errors import JoseError

from backend.enterprise.providers import ISSUER_ALIASES, ProviderConfig

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # authlib warns about its own httpx module on import
    from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App

SCOPES = "openid email profile"
# A failed check surfaces as either library's error (authlib delegates JWT checks to joserfc).
VERIFICATION_ERRORS = (AuthlibBaseError, JoseError)


def claims_options(config: ProviderConfig) -> dict[str, Any]:
    """What an ID token must say: our client as audience and, for a one-tenant provider,
    its issuer. Fresh on every call."""
    iss: dict[str, Any] = {"essential": True}
    if not config.multi_tenant:
        iss["values"] = [config.issuer, *ISSUER_ALIASES.get(config.issuer, [])]
    return {"iss": iss, "aud": {"essential": True, "values": [config.client_id]}, "sub": {"essential": True}}


@lru_cache(maxsize=32)
def client(config: ProviderConfig) -> StarletteOAuth2App:
    """The registered client for this provider (cached: discovery and keys are fetched once)."""
    oauth = OAuth()
    registered: StarletteOAuth2App = oauth.register(
        name=f"enterprise-{config.key}",
        client_id=config.client_id,
        client_secret=config.client_secret,
        server_metadata_url=config.discovery_url,
        client_kwargs={"scope": SCOPES, "code_challenge_method": "S256", "token_endpoint_auth_method": "client_secret_basic"},
    )
    return registered


async def verify_id_token(config: ProviderConfig, token: dict[str, Any], *, nonce: str) -> dict[str, Any]:
    """The claims of a token response's ID token, checked (signature by the provider's
    published keys, issuer, audience, nonce, expiry). Raises one of VERIFICATION_ERRORS otherwise."""
    claims = await client(config).parse_id_token(token, nonce=nonce, claims_options=claims_options(config))
    return dict(claims)
