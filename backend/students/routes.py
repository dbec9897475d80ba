"""PDF downloads for account staff, with the same bearer token as the API (and the Excel reports):

    GET  /reports/accounts/{id}/student-account-info.pdf       [?status=&search=]
    GET  /reports/accounts/{id}/user-account-info.pdf          [?userType=&status=&search=]
    GET  /reports/accounts/{id}/user-account-credentials.pdf   ?who=students|guardians|both&fields=...  (preview: issues nothing)
    POST /reports/accounts/{id}/user-account-credentials.pdf   same parameters: issues the one-time passwords and prints them

`{id}`: the account's global ID (or, until the next major version, its integer id).
No token: 401; not staff with `families.manage` in the account: 403; a malformed id: 404.
PDFs render in a thread.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from backend.accounts.models import Account, User
from backend.core.config import get_settings
from backend.core.context import Context
from backend.core.errors import ApiError, Unauthenticated
from backend.core.globalid import pk_of
from backend.core.security import utcnow
from backend.students import listing, paper, pdf
from backend.students.people import require_staff

STATUS = {"UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404}
TYPES = {"STUDENT", "GUARDIAN", "STAFF"}


def _refuse(code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=STATUS.get(code, 400))


async def _staff(request: Request) -> tuple[User, Account]:
    actor = await Context(request=request).user()
    if actor is None:
        raise Unauthenticated()
    return actor, await require_staff(actor=actor, account_id=pk_of(request.path_params["account_id"], "Account"))


def _pdf(data: bytes, name: str) -> Response:
    return Response(data, media_type="application/pdf", headers={"content-disposition": f'attachment; filename="{name}"'})


async def _rows(request: Request, account: Account, user_type: str | None) -> list[listing.Row]:
    q = request.query_params
    status = q.get("status") if q.get("status") in pdf.STATUS_WORDS else None
    return await listing.user_accounts(account_id=account.id, user_type=user_type, status=status, search=q.get("search"),
                                       first=paper.EVERYONE)


async def student_account_info(request: Request) -> Response:
    try:
        _, account = await _staff(request)
    except ApiError as e:
        return _refuse(e.code, str(e))
    rows = await _rows(request, account, "STUDENT")
    data = await asyncio.to_thread(pdf.student_account_info, account_name=account.name, rows=rows, generated=utcnow())
    return _pdf(data, "student-account-info.pdf")


async def user_account_info(request: Request) -> Response:
    try:
        _, account = await _staff(request)
    except ApiError as e:
        return _refuse(e.code, str(e))
    wanted = request.query_params.get("userType")
    rows = await _rows(request, account, wanted if wanted in TYPES else None)
    data = await asyncio.to_thread(pdf.user_account_info, account_name=account.name, rows=rows, generated=utcnow())
    return _pdf(data, "user-account-info.pdf")


async def user_account_credentials(request: Request) -> Response:
    q = request.query_params
    who = q.get("who", "both")
    fields = [f for f in (q.get("fields") or ",".join(pdf.FIELDS)).split(",") if f in pdf.FIELDS]
    if who not in paper.WHO:
        return _refuse("BAD_REQUEST", "who must be students, guardians or both.")
    issue = request.method == "POST" and "password" in fields
    try:
        actor, account = await _staff(request)
        account, blocks = await paper.blocks(actor=actor, account_id=account.id, who=who, issue=issue)
    except ApiError as e:
        return _refuse(e.code, str(e))
    data = await asyncio.to_thread(
        pdf.credentials, account_name=account.name, blocks=blocks, fields=fields,
        sign_in_url=f"{get_settings().public_url}/sign-in", generated=utcnow(), preview=request.method != "POST",
    )
    return _pdf(data, "user-account-credentials.pdf")


routes = [
    Route("/reports/accounts/{account_id:id}/student-account-info.pdf", student_account_info),
    Route("/reports/accounts/{account_id:id}/user-account-info.pdf", user_account_info),
    Route("/reports/accounts/{account_id:id}/user-account-credentials.pdf", user_account_credentials, methods=["GET", "POST"]),
]
