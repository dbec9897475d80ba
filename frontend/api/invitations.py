"""Opening and accepting an invitation link (no sign-in needed)."""

from __future__ import annotations

from typing import Any

from frontend.api.auth import TOKENS, USER_FIELDS
from frontend.api.client import checked, execute

INVITATION = """query Invitation($token: String!) { invitation(token: $token) {
  kind email targetName summary inviterName status expiresAt existingUser firstName lastName privacyPolicyUrl termsUrl
  documentsVersion } }"""
ACCEPT_INVITATION = f"""mutation Accept($token: String!, $adult: Boolean!, $terms: Boolean!, $password: String, $first: String,
  $last: String) {{
  acceptInvitation(token: $token, confirmAdult: $adult, acceptTerms: $terms, password: $password, firstName: $first,
    lastName: $last) {{
    user {{ {USER_FIELDS} }} {TOKENS} }} }}"""


async def preview(*, token: str) -> dict[str, Any]:
    """What the link is for; ApiError NOT_FOUND for an unknown token."""
    return (await execute(INVITATION, {"token": token}))["invitation"]


async def accept(
    *, token: str, confirm_adult: bool, accept_terms: bool, password: str | None,
    first_name: str | None = None, last_name: str | None = None,
) -> dict[str, Any]:
    """Accept once; returns the payload (tokens only for a person who just set a password)."""
    variables = {
        "token": token, "adult": confirm_adult, "terms": accept_terms, "password": password, "first": first_name, "last": last_name,
    }
    return checked((await execute(ACCEPT_INVITATION, variables))["acceptInvitation"])
