"""The baselines Portico is measured against: bare Starlette + Strawberry answering the same
shapes from memory (no database, no auth), run under the same uvicorn settings.

    uvicorn benchmarks.bare:app_cached --factory     # with Portico's parser/validation caches
    uvicorn benchmarks.bare:app_default --factory    # Strawberry's defaults
"""

from __future__ import annotations

import strawberry
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    first_name: str
    last_name: str
    full_name: str


@strawberry.type
class Account:
    id: strawberry.ID
    name: str
    parent_id: strawberry.ID | None


@strawberry.type
class Membership:
    id: strawberry.ID
    role: str
    status: str
    modules: list[str]
    sub_account_ids: list[strawberry.ID]
    permissions: list[str]
    account: Account


@strawberry.type
class Me:
    user: User
    memberships: list[Membership]


@strawberry.type
class SeatUser:
    user: User | None
    email: str
    first_name: str
    last_name: str
    status: str
    is_admin: bool
    has_content_access: bool
    teams: list[str]


ME = Me(
    user=User(id=strawberry.ID("1"), email="admin@bench.test", first_name="Ada", last_name="Admin", full_name="Ada Admin"),
    memberships=[
        Membership(
            # What Portico answers for the benchmark's admin: every module and permission.
            id=strawberry.ID("1"), role="ADMIN", status="ACTIVE", sub_account_ids=[],
            modules=["DASHBOARD", "CUSTOMERS", "SCHEDULING", "COMMUNICATIONS", "REPORTS", "SEATS", "PRICING", "PAYMENT",
                     "USER_MANAGEMENT"],
            permissions=["ACCOUNT_VIEW", "AUDIT_VIEW", "COMMUNICATIONS_MANAGE", "DASHBOARD_VIEW", "FAMILIES_MANAGE",
                         "PAYMENTS_MANAGE", "PRICING_MANAGE", "REPORTS_VIEW", "SCHEDULING_MANAGE", "SEATS_MANAGE",
                         "USERS_MANAGE"],
            account=Account(id=strawberry.ID("1"), name="Bench account", parent_id=None),
        )
    ],
)
SEAT_USERS = [
    SeatUser(
        user=User(id=strawberry.ID(str(i)), email=f"u{i}@bench.test", first_name="Seat", last_name=f"User {i}",
                  full_name=f"Seat User {i}"),
        email=f"u{i}@bench.test", first_name="Seat", last_name=f"User {i}", status="ACTIVE", is_admin=False,
        has_content_access=True, teams=[],
    )
    for i in range(1000)
]


@strawberry.type
class SeatUserPage:
    """The shape of Portico's `SeatUserConnection` the benchmark reads (a page and the total)."""

    nodes: list[SeatUser]
    total_count: int


@strawberry.type
class Query:
    @strawberry.field
    def me(self) -> Me:
        return ME

    @strawberry.field
    def subscription_users(self, subscription_id: strawberry.ID, search: str = "", first: int = 50) -> SeatUserPage:
        return SeatUserPage(nodes=SEAT_USERS[:first], total_count=len(SEAT_USERS))


def _health(_: object) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _app(schema: strawberry.Schema | None) -> Starlette:
    routes = [Route("/healthz", _health)]
    if schema is not None:
        routes.append(Route("/graphql", GraphQL(schema, graphql_ide=None), methods=["GET", "POST"]))
    return Starlette(routes=routes)


def app_cached() -> Starlette:
    return _app(strawberry.Schema(query=Query, extensions=[lambda: ParserCache(maxsize=1024), lambda: ValidationCache(maxsize=1024)]))


def app_default() -> Starlette:
    return _app(strawberry.Schema(query=Query))
