"""Opening and accepting an invitation link, no sign-in needed (operations: graphql/invitations.graphql)."""

from __future__ import annotations

from typing import Any

from frontend.api.client import api, checked, dump


async def preview(*, token: str) -> dict[str, Any]:
    """What the link is for; ApiError NOT_FOUND for an unknown token."""
    return dump((await api().invitation(token=token)).invitation)


async def accept(
    *, token: str, confirm_adult: bool, accept_terms: bool, password: str | None,
    first_name: str | None = None, last_name: str | None = None,
) -> dict[str, Any]:
    """Accept once; returns the payload (tokens only for a person who just set a password)."""
    result = await api().accept_invitation(
        token=token, adult=confirm_adult, terms=accept_terms, password=password, first=first_name, last=last_name,
    )
    return checked(result.accept_invitation)
