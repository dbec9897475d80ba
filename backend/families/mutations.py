"""Family mutations: secondary users, account access, the switcher, payments, students."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any

import strawberry

from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, OkPayload, ok_or, require_user, to_id
from backend.families import ledger, service, switcher
from backend.families.types import (
    FamilyMember,
    FamilyType,
    LedgerEntry,
    PaymentMethodType,
    Student,
)

SecondaryId = Annotated[strawberry.ID, strawberry.argument(description="The secondary user's family-member id.")]
FamilyId = Annotated[strawberry.ID, strawberry.argument(description="Family id.")]


@strawberry.input(description="A secondary user's details. The email is required before an invitation can be sent.")
class SecondaryInput:
    email: str = strawberry.field(description="Where the invitation goes.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(default="", description="Last name.")


@strawberry.type(description="Result of a mutation on a secondary user.")
class SecondaryPayload:
    secondary: FamilyMember | None = strawberry.field(default=None, description="The secondary user after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of `switchFamily`.")
class SwitchFamilyPayload:
    family: FamilyType | None = strawberry.field(default=None, description="The family I now act in.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of adding a payment method.")
class PaymentMethodPayload:
    payment_method: PaymentMethodType | None = strawberry.field(default=None, description="The saved method.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of a payment.")
class PaymentPayload:
    payment: LedgerEntry | None = strawberry.field(default=None, description="The payment as recorded in the ledger.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of a change to a student or an enrollment.")
class StudentPayload:
    student: Student | None = strawberry.field(default=None, description="The student after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


async def _secondary(info: Info, call: Callable[..., Awaitable[Any]], **kwargs: Any) -> SecondaryPayload:
    actor = await require_user(info)
    try:
        member = await call(actor=actor, **kwargs)
    except DomainError as e:
        return SecondaryPayload(errors=[MutationError.of(e)])
    await member.fetch_related("invitation")
    return SecondaryPayload(secondary=FamilyMember.of(member))


async def _student(info: Info, call: Callable[..., Awaitable[Any]], **kwargs: Any) -> StudentPayload:
    from backend.families.models import Student as StudentModel

    actor = await require_user(info)
    try:
        await call(actor=actor, **kwargs)
    except DomainError as e:
        return StudentPayload(errors=[MutationError.of(e)])
    student = await StudentModel.get(id=kwargs["student_id"]).prefetch_related("enrollments")
    return StudentPayload(student=Student.of(student))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Primary guardian only: save a new secondary user's details (no email is sent yet).")
    async def add_secondary(
        self, info: Info, family_id: FamilyId,
        input: Annotated[SecondaryInput, strawberry.argument(description="Their details.")],
    ) -> SecondaryPayload:
        return await _secondary(
            info, service.add_secondary, family_id=to_id(family_id), email=input.email,
            first_name=input.first_name, last_name=input.last_name,
        )

    @strawberry.mutation(description="Primary guardian only: correct a secondary's details before they accept.")
    async def update_secondary(
        self, info: Info, secondary_id: SecondaryId,
        input: Annotated[SecondaryInput, strawberry.argument(description="Their corrected details.")],
    ) -> SecondaryPayload:
        return await _secondary(
            info, service.update_secondary, secondary_id=to_id(secondary_id), email=input.email,
            first_name=input.first_name, last_name=input.last_name,
        )

    @strawberry.mutation(description="Primary guardian only: email the 48-hour invitation. `email` confirms or corrects the address.")
    async def invite_secondary(
        self, info: Info, secondary_id: SecondaryId,
        email: Annotated[str | None, strawberry.argument(description="Confirmed or corrected address.")] = None,
    ) -> SecondaryPayload:
        return await _secondary(info, service.invite_secondary, secondary_id=to_id(secondary_id), email=email)

    @strawberry.mutation(description="Primary guardian only: send a fresh 48-hour link; the previous link stops working.")
    async def resend_secondary_invite(
        self, info: Info, secondary_id: SecondaryId,
        email: Annotated[str | None, strawberry.argument(description="Confirmed or corrected address.")] = None,
    ) -> SecondaryPayload:
        return await _secondary(info, service.invite_secondary, secondary_id=to_id(secondary_id), email=email)

    @strawberry.mutation(description="Primary guardian only: grant or withdraw View Full Ledger and Can Make Payments.")
    async def set_account_access(
        self, info: Info, secondary_id: SecondaryId,
        view_full_ledger: Annotated[bool, strawberry.argument(description="May see the transaction history.")],
        can_make_payments: Annotated[bool, strawberry.argument(description="May pay with their own payment methods.")],
    ) -> SecondaryPayload:
        return await _secondary(
            info, service.set_account_access, secondary_id=to_id(secondary_id),
            view_full_ledger=view_full_ledger, can_make_payments=can_make_payments,
        )

    @strawberry.mutation(description="Primary guardian only: email an accepted secondary a 15-minute password-reset link.")
    async def send_secondary_password_reset(self, info: Info, secondary_id: SecondaryId) -> OkPayload:
        actor = await require_user(info)
        try:
            await service.send_secondary_password_reset(actor=actor, secondary_id=to_id(secondary_id))
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(
        description="Primary guardian or account staff: end a secondary's access at once, delete their saved payment methods and email them."
    )
    async def revoke_secondary(self, info: Info, secondary_id: SecondaryId) -> SecondaryPayload:
        return await _secondary(info, service.revoke_secondary, secondary_id=to_id(secondary_id))

    @strawberry.mutation(description="Act in another of my families; family queries then default to it.")
    async def switch_family(self, info: Info, family_id: FamilyId) -> SwitchFamilyPayload:
        access = await switcher.switch_family(user=await require_user(info), family_id=to_id(family_id))
        return SwitchFamilyPayload(family=FamilyType.of(access))

    @strawberry.mutation(description="Save a card for paying this family's bills (primary, or a secondary with Can Make Payments).")
    async def add_payment_method(
        self, info: Info, family_id: FamilyId,
        brand: Annotated[str, strawberry.argument(description="Card brand, e.g. Visa.")],
        last4: Annotated[str, strawberry.argument(description="Last four digits.")],
    ) -> PaymentMethodPayload:
        actor = await require_user(info)
        try:
            method = await ledger.add_payment_method(actor=actor, family_id=to_id(family_id), brand=brand, last4=last4)
        except DomainError as e:
            return PaymentMethodPayload(errors=[MutationError.of(e)])
        return PaymentMethodPayload(payment_method=PaymentMethodType.of(method, actor.id))

    @strawberry.mutation(description="Pay toward the family's balance with one of my own payment methods.")
    async def make_payment(
        self, info: Info, family_id: FamilyId,
        amount_cents: Annotated[int, strawberry.argument(description="Amount in cents, greater than zero.")],
        payment_method_id: Annotated[strawberry.ID, strawberry.argument(description="One of my own payment methods.")],
    ) -> PaymentPayload:
        actor = await require_user(info)
        try:
            entry = await ledger.make_payment(
                actor=actor, family_id=to_id(family_id), amount_cents=amount_cents, payment_method_id=to_id(payment_method_id)
            )
        except DomainError as e:
            return PaymentPayload(errors=[MutationError.of(e)])
        return PaymentPayload(payment=LedgerEntry.of(entry))

    @strawberry.mutation(description="Primary guardian or staff: add a student. Secondary users never can.")
    async def add_student(
        self, info: Info, family_id: FamilyId,
        first_name: Annotated[str, strawberry.argument(description="First name.")],
        last_name: Annotated[str, strawberry.argument(description="Last name.")],
        birth_date: Annotated[date | None, strawberry.argument(description="Date of birth.")] = None,
    ) -> StudentPayload:
        actor = await require_user(info)
        try:
            s = await ledger.add_student(actor=actor, family_id=to_id(family_id), first_name=first_name, last_name=last_name, birth_date=birth_date)
        except DomainError as e:
            return StudentPayload(errors=[MutationError.of(e)])
        await s.fetch_related("enrollments")
        return StudentPayload(student=Student.of(s))

    @strawberry.mutation(description="Primary guardian or staff: change a student's name. Secondary users never can.")
    async def update_student(
        self, info: Info, student_id: Annotated[strawberry.ID, strawberry.argument(description="Student id.")],
        first_name: Annotated[str, strawberry.argument(description="First name.")],
        last_name: Annotated[str, strawberry.argument(description="Last name.")],
    ) -> StudentPayload:
        return await _student(
            info, ledger.update_student, student_id=to_id(student_id), first_name=first_name, last_name=last_name
        )

    @strawberry.mutation(description="Primary guardian or staff: enroll a student in a class. Secondary users never can.")
    async def enroll_student(
        self, info: Info, student_id: Annotated[strawberry.ID, strawberry.argument(description="Student id.")],
        class_name: Annotated[str, strawberry.argument(description="The class.")],
    ) -> StudentPayload:
        return await _student(info, ledger.enroll_student, student_id=to_id(student_id), class_name=class_name)
