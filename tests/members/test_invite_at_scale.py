"""Inviting many addresses is set-based: the same SQL statements per chunk however many
addresses it holds, and everything (invitations, audit, outbox) written per chunk."""

from backend.audit.models import AuditEvent
from backend.core.mail import service as mail
from backend.core.mail.models import OutboxEmail
from backend.invitations.models import Invitation
from backend.members import bulk
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, token_for

INVITE = """mutation I($a: ID!, $input: InviteUsersInput!) { inviteUsers(accountId: $a, input: $input) { invitedCount errors { code } } }"""


async def _statements(api: Api, count_queries, settings_env, n: int) -> int:  # type: ignore[no-untyped-def]
    settings_env(MAX_INVITES_PER_CALL=str(bulk.CHUNK))
    admin = await make_user(f"boss{n}@example.com")
    account = await make_account(f"Acme {n}", admin=admin)
    await make_member(account, await make_user(f"member{n}@example.com"))
    emails = [f"member{n}@example.com", "junk", *[f"p{i}-{n}@example.com" for i in range(n - 2)]]
    as_admin = api.as_(await token_for(admin))
    with count_queries() as q:
        data = (await as_admin(INVITE, {"a": str(account.id), "input": {"emails": emails}}))["inviteUsers"]
    assert data == {"invitedCount": n - 2, "errors": []}
    return q.count


async def test_statements_per_chunk_do_not_grow_with_the_addresses(api: Api, count_queries, settings_env) -> None:  # type: ignore[no-untyped-def]
    small = await _statements(api, count_queries, settings_env, 100)
    large = await _statements(api, count_queries, settings_env, 1000)
    assert small == large, (small, large)
    assert large <= 20, large
    assert await Invitation.all().count() == 98 + 998
    assert await OutboxEmail.all().count() == 98 + 998
    assert await AuditEvent.filter(action="invitation.created.account_user").count() == 98 + 998


async def test_templates_are_read_from_disk_once(api: Api) -> None:
    mail._template.cache_clear()
    mail.render("invitation", first_name="A", inviter_name="B", target_name="C", what="as User", link="x", expires_at="y")
    mail.render("invitation", first_name="D", inviter_name="E", target_name="F", what="as User", link="z", expires_at="w")
    assert mail._template.cache_info().misses == 4 and mail._template.cache_info().hits == 4


async def test_every_invited_address_gets_its_own_working_link(api: Api) -> None:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    emails = [f"p{i}@example.com" for i in range(5)]
    await api.as_(await token_for(admin))(INVITE, {"a": str(account.id), "input": {"emails": emails}})
    bodies = {e.to_email: e.text_body for e in await OutboxEmail.all()}
    preview = "query P($t: String!) { invitation(token: $t) { email targetName } }"
    from tests.factories import link_token

    for email in emails:
        token = link_token(bodies[email], "/accept-invitation")
        assert (await api(preview, {"t": token}))["invitation"] == {"email": email, "targetName": "Acme"}
