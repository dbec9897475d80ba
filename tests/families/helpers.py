"""A gym with a family (primary guardian Maria), staff, and ways to add secondaries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from backend.accounts.models import Account, MembershipRole, User
from backend.families import service
from backend.families.models import Family, FamilyMember, MemberRole, MemberStatus
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_member, make_user, pk, token_for

ADD = """mutation Add($f: ID!, $input: SecondaryInput!) {
  addSecondary(familyId: $f, input: $input) { secondary { id status email } errors { code field } } }"""
INVITE = """mutation Inv($s: ID!, $e: String) {
  inviteSecondary(secondaryId: $s, email: $e) { secondary { id status email invitationsSent invitationExpiresAt } errors { code field } } }"""
RESEND = """mutation Re($s: ID!, $e: String) {
  resendSecondaryInvite(secondaryId: $s, email: $e) { secondary { id status email invitationsSent } errors { code } } }"""
ACCEPT = """mutation A($t: String!, $p: String) {
  acceptInvitation(token: $t, password: $p, confirmAdult: true, acceptTerms: true) { tokens { accessToken } errors { code } } }"""
ACCESS = """mutation Acc($s: ID!, $l: Boolean!, $p: Boolean!) {
  setAccountAccess(secondaryId: $s, viewFullLedger: $l, canMakePayments: $p) { secondary { viewFullLedger canMakePayments } errors { code } } }"""
REVOKE = "mutation R($s: ID!) { revokeSecondary(secondaryId: $s) { secondary { status } errors { code } } }"
MEMBERS = "query M($f: ID) { familyMembers(familyId: $f) { nodes { id role status email firstName viewFullLedger canMakePayments canEditContact } } }"
TRANSACTIONS = "query T($f: ID) { familyTransactions(familyId: $f) { nodes { kind amountCents description } } }"
BALANCE = "query B($f: ID) { familyBalance(familyId: $f) { balanceCents chargesCents paymentsCents } }"
FAMILY = "query F($f: ID) { family(familyId: $f) { id name myRole canViewLedger canMakePayments canManageStudents } }"
SECONDARY_PASSWORD = "secondary-own-passphrase-5"


@dataclass
class Household:
    account: Account
    family: Family
    primary: User
    primary_api: Api
    staff: User
    staff_api: Api


async def household(api: Api, name: str = "Garcia", account: Account | None = None) -> Household:
    account = account or await make_account("Riverside Gym", admin=await make_user())
    primary = await make_user(f"{name.lower()}.primary@example.com", first="Maria", last=name)
    family = await service.create_family(account=account, primary=primary, name=name)
    staff = await make_member(account, await make_user(f"staff.{name.lower()}@example.com"), role=MembershipRole.USER, modules=["customers"])
    return Household(account, family, primary, api.as_(await token_for(primary)), staff, api.as_(await token_for(staff)))


async def invited_secondary(h: Household, mailbox: Mailbox, email: str = "jose@example.com") -> tuple[str, str]:
    """Add and invite a secondary; return (secondaryId, token from the email)."""
    added = (await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": email, "firstName": "Jose"}}))["addSecondary"]
    sid = added["secondary"]["id"]
    assert (await h.primary_api(INVITE, {"s": sid}))["inviteSecondary"]["errors"] == []
    await mailbox.deliver()
    return sid, link_token(body_text(mailbox.to(email)[-1]), "/accept-invitation")


async def active_secondary(h: Household, api: Api, mailbox: Mailbox, email: str = "jose@example.com") -> tuple[str, Api]:
    """An accepted secondary; return (secondaryId, their signed-in client)."""
    sid, token = await invited_secondary(h, mailbox, email)
    existing = await User.exists(email=email)
    data = (await api(ACCEPT, {"t": token, "p": None if existing else SECONDARY_PASSWORD}))["acceptInvitation"]
    assert data["errors"] == [], data
    user = await User.get(email=email)
    return sid, api.as_(await token_for(user))


async def secondary_row(sid: str) -> FamilyMember:
    return await FamilyMember.get(id=pk(sid), role=MemberRole.SECONDARY)


GUARDIAN = "shared.guardian@example.com"


async def families(account: Account, n: int) -> list[int]:
    """`n` families of the same name (the id breaks the ties), each with a primary guardian at GUARDIAN."""
    person = await User.create(email=f"p.{uuid.uuid4().hex[:8]}@example.com")
    await Family.bulk_create([Family(account_id=account.id, name="Same", primary_id=person.id) for _ in range(n)])
    ids = list(await Family.filter(account_id=account.id).values_list("id", flat=True))
    await FamilyMember.bulk_create([
        FamilyMember(family_id=f, user_id=person.id, role=MemberRole.PRIMARY, status=MemberStatus.ACTIVE, email=GUARDIAN)
        for f in ids
    ])
    return ids  # type: ignore[return-value]


__all__ = ["MemberStatus"]
