"""`GET /sso/login` and `GET /sso/callback`: sign in with an enterprise group's OpenID
provider (authorization code with PKCE; state, nonce and the provider in a signed cookie of
its own).

`/sso/login` picks the provider: `?provider=<key>` (one button per provider), `?email=<work
email>` (home-realm discovery by the email's domain), or neither (the default provider of
the environment variables). On success the browser goes to `{PUBLIC_URL}/enterprise/signed-in
#access_token=...&refresh_token=...&expires_in=...` (a fragment, so tokens never reach a
server log). A client that sends `Accept: application/json` to the callback gets the same
tokens as JSON instead."""

from __future__ import annotations

import html
import logging
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from backend.core.config import get_settings
from backend.enterprise import providers, service

log = logging.getLogger("portico.sso")
SESSION_COOKIE = "portico_sso"  # its own name: cookies are not separated by port
PROVIDER_KEY = "sso_provider"


def _refusal(request: Request, status: int, reason: str, message: str) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"error": reason, "message": message}, status_code=status)
    back = f"{html.escape(get_settings().public_url)}/sign-in"
    return HTMLResponse(
        f"<!doctype html><title>Sign-in refused</title><h1>Sign-in refused</h1><p>{html.escape(message)}</p>"
        f'<p><a href="{back}">Back to sign in</a></p>', status,
    )


async def _chosen(request: Request) -> providers.ProviderConfig | None:
    email = request.query_params.get("email")
    if email:
        return await providers.for_email(email=email) or providers.default_provider()
    return await providers.get(key=request.query_params.get("provider"))


async def login(request: Request) -> Response:
    config = await _chosen(request)
    if config is None:
        return _refusal(request, 404, "sso_disabled", "Enterprise sign-in is not set up here.")
    request.session[PROVIDER_KEY] = config.key
    from backend.enterprise import oidc  # authlib (~15 MB): loaded on the first enterprise sign-in

    return await oidc.client(config).authorize_redirect(request, f"{get_settings().api_url}/sso/callback")


async def callback(request: Request) -> Response:
    config = await providers.get(key=request.session.get(PROVIDER_KEY))
    if config is None:
        return _refusal(request, 404, "sso_disabled", "Enterprise sign-in is not set up here.")
    from backend.enterprise import oidc

    try:
        token = await oidc.client(config).authorize_access_token(request, claims_options=oidc.claims_options(config))
    except oidc.VERIFICATION_ERRORS as exc:
        log.info("enterprise sign-in failed verification (%s): %s", config.key, exc)
        return _refusal(request, 400, "invalid_response", "The sign-in could not be verified. Try again.")
    claims = token.get("userinfo") or {}
    issuer = config.issuer_of(claims)
    if issuer is None:
        log.info("enterprise sign-in from an issuer or tenant %s does not allow: %s", config.key, claims.get("iss"))
        return _refusal(request, 400, "invalid_response", "The sign-in could not be verified. Try again.")
    try:
        tokens = await service.sign_in(
            provider=config, issuer=issuer, subject=str(claims["sub"]), email=claims.get("email"),
            email_verified=claims.get("email_verified") is True,
        )
    except service.SignInRefused:
        return _refusal(request, 403, "not_allowed", "This sign-in is not an active enterprise user. Ask your group admin.")
    values = {"access_token": tokens.access_token, "refresh_token": tokens.refresh_token, "expires_in": tokens.expires_in}
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(values)
    return RedirectResponse(f"{get_settings().public_url}/enterprise/signed-in#{urlencode(values)}", status_code=303)


def mount() -> Mount:
    """The `/sso` routes, with the signed session cookie they alone use."""
    settings = get_settings()
    app = Starlette(
        routes=[Route("/login", login), Route("/callback", callback)],
        middleware=[
            Middleware(
                SessionMiddleware, secret_key=settings.secret_key, session_cookie=SESSION_COOKIE, max_age=600,
                same_site="lax", https_only=not settings.debug,
            )
        ],
    )
    return Mount("/sso", app=app)
