"""Journeys of issue 13: a learner accepts a seat invitation, opens My learning and finishes
an assigned item, and the seat admin sees it in the team's activity and report; each
persona's Home shows what they came for; a two-account admin's choice survives
navigation; the branded 404 and the phone menu."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest

from backend.accounts.models import MembershipRole
from backend.core.security import utcnow
from backend.families import service as families
from backend.families.models import LedgerEntry, LedgerKind
from backend.learning import service as learning
from backend.learning.models import ContentItem, ContentKind
from backend.seats import teams
from tests.conftest import Mailbox
from tests.e2e.conftest import PHONE, Portal, email_link
from tests.factories import PASSWORD, make_account, make_member, make_subscription, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]
LEE_PASSWORD = "lee-own-passphrase-2026"


async def _seed_seats() -> None:
    """Sam administers a 3-seat subscription; the Coaches team must finish Safety basics
    (an episode and a lab) within 3 days."""
    sam = await make_user("sam.admin@example.com", first="Sam", last="Seats")
    sub = await make_subscription(await make_account("Harbour Gym", admin=sam), sam, seats=3, name="Harbour Learning")
    episode = await ContentItem.create(kind=ContentKind.EPISODE, slug="e2e-first-aid", title="First aid at the gym", minutes=20)
    lab = await ContentItem.create(kind=ContentKind.LAB, slug="e2e-incident-lab", title="Incident report lab", minutes=15)
    team = await teams.create_team(actor=sam, subscription_id=sub.id, name="Coaches")
    module = await learning.create_module(actor=sam, subscription_id=sub.id, name="Safety basics", description="Before the season",
                                          content_ids=[episode.id, lab.id])
    await learning.assign(actor=sam, module_id=module.id, user_ids=[], team_ids=[team.id], due_on=utcnow().date() + timedelta(days=3))


async def _finish(tab: Portal, title: str) -> None:
    item = tab.page.locator(f"#my-learning .my-assignment .learning-item[data-title='{title}']")
    await item.locator(".item-open").click()
    await tab.page.get_by_text(f"Opened {title}.").first.wait_for()
    await item.locator(".item-finish").click()
    await item.locator(".item-done").wait_for()


async def test_learner_finishes_an_assignment_and_the_seat_admin_sees_it(new_tab, mailbox: Mailbox, tmp_path: Path) -> None:
    await _seed_seats()

    # Sam invites Lee into the Coaches team; the dialog says how many seats are free.
    sam = await new_tab()
    spage = sam.page
    await sam.sign_in("sam.admin@example.com", PASSWORD)
    await sam.open("/seats")
    await spage.click("#open-invite")
    await spage.locator("#invite-seats-note", has_text="3 seats are free, 0 invitations are pending.").wait_for()
    await spage.fill("#invite-first", "Lee")
    await spage.fill("#invite-last", "Learner")
    await spage.fill("#invite-email", "lee.learner@example.com")
    await spage.click("#invite-team")
    await spage.get_by_role("option", name="Coaches").click()
    await spage.click("#send-invite")
    await spage.get_by_text("Invitation sent to lee.learner@example.com.").first.wait_for()

    # Lee accepts the invitation and lands on Home, which shows the assignment.
    lee = await new_tab()
    page = lee.page
    await lee.open(await email_link(mailbox, "lee.learner@example.com", "/accept-invitation"))
    await page.fill("#password", LEE_PASSWORD)
    await page.get_by_text("I am 18 years of age or older").click()
    await page.get_by_text("I accept the privacy policy and terms of use").click()
    await page.click("button[type=submit]")
    await lee.at("/")
    row = page.locator("#home-learning .home-assignment[data-module='Safety basics']")
    await row.get_by_text("Due soon").wait_for()
    assert "No accounts yet" not in await page.inner_text("body")
    await lee.shot("home-learner")

    # My learning: open and finish both items of the module; it is done.
    await page.get_by_role("link", name="My learning").first.click()
    await lee.at("/learning")
    assignment = page.locator("#my-learning .my-assignment[data-module='Safety basics']")
    await assignment.locator(".assignment-progress", has_text="0 of 2 done").wait_for()
    await lee.shot("my-learning")
    await _finish(lee, "First aid at the gym")
    await assignment.locator(".assignment-progress", has_text="1 of 2 done").wait_for()
    await _finish(lee, "Incident report lab")
    await assignment.locator(".assignment-state", has_text="Done").wait_for()
    await lee.shot("my-learning-done")

    # Sam sees Lee's viewing and lab in the team's activity, and in the team report.
    await sam.open("/")
    await spage.locator("#home-seats .home-meter").get_by_text("1 of 3 seats").wait_for()
    await sam.shot("home-seat-admin")
    await spage.get_by_role("link", name="Seats").first.click()
    await sam.at("/seats")
    await spage.click("#tab-teams")
    await spage.locator("#teams .team[data-name='Coaches'] .team-activity").click()
    member = spage.locator("#team-activity-dialog .team-member[data-email='lee.learner@example.com']")
    await member.wait_for()
    cells = [c.strip() for c in await member.locator("td").all_inner_texts()]
    assert cells[2:7] == ["1", "1", "1", "1", "1 of 1"], cells  # logins, viewings, viewed completely, labs, assignments
    assert "1 of 1 complete" in await spage.inner_text("#team-activity-dialog")
    await sam.shot("seats-team-activity")
    async with spage.expect_download() as download:
        await spage.click("#download-team-report")
    saved = tmp_path / "team.xlsx"
    await (await download.value).save_as(saved)
    wb = openpyxl.load_workbook(BytesIO(saved.read_bytes()), read_only=True)
    assert wb.sheetnames == ["Summary", "Events"]
    summary = [r for r in wb["Summary"].iter_rows(values_only=True)]
    lee_row = next(r for r in summary if r[2:3] == ("lee.learner@example.com",))
    assert lee_row[3:8] == (1, 1, 1, 1, 1)  # logins, viewings started, viewed completely, labs started, labs completed

    # The activity screen links the team's assignment to the Assignments section.
    await spage.locator("#team-activity-dialog .to-assignments").first.click()
    await spage.locator("#assignments .assignment").get_by_text("Safety basics").wait_for()


async def test_a_guardian_sees_the_amount_due_and_family_cards_on_home(new_tab) -> None:
    gym = await make_account("Riverside Gym", admin=await make_user("owner.h@example.com"))
    rosa = await make_user("rosa.home@example.com", first="Rosa", last="Lopez")
    family = await families.create_family(account=gym, primary=rosa, name="Lopez")
    await LedgerEntry.create(family=family, kind=LedgerKind.CHARGE, amount_cents=12000, description="Tuition")
    tab = await new_tab()
    await tab.sign_in("rosa.home@example.com", PASSWORD)
    await tab.page.locator("#home-families .family-card[data-name='Lopez']").wait_for()
    await tab.page.locator("#home-amount-due", has_text="$120.00").wait_for()
    assert "No accounts yet" not in await tab.page.inner_text("body")
    await tab.shot("home-guardian")


async def test_a_two_account_admins_choice_survives_navigation_and_reload(new_tab) -> None:
    kim = await make_user("kim.two@example.com", first="Kim", last="Two")
    await make_account("Alpha Dance", admin=kim)
    beta = await make_account("Beta Swim", admin=await make_user("beta.owner@example.com"))
    await make_member(beta, kim, role=MembershipRole.ADMIN)
    tab = await new_tab()
    page = tab.page
    await tab.sign_in("kim.two@example.com", PASSWORD)
    await page.click("#account-picker")
    await page.get_by_role("option", name="Beta Swim").click()
    await tab.shot("home-account-picker")
    await page.get_by_role("link", name="User management").first.click()
    await tab.at("/settings/users")
    await page.get_by_text("Beta Swim").first.wait_for()
    await page.get_by_role("link", name="Home").first.click()
    await tab.at("/")
    await page.locator("#account-picker", has_text="Beta Swim").wait_for()
    await page.reload()
    await page.locator("#account-picker", has_text="Beta Swim").wait_for()


async def test_unknown_pages_are_branded_and_phones_get_a_visible_menu(new_tab) -> None:
    await make_user("pat.phone@example.com", first="Pat")
    tab = await new_tab()
    page = tab.page
    await tab.sign_in("pat.phone@example.com", PASSWORD)
    await page.get_by_text("Nothing here yet").wait_for()
    await tab.shot("home-empty")
    await tab.open("/no-such-page")
    await page.locator("#not-found").get_by_text("This page does not exist").wait_for()
    await tab.shot("not-found")
    await page.set_viewport_size(PHONE)
    await page.locator("#phone-menu").click()
    await page.get_by_role("menuitem", name="Home").click()
    await tab.at("/")
    assert await page.locator("link[rel='icon']").count() >= 1
