"""`GET /reports/...xlsx`: Excel downloads for seat admins, signed in by bearer token.

No token (or a dead one): 401. Signed in but not a seat admin of the subscription, or an
act-as session of another account: 403.
"""

from __future__ import annotations

import os

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from backend.core import scope
from backend.core.context import Context
from backend.core.errors import ApiError, Unauthenticated
from backend.core.inputlimits import valid_id
from backend.reports import xlsx
from backend.seats import service as seats

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS = {"UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404}


async def _send(request: Request, *, report: xlsx.OrgReport | None, user_id: int | None) -> Response:
    if not all(valid_id(v) for v in request.path_params.values() if isinstance(v, int)):
        return JSONResponse({"error": "NOT_FOUND", "message": "No such report."}, status_code=404)
    try:
        context = Context(request=request)
        actor = await context.user()
        if actor is None:
            raise Unauthenticated()
        await scope.require_in_scope(context, {"subscriptionId": request.path_params["subscription_id"]})
        sub = await seats.require_seat_admin(subscription_id=request.path_params["subscription_id"], user=actor)
        person = (await seats.get_holder(subscription_id=sub.id, user_id=user_id)).user if user_id else None
    except ApiError as e:
        return JSONResponse({"error": e.code, "message": str(e)}, status_code=STATUS.get(e.code, 400))
    path = xlsx.temp_path()
    try:
        await xlsx.write(path, subscription_id=sub.id, report=report, user=person)
    except BaseException:
        os.unlink(path)
        raise
    name = f"{report.value}.xlsx" if report else f"activity-user-{person.id}.xlsx"  # type: ignore[union-attr]
    return FileResponse(path, media_type=XLSX, filename=name, background=BackgroundTask(os.unlink, path))


async def organization_report(request: Request) -> Response:
    try:
        report = xlsx.OrgReport(request.path_params["kind"])
    except ValueError:
        return JSONResponse({"error": "NOT_FOUND", "message": "No such report."}, status_code=404)
    return await _send(request, report=report, user_id=None)


async def user_activity_report(request: Request) -> Response:
    return await _send(request, report=None, user_id=request.path_params["user_id"])


routes = [
    Route("/reports/subscriptions/{subscription_id:int}/users/{user_id:int}/activity.xlsx", user_activity_report),
    Route("/reports/subscriptions/{subscription_id:int}/{kind}.xlsx", organization_report),
]
