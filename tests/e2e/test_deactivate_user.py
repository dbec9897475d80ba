"""Journey: an admin deactivates a user, then reactivates them."""

import pytest

from tests.e2e.conftest import Portal
from tests.factories import PASSWORD, make_account, make_member, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def _emails(tab: Portal, list_id: str) -> list[str]:
    return await tab.page.locator(f"#{list_id} .member").evaluate_all("rows => rows.map(r => r.dataset.email)")


async def test_admin_deactivates_then_reactivates_a_user(new_tab) -> None:
    admin = await make_user("head@example.com", first="Hana", last="Head")
    gym = await make_account("Northside Gym", admin=admin)
    await make_member(gym, await make_user("coach@example.com", first="Cody", last="Coach"), modules=["dashboard", "scheduling"])

    tab = await new_tab()
    page = tab.page
    await tab.sign_in("head@example.com", PASSWORD)
    await tab.open("/settings/users")
    row = page.locator("#active-users .member[data-email='coach@example.com']")
    await row.get_by_role("button", name="Deactivate").click()
    await page.get_by_text("Deactivate Cody Coach?").wait_for()
    assert "can no longer sign in" in await page.inner_text("[role=alertdialog]")
    await tab.shot("deactivate-user-confirm")
    await page.locator("#confirm-ask").click()
    await page.get_by_text("Cody Coach was deactivated.").wait_for()
    await row.wait_for(state="detached")
    assert await _emails(tab, "active-users") == ["head@example.com"]

    await page.locator("#tab-deactivated").click()
    deactivated = page.locator("#deactivated-users .member[data-email='coach@example.com']")
    await deactivated.wait_for()
    await tab.shot("user-management-deactivated")
    await deactivated.get_by_role("button", name="Reactivate").click()
    await page.get_by_text("Cody Coach is active again.").wait_for()
    await page.get_by_text("No deactivated users").wait_for()

    await page.locator("#tab-active").click()
    await page.locator("#active-users .member[data-email='coach@example.com']").wait_for()
    assert await _emails(tab, "active-users") == ["coach@example.com", "head@example.com"]


async def test_removing_a_user_asks_first(new_tab) -> None:
    admin = await make_user("boss@example.com")
    gym = await make_account("Eastside Gym", admin=admin)
    await make_member(gym, await make_user("temp@example.com", first="Tia", last="Temp"))

    tab = await new_tab()
    page = tab.page
    await tab.sign_in("boss@example.com", PASSWORD)
    await tab.open("/settings/users")
    await page.locator("#active-users .member[data-email='temp@example.com']").get_by_role("button", name="Remove").click()
    await page.get_by_text("Remove Tia Temp?").wait_for()
    await tab.shot("remove-user-confirm")
    await page.locator("#confirm-remove").click()
    await page.get_by_text("Tia Temp was removed from the account.").wait_for()
    assert await _emails(tab, "active-users") == ["boss@example.com"]
