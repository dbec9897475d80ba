"""The three PDF reports: bearer token like the Excel reports, read back with pypdf.
Passwords appear only where due (fresh one-time passwords for people who have not signed
in yet), and printing them is audited."""

from __future__ import annotations

import asyncio
import io
import time

from httpx import AsyncClient
from pypdf import PdfReader

from backend.audit.models import AuditEvent
from backend.families.models import Student
from backend.students.models import OneTimePassword
from tests.conftest import Api, SmsInbox
from tests.factories import token_for
from tests.students.helpers import LOGIN, SMS, otp_from, personal, ref, school, stored_ref


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _url(s: object, name: str) -> str:
    return f"/reports/accounts/{s.account.id}/{name}.pdf"  # type: ignore[attr-defined]


async def test_reports_need_staff_of_the_account(api: Api, http: AsyncClient) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    for name in ("student-account-info", "user-account-info", "user-account-credentials"):
        assert (await http.get(_url(s, name))).status_code == 401
        assert (await http.get(_url(s, name), headers=_auth(other.staff_api.token or ""))).status_code == 403
    assert (await http.post(_url(s, "user-account-credentials"), headers=_auth(other.staff_api.token or ""))).status_code == 403
    assert await OneTimePassword.all().count() == 0


async def test_student_account_info_and_user_account_info(api: Api, http: AsyncClient, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    response = await http.get(_url(s, "student-account-info"), headers=_auth(s.staff_api.token or ""))
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = text_of(response.content)
    assert "Student Account Info" in text and "Hillside School" in text
    assert "Garcia, Sofia" in text and "sofia@example.com" in text and "Credentials sent" in text and "SMS" in text
    assert "Lopez, Lucia" in text and "No login" in text and "Olga" not in text  # students only
    everyone = text_of((await http.get(_url(s, "user-account-info"), headers=_auth(s.staff_api.token or ""))).content)
    assert "Office, Olga" in everyone and "Staff" in everyone and "Guardian" in everyone and "Garcia, Maria" in everyone
    only = text_of((await http.get(_url(s, "user-account-info") + "?search=lopez", headers=_auth(s.staff_api.token or ""))).content)
    assert "Lopez, Lucia" in only and "Garcia" not in only


async def test_credentials_print_fresh_passwords_only_where_due_and_audit_it(api: Api, http: AsyncClient, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await personal(s, s.mateo, "mateo@example.com")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    sms_otp = otp_from((await sms.deliver())[-1].body)
    await personal(s, s.lucia, "lucia@example.com")
    await api(LOGIN, {"e": "sofia@example.com", "p": sms_otp})  # Sofia has signed in: no password for her
    staff = _auth(s.staff_api.token or "")

    preview = text_of((await http.get(_url(s, "user-account-credentials") + "?who=students", headers=staff)).content)
    assert "(preview)" in preview and "Username: mateo@example.com" in preview and "(issued when printed)" in preview
    assert await OneTimePassword.all().count() == 1  # the preview issued nothing

    printed = await http.post(_url(s, "user-account-credentials") + "?who=students&fields=family,password,sign_in_address", headers=staff)
    text = text_of(printed.content)
    assert "Sofia Garcia" in text and "Already signed in" in text
    assert "Maria" not in text  # students only
    assert "Sign in at: http://portal.test/sign-in" in text and "Family: Garcia" in text
    import re

    passwords = dict(re.findall(r"Username: (\S+)\s+One-time password: ([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})", text))
    assert set(passwords) == {"mateo@example.com", "lucia@example.com"}
    login = (await api(LOGIN, {"e": "mateo@example.com", "p": passwords["mateo@example.com"]}))["login"]
    assert login["tokens"] and (await api(LOGIN, {"e": "sofia@example.com", "p": sms_otp}))["login"]["tokens"]
    event = await AuditEvent.get(action="credentials.printed")
    assert event.actor_id == s.staff.id and event.detail["people"] == sorted([stored_ref(s.mateo), stored_ref(s.lucia)])  # type: ignore[attr-defined]
    # Printing again voids the previous paper password of anyone still not signed in.
    again = text_of((await http.post(_url(s, "user-account-credentials") + "?who=students", headers=staff)).content)
    assert "lucia@example.com" in again
    assert (await api(LOGIN, {"e": "lucia@example.com", "p": passwords["lucia@example.com"]}))["login"]["errors"] == [
        {"code": "INVALID_CREDENTIALS"}]


async def test_credentials_without_the_password_field_issue_nothing(api: Api, http: AsyncClient) -> None:
    s = await school(api)
    await personal(s, s.mateo, "mateo@example.com")
    text = text_of((await http.post(_url(s, "user-account-credentials") + "?who=both&fields=user_type",
                                    headers=_auth(s.staff_api.token or ""))).content)
    assert "Username: mateo@example.com" in text and "One-time password" not in text and "Type: Guardian" in text
    assert await OneTimePassword.all().count() == 0


async def test_a_thousand_students_render_fast_without_blocking_the_loop(api: Api, http: AsyncClient) -> None:
    from backend.core.security import utcnow
    from backend.students import listing, pdf

    s = await school(api)
    await Student.bulk_create([Student(family=s.garcia, first_name=f"Student{i:04d}", last_name=f"Family{i % 97:02d}")
                               for i in range(997)])
    started = time.perf_counter()
    response = await http.get(_url(s, "student-account-info"), headers=_auth(await token_for(s.staff)))
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert "Student0996" in text_of(response.content)
    assert elapsed < 5

    # The render itself runs in a thread: the event loop keeps ticking meanwhile.
    rows = await listing.user_accounts(account_id=s.account.id, user_type="STUDENT", first=2000)
    gaps: list[float] = []
    render = asyncio.create_task(asyncio.to_thread(pdf.student_account_info, account_name="x", rows=rows, generated=utcnow()))
    last = render_started = time.perf_counter()
    while not render.done():
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    await render
    render_seconds = time.perf_counter() - render_started
    print(f"\n1,000 students: Student Account Info request {elapsed:.2f} s, {len(reader.pages)} pages; "
          f"render {render_seconds:.2f} s with {len(gaps)} loop ticks, longest gap {max(gaps):.3f} s")
    # On the loop, the render would be one gap as long as itself; in a thread the loop keeps ticking.
    # (A single C call inside reportlab may hold the GIL for a while on a busy machine: compare with the whole render.)
    # Timings are not asserted (a loaded CI machine stretches any single gap: one of 0.27 s in a 0.46 s
    # render was seen); what is asserted is the shape: on the loop there would be one tick, here many.
    assert len(gaps) > 5 and sorted(gaps)[len(gaps) // 2] < 0.05


async def test_two_students_sharing_an_address_get_one_sign_in(api: Api, http: AsyncClient) -> None:
    s = await school(api)
    await personal(s, s.sofia, "shared@example.com")
    await personal(s, s.mateo, "shared@example.com")
    text = text_of((await http.post(_url(s, "user-account-credentials") + "?who=students",
                                    headers=_auth(s.staff_api.token or ""))).content)
    assert text.count("One-time password: ") == 3 and "is already someone else's sign-in" in text
    assert await OneTimePassword.all().count() == 1
