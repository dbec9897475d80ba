"""Journeys on My Account: a primary guardian invites a secondary user and controls their
access; a secondary user in two families switches between them."""

import asyncio
import time

import pytest

from backend.accounts.models import Account, User
from backend.families import service as families
from backend.families.models import Enrollment, Family, FamilyMember, LedgerEntry, LedgerKind, MemberRole, MemberStatus, Student
from tests.conftest import Mailbox, body_text
from tests.e2e.conftest import Portal, email_link
from tests.factories import PASSWORD, make_account, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def _family(account: Account, primary: User, name: str, *, charge_cents: int) -> Family:
    family = await families.create_family(account=account, primary=primary, name=name)
    await LedgerEntry.create(family=family, kind=LedgerKind.CHARGE, amount_cents=charge_cents, description=f"Monthly tuition: {name}")
    return family


def _row(tab: Portal, email: str):
    return tab.page.locator(f"#secondaries .secondary[data-email='{email}']")


async def _status(tab: Portal, email: str, label: str) -> None:
    await _row(tab, email).locator(".status", has_text=label).wait_for()


async def _set_ledger_access(guardian: Portal, email: str, on: bool) -> None:
    await _row(guardian, email).locator(".account-access").click()
    switch = guardian.page.locator("#access-ledger")
    await switch.wait_for()
    if (await switch.get_attribute("aria-checked") == "true") != on:
        await switch.click()
    await guardian.page.click("#save-access")
    await switch.wait_for(state="detached")


async def _mail_to(mailbox: Mailbox, address: str, subject_part: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for msg in mailbox.to(address):
            if subject_part in msg["Subject"]:
                return body_text(msg)
        await asyncio.sleep(0.2)
    raise AssertionError(f"no '{subject_part}' email reached {address}")


async def test_primary_invites_a_secondary_grants_and_revokes_access(new_tab, mailbox: Mailbox) -> None:
    gym = await make_account("Riverside Gym", admin=await make_user("gym.owner@example.com"))
    maria = await make_user("maria.garcia@example.com", first="Maria", last="Garcia")
    garcia = await _family(gym, maria, "Garcia", charge_cents=18500)
    sofia = await Student.create(family=garcia, first_name="Sofia", last_name="Garcia")
    await Enrollment.create(student=sofia, class_name="Level 3 Gymnastics", created_by=maria)

    guardian = await new_tab()
    page = guardian.page
    await guardian.sign_in("maria.garcia@example.com", PASSWORD)
    await page.get_by_role("link", name="My Account").first.click()
    await guardian.at("/my-account")
    await page.get_by_text("No secondary users yet").wait_for()
    assert await page.inner_text("#amount-due") == "$185.00"
    assert "Level 3 Gymnastics" in await page.inner_text("#students")

    # Save the details first: nothing is sent yet.
    await page.click("#add-secondary")
    await page.fill("#add-first-name", "Jose")
    await page.fill("#add-last-name", "Garcia")
    await page.fill("#add-email", "jose@exmaple.com")
    await page.click("#save-secondary")
    await _status(guardian, "jose@exmaple.com", "Not invited")

    # Until they accept, the guardian can correct the details.
    await _row(guardian, "jose@exmaple.com").locator(".edit-secondary").click()
    assert await page.input_value("#edit-email") == "jose@exmaple.com"
    await page.fill("#edit-email", "jose@example.com")
    await page.click("#save-edit")
    await _status(guardian, "jose@example.com", "Not invited")
    assert mailbox.to("jose@example.com") == [] and mailbox.to("jose@exmaple.com") == []

    # Send Invite Email: a dialog confirms the address first.
    await _row(guardian, "jose@example.com").locator(".send-invite").click()
    assert await page.input_value("#invite-email") == "jose@example.com"
    await guardian.shot("my-account-send-invite")
    await page.click("#confirm-invite")
    await _status(guardian, "jose@example.com", "Invited")
    await guardian.shot("my-account-primary")

    # The secondary accepts from the email and lands on My Account, without the history.
    secondary = await new_tab()
    await secondary.open(await email_link(mailbox, "jose@example.com", "/accept-invitation"))
    await secondary.page.fill("#password", "jose-own-passphrase-42")
    await secondary.page.get_by_text("I am 18 years of age or older").click()
    await secondary.page.get_by_text("I accept the privacy policy and terms of use").click()
    await secondary.page.click("button[type=submit]")
    await secondary.at("/my-account")
    await secondary.page.get_by_text("Ask your primary guardian for access to the full ledger.").wait_for()
    assert "Garcia family" in await secondary.page.inner_text("#family-name")
    assert await secondary.page.inner_text("#amount-due") == "$185.00"
    assert await secondary.page.locator("#transaction-history").count() == 0
    assert await secondary.page.locator("#secondary-users").count() == 0
    assert "Monthly tuition" not in await secondary.page.inner_text("body")
    await secondary.shot("my-account-secondary")

    # View Full Ledger on: the history appears for them.
    await page.reload()
    await _status(guardian, "jose@example.com", "Active")
    await _row(guardian, "jose@example.com").locator(".account-access").click()
    await page.locator("#access-ledger").wait_for()
    await guardian.shot("my-account-access-dialog")
    await page.keyboard.press("Escape")
    await _set_ledger_access(guardian, "jose@example.com", True)
    await page.get_by_text("Account access for Jose Garcia saved.").wait_for()
    await secondary.page.reload()
    await secondary.page.locator("#transaction-history").get_by_text("Monthly tuition: Garcia").wait_for()

    # ... and off again: it disappears.
    await _set_ledger_access(guardian, "jose@example.com", False)
    await secondary.page.reload()
    await secondary.page.locator("#ledger-locked").wait_for()
    assert await secondary.page.locator("#transaction-history").count() == 0

    # Revoke: the confirmation says what happens; their next step shows access has ended.
    await _row(guardian, "jose@example.com").locator(".revoke-secondary").click()
    consequences = await page.inner_text("#revoke-consequences")
    assert "ends at once" in consequences and "email" in consequences and "payment methods" in consequences
    await guardian.shot("my-account-revoke-confirmation")
    await page.click("#confirm-revoke")
    await _status(guardian, "jose@example.com", "Revoked")
    assert "contact the primary guardian" in await _mail_to(mailbox, "jose@example.com", "access")

    await secondary.page.reload()
    await secondary.page.locator("#no-family").wait_for()
    assert await secondary.page.locator("#account-information").count() == 0
    await secondary.shot("my-account-revoked")


async def test_a_secondary_in_two_families_switches_between_them(new_tab) -> None:
    gym = await make_account("Riverside Gym", admin=await make_user("owner.two@example.com"))
    garcia = await _family(gym, await make_user("maria2@example.com", first="Maria", last="Garcia"), "Garcia", charge_cents=18500)
    lopez = await _family(gym, await make_user("luis@example.com", first="Luis", last="Lopez"), "Lopez", charge_cents=9000)
    nana = await make_user("nana@example.com", first="Nana", last="Lopez")
    for family, pay in ((garcia, False), (lopez, True)):
        await FamilyMember.create(family=family, user=nana, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE,
                                  email=nana.email, first_name="Nana", last_name="Lopez", can_make_payments=pay)

    tab = await new_tab()
    page = tab.page
    await tab.sign_in("nana@example.com", PASSWORD)
    await tab.open("/my-account")
    await page.locator("#family-name", has_text="Garcia family").wait_for()
    assert await page.inner_text("#amount-due") == "$185.00"
    assert await page.inner_text("#current-family") == "Garcia"
    assert await page.locator("#payments").count() == 0

    for name, due in (("Lopez", "$90.00"), ("Garcia", "$185.00")):
        await page.click("#user-menu")
        choices = page.locator("#family-switcher .family-choice")
        await choices.nth(1).wait_for()
        assert await choices.count() == 2
        active = page.locator("#family-switcher .family-choice[aria-current='true']")
        assert name not in await active.inner_text()
        if name == "Lopez":
            await tab.shot("family-switcher-open")
        await choices.filter(has_text=f"{name} family").click()
        await page.get_by_text(f"Now viewing the {name} family.").wait_for()
        await page.locator("#family-name", has_text=f"{name} family").wait_for()
        assert await page.inner_text("#amount-due") == due
        assert await page.inner_text("#current-family") == name
        if name == "Lopez":
            await _pays_with_her_own_card(tab)


async def _pays_with_her_own_card(tab: Portal) -> None:
    """Can Make Payments in the Lopez family: save a card, pay part of the balance."""
    page = tab.page
    await page.click("#add-card")
    await page.fill("#card-last4", "1111")
    await page.click("#save-card")
    await page.locator("#payment-methods .payment-method", has_text="Visa ending 1111").wait_for()
    await page.fill("#pay-amount", "40")
    await page.click("#pay-now")
    await page.get_by_text("Payment of $40.00 received. Thank you!").wait_for()
    await page.locator("#amount-due", has_text="$50.00").wait_for()
    await tab.shot("my-account-payments")
