"""How the portal reaches the Portico API: its address, the headers of every call, the
timeout, and the two errors a call can end in. The generated client's base class
(`graphql/base_client.py`) and `client.download` both use it.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Any

from frontend.api.messages import message_for

TIMEOUT_SECONDS = 15.0
# The browser this event came from: the API keys its sign-in and reset limits by it
# (it trusts the header from the portal's address only: TRUSTED_PROXIES).
_browser_address: ContextVar[str] = ContextVar("portico_browser_address", default="")


def forward_browser(address: str) -> None:
    """Name the browser's address on every API call made while handling this event."""
    _browser_address.set(address)


def headers(token: str) -> dict[str, str]:
    """My bearer token (when signed in) and the browser's address (when known)."""
    result = {"Authorization": f"Bearer {token}"} if token else {}
    if address := _browser_address.get():
        result["X-Forwarded-For"] = address
    return result


def api_url() -> str:
    """Where the API lives; read when called so tests and scripts can point elsewhere."""
    return os.environ.get("API_URL", "http://localhost:8000").rstrip("/")


class ApiError(Exception):
    """A call that did not happen: a top-level GraphQL error (`extensions.code`) or no answer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @classmethod
    def unreachable(cls) -> ApiError:
        return cls("UNREACHABLE", message_for("UNREACHABLE"))


class PayloadError(Exception):
    """A mutation the API refused with payload `errors[]` (an expected business outcome)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        first = errors[0] if errors else {}
        self.code = str(first.get("code") or "INVALID")
        self.field = first.get("field")
        self.message = message_for(self.code, first.get("message"))
        super().__init__(self.message)
