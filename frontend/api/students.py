"""Students: the User Accounts list, bulk credential actions, a student's sign-in panel,
the PDF reports, and a student's own home and first password."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from frontend.api.client import checked, download, execute

RESULTS = "results { person name sent username reason message } errors { code message field }"
NODE = "id userType firstName lastName familyName username status lastSignInAt credentialsChannel credentialsSentAt phone deliveryProblem studentId guardianId"
USER_ACCOUNTS = f"""query UserAccounts($account: ID!, $type: UserAccountType, $status: SignInStatus, $search: String,
  $first: Int!, $after: String) {{
  userAccounts(accountId: $account, userType: $type, status: $status, search: $search, first: $first, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {NODE} }} }} }} }}"""
SEND_INVITATIONS = f"mutation Invite($account: ID!, $people: [ID!]!) {{ sendInitialInvitations(accountId: $account, people: $people) {{ {RESULTS} }} }}"
SMS_CREDENTIALS = f"mutation Sms($account: ID!, $people: [ID!]!) {{ smsInitialCredentials(accountId: $account, people: $people) {{ {RESULTS} }} }}"
PANEL_FIELDS = "studentId usePersonalEmail personalEmail contactEmail phone status username usernameProblem"
PANEL = f"""query Panel($account: ID!, $student: ID!) {{ studentSignIn(accountId: $account, studentId: $student) {{ {PANEL_FIELDS} }}
  studentSignInPolicy(accountId: $account) {{ microsoft365Domain phoneRegion }} }}"""
UPDATE_PANEL = f"""mutation UpdatePanel($account: ID!, $student: ID!, $use: Boolean!, $personal: String, $contact: String, $phone: String) {{
  updateStudentSignIn(accountId: $account, studentId: $student, usePersonalEmail: $use, personalEmail: $personal,
    contactEmail: $contact, phone: $phone) {{ signIn {{ {PANEL_FIELDS} }} errors {{ code message field }} }} }}"""
POLICY = "query Policy($account: ID!) { studentSignInPolicy(accountId: $account) { microsoft365Domain phoneRegion } }"
SET_POLICY = """mutation SetPolicy($account: ID!, $domain: String, $region: String!) {
  setStudentSignInPolicy(accountId: $account, microsoft365Domain: $domain, phoneRegion: $region) {
    policy { microsoft365Domain phoneRegion } errors { code message field } } }"""
SET_GUARDIAN_PHONE = """mutation GuardianPhone($account: ID!, $guardian: ID!, $phone: String) {
  setGuardianPhone(accountId: $account, guardianId: $guardian, phone: $phone) { phone errors { code message field } } }"""
MY_SIGN_IN = "query MySignIn { mySignIn { userType mustChangePassword } }"
STUDENT_HOME = """query StudentHome { studentHome { studentId firstName lastName familyName accountName username
  enrollments { className enrolledAt } } }"""
CHANGE_OTP = """mutation ChangeOtp($otp: String!, $new: String!) { changeOneTimePassword(oneTimePassword: $otp, newPassword: $new) {
  ok errors { code message field } } }"""


async def user_accounts(*, token: str, account_id: str, user_type: str = "", status: str = "", search: str = "",
                        first: int = 25, after: str | None = None) -> dict[str, Any]:
    variables = {"account": account_id, "type": user_type or None, "status": status or None, "search": search or None,
                 "first": first, "after": after}
    return (await execute(USER_ACCOUNTS, variables, token=token))["userAccounts"]


async def bulk(*, token: str, account_id: str, action: str, people: list[str]) -> list[dict[str, Any]]:
    """`action` is "invite" (sendInitialInvitations) or "sms" (smsInitialCredentials)."""
    document, name = (SEND_INVITATIONS, "sendInitialInvitations") if action == "invite" else (SMS_CREDENTIALS, "smsInitialCredentials")
    return checked((await execute(document, {"account": account_id, "people": people}, token=token))[name])["results"]


async def panel(*, token: str, account_id: str, student_id: str) -> dict[str, Any]:
    return await execute(PANEL, {"account": account_id, "student": student_id}, token=token)


async def update_panel(*, token: str, account_id: str, student_id: str, use_personal: bool, personal: str, contact: str,
                       phone: str) -> dict[str, Any]:
    variables = {"account": account_id, "student": student_id, "use": use_personal, "personal": personal or None,
                 "contact": contact or None, "phone": phone or None}
    return checked((await execute(UPDATE_PANEL, variables, token=token))["updateStudentSignIn"])["signIn"]


async def policy(*, token: str, account_id: str) -> dict[str, Any]:
    return (await execute(POLICY, {"account": account_id}, token=token))["studentSignInPolicy"]


async def set_policy(*, token: str, account_id: str, domain: str, region: str) -> dict[str, Any]:
    variables = {"account": account_id, "domain": domain or None, "region": region or "US"}
    return checked((await execute(SET_POLICY, variables, token=token))["setStudentSignInPolicy"])["policy"]


async def set_guardian_phone(*, token: str, account_id: str, guardian_id: str, phone: str) -> str | None:
    variables = {"account": account_id, "guardian": guardian_id, "phone": phone or None}
    return checked((await execute(SET_GUARDIAN_PHONE, variables, token=token))["setGuardianPhone"])["phone"]


async def my_sign_in(*, token: str) -> dict[str, Any]:
    return (await execute(MY_SIGN_IN, token=token))["mySignIn"]


async def student_home(*, token: str) -> dict[str, Any]:
    return (await execute(STUDENT_HOME, token=token))["studentHome"]


async def change_one_time_password(*, token: str, one_time_password: str, new_password: str) -> None:
    checked((await execute(CHANGE_OTP, {"otp": one_time_password, "new": new_password}, token=token))["changeOneTimePassword"])


REPORTS = {"student-account-info": "Student Account Info", "user-account-info": "User Account Info",
           "user-account-credentials": "User Account Credentials"}


async def report(*, token: str, account_id: str, kind: str, params: dict[str, str], issue: bool = False) -> bytes:
    """A PDF report as bytes. The credentials report issues passwords only with `issue` (POST)."""
    query = urlencode({k: v for k, v in params.items() if v})
    path = f"/reports/accounts/{account_id}/{kind}.pdf" + (f"?{query}" if query else "")
    # Printing issues an argon2id one-time password per person: about 45 s for 1,000 on 2 busy cores.
    return await download(path, token=token, method="POST" if issue else "GET", timeout=300 if issue else 60)
