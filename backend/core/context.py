"""The per-request GraphQL context: who is calling, resolved once, checked every request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from strawberry.dataloader import DataLoader

from backend.accounts.models import User, UserStatus
from backend.auth.models import Session
from backend.core.clientaddr import client_address
from backend.core.security import InvalidToken, decode_access_token

_UNSET = object()


def client_ip(request: Request | None) -> str:
    """The real client's address (behind trusted proxies only; see `core.clientaddr`)."""
    return client_address(request)


@dataclass
class Context:
    request: Request | None
    response: Any = None
    loaders: dict[str, DataLoader] = field(default_factory=dict)
    _user: Any = _UNSET
    session_id: Any = None

    @property
    def ip(self) -> str:
        return client_ip(self.request)

    async def user(self) -> User | None:
        """The signed-in person, or None. A revoked session or disabled person is None on
        the very next request, whatever the access token's expiry says."""
        if self._user is _UNSET:
            self._user = await self._resolve_user()
        return self._user  # type: ignore[return-value]

    async def _resolve_user(self) -> User | None:
        header = self.request.headers.get("authorization", "") if self.request else ""
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            claims = decode_access_token(token)
        except InvalidToken:
            return None
        session = await Session.get_or_none(
            id=claims.session_id, user_id=claims.user_id, revoked_at__isnull=True, user__status=UserStatus.ACTIVE
        ).select_related("user")
        if session is None:
            return None
        self.session_id = session.id
        return session.user

    def loader(self, name: str, load_fn: Any) -> DataLoader:
        """A DataLoader per request, created on first use."""
        if name not in self.loaders:
            self.loaders[name] = DataLoader(load_fn=load_fn)
        return self.loaders[name]
