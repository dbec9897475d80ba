"""Journey: forgot password -> email -> reset -> sign in with the new password."""

import pytest

from tests.conftest import Mailbox
from tests.e2e.conftest import email_link
from tests.factories import make_account, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]
NEW_PASSWORD = "lighthouse-orchard-velvet-91"


async def test_forgot_password_email_reset_and_sign_in(new_tab, mailbox: Mailbox) -> None:
    person = await make_user("forgetful@example.com", first="Fran", last="Forgetful")
    await make_account("Hilltop Club", admin=person)

    tab = await new_tab()
    page = tab.page
    await tab.open("/sign-in")
    await page.get_by_text("Forgot your password?").click()
    await tab.at("/forgot-password")
    await tab.shot("forgot-password")
    await page.fill("#email", "forgetful@example.com")
    await page.click("button[type=submit]")
    await page.get_by_text("a reset link is on its way").wait_for()
    await tab.shot("forgot-password-sent")

    link = await email_link(mailbox, "forgetful@example.com", "/reset-password")
    await tab.open(link)
    await page.get_by_text("Choose a new password").first.wait_for()
    await page.fill("#password", NEW_PASSWORD)
    await page.fill("#confirm", NEW_PASSWORD + "x")
    await page.click("button[type=submit]")
    await page.get_by_text("The two passwords don't match.").wait_for()
    await tab.shot("reset-password-error")
    await page.fill("#confirm", NEW_PASSWORD)
    await page.click("button[type=submit]")
    await tab.at("/sign-in")

    # The used link is refused as soon as it opens, before anything is typed.
    await tab.open(link)
    await page.locator("#dead-link", has_text="already been used").wait_for()
    assert await page.locator("#password").count() == 0
    await tab.shot("reset-password-used-link")
    await tab.open("/sign-in")

    await page.fill("#email", "forgetful@example.com")
    await page.fill("#password", "correct-horse-battery-staple-9")
    await page.click("button[type=submit]")
    await page.get_by_text("That email and password don't match").wait_for()
    await tab.shot("sign-in-error")

    await tab.sign_in("forgetful@example.com", NEW_PASSWORD)
    assert "Hilltop Club" in await page.inner_text("body")

    await tab.open("/account/password")
    await page.get_by_text("Current password").wait_for()
    await tab.shot("change-password")
    await page.locator("#user-menu").click()
    await tab.page.get_by_role("menuitem", name="Sign out").wait_for()
    await tab.shot("user-menu")
    await page.get_by_role("menuitem", name="Sign out").click()
    await page.get_by_text("You're signed out").wait_for()
    await tab.shot("sign-out")
    await tab.open("/")
    await tab.at("/sign-in", "?next=/")
