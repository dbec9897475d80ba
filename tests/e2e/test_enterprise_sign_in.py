"""Journeys of enterprise sign-in in the portal: the API's callback lands on
/enterprise/signed-in with tokens in the fragment (here minted for a seeded enterprise
person, as the callback would), the person lists their group's accounts and acts in one."""

from urllib.parse import urlencode

import pytest

from backend.auth import service as auth
from backend.enterprise import providers
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
    # The enterprise session is kept: the switcher shows the account acted in.
    assert "Gym B" in await tab.page.locator("#enterprise-switcher").inner_text()


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


async def test_a_group_admin_runs_the_group_and_switches_accounts_without_signing_in_again(new_tab) -> None:
    await make_group("https://idp.example.com")
    tab: Portal = await new_tab()
    await tab.open(f"/enterprise/signed-in#{await _callback_fragment('ada@corp.example.com')}")
    await tab.at("/enterprise")
    await tab.page.get_by_role("link", name="Group admin").first.click()
    await tab.at("/enterprise/admin")
    people = tab.page.locator("#enterprise-people .enterprise-person")
    await people.first.wait_for()
    assert await people.count() == 4

    # Add a person, then deactivate them.
    form = tab.page.locator("#add-person")
    await form.locator("#email").fill("dana@corp.example.com")
    await form.locator("#first_name").fill("Dana")
    await form.get_by_role("button", name="Add person").click()
    dana = tab.page.locator(".enterprise-person[data-email='dana@corp.example.com']")
    await dana.wait_for()
    await dana.get_by_role("button", name="Deactivate").click()
    await dana.get_by_text("Inactive").wait_for()
    assert not (await EnterpriseUser.get(email="dana@corp.example.com")).active

    # A subgroup holding Gym A.
    sub = tab.page.locator("#add-subgroup")
    await sub.locator("#name").fill("North")
    await sub.get_by_text("Gym A").click()
    await sub.get_by_role("button", name="Create subgroup").click()
    await tab.page.locator(".enterprise-subgroup").get_by_text("North").wait_for()
    await tab.shot("enterprise-group-admin")

    # The account switcher: act in Gym A, then Gym B, then back to the group: no sign-in in between.
    await tab.page.locator("#enterprise-switcher").click()
    await tab.page.get_by_role("option", name="Gym A").click()
    await tab.at("/")
    await tab.page.get_by_text("in Gym A.").wait_for()
    await tab.page.locator("#enterprise-switcher").click()
    await tab.page.get_by_role("option", name="Gym B").click()
    await tab.page.get_by_text("in Gym B.").wait_for()
    assert "Gym B" in await tab.page.locator("#enterprise-switcher").inner_text()
    await tab.page.locator("#enterprise-switcher").click()
    await tab.page.get_by_role("option", name="Enterprise group").click()
    await tab.at("/enterprise")
    await tab.page.locator("#enterprise-accounts .enterprise-account").first.wait_for()


async def test_sign_in_offers_the_provider_to_sso_only_people(new_tab) -> None:
    group = await make_group("https://idp.example.com")
    await providers.add(group_id=group.group.id, key="corp-entra", display_name="Microsoft",
                        issuer="https://login.microsoftonline.com/{tenantid}/v2.0", client_id="corp-app",
                        client_secret="corp-secret", allowed_domains=["corp.example.com"])
    tab: Portal = await new_tab()
    await tab.open("/sign-in")
    button = tab.page.locator(".sso-provider")
    await button.first.wait_for()
    assert "Sign in with Microsoft" in await button.first.inner_text()
    assert (await button.first.get_attribute("href") or "").endswith("/sso/login?provider=corp-entra")
    await tab.page.fill("#email", "carl@corp.example.com")
    await tab.page.fill("#password", "any-password-at-all-1")
    await tab.page.click("button[type=submit]")
    await tab.page.get_by_text("Sign in with Microsoft: this sign-in has no password.").wait_for()
    offered = tab.page.locator("#sso-required")
    assert (await offered.get_attribute("href") or "").endswith("/sso/login?email=carl%40corp.example.com")
    await tab.shot("sign-in-sso-required")
