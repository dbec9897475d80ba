"""Journey: an admin invites two people; one accepts from the email and lands signed in."""

import pytest

from tests.conftest import Mailbox
from tests.e2e.conftest import email_link
from tests.factories import PASSWORD, make_account, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def test_admin_invites_two_and_one_accepts_from_the_email(new_tab, mailbox: Mailbox) -> None:
    admin = await make_user("owner@example.com", first="Olivia", last="Owner")
    await make_account("Harbour Gym", admin=admin)

    tab = await new_tab()
    await tab.open("/sign-in")
    await tab.shot("sign-in")
    await tab.sign_in("owner@example.com", PASSWORD)
    await tab.shot("home")

    page = tab.page
    await tab.open("/settings/users")
    await page.get_by_text("No pending invitations").wait_for()
    await tab.shot("user-management-empty")
    await page.fill("#invite-emails", "maria@example.com, jon@example.com")
    await page.get_by_text("2 addresses").wait_for()
    await page.click("#send-invites")

    results = page.locator("#invite-results .invite-result")
    await results.nth(1).wait_for()
    assert await results.count() == 2
    for i, email in enumerate(["maria@example.com", "jon@example.com"]):
        assert email in await results.nth(i).inner_text()
        assert "Invited" in await results.nth(i).inner_text()
    pending = page.locator("#pending-invitations .pending-invitation")
    assert sorted(await pending.evaluate_all("rows => rows.map(r => r.dataset.email)")) == ["jon@example.com", "maria@example.com"]
    await page.get_by_text("2 invitations sent.").wait_for()
    await tab.shot("user-management")

    link = await email_link(mailbox, "maria@example.com", "/accept-invitation")
    invitee = await new_tab()
    await invitee.open(link)
    await invitee.page.get_by_text("Olivia Owner").wait_for()
    assert "Harbour Gym" in await invitee.page.locator("#invitation-summary").inner_text() or \
        "Harbour Gym" in await invitee.page.inner_text("body")
    await invitee.shot("accept-invitation")
    await invitee.page.fill("#first-name", "Maria")
    await invitee.page.fill("#last-name", "Garcia")
    await invitee.page.fill("#password", "a-brand-new-passphrase-42")
    await invitee.page.get_by_text("I am 18 years of age or older").click()
    await invitee.page.get_by_text("I accept the privacy policy and terms of use").click()
    await invitee.page.click("button[type=submit]")
    await invitee.at("/")
    await invitee.page.get_by_text("Your accounts").wait_for()
    assert "Harbour Gym" in await invitee.page.inner_text("body")
    assert "maria@example.com" in await invitee.page.inner_text("body")
    await invitee.shot("home-after-accepting")


async def test_accepting_needs_the_two_confirmations(new_tab, mailbox: Mailbox) -> None:
    admin = await make_user("owner2@example.com")
    await make_account("Lakeside", admin=admin)
    tab = await new_tab()
    await tab.sign_in("owner2@example.com", PASSWORD)
    await tab.open("/settings/users")
    await tab.page.fill("#invite-emails", "kid@example.com")
    await tab.page.click("#send-invites")
    await tab.page.locator("#invite-results .invite-result").first.wait_for()

    invitee = await new_tab()
    await invitee.open(await email_link(mailbox, "kid@example.com", "/accept-invitation"))
    await invitee.page.fill("#password", "a-brand-new-passphrase-42")
    await invitee.page.click("button[type=submit]")
    await invitee.page.get_by_text("Please give your first name.").wait_for()
    await invitee.page.fill("#first-name", "Kid")
    await invitee.page.click("button[type=submit]")
    await invitee.page.get_by_text("Please confirm that you are 18 or older.").wait_for()
    await invitee.shot("accept-invitation-error")
    assert "/accept-invitation" in invitee.page.url
