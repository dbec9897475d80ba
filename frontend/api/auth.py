"""Sign-in, sessions and passwords."""

from __future__ import annotations

from typing import Any

from frontend.api.client import checked, execute

USER_FIELDS = "id email firstName lastName fullName"
TOKENS = f"tokens {{ accessToken refreshToken expiresIn user {{ {USER_FIELDS} }} }} errors {{ code message field }}"

LOGIN = f"mutation Login($email: String!, $password: String!) {{ login(email: $email, password: $password) {{ {TOKENS} }} }}"
REFRESH = f"mutation Refresh($token: String!) {{ refreshToken(refreshToken: $token) {{ {TOKENS} }} }}"
LOGOUT = "mutation Logout { logout { ok errors { code message } } }"
ME = f"""query Me {{ me {{ user {{ {USER_FIELDS} }} isEnterpriseUser actAsAccountId
  memberships {{ id role status modules subAccountIds permissions account {{ id name parentId }} }} }} }}"""
CHANGE_PASSWORD = """mutation ChangePassword($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) { ok errors { code message field } } }"""
REQUEST_PASSWORD_RESET = "mutation Forgot($email: String!) { requestPasswordReset(email: $email) { ok errors { code message field } } }"
RESET_PASSWORD = """mutation Reset($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { ok errors { code message field } } }"""


async def login(*, email: str, password: str) -> dict[str, Any]:
    """Tokens (with the user) for a correct email and password."""
    data = await execute(LOGIN, {"email": email, "password": password})
    return checked(data["login"])["tokens"]


async def refresh(*, refresh_token: str) -> dict[str, Any]:
    data = await execute(REFRESH, {"token": refresh_token})
    return checked(data["refreshToken"])["tokens"]


async def logout(*, token: str) -> None:
    await execute(LOGOUT, token=token)


async def me(*, token: str) -> dict[str, Any] | None:
    """The signed-in person and their memberships, or None when the token is not valid."""
    return (await execute(ME, token=token)).get("me")


async def change_password(*, token: str, current: str, new: str) -> None:
    checked((await execute(CHANGE_PASSWORD, {"current": current, "new": new}, token=token))["changePassword"])


async def request_password_reset(*, email: str) -> None:
    checked((await execute(REQUEST_PASSWORD_RESET, {"email": email}))["requestPasswordReset"])


async def reset_password(*, token: str, password: str) -> None:
    checked((await execute(RESET_PASSWORD, {"token": token, "password": password}))["resetPassword"])


RESET_LINK_PROBLEM = "query ResetLink($token: String!) { passwordResetLinkProblem(token: $token) }"


async def reset_link_problem(*, token: str) -> str | None:
    """None when the reset link still works, else TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED."""
    return (await execute(RESET_LINK_PROBLEM, {"token": token}))["passwordResetLinkProblem"]
