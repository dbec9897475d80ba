"""What a signed-in student may see (their own record only) and their first password change.

A student is a person whose user is linked by `StudentSignIn`; they have no family
membership, so every family query (ledger, payments, other students) already refuses them.
The student home answers from their own student row only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from backend.accounts.models import Membership, MembershipStatus, User
from backend.auth import service as auth
from backend.core.errors import ApiError, DomainError, ErrorCode, Forbidden
from backend.core.security import utcnow
from backend.families.models import Enrollment, FamilyMember, MemberStatus, Student
from backend.students.models import OneTimePassword, SignInStatus, StudentSignIn


class PasswordChangeRequired(ApiError):
    code = "PASSWORD_CHANGE_REQUIRED"
    default_message = "Choose your own password first (you signed in with a one-time password)."


@dataclass(frozen=True)
class Home:
    student: Student
    username: str
    enrollments: list[Enrollment]


async def _expired_one_time_password(user_id: int) -> DomainError | None:
    """A one-time password past its 14 days no longer signs in (the office sends a new one)."""
    if await OneTimePassword.exists(user_id=user_id, expires_at__lte=utcnow()):
        return DomainError(ErrorCode.TOKEN_EXPIRED, "This one-time password has expired. Ask the school office for a new one.", "password")
    return None


auth.on_password_sign_in(_expired_one_time_password)


async def must_change_password(*, user: User) -> bool:
    return await OneTimePassword.exists(user_id=user.id)


async def user_type(*, user: User) -> str | None:
    """STUDENT, GUARDIAN or STAFF: what this person signs in as (None: none of them)."""
    if await StudentSignIn.exists(user_id=user.id):
        return "STUDENT"
    if await FamilyMember.exists(user_id=user.id, status=MemberStatus.ACTIVE):
        return "GUARDIAN"
    if await Membership.exists(user_id=user.id, status=MembershipStatus.ACTIVE):
        return "STAFF"
    return None


async def student_home(*, user: User) -> Home:
    sign_in = await StudentSignIn.get_or_none(user_id=user.id).select_related("student__family__account")
    if sign_in is None or sign_in.status == SignInStatus.DISABLED:
        raise Forbidden("Only students have a student home.")
    if await must_change_password(user=user):
        raise PasswordChangeRequired()
    enrollments = await Enrollment.filter(student_id=sign_in.student.id).order_by("created_at", "id")
    return Home(student=sign_in.student, username=user.email, enrollments=list(enrollments))


async def change_one_time_password(*, user: User, session_id: uuid.UUID | None, current: str, new: str) -> None:
    """Replace a one-time password with the person's own; the one-time one stops working."""
    otp = await OneTimePassword.get_or_none(user_id=user.id)
    if otp is None:
        raise DomainError(ErrorCode.NOT_PENDING, "You already chose your own password; use Change password.")
    if otp.expires_at <= utcnow():
        raise DomainError(ErrorCode.TOKEN_EXPIRED, "This one-time password has expired. Ask the school office for a new one.", "currentPassword")
    async with in_transaction():
        await auth.change_password(user=user, current=current, new=new, session_id=session_id)
        await OneTimePassword.filter(id=otp.id).delete()
        await StudentSignIn.filter(user_id=user.id).exclude(status=SignInStatus.DISABLED).update(status=SignInStatus.ACTIVE)
