"""One GraphQL client for the Portico API (`API_URL` + `/graphql`).

The operations live in `graphql/*.graphql`; `./scripts/codegen.sh` generates the typed
client `generated.Client` from them and `schema.graphql` (a test fails when the committed
package is stale, or when an operation no longer matches the schema). Domain modules call
`api(token).<operation>(...)` and hand the pages plain dicts (`dump`), keyed by the
schema's field names as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Protocol

import httpx
from pydantic import BaseModel

from frontend.api.generated import Client
from frontend.api.messages import message_for
from frontend.api.transport import TIMEOUT_SECONDS, ApiError, PayloadError, api_url, forward_browser, headers

__all__ = ["ApiError", "PayloadError", "api", "api_url", "checked", "download", "dump", "dump_all", "forward_browser"]


def api(token: str = "") -> Client:
    """The generated client, calling as me (no token: signed out)."""
    return Client(token=token)


def dump(model: BaseModel) -> dict[str, Any]:
    """A result as the JSON the API sent: schema field names, enums as strings."""
    return model.model_dump(by_alias=True, mode="json")


def dump_all(models: Iterable[BaseModel]) -> list[dict[str, Any]]:
    return [dump(model) for model in models]


class ConnectionPageInfo(Protocol):
    @property
    def has_next_page(self) -> bool: ...
    @property
    def end_cursor(self) -> str | None: ...


class ConnectionPage(Protocol):
    @property
    def nodes(self) -> Sequence[BaseModel]: ...
    @property
    def page_info(self) -> ConnectionPageInfo: ...


async def every_page(fetch: Callable[[str | None], Awaitable[ConnectionPage]]) -> list[dict[str, Any]]:
    """Every item of a connection, for the pages that sort and page a whole list themselves:
    `fetch(after)` answers one page (its operation selects `nodes` and `pageInfo { hasNextPage
    endCursor }`); the pages follow the cursor until the last."""
    rows: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = await fetch(after)
        rows += dump_all(page.nodes)
        if not page.page_info.has_next_page:
            return rows
        after = page.page_info.end_cursor


def checked(payload: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """Return a mutation payload as a dict, or raise PayloadError when it carries `errors`."""
    data = dump(payload) if isinstance(payload, BaseModel) else payload
    if data.get("errors"):
        raise PayloadError(data["errors"])
    return data


async def download(path: str, *, token: str, method: str = "GET", timeout: float = TIMEOUT_SECONDS) -> bytes:
    """GET (or POST) a file from the API (an Excel or PDF report) with my bearer token, or
    raise ApiError. Called from event handlers only: the token stays in the portal's server-side state.
    """
    try:
        async with httpx.AsyncClient(base_url=api_url(), timeout=timeout) as client:
            response = await client.request(method, path, headers=headers(token))
    except httpx.HTTPError as exc:
        raise ApiError.unreachable() from exc
    if response.status_code != 200:
        try:
            code = str(response.json().get("error") or "INTERNAL")
        except ValueError:
            code = "INTERNAL"
        raise ApiError(code, message_for(code))
    return response.content
