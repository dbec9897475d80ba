"""One GraphQL client for the Portico API (`API_URL` + `/graphql`)."""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Any

import httpx

from frontend.api.messages import message_for

TIMEOUT_SECONDS = 15.0
# The browser this event came from: the API keys its sign-in and reset limits by it
# (it trusts the header from the portal's address only: TRUSTED_PROXIES).
_browser_address: ContextVar[str] = ContextVar("portico_browser_address", default="")


def forward_browser(address: str) -> None:
    """Name the browser's address on every API call made while handling this event."""
    _browser_address.set(address)


def _headers(token: str) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if address := _browser_address.get():
        headers["X-Forwarded-For"] = address
    return headers


def api_url() -> str:
    """Where the API lives; read when called so tests and scripts can point elsewhere."""
    return os.environ.get("API_URL", "http://localhost:8000").rstrip("/")


class ApiError(Exception):
    """A call that did not happen: a top-level GraphQL error (`extensions.code`) or no answer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class PayloadError(Exception):
    """A mutation the API refused with payload `errors[]` (an expected business outcome)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        first = errors[0] if errors else {}
        self.code = str(first.get("code") or "INVALID")
        self.field = first.get("field")
        self.message = message_for(self.code, first.get("message"))
        super().__init__(self.message)


async def execute(document: str, variables: dict[str, Any] | None = None, *, token: str = "") -> dict[str, Any]:
    """Run one GraphQL document and return its `data`, or raise ApiError."""
    try:
        async with httpx.AsyncClient(base_url=api_url(), timeout=TIMEOUT_SECONDS) as client:
            response = await client.post(
                "/graphql", json={"query": document, "variables": variables or {}}, headers=_headers(token)
            )
    except httpx.HTTPError as exc:
        raise ApiError("UNREACHABLE", message_for("UNREACHABLE")) from exc
    try:
        body = response.json()
    except ValueError as exc:
        raise ApiError("UNREACHABLE", message_for("UNREACHABLE")) from exc
    if body.get("errors"):
        error = body["errors"][0]
        code = str((error.get("extensions") or {}).get("code") or "INTERNAL")
        raise ApiError(code, message_for(code, error.get("message")))
    return body.get("data") or {}


async def download(path: str, *, token: str, method: str = "GET", timeout: float = TIMEOUT_SECONDS) -> bytes:
    """GET (or POST) a file from the API (an Excel or PDF report) with my bearer token, or
    raise ApiError. Called from event handlers only: the token stays in the portal's server-side state.
    """
    try:
        async with httpx.AsyncClient(base_url=api_url(), timeout=timeout) as client:
            response = await client.request(method, path, headers=_headers(token))
    except httpx.HTTPError as exc:
        raise ApiError("UNREACHABLE", message_for("UNREACHABLE")) from exc
    if response.status_code != 200:
        try:
            code = str(response.json().get("error") or "INTERNAL")
        except ValueError:
            code = "INTERNAL"
        raise ApiError(code, message_for(code))
    return response.content


def checked(payload: dict[str, Any]) -> dict[str, Any]:
    """Return a mutation payload, or raise PayloadError when it carries `errors`."""
    if payload.get("errors"):
        raise PayloadError(payload["errors"])
    return payload
