"""Journey: an admin pastes a long list, follows the job's progress bar to the end, reads the
per-row outcomes, downloads them as CSV, then narrows the pending invitations with filters."""

import pytest

from tests.factories import PASSWORD, make_account, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]

ROWS = 2_500


async def test_admin_follows_an_invitation_job_and_filters_the_pending_list(new_tab) -> None:
    admin = await make_user("lists@example.com", first="Lia", last="Lists")
    await make_account("Bayside Gym", admin=admin)
    lines = ["email,first_name,last_name,role", "not-an-email,,,", "temp@mailinator.com,,,", "p0@example.com,Dup,Row,"]
    lines += [f"p{i}@example.com,First{i},Last{i}," for i in range(ROWS - 3)]

    tab = await new_tab()
    await tab.sign_in("lists@example.com", PASSWORD)
    page = tab.page
    await tab.open("/settings/users")
    await page.get_by_text("No pending invitations").wait_for()
    await page.fill("#job-list", "\n".join(lines), timeout=60_000)
    await page.locator("#job-list").blur()
    await page.get_by_text(f"{ROWS + 1} lines").wait_for()
    await page.click("#start-job")

    await page.locator("#job-status", has_text="DONE").wait_for(timeout=60_000)
    assert await page.inner_text("#job-progress-text") == f"{ROWS} of {ROWS} rows answered · {ROWS - 3} invited"
    assert await page.get_attribute("#job-progress", "aria-valuenow") in ("100", None)
    outcomes = await page.locator("#job-rows .job-row").evaluate_all("rows => rows.map(r => r.dataset.outcome)")
    assert outcomes[:5] == ["Invalid email", "Disposable email", "Invited", "Duplicate", "Invited"]
    await tab.shot("user-management-invitation-job")

    async with page.expect_download() as download:
        await page.click("#job-download")
    path = await (await download.value).path()
    table = open(path).read().splitlines()
    assert table[0] == "line,email,first_name,last_name,role,outcome,message" and len(table) == ROWS + 1

    # The pending list now holds the invitations: filter it.
    await page.get_by_text(f"{ROWS - 3} open.", exact=False).wait_for()
    await page.fill("#pending-search", "p17@example.com")
    await page.locator("#pending-search").blur()
    pending = page.locator("#pending-invitations .pending-invitation")
    await page.get_by_text("1 open.", exact=False).wait_for()
    assert await pending.evaluate_all("rows => rows.map(r => r.dataset.email)") == ["p17@example.com"]
    await page.fill("#pending-search", "")
    await page.locator("#pending-search").blur()
    await page.click("#pending-disposable")
    await page.get_by_text("No pending invitations").wait_for()
    await tab.shot("user-management-pending-filters")
