"""A signed-in student sees their own home only: never the family ledger, payments,
guardians or other students; the sign-in panel validates phones and e-mails."""

from __future__ import annotations

from backend.families.models import Enrollment
from backend.students.models import StudentSignIn
from tests.conftest import Api, SmsInbox
from tests.families.helpers import BALANCE, MEMBERS, TRANSACTIONS
from tests.students.helpers import CHANGE_OTP, HOME, LOGIN, NEW_PASSWORD, POLICY, SMS, UPDATE, otp_from, personal, ref, school

STUDENTS = "query S($f: ID) { familyStudents(familyId: $f) { firstName } }"
PAYMENT_METHODS = "query P($f: ID) { paymentMethods(familyId: $f) { last4 } }"
LIST = 'query L($a: ID!) { userAccounts(accountId: $a) { totalCount } }'


async def _signed_in_student(api: Api, sms: SmsInbox) -> tuple[object, Api]:
    s = await school(api)
    await Enrollment.create(student=s.sofia, class_name="Algebra I")
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    otp = otp_from((await sms.deliver())[-1].body)
    student = api.as_((await api(LOGIN, {"e": "sofia@example.com", "p": otp}))["login"]["tokens"]["accessToken"])
    assert (await student(CHANGE_OTP, {"o": otp, "n": NEW_PASSWORD}))["changeOneTimePassword"]["ok"]
    return s, student


async def test_a_student_sees_only_their_own_home(api: Api, sms: SmsInbox) -> None:
    s, student = await _signed_in_student(api, sms)
    home = (await student(HOME))["studentHome"]
    assert home["enrollments"] == [{"className": "Algebra I"}] and home["lastName"] == "Garcia"
    fid = str(s.garcia.id)  # type: ignore[attr-defined]
    for document in (TRANSACTIONS, BALANCE, MEMBERS, STUDENTS, PAYMENT_METHODS):
        # Not a guardian of the family: it answers as if it did not exist (no existence oracle).
        assert await student.error_code(document, {"f": fid}) == "NOT_FOUND", document
    assert await student.error_code(LIST, {"a": s.aid}) == "FORBIDDEN"  # type: ignore[attr-defined]


async def test_guardians_and_staff_have_no_student_home(api: Api) -> None:
    s = await school(api)
    assert await s.staff_api.error_code(HOME) == "FORBIDDEN"
    assert await api.error_code(HOME) == "UNAUTHENTICATED"


async def test_the_sign_in_panel_stores_phones_in_e164_and_refuses_bad_input(api: Api) -> None:
    s = await school(api)
    saved = await personal(s, s.sofia, " Sofia@Example.com ", "415 555 0142")
    assert saved["phone"] == "+14155550142" and saved["personalEmail"] == "sofia@example.com" and saved["username"] == "sofia@example.com"
    await s.staff_api(POLICY, {"a": s.aid, "d": None, "r": "GB"})
    gb = await personal(s, s.mateo, "mateo@example.com", "07400 123456")
    assert gb["phone"] == "+447400123456"
    for phone in ("12", "+1 415 555", "not a phone"):
        r = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": True, "pe": "x@example.com", "ph": phone}))["updateStudentSignIn"]
        assert r["errors"][0]["code"] == "INVALID_PHONE" and r["errors"][0]["field"] == "phone"
    r = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": True, "pe": "not-an-email"}))["updateStudentSignIn"]
    assert r["errors"][0]["code"] == "INVALID_EMAIL"
    r = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": True}))["updateStudentSignIn"]
    assert r["errors"][0]["code"] == "PERSONAL_EMAIL_MISSING"
    other = await school(api, "Other School")
    r = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(other.lucia.id), "u": True, "pe": "l@example.com"}))["updateStudentSignIn"]
    assert r["errors"][0]["code"] == "NOT_FOUND"
    row = await StudentSignIn.get(student_id=s.sofia.id)
    assert (row.phone, row.personal_email) == ("+14155550142", "sofia@example.com")  # refusals changed nothing
    assert not await StudentSignIn.exists(student_id=other.lucia.id)
    bad = (await s.staff_api(POLICY, {"a": s.aid, "d": "not a domain"}))["setStudentSignInPolicy"]
    assert bad["errors"][0]["code"] == "INVALID_DOMAIN"
    bad = (await s.staff_api(POLICY, {"a": s.aid, "d": "x.edu", "r": "ZZ"}))["setStudentSignInPolicy"]
    assert bad["errors"][0]["code"] == "INVALID_REGION"


async def test_a_one_time_password_past_its_14_days_no_longer_signs_in(api: Api, sms: SmsInbox) -> None:
    from datetime import timedelta

    from backend.core.security import utcnow
    from backend.students.models import OneTimePassword

    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    otp = otp_from((await sms.deliver())[-1].body)
    await OneTimePassword.all().update(expires_at=utcnow() - timedelta(minutes=1))
    refused = (await api(LOGIN, {"e": "sofia@example.com", "p": otp}))["login"]
    assert refused == {"tokens": None, "errors": [{"code": "TOKEN_EXPIRED"}]}
    # A wrong password still says only that (nothing about the one-time password).
    wrong = (await api(LOGIN, {"e": "sofia@example.com", "p": "not-the-password"}))["login"]
    assert wrong == {"tokens": None, "errors": [{"code": "INVALID_CREDENTIALS"}]}
    # Sending again issues a fresh one that signs in.
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    fresh = otp_from((await sms.deliver())[-1].body)
    assert (await api(LOGIN, {"e": "sofia@example.com", "p": fresh}))["login"]["tokens"]["accessToken"]
