"""The office's sign-in settings: the account's username policy, a student's sign-in panel
(personal / contact e-mail, phone) and a guardian's phone. Validated before anything is saved."""

from __future__ import annotations

from backend.accounts.models import User
from backend.audit import service as audit
from backend.families.models import FamilyMember, Student
from backend.students import policy
from backend.students.errors import SignInErrorCode as Code
from backend.students.errors import SignInRefusal
from backend.students.models import GuardianSignIn, StudentSignIn, StudentSignInSettings
from backend.students.people import policy_of, require_staff


async def set_policy(*, actor: User, account_id: int, microsoft365_domain: str | None, phone_region: str) -> StudentSignInSettings:
    """Switch the Microsoft 365 integration on (a domain) or off (None), and the phone country."""
    await require_staff(actor=actor, account_id=account_id)
    m365 = policy.domain(microsoft365_domain) if microsoft365_domain and microsoft365_domain.strip() else None
    region = policy.region(phone_region)
    row, _ = await StudentSignInSettings.get_or_create(account_id=account_id)
    row.microsoft365_domain, row.phone_region = m365, region
    await row.save()
    await audit.record(action="students.policy_changed", actor_id=actor.id, account_id=account_id, microsoft365_domain=m365, phone_region=region)
    return row


async def student_in_account(*, account_id: int, student_id: int) -> Student:
    student = await Student.get_or_none(id=student_id, family__account_id=account_id).select_related("family")
    if student is None:
        raise SignInRefusal(Code.NOT_FOUND, "No such student in this account.", "studentId")
    return student


async def update_student_sign_in(
    *, actor: User, account_id: int, student_id: int, use_personal_email: bool,
    personal_email: str | None, contact_email: str | None, phone: str | None,
) -> StudentSignIn:
    """The sign-in panel: every field is checked first; a refusal saves nothing."""
    await require_staff(actor=actor, account_id=account_id)
    student = await student_in_account(account_id=account_id, student_id=student_id)
    settings = await policy_of(account_id)
    personal = policy.email(personal_email, field="personalEmail") if personal_email and personal_email.strip() else None
    contact = policy.email(contact_email, field="contactEmail") if contact_email and contact_email.strip() else None
    m365 = settings.microsoft365_domain if settings else None
    if contact and m365 and not policy.in_domain(contact, m365):
        raise SignInRefusal(Code.CONTACT_EMAIL_OUTSIDE_DOMAIN, f"The contact e-mail must be an address in {m365}.", "contactEmail")
    if use_personal_email and not personal:
        raise SignInRefusal(Code.PERSONAL_EMAIL_MISSING, "Fill in the personal e-mail to use it as the username.", "personalEmail")
    e164 = policy.phone(phone, default_region=policy.default_region(settings)) if phone and phone.strip() else None
    row, _ = await StudentSignIn.get_or_create(student_id=student.id)
    row.use_personal_email, row.personal_email, row.contact_email, row.phone = use_personal_email, personal, contact, e164
    await row.save()
    await audit.record(action="students.sign_in_updated", actor_id=actor.id, account_id=account_id, student_id=student.id)
    return row


async def set_guardian_phone(*, actor: User, account_id: int, family_member_id: int, phone: str | None) -> GuardianSignIn:
    await require_staff(actor=actor, account_id=account_id)
    member = await FamilyMember.get_or_none(id=family_member_id, family__account_id=account_id)
    if member is None:
        raise SignInRefusal(Code.NOT_FOUND, "No such guardian in this account.", "guardianId")
    settings = await policy_of(account_id)
    e164 = policy.phone(phone, default_region=policy.default_region(settings)) if phone and phone.strip() else None
    row, _ = await GuardianSignIn.get_or_create(family_member_id=member.id)
    row.phone = e164
    await row.save()
    return row
