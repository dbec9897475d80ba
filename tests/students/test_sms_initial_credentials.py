"""smsInitialCredentials: username (per the policy) and a one-time password by SMS through
the gateway; first sign-in forces a new password; re-sending voids the old one."""

from __future__ import annotations

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.core.sms.models import OutboxSms
from backend.students.models import OneTimePassword, SignInStatus, StudentSignIn
from tests.conftest import Api, SmsInbox
from tests.factories import gid, make_user
from tests.students.helpers import (
    CHANGE_OTP,
    HOME,
    LOGIN,
    MY_SIGN_IN,
    NEW_PASSWORD,
    POLICY,
    SMS,
    UPDATE,
    otp_from,
    personal,
    ref,
    school,
    stored_ref,
)


async def _counts() -> tuple[int, ...]:
    return (await User.all().count(), await OutboxSms.all().count(), await OneTimePassword.all().count(),
            await StudentSignIn.filter(status=SignInStatus.CREDENTIALS_SENT).count())


async def test_sms_credentials_sign_in_forced_change_then_student_home(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "Sofia.G@Example.com", "(415) 555-0142")
    data = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]
    assert data["results"] == [{"person": ref(s.sofia), "name": "Sofia Garcia", "sent": True, "username": "sofia.g@example.com",
                                "reason": None, "message": ""}]
    [text] = await sms.deliver()
    assert text.to == "+14155550142" and "Username: sofia.g@example.com" in text.body and "Hillside School" in text.body
    otp = otp_from(text.body)
    # Never stored in clear: not in the outbox (wiped after delivery, sealed before), the audit or the user row.
    user = await User.get(email="sofia.g@example.com")
    assert otp not in (user.password_hash or "") and user.password_hash.startswith("$argon2id$")  # type: ignore[union-attr]
    assert all(otp not in (r.body_sealed + (r.last_error or "")) for r in await OutboxSms.all())
    assert all(otp not in str(e.detail) for e in await AuditEvent.all())

    tokens = (await api(LOGIN, {"e": "sofia.g@example.com", "p": otp}))["login"]["tokens"]
    student = api.as_(tokens["accessToken"])
    assert (await student(MY_SIGN_IN))["mySignIn"] == {"userType": "STUDENT", "mustChangePassword": True}
    assert await student.error_code(HOME) == "PASSWORD_CHANGE_REQUIRED"
    bad = (await student(CHANGE_OTP, {"o": otp, "n": "short"}))["changeOneTimePassword"]
    assert bad["errors"][0]["code"] == "PASSWORD_TOO_SHORT"
    assert (await student(CHANGE_OTP, {"o": otp, "n": NEW_PASSWORD}))["changeOneTimePassword"] == {"ok": True, "errors": []}
    assert (await student(MY_SIGN_IN))["mySignIn"]["mustChangePassword"] is False
    home = (await student(HOME))["studentHome"]
    assert home["firstName"] == "Sofia" and home["familyName"] == "Garcia" and home["accountName"] == "Hillside School"
    assert home["username"] == "sofia.g@example.com"
    assert (await api(LOGIN, {"e": "sofia.g@example.com", "p": otp}))["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    assert (await StudentSignIn.get(student_id=s.sofia.id)).status == SignInStatus.ACTIVE
    # Initial credentials only: an active student is skipped.
    again = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"]
    assert again[0]["sent"] is False and again[0]["reason"] == "ALREADY_ACTIVE"


async def test_sending_again_voids_the_previous_one_time_password(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    first = otp_from((await sms.deliver())[-1].body)
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    second = otp_from((await sms.deliver())[-1].body)
    assert first != second and len(sms.messages) == 2
    assert (await api(LOGIN, {"e": "sofia@example.com", "p": first}))["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    assert (await api(LOGIN, {"e": "sofia@example.com", "p": second}))["login"]["tokens"]
    assert await OneTimePassword.all().count() == 1 and await User.filter(email="sofia@example.com").count() == 1


async def test_one_result_per_person_and_refusals_change_nothing(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    await personal(other, other.lucia, "lucia.other@example.com", "+14155550100")
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await personal(s, s.mateo, "mateo@example.com")  # no phone
    taken = await make_user("lucia@example.com")
    await personal(s, s.lucia, taken.email, "+14155550143")
    before_other = await _counts()
    # A malformed reference refuses the whole call before anything runs (the API's input limits).
    malformed = await s.staff_api.raw(SMS, {"a": s.aid, "p": [ref(s.sofia), "nonsense"]})
    assert malformed["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" and await _counts() == before_other
    people = [ref(s.sofia), ref(s.mateo), ref(s.lucia), ref(other.lucia), "student:999999", ref(s.sofia)]  # the legacy form too
    results = (await s.staff_api(SMS, {"a": s.aid, "p": people}))["smsInitialCredentials"]["results"]
    assert [(r["person"], r["sent"], r["reason"]) for r in results] == [
        (ref(s.sofia), True, None),
        (ref(s.mateo), False, "NO_PHONE"),
        (ref(s.lucia), False, "USERNAME_TAKEN"),
        (ref(other.lucia), False, "NOT_FOUND"),  # another account's student reads as not found
        (gid("UserAccount", "student:999999"), False, "NOT_FOUND"),
    ]
    assert [m.to for m in await sms.deliver()] == ["+14155550142"]
    assert await StudentSignIn.filter(status=SignInStatus.CREDENTIALS_SENT).count() == 1
    assert before_other[0] + 1 == await User.all().count()  # only Sofia got a user


async def test_username_policy_personal_email_and_microsoft_365(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    # Not ticked: no username.
    await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": False, "pe": "sofia@example.com", "ph": "+14155550142"})
    before = await _counts()
    r = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert r["reason"] == "PERSONAL_EMAIL_NOT_ENABLED" and await _counts() == before
    # Microsoft 365 on: the contact e-mail in the tenant's domain is the username.
    assert (await s.staff_api(POLICY, {"a": s.aid, "d": "hillside.edu"}))["setStudentSignInPolicy"]["errors"] == []
    r = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert r["reason"] == "CONTACT_EMAIL_MISSING" and await _counts() == before
    refused = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": False, "ce": "sofia@gmail.com"}))["updateStudentSignIn"]
    assert refused["errors"][0]["code"] == "CONTACT_EMAIL_OUTSIDE_DOMAIN" and refused["signIn"] is None
    ok = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(s.sofia.id), "u": False, "ce": "s.garcia@hillside.edu",
                                     "ph": "+14155550142"}))["updateStudentSignIn"]
    assert ok["signIn"]["username"] == "s.garcia@hillside.edu" and ok["signIn"]["usernameProblem"] is None
    r = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert r["sent"] is True and r["username"] == "s.garcia@hillside.edu"
    # The domain changes: the saved contact e-mail is outside it now and is refused per student.
    await s.staff_api(POLICY, {"a": s.aid, "d": "new-hillside.edu"})
    r = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert r["reason"] == "CONTACT_EMAIL_OUTSIDE_DOMAIN"


async def test_only_staff_with_the_customers_permission(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    assert await other.staff_api.error_code(SMS, {"a": s.aid, "p": [ref(s.sofia)]}) == "FORBIDDEN"
    assert await api.error_code(SMS, {"a": s.aid, "p": [ref(s.sofia)]}) == "UNAUTHENTICATED"
    assert await OutboxSms.all().count() == 0


async def test_a_guardian_without_a_sign_in_is_skipped(api: Api, sms: SmsInbox) -> None:
    from backend.families.models import FamilyMember, MemberRole

    s = await school(api)
    rosa = await FamilyMember.create(family=s.garcia, role=MemberRole.SECONDARY, email="rosa@example.com", first_name="Rosa")
    primary = await FamilyMember.get(family=s.garcia, role=MemberRole.PRIMARY)
    results = (await s.staff_api(SMS, {"a": s.aid, "p": [f"guardian:{rosa.id}", f"guardian:{primary.id}"]}))["smsInitialCredentials"]["results"]
    assert [(r["reason"]) for r in results] == ["NO_SIGN_IN_YET", "NO_PHONE"]


async def test_two_students_sharing_an_address_in_one_call(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "shared@example.com", "+14155550142")
    await personal(s, s.mateo, "shared@example.com", "+14155550143")
    results = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia), ref(s.mateo)]}))["smsInitialCredentials"]["results"]
    assert [(r["sent"], r["reason"]) for r in results] == [(True, None), (False, "USERNAME_TAKEN")]
    assert [m.to for m in await sms.deliver()] == ["+14155550142"]


LIST = """query L($a: ID!) { userAccounts(accountId: $a, userType: STUDENT) { edges { node { id status deliveryProblem } } } }"""


async def test_a_gateway_400_voids_the_password_and_shows_the_reason(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await personal(s, s.mateo, "mateo@example.com", "+14155550143")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia), ref(s.mateo)]})
    sms.gateway.answer_next(400)  # the first text (Sofia's) is refused: a bad number, say
    [mateo_text] = await sms.deliver()
    assert mateo_text.to == "+14155550143"
    nodes = {e["node"]["id"]: e["node"] for e in (await s.staff_api(LIST, {"a": s.aid}))["userAccounts"]["edges"]}
    assert nodes[ref(s.sofia)]["status"] == "NO_LOGIN" and "21211" in nodes[ref(s.sofia)]["deliveryProblem"]
    assert nodes[ref(s.mateo)] == {"id": ref(s.mateo), "status": "CREDENTIALS_SENT", "deliveryProblem": None}
    sofia = await User.get(email="sofia@example.com")
    assert sofia.password_hash is None and not await OneTimePassword.exists(user_id=sofia.id)
    event = await AuditEvent.get(action="credentials.sms_failed")
    assert event.detail["person"] == stored_ref(s.sofia)
    # Fixed and sent again: delivered, and the problem is gone.
    again = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert again["sent"] is True
    await sms.deliver()
    nodes = {e["node"]["id"]: e["node"] for e in (await s.staff_api(LIST, {"a": s.aid}))["userAccounts"]["edges"]}
    assert nodes[ref(s.sofia)] == {"id": ref(s.sofia), "status": "CREDENTIALS_SENT", "deliveryProblem": None}
    assert (await api(LOGIN, {"e": "sofia@example.com", "p": otp_from(sms.messages[-1].body)}))["login"]["tokens"]


async def test_texts_to_one_phone_are_rate_limited(api: Api, sms: SmsInbox, settings_env: object) -> None:
    settings_env(RATE_LIMIT_INVITATIONS="2/hour")  # type: ignore[operator]
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    for _ in range(2):
        assert (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]["sent"]
    before = await _counts()
    third = (await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]}))["smsInitialCredentials"]["results"][0]
    assert third["reason"] == "RATE_LIMITED" and await _counts() == before
