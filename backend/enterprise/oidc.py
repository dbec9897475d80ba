"""The OpenID Connect client (authlib) for enterprise sign-in: discovery, PKCE, and ID
token checks. Known authlib traps (see shared notes): it checks `aud` only when told, and
it consumes the `claims_options` dict it is given, so a fresh one is built per call."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

from authlib.common.errors import AuthlibBaseError
from joserfc.errors import JoseError

from backend.core.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # authlib warns about its own httpx module on import
    from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App

SCOPES = "openid email profile"
# Google also signs ID tokens with its issuer spelled without the scheme.
ISSUER_ALIASES = {"https://accounts.google.com": ["accounts.google.com"]}
# A failed check surfaces as either library's error (authlib delegates JWT checks to joserfc).
VERIFICATION_ERRORS = (AuthlibBaseError, JoseError)


def claims_options(settings: Settings) -> dict[str, Any]:
    """What an ID token must say: our issuer, our client as audience. Fresh on every call."""
    return {
        "iss": {"essential": True, "values": [settings.oidc_issuer, *ISSUER_ALIASES.get(settings.oidc_issuer or "", [])]},
        "aud": {"essential": True, "values": [settings.oidc_client_id]},
        "sub": {"essential": True},
    }


@lru_cache(maxsize=4)
def client(settings: Settings) -> StarletteOAuth2App:
    """The registered client for these settings (cached: discovery and keys are fetched once)."""
    oauth = OAuth()
    registered: StarletteOAuth2App = oauth.register(
        name="enterprise",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=settings.oidc_discovery_url,
        client_kwargs={"scope": SCOPES, "code_challenge_method": "S256", "token_endpoint_auth_method": "client_secret_basic"},
    )
    return registered


async def verify_id_token(settings: Settings, token: dict[str, Any], *, nonce: str) -> dict[str, Any]:
    """The claims of a token response's ID token, checked (signature by the provider's
    published keys, issuer, audience, nonce, expiry). Raises one of VERIFICATION_ERRORS otherwise."""
    claims = await client(settings).parse_id_token(token, nonce=nonce, claims_options=claims_options(settings))
    return dict(claims)
