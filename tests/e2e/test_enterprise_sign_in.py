"""Journeys of enterprise sign-in in the portal: the API's callback lands on
/enterprise/signed-in with tokens in the fragment (here minted for a seeded enterprise
person, as the callback would), the person lists their group's accounts and acts in one."""

from urllib.parse import urlencode

import pytest

from backend.auth import service as auth
from backend.enterprise.models import EnterpriseUser
from tests.e2e.conftest import Portal
from tests.enterprise.conftest import make_group

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def _callback_fragment(email: str) -> str:
    person = await EnterpriseUser.get(email=email).select_related("user")
    tokens = await auth.start_session(user=person.user)
    return urlencode({"access_token": tokens.access_token, "refresh_token": tokens.refresh_token, "expires_in": tokens.expires_in})


async def test_an_enterprise_person_lands_lists_accounts_and_acts_in_one(new_tab) -> None:
    await make_group("https://idp.example.com")
    tab: Portal = await new_tab()
    await tab.open(f"/enterprise/signed-in#{await _callback_fragment('ada@corp.example.com')}")
    await tab.at("/enterprise")  # no fragment left in the address bar
    rows = tab.page.locator("#enterprise-accounts .enterprise-account")
    await rows.first.wait_for()
    assert await rows.count() == 2
    assert "office@corp.example.com" in await tab.page.locator(".enterprise-account[data-name='Gym B']").inner_text()
    await tab.page.get_by_role("link", name="Enterprise").first.wait_for()
    await tab.shot("enterprise-accounts")

    await tab.page.locator(".enterprise-account[data-name='Gym B']").get_by_role("button", name="Act in this account").click()
    await tab.at("/")
    await tab.page.get_by_text("in Gym B.").wait_for()
    await tab.page.get_by_text("office@corp.example.com").first.wait_for()
    assert await tab.page.get_by_role("link", name="Enterprise").count() == 0  # the staff user is no enterprise person


async def test_a_landing_without_valid_tokens_says_the_sign_in_did_not_finish(new_tab) -> None:
    tab: Portal = await new_tab()
    await tab.open("/sign-in")
    await tab.page.locator("#email").wait_for()
    assert await tab.page.locator("#sso-sign-in").count() == 0  # enterprise sign-in is not set up on this API
    for fragment in ("", "#access_token=not-a-token&refresh_token=nor-this"):
        await tab.open(f"/enterprise/signed-in{fragment}")
        await tab.page.get_by_text("Sign-in didn't finish").wait_for()
        await tab.page.locator("#sso-failed").get_by_role("link", name="Sign in with email and password").wait_for()
    await tab.shot("enterprise-sign-in-failed")
