"""Finding the people a bulk action names, only inside one account.

A person is named by an opaque id: `student:<id>` or `guardian:<family member id>` (and
`staff:<membership id>` in lists). Anything else, or anyone outside the account, reads as
NOT_FOUND for that person; nothing about other accounts is revealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.auth.models import Session
from backend.core.errors import Forbidden
from backend.core.permissions import Permission
from backend.families.models import FamilyMember, Student
from backend.students.models import GuardianSignIn, StudentSignIn, StudentSignInSettings


async def require_staff(*, actor: User, account_id: int) -> Account:
    """Account staff with the Customers module (`families.manage`), or FORBIDDEN."""
    if not await accounts.has_permission(user_id=actor.id, account_id=account_id, permission=Permission.FAMILIES_MANAGE):
        raise Forbidden("You need the families.manage permission in this account.")
    return await Account.get(id=account_id)


async def policy_of(account_id: int) -> StudentSignInSettings | None:
    return await StudentSignInSettings.get_or_none(account_id=account_id)


def parse_ref(ref: str) -> tuple[str, int] | None:
    kind, _, raw = str(ref).partition(":")
    if kind not in ("student", "guardian", "staff") or not raw.isdigit():
        return None
    return kind, int(raw)


@dataclass
class Person:
    ref: str
    name: str
    student: Student | None = None
    sign_in: StudentSignIn | None = None
    member: FamilyMember | None = None
    guardian_sign_in: GuardianSignIn | None = None
    signed_in_before: bool = False

    @property
    def user(self) -> User | None:
        if self.student is not None:
            return self.sign_in.user if self.sign_in and self.sign_in.user_id else None  # type: ignore[attr-defined]
        return self.member.user if self.member and self.member.user_id else None  # type: ignore[attr-defined]


async def load(*, account_id: int, refs: list[str]) -> dict[str, Person]:
    """The named students and guardians of the account (a fixed number of queries)."""
    parsed = {r: parse_ref(r) for r in refs}
    student_ids = [p[1] for p in parsed.values() if p and p[0] == "student"]
    member_ids = [p[1] for p in parsed.values() if p and p[0] == "guardian"]
    found: dict[str, Person] = {}
    if student_ids:
        rows = await Student.filter(id__in=student_ids, family__account_id=account_id).select_related("family")
        sign_ins = {s.student_id: s for s in await StudentSignIn.filter(student_id__in=student_ids).select_related("user")}  # type: ignore[attr-defined]
        for s in rows:
            found[f"student:{s.id}"] = Person(f"student:{s.id}", f"{s.first_name} {s.last_name}", student=s, sign_in=sign_ins.get(s.id))
    if member_ids:
        members = await FamilyMember.filter(id__in=member_ids, family__account_id=account_id).select_related("family", "user")
        contacts = {g.family_member_id: g for g in await GuardianSignIn.filter(family_member_id__in=member_ids)}  # type: ignore[attr-defined]
        for m in members:
            name = f"{m.first_name} {m.last_name}".strip() or m.email
            found[f"guardian:{m.id}"] = Person(f"guardian:{m.id}", name, member=m, guardian_sign_in=contacts.get(m.id))
    user_ids = [p.user.id for p in found.values() if p.user is not None]
    seen = set(await Session.filter(user_id__in=user_ids).values_list("user_id", flat=True)) if user_ids else set()
    for p in found.values():
        p.signed_in_before = p.user is not None and p.user.id in seen
    return found
