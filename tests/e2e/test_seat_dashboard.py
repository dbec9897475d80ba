"""Journey: a seat admin fills the last seat, is refused another, and downloads reports."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.pagination import PageRequest
from backend.core.security import utcnow
from backend.learning import service as learning
from backend.learning.models import ContentItem, ContentKind
from backend.seats import service as seats
from backend.seats import teams
from backend.seats.models import SeatHolder, SeatStatus
from tests.e2e.conftest import Portal
from tests.factories import PASSWORD, make_account, make_seat_user, make_subscription, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def _seed() -> tuple[int, int]:
    """A 2-seat subscription: Ana active, Dan and Eve deactivated; a team, an assignment, some activity."""
    admin = await make_user("sam@example.com", first="Sam", last="Seats")
    sub = await make_subscription(await make_account("Harbour Gym", admin=admin), admin, seats=2, name="Harbour Learning")
    ana = await make_seat_user(sub, await make_user("ana@example.com", first="Ana", last="Active"))
    dan = await make_seat_user(sub, await make_user("dan@example.com", first="Dan", last="Doe"), active=False)
    eve = await make_seat_user(sub, await make_user("eve@example.com", first="Eve", last="Extra"), active=False)
    episode = await ContentItem.create(kind=ContentKind.EPISODE, slug="first-aid", title="First aid at the gym", minutes=20)
    now = utcnow()
    for days_ago, kind in [(9, ActivityKind.LOGIN), (6, ActivityKind.VIEWING_STARTED), (3, ActivityKind.VIEWED_COMPLETELY),
                           (1, ActivityKind.LOGIN)]:
        await ActivityEvent.create(subscription_id=sub.id, user_id=ana.id, kind=kind, occurred_at=now - timedelta(days=days_ago),
                                   content_id=None if kind == ActivityKind.LOGIN else episode.id)
    team = await teams.create_team(actor=admin, subscription_id=sub.id, name="Coaches", description="Floor and beam coaches")
    await teams.add_members(actor=admin, team_id=team.id, user_ids=[ana.id, dan.id])
    module = await learning.create_module(actor=admin, subscription_id=sub.id, name="Safety basics", description="",
                                          content_ids=[episode.id])
    await learning.assign(actor=admin, module_id=module.id, user_ids=[], team_ids=[team.id], due_on=now.date() + timedelta(days=14))
    return sub.id, eve.id


async def _meter(tab: Portal) -> tuple[str, str, str]:
    page = tab.page
    return (await page.inner_text("#seats-allocated"), await page.inner_text("#seats-available"), await page.inner_text("#seats-total"))


async def _filter(tab: Portal, label: str) -> None:
    await tab.page.click("#status-filter")
    await tab.page.get_by_role("option", name=label).click()


def _person(tab: Portal, email: str):  # type: ignore[no-untyped-def]
    return tab.page.locator(f"#seat-people .seat-person[data-email='{email}']")


def _opens_as_xlsx(path: str | Path) -> list[str]:
    return openpyxl.load_workbook(path, read_only=True).sheetnames


async def test_admin_fills_the_last_seat_and_is_refused_another(new_tab, tmp_path: Path) -> None:
    sub_id, eve_id = await _seed()
    tab = await new_tab()
    page = tab.page
    await tab.sign_in("sam@example.com", PASSWORD)
    await page.get_by_role("link", name="Seats").click()
    await tab.at("/seats")
    await page.locator("#seat-meter").wait_for()
    assert await _meter(tab) == ("1", "1", "2")
    await tab.shot("seats-dashboard")

    # Dan takes the last seat: the meter shows it at once.
    await _filter(tab, "Deactivated")
    await _person(tab, "eve@example.com").wait_for()
    await _person(tab, "dan@example.com").locator(".person-actions").click()
    await page.locator("#action-activate").wait_for()
    await tab.shot("seats-user-actions")
    await page.locator("#action-activate").click()
    await page.get_by_text("Dan Doe now holds a seat.").wait_for()
    await _person(tab, "dan@example.com").wait_for(state="detached")
    assert await _meter(tab) == ("2", "0", "2")

    # Eve cannot have one: the refusal is on screen and nothing changed.
    await _person(tab, "eve@example.com").locator(".person-actions").click()
    await page.locator("#action-activate").click()
    await page.locator("#seat-error").wait_for()
    assert "Every seat is in use" in await page.inner_text("#seat-error")
    await tab.shot("seats-no-free-seat")
    assert await _meter(tab) == ("2", "0", "2")
    assert await _person(tab, "eve@example.com").get_attribute("data-status") == "DEACTIVATED"
    assert (await SeatHolder.get(subscription_id=sub_id, user_id=eve_id)).seat_status == SeatStatus.DEACTIVATED
    assert await seats.seats_allocated(subscription_id=sub_id) == 2

    # An organisation report arrives as a real .xlsx (fetched server-side with the token).
    async with page.expect_download() as download:
        await page.click("#report-viewings")
    saved = tmp_path / (await download.value).suggested_filename
    await (await download.value).save_as(saved)
    assert saved.suffix == ".xlsx" and _opens_as_xlsx(saved)


async def test_activity_invite_teams_and_assignments(new_tab, tmp_path: Path) -> None:
    await _seed()
    tab = await new_tab()
    page = tab.page
    await tab.sign_in("sam@example.com", PASSWORD)
    await tab.open("/seats")
    await _person(tab, "ana@example.com").locator(".person-actions").click()
    await page.locator("#action-activity").click()
    await page.get_by_text("Activity · Ana Active").wait_for()
    await page.locator("#activity-totals").get_by_text("Viewed completely").wait_for()
    assert "Safety basics" in await page.inner_text("#activity-dialog")
    await tab.shot("seats-activity")
    async with page.expect_download() as download:
        await page.click("#download-activity")
    saved = tmp_path / "activity.xlsx"
    await (await download.value).save_as(saved)
    assert (await download.value).suggested_filename.endswith(".xlsx") and _opens_as_xlsx(saved)
    await page.keyboard.press("Escape")

    await page.click("#open-invite")
    await page.fill("#invite-first", "Ivy")
    await page.fill("#invite-last", "Invited")
    await page.fill("#invite-email", "ivy@example.com")
    await page.click("#access-admin")
    await tab.shot("seats-invite")
    await page.click("#send-invite")
    await page.get_by_text("Invitation sent to ivy@example.com.").first.wait_for()
    await _filter(tab, "Invited")
    await _person(tab, "ivy@example.com").wait_for()

    await page.click("#tab-teams")
    await page.fill("#team-name", "Front desk")
    await page.click("#create-team")
    await page.locator("#teams .team[data-name='Front desk']").wait_for()
    await tab.shot("seats-teams")
    # Taking someone out of a team asks first and says what happens.
    coaches = page.locator("#teams .team[data-name='Coaches']")
    await coaches.get_by_label("Remove Dan Doe").click()
    await page.get_by_text("Take Dan Doe out of the team?").wait_for()
    await tab.shot("seats-team-remove-confirm")
    await page.click("#confirm-seat-action")
    await coaches.get_by_text("Dan Doe").wait_for(state="detached")
    await page.click("#tab-assignments")
    await page.locator("#assignments .assignment").get_by_text("Safety basics").wait_for()
    await tab.shot("seats-assignments")
    await page.click("#tab-details")
    await page.locator("#features").get_by_text("Practice labs").wait_for()


async def test_admin_creates_a_module_and_assigns_it_to_one_person(new_tab) -> None:
    sub_id, _ = await _seed()
    await ContentItem.create(kind=ContentKind.COURSE, slug="spotting", title="Spotting technique", minutes=45)
    await ContentItem.create(kind=ContentKind.LAB, slug="mat-setup", title="Mat setup lab", minutes=15)
    tab = await new_tab()
    page = tab.page
    await tab.sign_in("sam@example.com", PASSWORD)
    await tab.open("/seats")
    await page.click("#tab-assignments")
    await page.click("#new-module")
    await page.locator("#module-dialog .content-item[data-title='Mat setup lab']").wait_for()

    # The API's refusal shows next to the field it is about.
    await page.click("#create-module")
    await page.locator("#module-name-error").wait_for()
    assert "name" in await page.inner_text("#module-name-error")

    await page.fill("#module-name", "Spotting and mats")
    await page.fill("#module-description", "Before anyone spots on the floor")
    await page.get_by_role("checkbox", name="Spotting technique").click()
    await page.get_by_role("checkbox", name="Mat setup lab").click()
    await page.locator("#chosen-count").get_by_text("2 chosen").wait_for()
    await tab.shot("seats-new-module")
    await page.click("#create-module")
    await page.get_by_text("Module Spotting and mats created.").first.wait_for()
    await page.locator("#module-dialog").wait_for(state="detached")
    assert "Spotting and mats" in await page.inner_text("#assign-module")  # the new module is chosen for you

    await page.click("#assign-target")
    await page.get_by_role("option", name="Ana Active").click()
    await page.locator("#assign-targets .assign-target[data-name='Ana Active']").wait_for()
    await page.fill("#due-on", (utcnow().date() + timedelta(days=7)).isoformat())
    await tab.shot("seats-assign-person")
    await page.click("#assign")
    await page.get_by_text("Module assigned.").first.wait_for()
    row = page.locator("#assignments .assignment").filter(has_text="Spotting and mats")
    await row.wait_for()
    text = await row.inner_text()
    assert "0%" in text and "1 person" in text and "1 not started" in text
    admin = await User.get(email="sam@example.com")
    reports = await learning.assignments(actor=admin, subscription_id=sub_id, request=PageRequest("assignments"))
    assert [[(p.completed_items, p.total_items) for p in r.people] for r in reports.rows
            if r.module.name == "Spotting and mats"] == [[(0, 2)]]


async def test_someone_without_subscriptions_sees_why(new_tab) -> None:
    await make_account("Quiet Gym", admin=await make_user("quiet@example.com"))
    tab = await new_tab()
    await tab.sign_in("quiet@example.com", PASSWORD)
    assert await tab.page.get_by_role("link", name="Seats").count() == 0
    await tab.open("/seats")
    await tab.page.get_by_text("No subscriptions to manage").wait_for()
    await tab.shot("seats-none")
