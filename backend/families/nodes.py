"""`node(id:)` for the family types: each goes through the query that lists it, so it obeys
that query's rules (who sees revoked members, the ledger, whose payment methods)."""

from __future__ import annotations

from typing import Any

import strawberry

from backend.core.graphql import Info
from backend.core.nodes import pick, row
from backend.families import ledger
from backend.families import models as m
from backend.families import types as t
from backend.families.schema import members_of, scoped


async def family(info: Info, key: str) -> t.FamilyType | None:
    return t.FamilyType.of(await scoped(info, strawberry.ID(key))) if await row(m.Family, key) else None


async def family_member(info: Info, key: str) -> t.FamilyMember | None:
    if (r := await row(m.FamilyMember, key)) is None:
        return None
    access = await scoped(info, r.family_id)
    found = await members_of(access.family.id, include_revoked=access.is_primary or access.is_staff).filter(id=r.id).first()
    return t.FamilyMember.of(found) if found else None


async def ledger_entry(info: Info, key: str) -> t.LedgerEntry | None:
    if (r := await row(m.LedgerEntry, key)) is None:
        return None
    found = await ledger.transactions(access=await scoped(info, r.family_id)).filter(id=r.id).first()
    return t.LedgerEntry.of(found) if found else None


async def payment_method(info: Info, key: str) -> t.PaymentMethodType | None:
    if (r := await row(m.PaymentMethod, key)) is None:
        return None
    access = await scoped(info, r.family_id)
    return pick([t.PaymentMethodType.of(p, access.user.id) for p in await ledger.payment_methods(access=access)], key)


async def student(info: Info, key: str) -> t.Student | None:
    if (r := await row(m.Student, key)) is None:
        return None
    return pick([t.Student.of(s) for s in await ledger.students(access=await scoped(info, r.family_id))], key)


async def enrollment(info: Info, key: str) -> t.Enrollment | None:
    if (r := await row(m.Enrollment, key)) is None:
        return None
    found = await student(info, str(r.student_id))
    return pick(found.enrollments, key) if found else None


LOADERS: dict[str, Any] = {
    "Family": family, "FamilyMember": family_member, "LedgerEntry": ledger_entry,
    "PaymentMethod": payment_method, "Student": student, "Enrollment": enrollment,
}
