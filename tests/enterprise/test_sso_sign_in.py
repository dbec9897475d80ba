"""Sign in with the group's OpenID provider, through a running Portico server."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.auth.models import Session
from backend.enterprise.models import EnterpriseUser
from tests.enterprise.conftest import Provider, make_group, sso_login

pytestmark = pytest.mark.committed

ME = "{ me { user { email } } }"


def me(server: str, token: str) -> dict:
    r = httpx.post(f"{server}/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    return r.json()["data"]["me"]["user"]


async def test_first_sign_in_links_the_identity_and_the_tokens_work(provider: Provider, sso_server: str) -> None:
    await make_group(provider.issuer)
    answer = sso_login("sub-ada")
    assert answer.status_code == 200, answer.text
    assert me(sso_server, answer.json()["access_token"]) == {"email": "ada@corp.example.com"}
    ada = await EnterpriseUser.get(email="ada@corp.example.com")
    assert (ada.issuer, ada.subject) == (provider.issuer, "sub-ada") and ada.linked_at is not None
    assert await AuditEvent.filter(action="enterprise.sign_in", actor_id=ada.user_id).count() == 1  # type: ignore[attr-defined]


async def test_second_sign_in_finds_the_person_by_issuer_and_subject(provider: Provider, sso_server: str) -> None:
    await make_group(provider.issuer)
    assert sso_login("sub-ada").status_code == 200
    # The registered email changes; the linked identity still signs in.
    await EnterpriseUser.filter(email="ada@corp.example.com").update(email="ada.renamed@corp.example.com")
    again = sso_login("sub-ada")
    assert again.status_code == 200
    assert me(sso_server, again.json()["access_token"]) == {"email": "ada@corp.example.com"}


async def test_browser_is_sent_to_the_portal_with_tokens_in_the_fragment(provider: Provider, sso_server: str) -> None:
    await make_group(provider.issuer)
    answer = sso_login("sub-ada", json_answer=False)
    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    assert (location.netloc, location.path, location.query) == ("portal.test", "/enterprise/signed-in", "")
    tokens = parse_qs(location.fragment)
    assert me(sso_server, tokens["access_token"][0]) == {"email": "ada@corp.example.com"}
    assert tokens["refresh_token"][0]


@pytest.mark.parametrize(
    "subject",
    [
        "sub-eve",  # an email no group admin registered
        "sub-bob",  # registered, but inactive
        "sub-una",  # registered, but the provider has not verified the email
    ],
)
async def test_refused_sign_ins_get_403_and_change_nothing(provider: Provider, sso_server: str, subject: str) -> None:
    await make_group(provider.issuer)
    sessions = await Session.all().count()
    answer = sso_login(subject)
    assert answer.status_code == 403 and answer.json()["error"] == "not_allowed"
    assert await EnterpriseUser.filter(subject__isnull=False).count() == 0
    assert await Session.all().count() == sessions
    assert await AuditEvent.filter(action="enterprise.sign_in_refused").count() == 1
    html = sso_login(subject, json_answer=False)
    assert html.status_code == 403 and "Sign-in refused" in html.text
    assert '<a href="http://portal.test/sign-in">Back to sign in</a>' in html.text  # back to the portal


async def test_same_email_under_another_subject_is_refused_once_linked(provider: Provider, sso_server: str) -> None:
    await make_group(provider.issuer)
    assert sso_login("sub-ada").status_code == 200
    assert sso_login("sub-ada-2").status_code == 403
    assert await EnterpriseUser.filter(subject="sub-ada-2").count() == 0


async def test_a_tampered_callback_is_refused(provider: Provider, sso_server: str) -> None:
    await make_group(provider.issuer)
    answer = httpx.get(f"{sso_server}/sso/callback?code=forged&state=forged", headers={"Accept": "application/json"})
    assert answer.status_code == 400
    assert await Session.all().count() == 0


async def test_sso_is_off_without_settings(api) -> None:
    answer = await api.client.get("/sso/login", headers={"Accept": "application/json"})
    assert answer.status_code == 404 and answer.json()["error"] == "sso_disabled"
