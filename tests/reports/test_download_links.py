"""`reportDownloadUrl` and `GET /reports/download/{token}`: the same files as the bearer
routes, by a short-lived signed link naming the session; refused when altered, expired,
for another tenant, or once the session has ended."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from httpx import AsyncClient
from jose import jwt
from openpyxl import load_workbook
from pypdf import PdfReader

from backend.accounts.models import User, UserStatus
from backend.auth import service as auth
from backend.auth.models import Session
from backend.core import security
from backend.core.config import get_settings
from backend.enterprise.models import EnterpriseUser
from backend.seats.models import SeatHolder
from tests.conftest import Api
from tests.enterprise.conftest import make_group
from tests.enterprise.test_act_as_in_account import ISSUER
from tests.enterprise.test_act_as_scope import _acting_in
from tests.factories import token_for
from tests.ops.test_logs import json_lines  # noqa: F401  (fixture)
from tests.reports.test_downloads import _setup
from tests.students.helpers import school

MINT = """mutation M($r: ReportKind!, $a: ID, $s: ID, $u: ID, $t: ID, $since: Date, $until: Date, $q: String) {
  reportDownloadUrl(report: $r, accountId: $a, subscriptionId: $s, userId: $u, teamId: $t, since: $since, until: $until, search: $q) {
    url expiresAt errors { code message field } } }"""


async def mint(api: Api, **variables: Any) -> dict[str, Any]:
    return (await api(MINT, variables))["reportDownloadUrl"]  # type: ignore[no-any-return]


def path_of(url: str) -> str:
    base = get_settings().api_url
    assert url.startswith(f"{base}/reports/download/"), url
    return url[len(base):]


async def test_an_excel_report_by_link_is_the_bearer_routes_file(api: Api, http: AsyncClient) -> None:
    admin, sub, ann, _ = await _setup()
    token = await token_for(admin)
    link = await mint(api.as_(token), r="USER_ACTIVITY", s=str(sub.id), u=str(ann.id))
    assert link["errors"] == [] and link["expiresAt"]
    by_link = await http.get(path_of(link["url"]))
    by_bearer = await http.get(f"/reports/subscriptions/{sub.id}/users/{ann.id}/activity.xlsx", headers={"Authorization": f"Bearer {token}"})
    assert by_link.status_code == 200, by_link.text
    assert by_link.headers["content-type"] == by_bearer.headers["content-type"]
    assert by_link.headers["content-disposition"] == by_bearer.headers["content-disposition"] == f'attachment; filename="activity-user-{ann.id}.xlsx"'
    rows = [tuple(r) for r in load_workbook(io.BytesIO(by_link.content), read_only=True).worksheets[1].iter_rows(values_only=True)]
    assert rows[0] == ("When (UTC)", "Activity", "Content type", "Title") and len(rows) == 5


async def test_an_organization_report_by_link_keeps_its_period(api: Api, http: AsyncClient) -> None:
    admin, sub, *_ = await _setup()
    today = security.utcnow().date()
    link = await mint(api.as_(await token_for(admin)), r="LOGINS", s=str(sub.id), since=str(today + timedelta(days=1)))
    response = await http.get(path_of(link["url"]))
    assert response.status_code == 200, response.text
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).worksheets[-1].iter_rows(values_only=True))
    assert len(rows) == 1  # the header only: every login was before tomorrow


async def test_a_pdf_report_by_link(api: Api, http: AsyncClient) -> None:
    s = await school(api)
    link = await mint(s.staff_api, r="STUDENT_ACCOUNT_INFO", a=s.aid, q="lopez")
    response = await http.get(path_of(link["url"]))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response.headers["content-disposition"] == 'attachment; filename="student-account-info.pdf"'
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Hillside School" in text and "Lopez, Lucia" in text and "Garcia" not in text


async def test_the_link_lasts_report_url_ttl_seconds(api: Api, settings_env: Any) -> None:
    settings_env(REPORT_URL_TTL_SECONDS="60")
    s = await school(api)
    before = security.utcnow().replace(microsecond=0)
    link = await mint(s.staff_api, r="USER_ACCOUNT_INFO", a=s.aid)
    expires = security.utcnow().fromisoformat(link["expiresAt"])
    assert before + timedelta(seconds=60) <= expires <= before + timedelta(seconds=62)


async def test_an_expired_link_is_gone(api: Api, http: AsyncClient, monkeypatch: Any) -> None:
    s = await school(api)
    monkeypatch.setattr(security, "utcnow", lambda: security.datetime.now(security.timezone.utc) - timedelta(minutes=6))
    link = await mint(s.staff_api, r="STUDENT_ACCOUNT_INFO", a=s.aid)
    monkeypatch.undo()
    response = await http.get(path_of(link["url"]))
    assert response.status_code == 410 and response.json()["error"] == "LINK_EXPIRED"


async def test_an_altered_or_foreign_link_is_refused(api: Api, http: AsyncClient) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    path = path_of((await mint(s.staff_api, r="STUDENT_ACCOUNT_INFO", a=s.aid))["url"])
    head, payload, signature = path.rsplit("/", 1)[1].split(".")
    # Another account's id in the claims (re-encoded), a flipped signature, a link signed with another key, an access token.
    theirs = jwt.get_unverified_claims(f"{head}.{payload}.{signature}")
    theirs["prm"]["account_id"] = other.account.id
    forged, _ = security.sign_link({k: v for k, v in theirs.items() if k not in {"iss", "aud", "typ", "iat", "exp"}}, purpose="report",
                                   ttl_seconds=60, settings=security.Settings(secret_key="a-different-secret-key-of-enough-length"))
    swapped = jwt.encode(theirs, "guess", algorithm="HS256")
    flipped = f"{head}.{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    for token in (forged, swapped, flipped, s.staff_api.token or "", "not-a-token"):
        response = await http.get(f"/reports/download/{token}")
        assert response.status_code == 403 and response.json()["error"] == "LINK_INVALID", (token, response.text)


async def test_another_tenants_user_cannot_mint_for_your_account(api: Api) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    admin, sub, ann, _ = await _setup()
    refused = await mint(other.staff_api, r="STUDENT_ACCOUNT_INFO", a=s.aid)
    assert refused["url"] is None and [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    refused = await mint(other.staff_api, r="USER_ACTIVITY", s=str(sub.id), u=str(ann.id))
    assert refused["url"] is None and [e["code"] for e in refused["errors"]] == ["NOT_FOUND"]
    missing = await mint(api.as_(await token_for(admin)), r="USER_ACTIVITY", s=str(sub.id))
    assert missing["errors"] == [{"code": "INVALID", "message": "This report needs userId.", "field": "userId"}]
    assert await api.error_code(MINT, {"r": "LOGINS", "s": str(sub.id)}) == "UNAUTHENTICATED"


async def test_ending_the_session_or_the_person_or_the_right_ends_the_link(api: Api, http: AsyncClient) -> None:
    admin, sub, ann, _ = await _setup()
    links = [(await mint(api.as_(await token_for(admin)), r="USER_ACTIVITY", s=str(sub.id), u=str(ann.id)))["url"] for _ in range(3)]
    sessions = [s.id for s in await Session.filter(user_id=admin.id).order_by("created_at")]
    await auth.logout(session_id=sessions[0])
    response = await http.get(path_of(links[0]))
    assert response.status_code == 403 and response.json()["error"] == "FORBIDDEN"
    assert (await http.get(path_of(links[1]))).status_code == 200
    await SeatHolder.filter(subscription_id=sub.id, user_id=admin.id).update(is_admin=False)
    assert (await http.get(path_of(links[1]))).status_code == 404  # the route's own check, run again
    await User.filter(id=admin.id).update(status=UserStatus.DISABLED)
    assert (await http.get(path_of(links[2]))).status_code == 403


async def test_an_act_as_link_stays_in_its_account_and_ends_with_the_act_as(api: Api, http: AsyncClient) -> None:
    group = await make_group(ISSUER)
    acting = await _acting_in(api, group, group.gym_a)
    link = await mint(acting, r="USER_ACCOUNT_INFO", a=str(group.gym_a))
    assert link["errors"] == [], link
    assert (await http.get(path_of(link["url"]))).status_code == 200
    assert await acting.error_code(MINT, {"r": "USER_ACCOUNT_INFO", "a": str(group.gym_b)}) == "FORBIDDEN"
    await EnterpriseUser.filter(email="ada@corp.example.com").update(active=False)
    assert (await http.get(path_of(link["url"]))).status_code == 403


async def test_the_token_never_reaches_the_request_log(api: Api, http: AsyncClient, json_lines: Any) -> None:  # noqa: F811
    s = await school(api)
    path = path_of((await mint(s.staff_api, r="STUDENT_ACCOUNT_INFO", a=s.aid))["url"])
    assert (await http.get(path)).status_code == 200
    [line] = [r for r in json_lines() if r["event"] == "request" and r["path"].startswith("/reports/")]
    assert line["path"] == line["operation"] == "/reports/download/{token}" and line["status"] == 200
    assert path.rsplit("/", 1)[1] not in str(json_lines())
