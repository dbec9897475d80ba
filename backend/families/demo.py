"""Demo households: the Garcias (a primary, two secondaries, a ledger) and the Lopez
family, where Nana is a secondary too (so she has a family switcher)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from backend.accounts.models import Account, User
from backend.core.security import utcnow
from backend.families import service
from backend.families.models import (
    Enrollment,
    Family,
    FamilyMember,
    LedgerEntry,
    LedgerKind,
    MemberRole,
    MemberStatus,
    PaymentMethod,
    Student,
)

UserMaker = Callable[[str, str, str], Awaitable[User]]


async def _secondary(family: Family, user: User, *, ledger: bool, pay: bool) -> None:
    await FamilyMember.create(
        family=family, user=user, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE, email=user.email,
        first_name=user.first_name, last_name=user.last_name, view_full_ledger=ledger, can_make_payments=pay,
    )


async def seed(account: Account, make_user: UserMaker) -> list[str]:
    """Create the demo families (once); return their names."""
    if await Family.exists(account_id=account.id, name="Garcia"):
        return []
    maria = await make_user("maria@demo.portico.dev", "Maria", "Garcia")
    jose = await make_user("jose@demo.portico.dev", "Jose", "Garcia")
    nana = await make_user("nana@demo.portico.dev", "Nana", "Lopez")
    luis = await make_user("luis@demo.portico.dev", "Luis", "Lopez")
    garcia = await service.create_family(account=account, primary=maria, name="Garcia")
    lopez = await service.create_family(account=account, primary=luis, name="Lopez")
    await _secondary(garcia, jose, ledger=True, pay=True)
    await _secondary(garcia, nana, ledger=False, pay=False)
    await _secondary(lopez, nana, ledger=True, pay=False)
    await FamilyMember.create(family=garcia, role=MemberRole.SECONDARY, email="tia.rosa@example.com", first_name="Rosa", last_name="Garcia")

    sofia = await Student.create(family=garcia, first_name="Sofia", last_name="Garcia", birth_date=date(2016, 4, 12))
    mateo = await Student.create(family=garcia, first_name="Mateo", last_name="Garcia", birth_date=date(2019, 9, 3))
    await Enrollment.create(student=sofia, class_name="Level 3 Gymnastics (Mon/Wed 4pm)", created_by=maria)
    await Enrollment.create(student=mateo, class_name="Tumbling Tots (Sat 10am)", created_by=maria)
    await Student.create(family=lopez, first_name="Lucia", last_name="Lopez", birth_date=date(2015, 1, 20))

    card = await PaymentMethod.create(family=garcia, owner=maria, brand="Visa", last4="4242")
    await PaymentMethod.create(family=garcia, owner=jose, brand="Mastercard", last4="5454")
    now = utcnow()
    for months_ago in (3, 2, 1, 0):
        when = now - timedelta(days=30 * months_ago + 2)
        await LedgerEntry.create(family=garcia, kind=LedgerKind.CHARGE, amount_cents=18500, description="Monthly tuition: Sofia", created_at=when)
        await LedgerEntry.create(family=garcia, kind=LedgerKind.CHARGE, amount_cents=9500, description="Monthly tuition: Mateo", created_at=when)
        if months_ago:
            await LedgerEntry.create(
                family=garcia, kind=LedgerKind.PAYMENT, amount_cents=28000, description="Payment (Visa ending 4242)",
                payment_method=card, created_by=maria, created_at=when + timedelta(days=1),
            )
    await LedgerEntry.create(family=lopez, kind=LedgerKind.CHARGE, amount_cents=18500, description="Monthly tuition: Lucia")
    return [f.name for f in (garcia, lopez)]
