"""Student and guardian sign-ins over GraphQL: thin resolvers over the services."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.core.config import get_settings
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, OkPayload, gid, ok_or, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, Page, PageRequest
from backend.core.permissions import Permission, needs, signed_in
from backend.students import credentials, home, invites, listing, policy, service
from backend.students.errors import SignInRefusal
from backend.students.models import StudentSignIn
from backend.students.people import policy_of
from backend.students.types import (
    BulkCredentialsPayload,
    CredentialResult,
    MySignIn,
    SignInError,
    SignInStatus,
    StudentHome,
    StudentSignInPanel,
    StudentSignInPolicy,
    UserAccount,
    UserAccountType,
    code_of,
)

AccountArg = Annotated[strawberry.ID, strawberry.argument(description="The account (the school).")]
PeopleArg = Annotated[list[strawberry.ID], strawberry.argument(description="People from `userAccounts` (`student:<id>` or `guardian:<id>`).")]


def _panel(row: StudentSignIn | None, student_id: int, settings: object) -> StudentSignInPanel:
    try:
        username, problem = policy.username(row, settings), None  # type: ignore[arg-type]
    except SignInRefusal as r:
        username, problem = None, code_of(r.code)
    return StudentSignInPanel(
        student_id=gid(student_id, "Student"), use_personal_email=bool(row and row.use_personal_email),
        personal_email=row.personal_email if row else None, contact_email=row.contact_email if row else None,
        phone=row.phone if row else None, status=SignInStatus(row.status.value.upper()) if row else SignInStatus.NO_LOGIN,
        username=row.user.email if row and row.user_id and row.user else username, username_problem=problem,  # type: ignore[attr-defined]
    )


@strawberry.type(description="Result of `updateStudentSignIn`.")
class StudentSignInPayload:
    sign_in: StudentSignInPanel | None = strawberry.field(default=None, description="The saved panel.")
    errors: list[SignInError] = strawberry.field(default_factory=list, description="Why it was refused (nothing saved).")


@strawberry.type(description="Result of `setStudentSignInPolicy` or `setGuardianPhone`.")
class SignInSettingsPayload:
    policy: StudentSignInPolicy | None = strawberry.field(default=None, description="The account's policy after the change.")
    phone: str | None = strawberry.field(default=None, description="The guardian's phone as saved (E.164), for `setGuardianPhone`.")
    errors: list[SignInError] = strawberry.field(default_factory=list, description="Why it was refused (nothing saved).")


@strawberry.type
class Query:
    @strawberry.field(
        description="User Accounts: every person of the account (students, guardians, staff) with their sign-in. "
        "Needs `families.manage` (the Customers module). Sorted by last name; a Relay connection (`first/after`, `last/before`).",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def user_accounts(
        self, info: Info, account_id: AccountArg,
        user_type: Annotated[UserAccountType | None, strawberry.argument(description="Only this user type.")] = None,
        status: Annotated[SignInStatus | None, strawberry.argument(description="Only this sign-in status.")] = None,
        search: Annotated[str | None, strawberry.argument(description="Part of a name, username or family name.")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[UserAccount]:
        aid, kind, state = to_id(account_id), user_type.name if user_type else None, status.name if status else None
        total = await listing.count(account_id=aid, user_type=kind, status=state, search=search)
        start, end = PageRequest("userAccounts", first, after, last, before).window(total)
        rows = await listing.user_accounts(
            account_id=aid, user_type=kind, status=state, search=search, offset=start, first=end - start
        ) if end > start else []
        return Connection[UserAccount].of(Page("userAccounts", rows, start, total), UserAccount.of)

    @strawberry.field(description="The account's student username policy. Needs `families.manage`.", extensions=needs(Permission.FAMILIES_MANAGE))
    async def student_sign_in_policy(self, info: Info, account_id: AccountArg) -> StudentSignInPolicy:
        return StudentSignInPolicy.of(await policy_of(to_id(account_id)), get_settings().sms_default_region)

    @strawberry.field(description="A student's sign-in panel. Needs `families.manage`.", extensions=needs(Permission.FAMILIES_MANAGE))
    async def student_sign_in(
        self, info: Info, account_id: AccountArg,
        student_id: Annotated[strawberry.ID, strawberry.argument(description="The student.")],
    ) -> StudentSignInPanel:
        try:
            student = await service.student_in_account(account_id=to_id(account_id), student_id=to_id(student_id))
        except SignInRefusal as r:
            from backend.core.errors import NotFound

            raise NotFound(r.message) from r
        row = await StudentSignIn.get_or_none(student_id=student.id).select_related("user")
        return _panel(row, student.id, await policy_of(to_id(account_id)))

    @strawberry.field(description="My own student home (students only): my name, family, school and classes.", extensions=signed_in())
    async def student_home(self, info: Info) -> StudentHome:
        return StudentHome.of(await home.student_home(user=await require_user(info)))

    @strawberry.field(description="What I sign in as, and whether I must choose my own password first.", extensions=signed_in())
    async def my_sign_in(self, info: Info) -> MySignIn:
        user = await require_user(info)
        kind = await home.user_type(user=user)
        return MySignIn(user_type=UserAccountType(kind) if kind else None, must_change_password=await home.must_change_password(user=user))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Bulk action: e-mail the initial invitation (verify, set a password, sign in). Students per the username "
        "policy; a primary guardian who has not accepted gets the family invitation again. Needs `families.manage`.",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def send_initial_invitations(self, info: Info, account_id: AccountArg, people: PeopleArg) -> BulkCredentialsPayload:
        try:
            outcomes = await invites.send_initial_invitations(actor=await require_user(info), account_id=to_id(account_id), refs=list(people))
        except SignInRefusal as r:
            return BulkCredentialsPayload(errors=[SignInError.of(r)])
        return BulkCredentialsPayload(results=[CredentialResult.of(o) for o in outcomes])

    @strawberry.mutation(
        description="Bulk action: SMS the username and a fresh one-time password (the previous one stops working); a new "
        "password is required at first sign-in. Needs `families.manage`.",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def sms_initial_credentials(self, info: Info, account_id: AccountArg, people: PeopleArg) -> BulkCredentialsPayload:
        try:
            outcomes = await credentials.sms_initial_credentials(actor=await require_user(info), account_id=to_id(account_id), refs=list(people))
        except SignInRefusal as r:
            return BulkCredentialsPayload(errors=[SignInError.of(r)])
        return BulkCredentialsPayload(results=[CredentialResult.of(o) for o in outcomes])

    @strawberry.mutation(description="Set the student username policy. Needs `families.manage`.", extensions=needs(Permission.FAMILIES_MANAGE))
    async def set_student_sign_in_policy(
        self, info: Info, account_id: AccountArg,
        microsoft365_domain: Annotated[str | None, strawberry.argument(description="The Microsoft 365 tenant's domain; null or empty switches the integration off.")],
        phone_region: Annotated[str, strawberry.argument(description="Default phone country (ISO 3166, e.g. US).")] = "US",
    ) -> SignInSettingsPayload:
        try:
            row = await service.set_policy(actor=await require_user(info), account_id=to_id(account_id),
                                           microsoft365_domain=microsoft365_domain, phone_region=phone_region)
        except SignInRefusal as r:
            return SignInSettingsPayload(errors=[SignInError.of(r)])
        return SignInSettingsPayload(policy=StudentSignInPolicy.of(row, row.phone_region))

    @strawberry.mutation(description="Save a student's sign-in panel. Needs `families.manage`.", extensions=needs(Permission.FAMILIES_MANAGE))
    async def update_student_sign_in(
        self, info: Info, account_id: AccountArg,
        student_id: Annotated[strawberry.ID, strawberry.argument(description="The student.")],
        use_personal_email: Annotated[bool, strawberry.argument(description="Use the personal e-mail as username (no Microsoft 365).")],
        personal_email: Annotated[str | None, strawberry.argument(description="Personal e-mail.")] = None,
        contact_email: Annotated[str | None, strawberry.argument(description="Contact e-mail (in the Microsoft 365 domain when on).")] = None,
        phone: Annotated[str | None, strawberry.argument(description="Mobile phone; national numbers use the account's country.")] = None,
    ) -> StudentSignInPayload:
        try:
            row = await service.update_student_sign_in(
                actor=await require_user(info), account_id=to_id(account_id), student_id=to_id(student_id),
                use_personal_email=use_personal_email, personal_email=personal_email, contact_email=contact_email, phone=phone,
            )
        except SignInRefusal as r:
            return StudentSignInPayload(errors=[SignInError.of(r)])
        fresh = await StudentSignIn.get(id=row.id).select_related("user")
        return StudentSignInPayload(sign_in=_panel(fresh, row.student_id, await policy_of(to_id(account_id))))  # type: ignore[attr-defined]

    @strawberry.mutation(description="Save a guardian's mobile phone. Needs `families.manage`.", extensions=needs(Permission.FAMILIES_MANAGE))
    async def set_guardian_phone(
        self, info: Info, account_id: AccountArg,
        guardian_id: Annotated[strawberry.ID, strawberry.argument(description="The guardian (family member id).")],
        phone: Annotated[str | None, strawberry.argument(description="Mobile phone; empty removes it.")],
    ) -> SignInSettingsPayload:
        try:
            row = await service.set_guardian_phone(actor=await require_user(info), account_id=to_id(account_id),
                                                   family_member_id=to_id(guardian_id), phone=phone)
        except SignInRefusal as r:
            return SignInSettingsPayload(errors=[SignInError.of(r)])
        return SignInSettingsPayload(phone=row.phone)

    @strawberry.mutation(description="After signing in with a one-time password: choose my own. My other sessions end.", extensions=signed_in())
    async def change_one_time_password(
        self, info: Info,
        one_time_password: Annotated[str, strawberry.argument(description="The one-time password I signed in with.")],
        new_password: Annotated[str, strawberry.argument(description="12 to 128 characters, not a common password.")],
    ) -> OkPayload:
        try:
            await home.change_one_time_password(user=await require_user(info), session_id=info.context.session_id,
                                                current=one_time_password, new=new_password)
        except DomainError as e:
            return ok_or(e)
        return ok_or()


__all__ = ["Query", "Mutation", "MutationError"]
