"""A school (an account) with office staff, two families and their students."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import Account, MembershipRole, User
from backend.families import service as families
from backend.families.models import Family, Student
from tests.conftest import Api
from tests.factories import gid, make_account, make_member, make_user, token_for

UPDATE = """mutation U($a: ID!, $s: ID!, $u: Boolean!, $pe: String, $ce: String, $ph: String) {
  updateStudentSignIn(accountId: $a, studentId: $s, usePersonalEmail: $u, personalEmail: $pe, contactEmail: $ce, phone: $ph) {
    signIn { studentId usePersonalEmail personalEmail contactEmail phone status username usernameProblem }
    errors { code field message } } }"""
POLICY = """mutation P($a: ID!, $d: String, $r: String! = "US") {
  setStudentSignInPolicy(accountId: $a, microsoft365Domain: $d, phoneRegion: $r) {
    policy { microsoft365Domain phoneRegion } errors { code field } } }"""
SMS = """mutation S($a: ID!, $p: [ID!]!) { smsInitialCredentials(accountId: $a, people: $p) {
  results { person name sent username reason message } errors { code } } }"""
INVITE = """mutation I($a: ID!, $p: [ID!]!) { sendInitialInvitations(accountId: $a, people: $p) {
  results { person name sent username reason message } errors { code } } }"""
LOGIN = """mutation L($e: String!, $p: String!) { login(email: $e, password: $p) {
  tokens { accessToken } errors { code } } }"""
CHANGE_OTP = """mutation C($o: String!, $n: String!) { changeOneTimePassword(oneTimePassword: $o, newPassword: $n) {
  ok errors { code field } } }"""
HOME = """query { studentHome { studentId firstName lastName familyName accountName username
  enrollments { className } } }"""
MY_SIGN_IN = "query { mySignIn { userType mustChangePassword } }"
NEW_PASSWORD = "sofia-chooses-her-own-words-42"


@dataclass
class School:
    account: Account
    staff: User
    staff_api: Api
    garcia: Family
    sofia: Student
    mateo: Student
    lopez: Family
    lucia: Student

    @property
    def aid(self) -> str:
        return str(self.account.id)


async def school(api: Api, name: str = "Hillside School") -> School:
    account = await make_account(name, admin=await make_user())
    staff = await make_member(account, await make_user(first="Olga", last="Office"), role=MembershipRole.USER, modules=["customers"])
    maria = await make_user(first="Maria", last="Garcia")
    garcia = await families.create_family(account=account, primary=maria, name="Garcia")
    luis = await make_user(first="Luis", last="Lopez")
    lopez = await families.create_family(account=account, primary=luis, name="Lopez")
    sofia = await Student.create(family=garcia, first_name="Sofia", last_name="Garcia")
    mateo = await Student.create(family=garcia, first_name="Mateo", last_name="Garcia")
    lucia = await Student.create(family=lopez, first_name="Lucia", last_name="Lopez")
    return School(account, staff, api.as_(await token_for(staff)), garcia, sofia, mateo, lopez, lucia)


async def personal(s: School, student: Student, email: str, phone: str | None = None) -> dict:
    """Tick "Use personal e-mail" with `email` and save the phone."""
    data = (await s.staff_api(UPDATE, {"a": s.aid, "s": str(student.id), "u": True, "pe": email, "ph": phone}))["updateStudentSignIn"]
    assert data["errors"] == [], data
    return data["signIn"]


def stored_ref(student: Student) -> str:
    """How the audit trail and the SMS outbox name the student (and the legacy argument form)."""
    return f"student:{student.id}"


def ref(student: Student) -> str:
    """The student's User Accounts id (a global ID; `student:<id>` is still accepted)."""
    return gid("UserAccount", f"student:{student.id}")


def otp_from(body: str) -> str:
    import re

    match = re.search(r"One-time password: (\S+)", body)
    assert match, body
    return match.group(1)
