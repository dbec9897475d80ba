"""GraphQL types for student and guardian sign-ins."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from backend.core.globalid import Node
from backend.core.graphql import gid
from backend.students import home, listing, models
from backend.students.credentials import Outcome
from backend.students.errors import SignInErrorCode as _Code
from backend.students.errors import SignInRefusal

_v = strawberry.enum_value
CODE_WORDS = {
    "NOT_FOUND": "No such student or guardian in this account (also for another account's people).",
    "INVALID_EMAIL": "Not a valid e-mail address.",
    "INVALID_PHONE": "Not a valid phone number for its country.",
    "INVALID_DOMAIN": "Not a domain name.",
    "INVALID_REGION": "Not an ISO 3166 country code.",
    "PERSONAL_EMAIL_NOT_ENABLED": "Use personal e-mail is not ticked (no Microsoft 365 integration).",
    "PERSONAL_EMAIL_MISSING": "The personal e-mail is empty.",
    "CONTACT_EMAIL_MISSING": "Microsoft 365 is on and the contact e-mail is empty.",
    "CONTACT_EMAIL_OUTSIDE_DOMAIN": "The contact e-mail is not in the Microsoft 365 domain.",
    "USERNAME_TAKEN": "Another person already signs in with that address.",
    "NO_PHONE": "No mobile phone on record.",
    "ALREADY_ACTIVE": "The person already signs in with their own password.",
    "DISABLED": "The sign-in is disabled or the access revoked.",
    "HAS_ONE_TIME_PASSWORD": "Credentials went by SMS or paper; send or print them again instead.",
    "NO_SIGN_IN_YET": "The guardian has no sign-in yet; the family invitation creates it.",
    "PRIMARY_INVITES_SECONDARY": "Secondary users are invited by the family's primary guardian.",
    "NOT_A_STUDENT_OR_GUARDIAN": "Only students and guardians get credentials here.",
    "RATE_LIMITED": "Too many attempts; try later.",
    "NO_ONE_TIME_PASSWORD": "There is no one-time password to replace.",
    "ONE_TIME_PASSWORD_EXPIRED": "The one-time password has expired.",
    "WRONG_PASSWORD": "The password given is not right.",
    "PASSWORD_REFUSED": "The new password does not meet the rules.",
    "INVITATION_REFUSED": "The invitation could not be sent (see the message).",
    "TOO_MANY": "Too many people in one call.",
}
# The GraphQL enum mirrors the service's codes (`errors.SignInErrorCode`) with a description per value.
_CodeEnum = Enum("SignInErrorCode", {c.name: _v(c.value, description=CODE_WORDS[c.name]) for c in _Code})  # type: ignore[misc]
SignInErrorCode = strawberry.enum(  # type: ignore[call-overload]
    _CodeEnum, name="SignInErrorCode",
    description="Why a sign-in change, or a credential for one person, was refused. Nothing was changed for it.",
)


def code_of(code: _Code | None) -> Enum | None:
    return SignInErrorCode[code.name] if code else None  # type: ignore[index]


@strawberry.enum(description="What a person of an account signs in as.")
class UserAccountType(Enum):
    STUDENT = _v("STUDENT", description="A student of a family, with a sign-in of their own.")
    GUARDIAN = _v("GUARDIAN", description="A family's guardian (primary or secondary).")
    STAFF = _v("STAFF", description="A member of the account (office staff, admins).")


@strawberry.enum(description="Where a person's sign-in stands.")
class SignInStatus(Enum):
    NO_LOGIN = _v("NO_LOGIN", description="No sign-in yet and nothing sent.")
    INVITED = _v("INVITED", description="The invitation e-mail was sent; not accepted yet.")
    CREDENTIALS_SENT = _v("CREDENTIALS_SENT", description="A one-time password went by SMS or paper; not replaced yet.")
    ACTIVE = _v("ACTIVE", description="Verified: signs in with their own password.")
    DISABLED = _v("DISABLED", description="Disabled, revoked or deactivated.")


@strawberry.enum(description="How credentials were handed over.")
class CredentialChannel(Enum):
    EMAIL = _v("email", description="The invitation e-mail.")
    SMS = _v("sms", description="Username and one-time password by SMS.")
    PAPER = _v("paper", description="Printed on the User Account Credentials report.")


@strawberry.type(description="Why a sign-in change was refused (nothing was saved).")
class SignInError:
    code: SignInErrorCode = strawberry.field(description="What went wrong, for clients to switch on.")  # type: ignore[valid-type]
    message: str = strawberry.field(description="A human-readable explanation, safe to show.")
    field: str | None = strawberry.field(default=None, description="The input field at fault, when there is one.")

    @classmethod
    def of(cls, r: SignInRefusal) -> "SignInError":
        return cls(code=code_of(r.code), message=r.message, field=r.field)


@strawberry.type(description="A person of the account in the User Accounts list; bulk actions (`people`) take its `id`.")
class UserAccount(Node):
    user_type: UserAccountType = strawberry.field(description="STUDENT, GUARDIAN or STAFF.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    family_name: str = strawberry.field(description="The family (students and guardians); empty for staff.")
    username: str | None = strawberry.field(description="The sign-in name (an e-mail address); null while there is none.")
    status: SignInStatus = strawberry.field(description="NO_LOGIN, INVITED, CREDENTIALS_SENT, ACTIVE or DISABLED.")
    last_sign_in_at: datetime | None = strawberry.field(description="When the person last signed in.")
    credentials_channel: CredentialChannel | None = strawberry.field(description="How credentials were last sent.")
    credentials_sent_at: datetime | None = strawberry.field(description="When credentials were last sent.")
    phone: str | None = strawberry.field(description="Mobile phone in E.164 (students and guardians).")
    delivery_problem: str | None = strawberry.field(
        description="Why the latest credentials SMS failed for good (the gateway's reason); its one-time password was voided."
    )
    student_id: strawberry.ID | None = strawberry.field(
        default=None, description="The student (students only): the `studentId` of `studentSignIn` and `updateStudentSignIn`."
    )
    guardian_id: strawberry.ID | None = strawberry.field(
        default=None, description="The family member (guardians only): the `guardianId` of `setGuardianPhone`."
    )

    @classmethod
    def of(cls, r: listing.Row) -> "UserAccount":
        kind, _, pk = r.ref.partition(":")
        return cls(
            student_id=gid(pk, "Student") if kind == "student" else None,
            guardian_id=gid(pk, "FamilyMember") if kind == "guardian" else None,
            id=strawberry.ID(r.ref), user_type=UserAccountType(r.user_type), first_name=r.first_name, last_name=r.last_name,
            family_name=r.family_name, username=r.username, status=SignInStatus(r.status), last_sign_in_at=r.last_sign_in_at,
            credentials_channel=CredentialChannel(r.channel) if r.channel else None, credentials_sent_at=r.sent_at, phone=r.phone,
            delivery_problem=r.delivery_error,
        )


@strawberry.type(description="What a bulk credential action did for one person.")
class CredentialResult:
    person: strawberry.ID = strawberry.field(description="The person: their `UserAccount.id` (a global ID).")
    name: str = strawberry.field(description="The person's name (empty when not found).")
    sent: bool = strawberry.field(description="True when the invitation or SMS was queued; false when skipped.")
    username: str | None = strawberry.field(description="The username the person signs in with (when sent).")
    reason: SignInErrorCode | None = strawberry.field(description="Why the person was skipped.")  # type: ignore[valid-type]
    message: str = strawberry.field(description="The reason in words (empty when sent).")

    @classmethod
    def of(cls, o: Outcome) -> "CredentialResult":
        return cls(person=gid(o.ref, "UserAccount"), name=o.name, sent=o.sent, username=o.username, reason=code_of(o.code), message=o.message)


@strawberry.type(description="Result of `sendInitialInvitations` or `smsInitialCredentials`: one result per person.")
class BulkCredentialsPayload:
    results: list[CredentialResult] = strawberry.field(default_factory=list, description="One per person, in the order given.")
    errors: list[SignInError] = strawberry.field(default_factory=list, description="Why the whole call was refused (nothing sent).")


@strawberry.type(description="An account's student username policy.")
class StudentSignInPolicy:
    microsoft365_domain: str | None = strawberry.field(description="With the Microsoft 365 integration on: the tenant's domain; students sign in with their contact e-mail in it. Null: personal e-mail.")
    phone_region: str = strawberry.field(description="Country assumed for phone numbers written without +country code (ISO 3166, e.g. US).")

    @classmethod
    def of(cls, row: models.StudentSignInSettings | None, default_region: str) -> "StudentSignInPolicy":
        return cls(microsoft365_domain=row.microsoft365_domain if row else None, phone_region=row.phone_region if row else default_region)


@strawberry.type(description="A student's sign-in panel.")
class StudentSignInPanel:
    student_id: strawberry.ID = strawberry.field(description="The student.")
    use_personal_email: bool = strawberry.field(description="\"Use personal e-mail\": the personal e-mail is the username (no Microsoft 365).")
    personal_email: str | None = strawberry.field(description="The student's personal e-mail.")
    contact_email: str | None = strawberry.field(description="The contact e-mail (the username with Microsoft 365: in its domain).")
    phone: str | None = strawberry.field(description="Mobile phone in E.164.")
    status: SignInStatus = strawberry.field(description="Where the sign-in stands.")
    username: str | None = strawberry.field(description="The username under the account's policy, or null with `usernameProblem`.")
    username_problem: SignInErrorCode | None = strawberry.field(description="Why there is no username yet.")  # type: ignore[valid-type]


@strawberry.type(description="A class the student is enrolled in.")
class StudentEnrollment:
    class_name: str = strawberry.field(description="The class.")
    enrolled_at: datetime = strawberry.field(description="When the student was enrolled.")


@strawberry.type(description="The signed-in student's own home: never the ledger, payments or other students.")
class StudentHome:
    student_id: strawberry.ID = strawberry.field(description="My student record.")
    first_name: str = strawberry.field(description="My first name.")
    last_name: str = strawberry.field(description="My last name.")
    birth_date: date | None = strawberry.field(description="My date of birth, if known.")
    family_name: str = strawberry.field(description="My family.")
    account_name: str = strawberry.field(description="My school (the account).")
    username: str = strawberry.field(description="What I sign in with.")
    enrollments: list[StudentEnrollment] = strawberry.field(description="My classes.")

    @classmethod
    def of(cls, h: home.Home) -> "StudentHome":
        s = h.student
        return cls(
            student_id=gid(s.id, "Student"), first_name=s.first_name, last_name=s.last_name, birth_date=s.birth_date,
            family_name=s.family.name, account_name=s.family.account.name, username=h.username,
            enrollments=[StudentEnrollment(class_name=e.class_name, enrolled_at=e.created_at) for e in h.enrollments],
        )


@strawberry.type(description="How I sign in: what I am and whether I must choose a password first.")
class MySignIn:
    user_type: UserAccountType | None = strawberry.field(description="STUDENT, GUARDIAN or STAFF (null: none of them).")
    must_change_password: bool = strawberry.field(description="True after signing in with a one-time password: call `changeOneTimePassword` first.")
