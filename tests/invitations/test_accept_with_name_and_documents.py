"""Accepting: the invitee gives their name (pre-filled from the inviter's), sees the account's
Privacy Policy and Terms of Use, and the version they agreed to is stored with the time."""

from backend.accounts.models import User
from backend.core.security import utcnow
from backend.invitations.models import Invitation
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_member, make_user, token_for

DOCS = """mutation D($a: ID!, $p: String!, $t: String!, $v: String!) {
  setAccountDocuments(accountId: $a, privacyPolicyUrl: $p, termsUrl: $t, version: $v) {
    account { privacyPolicyUrl termsUrl documentsVersion } errors { code field } } }"""
PREVIEW = "query P($t: String!) { invitation(token: $t) { firstName lastName privacyPolicyUrl termsUrl documentsVersion } }"
ACCEPT = """mutation A($t: String!, $f: String, $l: String) { acceptInvitation(token: $t, password: "a-long-private-phrase-91",
  confirmAdult: true, acceptTerms: true, firstName: $f, lastName: $l) { user { firstName lastName } errors { code } } }"""
JOB = """mutation S($a: ID!, $l: String!) { startInvitationJob(accountId: $a, input: {list: $l}) { errors { code } } }"""


async def _invited(api: Api, mailbox: Mailbox, line: str) -> tuple:
    from backend.members import jobs

    boss = await make_user("boss@example.com")
    account = await make_account("Acme", admin=boss)
    as_boss = api.as_(await token_for(boss))
    await as_boss(DOCS, {"a": str(account.id), "p": "https://acme.example/privacy", "t": "https://acme.example/terms", "v": "2026-03"})
    await as_boss(JOB, {"a": str(account.id), "l": line})
    await jobs.run_pending()
    [msg] = [m for m in await mailbox.deliver() if "new@example.com" in m["X-Envelope-To"]]
    return account, link_token(body_text(msg), "/accept-invitation")


async def test_the_accept_page_gets_the_names_and_the_documents_and_the_version_is_kept(api: Api, mailbox: Mailbox) -> None:
    account, token = await _invited(api, mailbox, "new@example.com,Nora,Newman")
    assert (await api(PREVIEW, {"t": token}))["invitation"] == {
        "firstName": "Nora", "lastName": "Newman", "privacyPolicyUrl": "https://acme.example/privacy",
        "termsUrl": "https://acme.example/terms", "documentsVersion": "2026-03",
    }
    before = utcnow()
    data = (await api(ACCEPT, {"t": token, "f": " Norah ", "l": "Newman-Lee"}))["acceptInvitation"]
    assert data == {"user": {"firstName": "Norah", "lastName": "Newman-Lee"}, "errors": []}
    inv = await Invitation.get(email="new@example.com")
    assert inv.accepted_documents_version == "2026-03" and inv.accepted_at is not None and inv.accepted_at >= before


async def test_names_default_to_the_inviters_when_not_given(api: Api, mailbox: Mailbox) -> None:
    _, token = await _invited(api, mailbox, "new@example.com,Nora,Newman")
    assert (await api(ACCEPT, {"t": token}))["acceptInvitation"]["user"] == {"firstName": "Nora", "lastName": "Newman"}


async def test_document_urls_must_be_web_addresses_with_a_version(api: Api) -> None:
    boss = await make_user()
    account = await make_account("Acme", admin=boss)
    as_boss = api.as_(await token_for(boss))
    bad = (await as_boss(DOCS, {"a": str(account.id), "p": "javascript:alert(1)", "t": "", "v": "1"}))["setAccountDocuments"]
    assert bad == {"account": None, "errors": [{"code": "INVALID", "field": "privacyPolicyUrl"}]}
    unversioned = (await as_boss(DOCS, {"a": str(account.id), "p": "https://a.example/p", "t": "", "v": " "}))["setAccountDocuments"]
    assert unversioned["errors"] == [{"code": "REQUIRED", "field": "version"}]
    await account.refresh_from_db()
    assert (account.privacy_policy_url, account.documents_version) == ("", "")
    plain = await make_member(account, await make_user())
    assert await api.as_(await token_for(plain)).error_code(
        DOCS, {"a": str(account.id), "p": "https://a.example/p", "t": "", "v": "1"}
    ) == "FORBIDDEN"


async def test_an_existing_person_keeps_their_name(api: Api, mailbox: Mailbox) -> None:
    await make_user("new@example.com", first="Old", last="Name")
    account, token = await _invited(api, mailbox, "new@example.com,Nora,Newman")
    await api(ACCEPT, {"t": token, "f": "Nora", "l": "Newman"})
    assert (await User.get(email="new@example.com")).first_name == "Old"
