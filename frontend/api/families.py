"""Families: my families and the switcher, secondary users, the ledger and payments
(operations: graphql/families.graphql).

Every query takes the family explicitly (`$family`), so a page shows the family it asked
for even if the person switched family in another tab meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

from frontend.api.client import ApiError, ConnectionPage, api, checked, dump, dump_all, every_page
from frontend.api.generated import PrimaryGuardianInput, SecondaryInput
from frontend.api.messages import message_for

T = TypeVar("T")


async def _run(call: Awaitable[T]) -> T:
    """Await, saying FORBIDDEN and NOT_FOUND in family words (they usually mean access
    ended: the API answers a family I may not see exactly like one that does not exist)."""
    try:
        return await call
    except ApiError as exc:
        if exc.code in ("FORBIDDEN", "NOT_FOUND"):
            raise ApiError(exc.code, message_for("FAMILY_FORBIDDEN")) from exc
        raise


async def my_families(*, token: str) -> list[dict[str, Any]]:
    return dump_all((await api(token).my_families()).my_families)


async def overview(*, token: str, family_id: str) -> dict[str, Any]:
    """family, familyBalance, familyMembers (their first page, as a list), familyStudents and paymentMethods."""
    data = dump(await _run(api(token).family_overview(family=family_id or None)))
    return {**data, "familyMembers": data["familyMembers"]["nodes"]}


async def transactions(*, token: str, family_id: str) -> list[dict[str, Any]]:
    """The first 100 ledger entries, newest first."""
    return dump_all((await _run(api(token).family_transactions(family=family_id or None))).family_transactions.nodes)


def _secondary_input(email: str, first_name: str, last_name: str) -> SecondaryInput:
    return SecondaryInput(email=email.strip(), firstName=first_name.strip(), lastName=last_name.strip())


async def add_secondary(*, token: str, family_id: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    secondary = _secondary_input(email, first_name, last_name)
    return checked((await _run(api(token).add_secondary(family=family_id, input=secondary))).add_secondary)["secondary"]


async def update_secondary(*, token: str, secondary_id: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    secondary = _secondary_input(email, first_name, last_name)
    return checked((await _run(api(token).update_secondary(id=secondary_id, input=secondary))).update_secondary)["secondary"]


async def invite_secondary(*, token: str, secondary_id: str, email: str, resend: bool) -> dict[str, Any]:
    """Send (or re-send) the 48-hour invitation to the confirmed or corrected address."""
    client, address = api(token), email.strip() or None
    if resend:
        payload = (await _run(client.resend_secondary_invite(id=secondary_id, email=address))).resend_secondary_invite
    else:
        payload = (await _run(client.invite_secondary(id=secondary_id, email=address))).invite_secondary
    return checked(payload)["secondary"]


async def set_account_access(*, token: str, secondary_id: str, view_full_ledger: bool, can_make_payments: bool) -> dict[str, Any]:
    call = api(token).set_account_access(id=secondary_id, ledger=view_full_ledger, pay=can_make_payments)
    return checked((await _run(call)).set_account_access)["secondary"]


async def send_password_reset(*, token: str, secondary_id: str) -> None:
    checked((await _run(api(token).send_secondary_password_reset(id=secondary_id))).send_secondary_password_reset)


async def revoke_secondary(*, token: str, secondary_id: str) -> dict[str, Any]:
    return checked((await _run(api(token).revoke_secondary(id=secondary_id))).revoke_secondary)["secondary"]


async def switch_family(*, token: str, family_id: str) -> dict[str, Any]:
    return checked((await _run(api(token).switch_family(family=family_id))).switch_family)["family"]


async def add_payment_method(*, token: str, family_id: str, brand: str, last4: str) -> None:
    call = api(token).add_payment_method(family=family_id, brand=brand.strip(), last_4=last4.strip())
    checked((await _run(call)).add_payment_method)


async def make_payment(*, token: str, family_id: str, amount_cents: int, payment_method_id: str) -> dict[str, Any]:
    call = api(token).make_payment(family=family_id, amount=amount_cents, method=payment_method_id)
    return checked((await _run(call)).make_payment)["payment"]


async def _office(call: Awaitable[T]) -> T:
    """Await for office staff, saying FORBIDDEN as a missing permission (the Customers module)."""
    try:
        return await call
    except ApiError as exc:
        if exc.code == "FORBIDDEN":
            raise ApiError(exc.code, message_for("OFFICE_FORBIDDEN")) from exc
        raise


# The Office Portal (account staff with families.manage): list, create, members, revoke. Lists
# the page shows whole ask for the first page of 100 (the most the API serves).
async def account_families(*, token: str, account_id: str, search: str = "") -> list[dict[str, Any]]:
    """By name; `search` also finds a family by a secondary guardian or a student."""
    client = api(token)

    async def page(after: str | None) -> ConnectionPage:  # the office list sorts and pages on the page: every page of 100
        return (await _office(client.account_families(account=account_id, search=search, after=after))).account_families

    return await every_page(page)


async def families_with_guardian(*, token: str, account_id: str, email: str) -> list[dict[str, Any]]:
    """Likely duplicates: families of the account where a guardian already has this email."""
    result = await _office(api(token).families_with_guardian(account=account_id, email=email))
    return dump_all(result.families_with_guardian.nodes)


async def staff_detail(*, token: str, family_id: str) -> dict[str, Any]:
    """familyBalance, familyStudents and the 5 latest familyTransactions (newest first, as a list) of one family."""
    data = dump(await _run(api(token).family_detail(family=family_id)))
    return {**data, "familyTransactions": data["familyTransactions"]["nodes"]}


async def family_members(*, token: str, family_id: str) -> list[dict[str, Any]]:
    return dump_all((await _office(api(token).family_members(family=family_id))).family_members.nodes)


async def create_family(*, token: str, account_id: str, name: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    """A new family; its primary is active at once (existing person) or INVITED (emailed)."""
    primary = PrimaryGuardianInput(email=email.strip(), firstName=first_name.strip(), lastName=last_name.strip())
    call = api(token).create_family(account=account_id, name=name.strip(), primary=primary)
    return checked((await _office(call)).create_family)["family"]


async def resend_primary_invite(*, token: str, family_id: str) -> dict[str, Any]:
    """A fresh link for a primary guardian who has not accepted (the old link stops working)."""
    return checked((await _office(api(token).resend_primary_invite(family=family_id))).resend_primary_invite)["family"]


async def staff_revoke_secondary(*, token: str, secondary_id: str) -> dict[str, Any]:
    """revokeSecondary as office staff (the guardians' page uses `revoke_secondary`)."""
    return checked((await _office(api(token).revoke_secondary(id=secondary_id))).revoke_secondary)["secondary"]


async def balance_cents(*, token: str, family_id: str) -> int:
    """What the family owes now (Home's amount due)."""
    return int((await _run(api(token).family_balance(family=family_id or None))).family_balance.balance_cents)
