"""One pending invitation per (target, email, kind), held by the database under real
concurrency (separate connections on PostgreSQL); two invitations for one new address
accepted at the same moment both answer truthfully."""

import asyncio
from datetime import timedelta

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts.models import Membership, User
from backend.core.mail.models import OutboxEmail
from backend.core.security import token_hash, utcnow
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_subscription, make_user, token_for

INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["race@example.com"]}) {
  results { outcome invitation { id } } errors { code } } }"""
SEAT_INVITE = """mutation I($s: ID!) { inviteSeatUser(subscriptionId: $s, input: {firstName: "Ray", lastName: "Race", email: "race@example.com",
  access: SUBSCRIPTION}) { invitation { email } errors { code } } }"""
ACCEPT = """mutation A($t: String!) { acceptInvitation(token: $t, password: "a-long-private-phrase-91", confirmAdult: true,
  acceptTerms: true) { user { email } tokens { accessToken } errors { code message } } }"""

pytestmark = pytest.mark.committed


async def test_ten_concurrent_invites_of_one_address_leave_one_invitation_and_one_email(api: Api) -> None:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    as_admin = api.as_(await token_for(admin))
    answers = await asyncio.gather(*[as_admin(INVITE, {"a": str(account.id)}) for _ in range(10)])
    results = [a["inviteUsers"]["results"][0] for a in answers]
    assert sorted(r["outcome"] for r in results) == ["ALREADY_INVITED"] * 9 + ["INVITED"]
    # The losers answer with the winner's invitation.
    assert len({r["invitation"]["id"] for r in results}) == 1
    assert await Invitation.filter(email="race@example.com", status=InvitationStatus.PENDING).count() == 1
    assert await OutboxEmail.filter(to_email="race@example.com").count() == 1


async def test_ten_concurrent_seat_invites_of_one_address_leave_one_invitation(api: Api) -> None:
    admin = await make_user("seats@example.com")
    sub = await make_subscription(await make_account("Acme Learning", admin=admin), admin, seats=5)
    as_admin = api.as_(await token_for(admin))
    answers = await asyncio.gather(*[as_admin(SEAT_INVITE, {"s": str(sub.id)}) for _ in range(10)])
    codes = sorted(e["code"] for a in answers for e in a["inviteSeatUser"]["errors"])
    assert codes == ["ALREADY_INVITED"] * 9
    assert await Invitation.filter(email="race@example.com", status=InvitationStatus.PENDING).count() == 1
    assert await OutboxEmail.filter(to_email="race@example.com").count() == 1


async def test_the_database_refuses_a_second_pending_invitation_of_any_kind() -> None:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    later = utcnow() + timedelta(days=1)

    def row(n: int, kind: InvitationKind = InvitationKind.FAMILY_MEMBER, status: InvitationStatus = InvitationStatus.PENDING) -> Invitation:
        return Invitation(kind=kind, account=account, target="family:1", email="x@example.com", token_hash=token_hash(str(n)),
                          expires_at=later, status=status)

    await row(1).save()
    with pytest.raises(IntegrityError):
        async with in_transaction():
            await row(2).save()
    # Not pending, or another kind: allowed.
    await row(3, status=InvitationStatus.REVOKED).save()
    await row(4, kind=InvitationKind.SEAT).save()
    assert await Invitation.filter(email="x@example.com").count() == 3


async def test_two_invitations_of_one_new_address_accepted_at_once_both_succeed(api: Api, mailbox: Mailbox) -> None:
    boss_a, boss_b = await make_user("a@example.com"), await make_user("b@example.com")
    first, second = await make_account("First", admin=boss_a), await make_account("Second", admin=boss_b)
    people = [f"race{i}@example.com" for i in range(5)]
    invite = "mutation I($a: ID!, $e: [String!]!) { inviteUsers(accountId: $a, input: {emails: $e}) { invitedCount } }"
    await api.as_(await token_for(boss_a))(invite, {"a": str(first.id), "e": people})
    await api.as_(await token_for(boss_b))(invite, {"a": str(second.id), "e": people})
    await mailbox.deliver()
    tokens = [link_token(body_text(m), "/accept-invitation") for p in people for m in mailbox.to(p)]
    assert len(tokens) == 10
    # Both links of each person at the same moment, all five people at once.
    answers = [a["acceptInvitation"] for a in await asyncio.gather(*[api(ACCEPT, {"t": t}) for t in tokens])]
    assert [a["errors"] for a in answers] == [[]] * 10
    for i, person_email in enumerate(people):
        pair = answers[2 * i : 2 * i + 2]
        # One created the person (and signed them in); the other joined that same person.
        assert sorted(a["tokens"] is None for a in pair) == [False, True], person_email
        person = await User.get(email=person_email)
        assert await Membership.filter(user=person).count() == 2
        assert await Invitation.filter(email=person_email, status=InvitationStatus.ACCEPTED, accepted_by=person).count() == 2
