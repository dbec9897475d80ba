"""`GET /reports/download/{token}`: a report by signed link (`reportDownloadUrl`), no
Authorization header.

The link's session stands in for the bearer token: the request is handed to the report's
own route (same checks, same rendering, same file name), signed in as that session if it
is still live. Altered or foreign link: 403. Expired: 410. Session ended, person disabled
or act-as over: 403. An act-as session's link reaches its one account only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from backend.core import identity, scope
from backend.core.context import SIGNED_IN_SCOPE_KEY, Context
from backend.core.errors import ApiError
from backend.core.security import InvalidToken, LinkExpired
from backend.reports import links
from backend.reports import routes as excel
from backend.reports.links import ReportKind
from backend.students import routes as pdf

Handler = Callable[[Request], Awaitable[Response]]
HANDLERS: dict[ReportKind, Handler] = {
    **{kind: excel.organization_report for kind in links.ORGANIZATION},
    ReportKind.USER_ACTIVITY: excel.user_activity_report,
    ReportKind.TEAM_ACTIVITY: excel.team_activity_report,
    ReportKind.STUDENT_ACCOUNT_INFO: pdf.student_account_info,
    ReportKind.USER_ACCOUNT_INFO: pdf.user_account_info,
}


def _refuse(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


async def download(request: Request) -> Response:
    try:
        link = links.read(request.path_params["token"])
    except LinkExpired:
        return _refuse(410, "LINK_EXPIRED", "This download link has expired: ask the app for a new one.")
    except InvalidToken:
        return _refuse(403, "LINK_INVALID", "This download link is not valid.")
    signed_in = await identity.load_session(link.session)
    if signed_in is None:
        return _refuse(403, "FORBIDDEN", "The sign-in that made this link has ended: sign in and ask for a new one.")
    inner = Request({
        **request.scope, "method": "GET", "path_params": link.request.path_params(),
        "query_string": urlencode(link.request.query()).encode(), SIGNED_IN_SCOPE_KEY: signed_in,
    }, request.receive)
    try:
        await scope.require_in_scope(Context(request=inner), link.request.account_arguments())
    except ApiError as e:
        return _refuse(403, e.code, str(e))
    return await HANDLERS[link.request.kind](inner)


routes = [Route("/reports/download/{token}", download)]
