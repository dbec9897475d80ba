"""The base class of the generated client (ariadne-codegen copies this file into
`frontend/api/generated/`): every generated operation goes through `execute` here, so the
portal's calls keep one behaviour: `API_URL` read at call time, my bearer token, the
browser's address, one timeout, and `ApiError` for a top-level error or no answer.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import BaseModel

from frontend.api.messages import message_for
from frontend.api.transport import TIMEOUT_SECONDS, ApiError, api_url, headers

from .base_model import UNSET


class PorticoBaseClient:
    """One client per call: `Client(token=...)` (no token: signed out)."""

    def __init__(self, token: str = "") -> None:
        self.token = token

    async def execute(
        self, query: str, operation_name: str | None = None, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """Post one operation and return the response body, or raise ApiError when no answer came."""
        body = {"query": query, "variables": _jsonable(variables or {})}
        try:
            async with httpx.AsyncClient(base_url=api_url(), timeout=TIMEOUT_SECONDS) as client:
                response = await client.post("/graphql", json=body, headers=headers(self.token))
        except httpx.HTTPError as exc:
            raise ApiError.unreachable() from exc
        try:
            answer = response.json()
        except ValueError as exc:
            raise ApiError.unreachable() from exc
        return answer if isinstance(answer, dict) else {}

    def get_data(self, response: dict[str, Any]) -> dict[str, Any]:
        """The body's `data`, or ApiError with the first top-level error's `extensions.code`."""
        if response.get("errors"):
            error = response["errors"][0]
            code = str((error.get("extensions") or {}).get("code") or "INTERNAL")
            raise ApiError(code, message_for(code, error.get("message")))
        return response.get("data") or {}


def _jsonable(value: Any) -> Any:
    """Variables as JSON: input models by their GraphQL names, enums by value, UNSET left out."""
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items() if item is not UNSET}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value  # generated enums are `str` enums: JSON writes their value
