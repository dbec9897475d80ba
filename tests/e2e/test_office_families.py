"""Journey on the Office Portal's Families page: staff create a family for a new primary
guardian (who gets the invitation) and revoke an active secondary user's access."""

import asyncio

import pytest

from backend.accounts.models import MembershipRole
from backend.families import service as families
from backend.families.models import FamilyMember, LedgerEntry, LedgerKind, MemberRole, MemberStatus, Student
from tests.conftest import Mailbox
from tests.e2e.conftest import Portal, email_link
from tests.factories import PASSWORD, make_account, make_member, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


def _member(tab: Portal, email: str):
    return tab.page.locator(f"#family-members .member[data-email='{email}']")


async def test_staff_create_a_family_and_revoke_a_secondary(new_tab, mailbox: Mailbox) -> None:
    gym = await make_account("Riverside Gym", admin=await make_user("office.owner@example.com"))
    await make_member(gym, await make_user("desk@example.com", first="Dana", last="Desk"), role=MembershipRole.USER,
                      modules=["customers"])
    garcia = await families.create_family(account=gym, primary=await make_user("maria.o@example.com", first="Maria", last="Garcia"),
                                          name="Garcia")
    jose = await make_user("jose.o@example.com", first="Jose", last="Garcia")
    await FamilyMember.create(family=garcia, user=jose, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE,
                              email=jose.email, first_name="Jose", last_name="Garcia")
    await families.create_family(account=gym, primary=await make_user("luis.o@example.com", first="Luis", last="Lopez"), name="Lopez")
    await Student.create(family=garcia, first_name="Sofia", last_name="Garcia")
    await LedgerEntry.create(family=garcia, kind=LedgerKind.CHARGE, amount_cents=18500, description="Monthly tuition")

    # Jose sees the family before staff step in.
    secondary = await new_tab()
    await secondary.sign_in("jose.o@example.com", PASSWORD)
    await secondary.open("/my-account")
    await secondary.page.locator("#family-name", has_text="Garcia family").wait_for()

    staff = await new_tab()
    page = staff.page
    await staff.sign_in("desk@example.com", PASSWORD)
    await page.get_by_role("link", name="Families").first.click()
    await staff.at("/office/families")
    await page.locator("#families .family[data-name='Lopez']").wait_for()
    await page.fill("#family-search", "garc")
    await page.locator("#families .family[data-name='Lopez']").wait_for(state="detached")
    await staff.shot("office-families-list")
    # Search also finds a family by its secondary guardian or a student.
    for words in ("jose.o@", "sofia"):
        await page.fill("#family-search", words)
        await page.locator("#families .family[data-name='Garcia']").wait_for()
        await page.locator("#families .family[data-name='Lopez']").wait_for(state="detached")

    # The same guardian email as an existing family: a warning first, creating needs a second click.
    await page.click("#new-family")
    await page.fill("#create-name", "Garcia")
    await page.fill("#create-first-name", "Maria")
    await page.fill("#create-email", "maria.o@example.com")
    await page.click("#save-family")
    await page.locator("#duplicate-warning", has_text="already a guardian of the Garcia family").wait_for()
    await staff.shot("office-families-duplicate")
    await page.keyboard.press("Escape")

    # A new family for someone without a sign-in: they are emailed an invitation.
    await page.click("#new-family")
    await page.fill("#create-name", "Nguyen")
    await page.fill("#create-first-name", "An")
    await page.fill("#create-last-name", "Nguyen")
    await page.fill("#create-email", "an.nguyen@example.com")
    await staff.shot("office-families-new")
    await page.click("#save-family")
    await page.get_by_text("An invitation to become its primary guardian was emailed to an.nguyen@example.com.").wait_for()
    await page.locator("#family-detail", has_text="Nguyen family").wait_for()
    await _member(staff, "an.nguyen@example.com").locator(".status", has_text="Invited").wait_for()
    first_link = await email_link(mailbox, "an.nguyen@example.com", "/accept-invitation")
    assert "/accept-invitation" in first_link

    # The primary has not accepted: staff can send a fresh link (the old one stops working).
    await page.click("#resend-primary")
    await page.get_by_text("A fresh invitation was emailed to an.nguyen@example.com.").wait_for()
    await staff.shot("office-families-primary-invited")
    for _ in range(100):
        if len(mailbox.to("an.nguyen@example.com")) >= 2:
            break
        await asyncio.sleep(0.1)
    assert len(mailbox.to("an.nguyen@example.com")) == 2
    assert await email_link(mailbox, "an.nguyen@example.com", "/accept-invitation") != first_link

    # Staff see the Garcias' guardians, can revoke, and are told they can't invite or grant.
    await page.fill("#family-search", "")
    await page.locator("#families .family[data-name='Garcia']").click()
    await _member(staff, "jose.o@example.com").locator(".status", has_text="Active").wait_for()
    assert "Only the primary guardian can invite secondary users or grant them access" in await page.inner_text("#family-detail")
    assert await page.get_by_role("button", name="Send Invite Email").count() == 0
    assert await page.get_by_role("button", name="Account Access").count() == 0
    assert await _member(staff, "maria.o@example.com").locator(".revoke-member").count() == 0
    await page.locator("#family-balance", has_text="$185.00").wait_for()
    assert "Sofia Garcia" in await page.inner_text("#family-students")
    assert "Monthly tuition" in await page.inner_text("#family-ledger")
    await staff.shot("office-families-detail")

    await _member(staff, "jose.o@example.com").locator(".revoke-member").click()
    consequences = await page.inner_text("#revoke-consequences")
    assert "ends at once" in consequences and "email" in consequences and "payment methods" in consequences
    await staff.shot("office-families-revoke")
    await page.click("#confirm-revoke")
    await _member(staff, "jose.o@example.com").locator(".status", has_text="Revoked").wait_for()
    await page.get_by_text("Jose Garcia's access to the Garcia family was revoked.").wait_for()
    assert await _member(staff, "jose.o@example.com").locator(".revoke-member").count() == 0

    # Jose's next page load shows that his access has ended.
    await secondary.page.reload()
    await secondary.page.locator("#no-family").wait_for()
    assert await secondary.page.locator("#account-information").count() == 0


async def test_the_families_page_is_for_staff_only(new_tab) -> None:
    gym = await make_account("Hillside Gym", admin=await make_user("hill.owner@example.com"))
    await families.create_family(account=gym, primary=await make_user("pat.o@example.com", first="Pat", last="Park"), name="Park")
    guardian = await new_tab()
    await guardian.sign_in("pat.o@example.com", PASSWORD)
    assert await guardian.page.get_by_role("link", name="Families").count() == 0
    await guardian.open("/office/families")
    await guardian.page.locator("#families-error").wait_for()
    assert await guardian.page.locator("#new-family").count() == 0
