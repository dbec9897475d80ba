"""`GET /reports/...xlsx`: Excel downloads for seat admins, signed in by bearer token.

No token (or a dead one): 401. Signed in but not a seat admin of the subscription, or an
act-as session of another account: 403. IDs (global IDs, or until the next major version
bare integers) malformed, of another type or out of range: 404.
`?from=YYYY-MM-DD&to=YYYY-MM-DD` narrows any report to those UTC days (both included).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from backend.accounts.models import User
from backend.activity.service import Period
from backend.core import scope
from backend.core.context import Context
from backend.core.errors import ApiError, NotFound, Unauthenticated
from backend.core.globalid import pk_of
from backend.reports import rows, xlsx
from backend.seats import service as seats
from backend.seats import teams
from backend.seats.models import TeamMember

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS = {"UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404, "BAD_REQUEST": 400}
Build = Callable[[User, int, Period], Awaitable[rows.Report]]


class BadPeriod(ApiError):
    code = "BAD_REQUEST"
    default_message = "Dates are YYYY-MM-DD, and `from` comes before `to`."


def _period(request: Request) -> Period:
    try:
        since, until = (date.fromisoformat(v) if (v := request.query_params.get(k)) else None for k in ("from", "to"))
    except ValueError as exc:
        raise BadPeriod() from exc
    if since and until and until < since:
        raise BadPeriod()
    return Period(since=since, until=until)


# Path ids: a global ID of this type or a bare integer (core/globalid.PathIdConvertor).
PATH_TYPES = {"subscription_id": "Subscription", "user_id": "User", "team_id": "Team"}


def _ids(request: Request) -> dict[str, int]:
    """The path's ids as primary keys; NotFound for a malformed one or another type's."""
    return {k: pk_of(v, PATH_TYPES[k]) for k, v in request.path_params.items() if k in PATH_TYPES}


async def _send(request: Request, build: Build) -> Response:
    try:
        ids = _ids(request)
    except NotFound:
        return JSONResponse({"error": "NOT_FOUND", "message": "No such report."}, status_code=404)
    try:
        context = Context(request=request)
        actor = await context.user()
        if actor is None:
            raise Unauthenticated()
        await scope.require_in_scope(context, {"subscriptionId": ids["subscription_id"]})
        sub = await seats.require_seat_admin(subscription_id=ids["subscription_id"], user=actor)
        report = await build(actor, sub.id, _period(request))
    except ApiError as e:
        return JSONResponse({"error": e.code, "message": str(e)}, status_code=STATUS.get(e.code, 400))
    return xlsx_response(report)


def xlsx_response(report: rows.Report) -> Response:
    """The report as an .xlsx download, sent as it is written (chunked: no Content-Length)."""
    return StreamingResponse(
        xlsx.stream(report), media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{report.filename}"'},
    )


async def organization_report(request: Request) -> Response:
    try:
        kind = rows.OrgReport(request.path_params["kind"])
    except ValueError:
        return JSONResponse({"error": "NOT_FOUND", "message": "No such report."}, status_code=404)

    async def build(actor: User, sub_id: int, period: Period) -> rows.Report:
        return rows.org_report(subscription_id=sub_id, kind=kind, period=period)

    return await _send(request, build)


async def user_activity_report(request: Request) -> Response:
    async def build(actor: User, sub_id: int, period: Period) -> rows.Report:
        holder = await seats.get_holder(subscription_id=sub_id, user_id=pk_of(request.path_params["user_id"], "User"))
        return rows.person_report(subscription_id=sub_id, person=holder.user, period=period)

    return await _send(request, build)


async def team_activity_report(request: Request) -> Response:
    async def build(actor: User, sub_id: int, period: Period) -> rows.Report:
        team = await teams.get_team(actor=actor, team_id=pk_of(request.path_params["team_id"], "Team"))
        if team.subscription_id != sub_id:  # type: ignore[attr-defined]
            raise NotFound("No such team on this subscription.")
        members = [m.user for m in await TeamMember.filter(team_id=team.id).select_related("user")]
        return rows.team_report(subscription_id=sub_id, team_id=team.id, team_name=team.name, members=members, period=period)

    return await _send(request, build)


routes = [
    Route("/reports/subscriptions/{subscription_id:id}/users/{user_id:id}/activity.xlsx", user_activity_report),
    Route("/reports/subscriptions/{subscription_id:id}/teams/{team_id:id}/activity.xlsx", team_activity_report),
    Route("/reports/subscriptions/{subscription_id:id}/{kind}.xlsx", organization_report),
]
