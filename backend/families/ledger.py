"""A family's ledger, payment methods, payments, students and enrollments, as each
caller is allowed to see and change them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from backend.accounts.models import User
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, Forbidden, NotFound
from backend.families.access import FamilyAccess, family_access
from backend.families.models import (
    Enrollment,
    LedgerEntry,
    LedgerKind,
    PaymentMethod,
    Student,
)

MAX_PAYMENT_CENTS = 10_000_000


@dataclass(frozen=True)
class Balance:
    charges_cents: int
    payments_cents: int

    @property
    def balance_cents(self) -> int:
        return self.charges_cents - self.payments_cents


async def balance(*, access: FamilyAccess) -> Balance:
    """The amount due: limited account details every member may see."""
    sums = await LedgerEntry.filter(family_id=access.family.id).group_by("kind").annotate(total=Sum("amount_cents")).values(
        "kind", "total"
    )
    by_kind = {LedgerKind(r["kind"]): int(r["total"] or 0) for r in sums}
    return Balance(by_kind.get(LedgerKind.CHARGE, 0), by_kind.get(LedgerKind.PAYMENT, 0))


def transactions(*, access: FamilyAccess) -> Any:
    """The transaction history, newest first (id breaks ties): only with View Full Ledger (or as
    primary or staff). A queryset the caller pages through."""
    if not access.can_view_ledger:
        raise Forbidden("The primary guardian has not given you access to the full ledger.")
    return LedgerEntry.filter(family_id=access.family.id).select_related("payment_method").order_by("-created_at", "-id")


async def payment_methods(*, access: FamilyAccess) -> list[PaymentMethod]:
    """My own payment methods in this family (staff see all of them)."""
    query = PaymentMethod.filter(family_id=access.family.id)
    if not access.is_staff:
        query = query.filter(owner_id=access.user.id)
    return await query.order_by("id")


async def add_payment_method(*, actor: User, family_id: int, brand: str, last4: str) -> PaymentMethod:
    access = await family_access(user=actor, family_id=family_id, allow_staff=False)
    if not access.can_make_payments:
        raise Forbidden("The primary guardian has not allowed you to make payments.")
    if not (last4.isdigit() and len(last4) == 4):
        raise DomainError(ErrorCode.INVALID, "Enter the last four digits of the card.", "last4")
    if not brand.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the card brand.", "brand")
    return await PaymentMethod.create(family=access.family, owner=actor, brand=brand.strip()[:32], last4=last4)


async def make_payment(*, actor: User, family_id: int, amount_cents: int, payment_method_id: int) -> LedgerEntry:
    """Pay with one of *my own* payment methods (a secondary needs Can Make Payments)."""
    access = await family_access(user=actor, family_id=family_id, allow_staff=False)
    if not access.can_make_payments:
        raise Forbidden("The primary guardian has not allowed you to make payments.")
    if not 0 < amount_cents <= MAX_PAYMENT_CENTS:
        raise DomainError(ErrorCode.INVALID_AMOUNT, "Enter an amount greater than zero.", "amountCents")
    method = await PaymentMethod.get_or_none(id=payment_method_id, family_id=family_id)
    if method is None or method.owner_id != actor.id:  # type: ignore[attr-defined]
        raise DomainError(
            ErrorCode.PAYMENT_METHOD_NOT_ALLOWED, "You can only pay with your own saved payment methods.", "paymentMethodId"
        )
    async with in_transaction():
        entry = await LedgerEntry.create(
            family_id=family_id, kind=LedgerKind.PAYMENT, amount_cents=amount_cents,
            description=f"Payment by {actor.full_name or actor.email} ({method.brand} ending {method.last4})",
            payment_method=method, created_by=actor,
        )
        await audit.record(
            action="family.payment", actor_id=actor.id, account_id=access.family.account_id,  # type: ignore[attr-defined]
            family_id=family_id, amount_cents=amount_cents,
        )
    return entry


async def students(*, access: FamilyAccess) -> list[Student]:
    return await Student.filter(family_id=access.family.id).prefetch_related("enrollments").order_by("first_name", "id")


async def add_student(*, actor: User, family_id: int, first_name: str, last_name: str, birth_date: date | None) -> Student:
    access = await family_access(user=actor, family_id=family_id)
    access.require_guardian_or_staff_for_students()
    if not first_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the student's first name.", "firstName")
    return await Student.create(
        family=access.family, first_name=first_name.strip(), last_name=last_name.strip(), birth_date=birth_date
    )


async def _student(actor: User, student_id: int) -> tuple[FamilyAccess, Student]:
    student = await Student.get_or_none(id=student_id)
    if student is None:
        raise NotFound("No such student.")
    access = await family_access(user=actor, family_id=student.family_id)  # type: ignore[attr-defined]
    access.require_guardian_or_staff_for_students()
    return access, student


async def update_student(*, actor: User, student_id: int, first_name: str, last_name: str) -> Student:
    _, student = await _student(actor, student_id)
    if not first_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Enter the student's first name.", "firstName")
    student.first_name, student.last_name = first_name.strip(), last_name.strip()
    await student.save(update_fields=["first_name", "last_name"])
    return student


async def enroll_student(*, actor: User, student_id: int, class_name: str) -> Enrollment:
    _, student = await _student(actor, student_id)
    if not class_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Choose a class.", "className")
    return await Enrollment.create(student=student, class_name=class_name.strip(), created_by=actor)
