"""pendingInvitations: filters (status, kind, invited by, dates, search, disposable flag) and
cursor pagination."""

from datetime import timedelta

from backend.accounts.models import MembershipRole
from backend.core.security import token_hash, utcnow
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from tests.conftest import Api
from tests.factories import gid, make_account, make_member, make_user, token_for

LIST = """query P($a: ID!, $status: OpenInvitationStatus, $kind: InvitationKind, $by: ID, $from: DateTime, $to: DateTime,
  $search: String! = "", $disposable: Boolean, $first: Int! = 50, $after: String) {
  pendingInvitations(accountId: $a, status: $status, kind: $kind, invitedBy: $by, createdFrom: $from, createdTo: $to,
    search: $search, disposable: $disposable, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { email status kind disposable invitedById } } } }"""


async def _setup() -> tuple:
    boss = await make_user("boss@example.com")
    account = await make_account("Acme", admin=boss)
    deputy = await make_member(account, await make_user("deputy@example.com"), role=MembershipRole.ADMIN)
    now = utcnow()

    async def invite(email: str, *, by, kind=InvitationKind.ACCOUNT_USER, days_ago: int = 0, expired: bool = False,  # type: ignore[no-untyped-def]
                     first: str = "", status: InvitationStatus = InvitationStatus.PENDING) -> None:
        await Invitation.create(
            kind=kind, account=account, target=f"{kind.value}:{account.id}", email=email, first_name=first, invited_by=by,
            token_hash=token_hash(email), status=status, email_disposable=email.endswith("@mailinator.com"),
            expires_at=now + (timedelta(days=-1) if expired else timedelta(days=7)), created_at=now - timedelta(days=days_ago),
        )

    await invite("ann@example.com", by=boss, days_ago=10, first="Ann")
    await invite("bob@example.com", by=deputy, days_ago=5, expired=True)
    await invite("cat@mailinator.com", by=boss, days_ago=3)
    await invite("dan@example.com", by=deputy, kind=InvitationKind.SEAT, days_ago=1)
    await invite("eve@example.com", by=boss, status=InvitationStatus.ACCEPTED)
    await invite("fay@example.com", by=boss, status=InvitationStatus.EXPIRED, days_ago=2)
    return boss, account, deputy, now


async def _emails(as_admin: Api, variables: dict) -> list[str]:
    data = (await as_admin(LIST, variables))["pendingInvitations"]
    return [e["node"]["email"] for e in data["edges"]]


async def test_filters_narrow_the_list(api: Api) -> None:
    boss, account, deputy, now = await _setup()
    as_admin = api.as_(await token_for(boss))
    a = {"a": str(account.id)}
    # Newest first; accepted ones are not open.
    assert await _emails(as_admin, a) == ["fay@example.com", "dan@example.com", "cat@mailinator.com", "bob@example.com", "ann@example.com"]
    assert await _emails(as_admin, {**a, "status": "PENDING"}) == ["dan@example.com", "cat@mailinator.com", "ann@example.com"]
    assert await _emails(as_admin, {**a, "status": "EXPIRED"}) == ["fay@example.com", "bob@example.com"]
    assert await _emails(as_admin, {**a, "kind": "SEAT"}) == ["dan@example.com"]
    assert await _emails(as_admin, {**a, "by": str(deputy.id)}) == ["dan@example.com", "bob@example.com"]
    window = {"from": (now - timedelta(days=6)).isoformat(), "to": (now - timedelta(days=2, hours=12)).isoformat()}
    assert await _emails(as_admin, {**a, **window}) == ["cat@mailinator.com", "bob@example.com"]
    assert await _emails(as_admin, {**a, "search": "ANN"}) == ["ann@example.com"]
    assert await _emails(as_admin, {**a, "search": "example bo"}) == ["bob@example.com"]
    assert await _emails(as_admin, {**a, "disposable": True}) == ["cat@mailinator.com"]
    assert "cat@mailinator.com" not in await _emails(as_admin, {**a, "disposable": False})
    flagged = (await as_admin(LIST, {**a, "disposable": True}))["pendingInvitations"]["edges"][0]["node"]
    assert flagged == {"email": "cat@mailinator.com", "status": "PENDING", "kind": "ACCOUNT_USER", "disposable": True,
                       "invitedById": gid("User", boss.id)}


async def test_cursor_pagination_walks_every_invitation_once(api: Api) -> None:
    boss, account, *_ = await _setup()
    as_admin = api.as_(await token_for(boss))
    seen, after, pages = [], None, 0
    while True:
        data = (await as_admin(LIST, {"a": str(account.id), "first": 2, "after": after}))["pendingInvitations"]
        assert data["totalCount"] == 5
        assert data["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [e["node"]["email"] for e in data["edges"]]
        pages += 1
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
        assert after == data["edges"][-1]["cursor"]
    assert pages == 3 and len(seen) == len(set(seen)) == 5


async def test_a_foreign_cursor_is_refused_cleanly(api: Api) -> None:
    boss, account, *_ = await _setup()
    body = await api.as_(await token_for(boss)).raw(LIST, {"a": str(account.id), "after": "bm90LWEtY3Vyc29y"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
