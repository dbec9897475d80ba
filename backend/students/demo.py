"""A demo school, Hillside Academy: three families, five students, some with a personal
e-mail and a mobile phone (ready for "SMS initial credentials"), office staff `office@`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole, User
from backend.families import service as families
from backend.families.models import Enrollment, Student
from backend.students.models import StudentSignIn, StudentSignInSettings

UserMaker = Callable[[str, str, str], Awaitable[User]]
SCHOOL = "Hillside Academy"
OFFICE_EMAIL = "office@demo.portico.dev"
# (family, guardian first name, [(student first name, phone or None, class)])
FAMILIES: list[tuple[str, str, list[tuple[str, str | None, str]]]] = [
    ("Chen", "Li", [("Emma", "+14155550101", "Grade 7 Science"), ("Leo", "+14155550102", "Grade 5 Maths")]),
    ("Patel", "Raj", [("Noah", "+14155550103", "Grade 8 History")]),
    ("Johnson", "Kim", [("Ava", None, "Grade 6 Art"), ("Mia", None, "Grade 4 Music")]),
]


async def seed(*, admin: User, staff: User, make_user: UserMaker) -> list[str]:
    """Create the school once; return sign-in hints."""
    if await Account.exists(name=SCHOOL):
        return []
    school = await accounts.create_account(name=SCHOOL, creator=admin)
    await accounts.add_member(account=school, user=staff, role=MembershipRole.USER, actor_id=admin.id, modules=["customers"])
    await StudentSignInSettings.create(account=school, phone_region="US")
    for family_name, guardian, children in FAMILIES:
        parent = await make_user(f"{guardian.lower()}.{family_name.lower()}@demo.portico.dev", guardian, family_name)
        family = await families.create_family(account=school, primary=parent, name=family_name)
        for i, (first, phone, class_name) in enumerate(children):
            student = await Student.create(family=family, first_name=first, last_name=family_name, birth_date=date(2012 + i, 3, 1))
            await Enrollment.create(student=student, class_name=class_name, created_by=parent)
            await StudentSignIn.create(
                student=student, use_personal_email=True, phone=phone,
                personal_email=f"{first.lower()}.{family_name.lower()}@student.demo.portico.dev",
            )
    return [f"{SCHOOL}: Emma, Leo and Noah have phones for SMS credentials"]
