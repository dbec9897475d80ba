"""Families: my families and the switcher, secondary users, the ledger and payments.

Every query takes the family explicitly (`$family`), so a page shows the family it asked
for even if the person switched family in another tab meanwhile.
"""

from __future__ import annotations

from typing import Any

from frontend.api.client import ApiError, checked, execute
from frontend.api.messages import message_for

ERRORS = "errors { code message field }"
FAMILY_FIELDS = "id name accountName primaryGuardianName myRole canViewLedger canMakePayments canManageStudents"
OFFICE_FAMILY_FIELDS = "id name primaryGuardianName primaryGuardianEmail primaryGuardianStatus"
MEMBER_FIELDS = "id role status email firstName lastName viewFullLedger canMakePayments canEditContact invitationExpiresAt invitationsSent"
SECONDARY = f"secondary {{ {MEMBER_FIELDS} }} {ERRORS}"

MY_FAMILIES = "query MyFamilies { myFamilies { id name accountName role isActive } }"
# What every member may see, in one round trip; the ledger is asked for separately, and
# only when `family.canViewLedger` (the API refuses it to a secondary without access).
OVERVIEW = f"""query FamilyOverview($family: ID) {{
  family(familyId: $family) {{ {FAMILY_FIELDS} }}
  familyBalance(familyId: $family) {{ balanceCents chargesCents paymentsCents }}
  familyMembers(familyId: $family, first: 100) {{ nodes {{ {MEMBER_FIELDS} }} }}
  familyStudents(familyId: $family) {{ id firstName lastName birthDate enrollments {{ id className createdAt }} }}
  paymentMethods(familyId: $family) {{ id brand last4 mine }} }}"""
TRANSACTIONS = """query Ledger($family: ID) {
  familyTransactions(familyId: $family, first: 100) { nodes { id kind amountCents description createdAt } } }"""

ADD_SECONDARY = f"""mutation AddSecondary($family: ID!, $input: SecondaryInput!) {{
  addSecondary(familyId: $family, input: $input) {{ {SECONDARY} }} }}"""
UPDATE_SECONDARY = f"""mutation UpdateSecondary($id: ID!, $input: SecondaryInput!) {{
  updateSecondary(secondaryId: $id, input: $input) {{ {SECONDARY} }} }}"""
INVITE_SECONDARY = f"mutation InviteSecondary($id: ID!, $email: String) {{ inviteSecondary(secondaryId: $id, email: $email) {{ {SECONDARY} }} }}"
RESEND_INVITE = f"mutation ResendInvite($id: ID!, $email: String) {{ resendSecondaryInvite(secondaryId: $id, email: $email) {{ {SECONDARY} }} }}"
SET_ACCOUNT_ACCESS = f"""mutation SetAccountAccess($id: ID!, $ledger: Boolean!, $pay: Boolean!) {{
  setAccountAccess(secondaryId: $id, viewFullLedger: $ledger, canMakePayments: $pay) {{ {SECONDARY} }} }}"""
SEND_PASSWORD_RESET = f"mutation SecondaryReset($id: ID!) {{ sendSecondaryPasswordReset(secondaryId: $id) {{ ok {ERRORS} }} }}"
REVOKE_SECONDARY = f"mutation RevokeSecondary($id: ID!) {{ revokeSecondary(secondaryId: $id) {{ {SECONDARY} }} }}"
SWITCH_FAMILY = f"mutation SwitchFamily($family: ID!) {{ switchFamily(familyId: $family) {{ family {{ id name }} {ERRORS} }} }}"
ADD_PAYMENT_METHOD = f"""mutation AddCard($family: ID!, $brand: String!, $last4: String!) {{
  addPaymentMethod(familyId: $family, brand: $brand, last4: $last4) {{ paymentMethod {{ id }} {ERRORS} }} }}"""
MAKE_PAYMENT = f"""mutation Pay($family: ID!, $amount: Int!, $method: ID!) {{
  makePayment(familyId: $family, amountCents: $amount, paymentMethodId: $method) {{ payment {{ id amountCents }} {ERRORS} }} }}"""

# The Office Portal (account staff with families.manage): list, create, members, revoke. Lists
# the page shows whole ask for the first page of 100 (the most the API serves).
ACCOUNT_FAMILIES = f"""query AccountFamilies($account: ID!, $search: String!) {{
  accountFamilies(accountId: $account, search: $search, first: 100) {{ nodes {{ {OFFICE_FAMILY_FIELDS} }} }} }}"""
FAMILIES_WITH_GUARDIAN = f"""query FamiliesWithGuardian($account: ID!, $email: String!) {{
  familiesWithGuardian(accountId: $account, email: $email, first: 100) {{ nodes {{ {OFFICE_FAMILY_FIELDS} }} }} }}"""
# What staff see of one family besides its guardians: students, balance, the 5 latest ledger entries.
STAFF_DETAIL = """query FamilyDetail($family: ID) {
  familyBalance(familyId: $family) { balanceCents }
  familyStudents(familyId: $family) { id firstName lastName enrollments { id className } }
  familyTransactions(familyId: $family, first: 5) { nodes { id kind amountCents description createdAt } } }"""
FAMILY_MEMBERS = f"query FamilyMembers($family: ID!) {{ familyMembers(familyId: $family, first: 100) {{ nodes {{ {MEMBER_FIELDS} }} }} }}"
RESEND_PRIMARY = f"""mutation ResendPrimary($family: ID!) {{
  resendPrimaryInvite(familyId: $family) {{ family {{ {OFFICE_FAMILY_FIELDS} }} {ERRORS} }} }}"""
CREATE_FAMILY = f"""mutation CreateFamily($account: ID!, $name: String!, $primary: PrimaryGuardianInput!) {{
  createFamily(accountId: $account, name: $name, primary: $primary) {{ family {{ {OFFICE_FAMILY_FIELDS} }} {ERRORS} }} }}"""


async def _run(document: str, variables: dict[str, Any], token: str) -> dict[str, Any]:
    """Execute, saying FORBIDDEN and NOT_FOUND in family words (they usually mean access
    ended: the API answers a family I may not see exactly like one that does not exist)."""
    try:
        return await execute(document, variables, token=token)
    except ApiError as exc:
        if exc.code in ("FORBIDDEN", "NOT_FOUND"):
            raise ApiError(exc.code, message_for("FAMILY_FORBIDDEN")) from exc
        raise


async def my_families(*, token: str) -> list[dict[str, Any]]:
    return (await execute(MY_FAMILIES, token=token))["myFamilies"]


async def overview(*, token: str, family_id: str) -> dict[str, Any]:
    """family, familyBalance, familyMembers (their first page, as a list), familyStudents and paymentMethods."""
    data = await _run(OVERVIEW, {"family": family_id or None}, token)
    return {**data, "familyMembers": data["familyMembers"]["nodes"]}


async def transactions(*, token: str, family_id: str) -> list[dict[str, Any]]:
    return (await _run(TRANSACTIONS, {"family": family_id or None}, token))["familyTransactions"]["nodes"]


def _secondary_input(email: str, first_name: str, last_name: str) -> dict[str, str]:
    return {"email": email.strip(), "firstName": first_name.strip(), "lastName": last_name.strip()}


async def add_secondary(*, token: str, family_id: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    variables = {"family": family_id, "input": _secondary_input(email, first_name, last_name)}
    return checked((await _run(ADD_SECONDARY, variables, token))["addSecondary"])["secondary"]


async def update_secondary(*, token: str, secondary_id: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    variables = {"id": secondary_id, "input": _secondary_input(email, first_name, last_name)}
    return checked((await _run(UPDATE_SECONDARY, variables, token))["updateSecondary"])["secondary"]


async def invite_secondary(*, token: str, secondary_id: str, email: str, resend: bool) -> dict[str, Any]:
    """Send (or re-send) the 48-hour invitation to the confirmed or corrected address."""
    document, field = (RESEND_INVITE, "resendSecondaryInvite") if resend else (INVITE_SECONDARY, "inviteSecondary")
    return checked((await _run(document, {"id": secondary_id, "email": email.strip() or None}, token))[field])["secondary"]


async def set_account_access(*, token: str, secondary_id: str, view_full_ledger: bool, can_make_payments: bool) -> dict[str, Any]:
    variables = {"id": secondary_id, "ledger": view_full_ledger, "pay": can_make_payments}
    return checked((await _run(SET_ACCOUNT_ACCESS, variables, token))["setAccountAccess"])["secondary"]


async def send_password_reset(*, token: str, secondary_id: str) -> None:
    checked((await _run(SEND_PASSWORD_RESET, {"id": secondary_id}, token))["sendSecondaryPasswordReset"])


async def revoke_secondary(*, token: str, secondary_id: str) -> dict[str, Any]:
    return checked((await _run(REVOKE_SECONDARY, {"id": secondary_id}, token))["revokeSecondary"])["secondary"]


async def switch_family(*, token: str, family_id: str) -> dict[str, Any]:
    return checked((await _run(SWITCH_FAMILY, {"family": family_id}, token))["switchFamily"])["family"]


async def add_payment_method(*, token: str, family_id: str, brand: str, last4: str) -> None:
    variables = {"family": family_id, "brand": brand.strip(), "last4": last4.strip()}
    checked((await _run(ADD_PAYMENT_METHOD, variables, token))["addPaymentMethod"])


async def make_payment(*, token: str, family_id: str, amount_cents: int, payment_method_id: str) -> dict[str, Any]:
    variables = {"family": family_id, "amount": amount_cents, "method": payment_method_id}
    return checked((await _run(MAKE_PAYMENT, variables, token))["makePayment"])["payment"]


async def _office(document: str, variables: dict[str, Any], token: str) -> dict[str, Any]:
    """Execute for office staff, saying FORBIDDEN as a missing permission (the Customers module)."""
    try:
        return await execute(document, variables, token=token)
    except ApiError as exc:
        if exc.code == "FORBIDDEN":
            raise ApiError(exc.code, message_for("OFFICE_FORBIDDEN")) from exc
        raise


async def account_families(*, token: str, account_id: str, search: str = "") -> list[dict[str, Any]]:
    """By name; `search` also finds a family by a secondary guardian or a student."""
    return (await _office(ACCOUNT_FAMILIES, {"account": account_id, "search": search}, token))["accountFamilies"]["nodes"]


async def families_with_guardian(*, token: str, account_id: str, email: str) -> list[dict[str, Any]]:
    """Likely duplicates: families of the account where a guardian already has this email."""
    return (await _office(FAMILIES_WITH_GUARDIAN, {"account": account_id, "email": email}, token))["familiesWithGuardian"]["nodes"]


async def staff_detail(*, token: str, family_id: str) -> dict[str, Any]:
    """familyBalance, familyStudents and the 5 latest familyTransactions (newest first, as a list) of one family."""
    data = await _run(STAFF_DETAIL, {"family": family_id}, token)
    return {**data, "familyTransactions": data["familyTransactions"]["nodes"]}


async def family_members(*, token: str, family_id: str) -> list[dict[str, Any]]:
    return (await _office(FAMILY_MEMBERS, {"family": family_id}, token))["familyMembers"]["nodes"]


async def create_family(*, token: str, account_id: str, name: str, email: str, first_name: str, last_name: str) -> dict[str, Any]:
    """A new family; its primary is active at once (existing person) or INVITED (emailed)."""
    variables = {"account": account_id, "name": name.strip(),
                 "primary": {"email": email.strip(), "firstName": first_name.strip(), "lastName": last_name.strip()}}
    return checked((await _office(CREATE_FAMILY, variables, token))["createFamily"])["family"]


async def resend_primary_invite(*, token: str, family_id: str) -> dict[str, Any]:
    """A fresh link for a primary guardian who has not accepted (the old link stops working)."""
    return checked((await _office(RESEND_PRIMARY, {"family": family_id}, token))["resendPrimaryInvite"])["family"]


async def staff_revoke_secondary(*, token: str, secondary_id: str) -> dict[str, Any]:
    """revokeSecondary as office staff (the guardians' page uses `revoke_secondary`)."""
    return checked((await _office(REVOKE_SECONDARY, {"id": secondary_id}, token))["revokeSecondary"])["secondary"]


BALANCE = "query FamilyBalance($family: ID) { familyBalance(familyId: $family) { balanceCents } }"


async def balance_cents(*, token: str, family_id: str) -> int:
    """What the family owes now (Home's amount due)."""
    return int((await _run(BALANCE, {"family": family_id or None}, token))["familyBalance"]["balanceCents"])
