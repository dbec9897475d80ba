"""The per-request GraphQL context: who is calling, resolved once, checked every request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from strawberry.dataloader import DataLoader

from backend.core import identity
from backend.core.clientaddr import client_address
from backend.core.security import InvalidToken, decode_access_token

_UNSET = object()
# A route that verified another credential than a bearer token (a signed download link)
# puts the live session here, in the ASGI scope, which no client can write.
SIGNED_IN_SCOPE_KEY = "portico.signed_in"


def client_ip(request: Request | None) -> str:
    """The real client's address (behind trusted proxies only; see `core.clientaddr`)."""
    return client_address(request)


@dataclass
class Context:
    request: Request | None
    response: Any = None
    loaders: dict[str, DataLoader] = field(default_factory=dict)
    _signed_in: Any = _UNSET
    # The accounts each field's arguments name, resolved once per (argument, id) per request.
    account_cache: dict[tuple[str, int], int | None] = field(default_factory=dict)

    @property
    def ip(self) -> str:
        return client_ip(self.request)

    async def signed_in(self) -> identity.SignedIn | None:
        """The live session, or None. A revoked session, a disabled person or an act-as
        session whose enterprise person lost the right is None on the very next request,
        whatever the access token's expiry says."""
        if self._signed_in is _UNSET:
            self._signed_in = await self._resolve()
        return self._signed_in  # type: ignore[no-any-return]

    async def user(self) -> Any:
        """The signed-in person (the accounts domain's User), or None."""
        signed_in = await self.signed_in()
        return signed_in.user if signed_in else None

    @property
    def session_id(self) -> Any:
        return self._signed_in.session_id if isinstance(self._signed_in, identity.SignedIn) else None

    async def account_scope(self) -> int | None:
        """The one account an act-as session may touch; None for an ordinary session."""
        signed_in = await self.signed_in()
        return signed_in.account_scope if signed_in else None

    async def _resolve(self) -> identity.SignedIn | None:
        if self.request is not None and SIGNED_IN_SCOPE_KEY in self.request.scope:
            return self.request.scope[SIGNED_IN_SCOPE_KEY]  # type: ignore[no-any-return]
        header = self.request.headers.get("authorization", "") if self.request else ""
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            claims = decode_access_token(token)
        except InvalidToken:
            return None
        return await identity.load_session(claims)

    def loader(self, name: str, load_fn: Any) -> DataLoader:
        """A DataLoader per request, created on first use."""
        if name not in self.loaders:
            self.loaders[name] = DataLoader(load_fn=load_fn)
        return self.loaders[name]
