"""Building test data through the services, as the product would."""

from __future__ import annotations

import itertools
import re
from typing import Any

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole, User
from backend.auth import service as auth
from backend.core.globalid import encode, pk_of

PASSWORD = "correct-horse-battery-staple-9"
_seq = itertools.count(1)


async def make_user(email: str | None = None, *, password: str = PASSWORD, first: str = "Test", last: str = "Person") -> User:
    return await accounts.create_user(
        email=email or f"person{next(_seq)}@example.com", password=password, first_name=first, last_name=last
    )


async def make_account(name: str | None = None, *, admin: User | None = None) -> Account:
    return await accounts.create_account(name=name or f"Account {next(_seq)}", creator=admin)


async def make_member(account: Account, user: User | None = None, *, role: MembershipRole = MembershipRole.USER, modules: list[str] | None = None) -> User:
    user = user or await make_user()
    await accounts.add_member(account=account, user=user, role=role, actor_id=None, modules=modules or [])
    return user


async def token_for(user: User) -> str:
    return (await auth.start_session(user=user)).access_token


def link_token(text: str, path: str) -> str:
    match = re.search(rf"http://portal\.test{re.escape(path)}\?token=([\w\-]+)", text)
    assert match, f"no {path} link in: {text}"
    return match.group(1)


def gid(type_name: str, pk: int | str) -> str:
    """The global ID the API answers for row `pk` of `type_name` (`Account`, `Family`, ...)."""
    return str(encode(type_name, pk))


def pk(global_id: str) -> int:
    """The database id a global ID (or a bare integer) names."""
    return pk_of(global_id)


def ids(rows: list[dict[str, Any]], key: str = "email") -> list[Any]:
    return [r[key] for r in rows]


async def make_subscription(account: Account, admin: User, *, seats: int = 3, days_left: int = 300, name: str = "Team plan") -> Any:
    from datetime import timedelta

    from backend.core.security import utcnow
    from backend.seats import service as seats_service

    today = utcnow().date()
    return await seats_service.create_subscription(
        account=account, actor=admin, name=name, seat_count=seats, starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=days_left), features=["Video library", "Practice labs"],
    )


async def make_seat_user(subscription: Any, user: User | None = None, *, active: bool = True, admin: bool = False, first: str = "Test", last: str = "Person") -> User:
    """A person on a subscription: an active seat, a deactivated one, and/or seat admin."""
    from backend.seats import service as seats_service
    from backend.seats.models import SeatHolder, SeatStatus

    user = user or await make_user(first=first, last=last, password=None)  # type: ignore[arg-type]
    if active:
        await seats_service.take_seat(subscription_id=subscription.id, user_id=user.id)
    holder, _ = await SeatHolder.get_or_create(subscription_id=subscription.id, user_id=user.id)
    status = SeatStatus.ACTIVE if active else SeatStatus.DEACTIVATED if not admin else holder.seat_status
    await SeatHolder.filter(id=holder.id).update(is_admin=admin or holder.is_admin, seat_status=status)
    return user
