"""Sign-in, sessions and passwords (operations: graphql/auth.graphql)."""

from __future__ import annotations

from typing import Any

from frontend.api.client import api, checked, dump


async def login(*, email: str, password: str) -> dict[str, Any]:
    """Tokens (with the user) for a correct email and password."""
    return checked((await api().login(email=email, password=password)).login)["tokens"]


async def refresh(*, refresh_token: str) -> dict[str, Any]:
    return checked((await api().refresh(token=refresh_token)).refresh_token)["tokens"]


async def logout(*, token: str) -> None:
    await api(token).logout()


async def me(*, token: str) -> dict[str, Any] | None:
    """The signed-in person and their memberships, or None when the token is not valid."""
    viewer = (await api(token).me()).me
    return dump(viewer) if viewer else None


async def change_password(*, token: str, current: str, new: str) -> None:
    checked((await api(token).change_password(current=current, new=new)).change_password)


async def request_password_reset(*, email: str) -> None:
    checked((await api().request_password_reset(email=email)).request_password_reset)


async def reset_password(*, token: str, password: str) -> None:
    checked((await api().reset_password(token=token, password=password)).reset_password)


async def reset_link_problem(*, token: str) -> str | None:
    """None when the reset link still works, else TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED."""
    problem = (await api().reset_link_problem(token=token)).password_reset_link_problem
    return problem.value if problem else None
