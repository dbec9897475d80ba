"""Journey: the school office sends SMS credentials to two students (the local gateway
receives both), one student signs in with the one-time password, is made to choose a
password and lands on the student home; the office downloads the credentials PDF."""

from __future__ import annotations

import asyncio
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from backend.accounts.models import MembershipRole
from backend.families import service as families
from backend.families.models import Enrollment, Student
from backend.students.models import StudentSignIn
from tests.factories import PASSWORD, make_account, make_member, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]
NEW_PASSWORD = "sofia-chooses-her-own-words-42"


async def _school() -> None:
    school = await make_account("Hillside School", admin=await make_user("school.owner@example.com"))
    await make_member(school, await make_user("office@example.com", first="Olga", last="Office"), role=MembershipRole.USER,
                      modules=["customers"])
    garcia = await families.create_family(account=school, primary=await make_user("maria.s@example.com", first="Maria", last="Garcia"),
                                          name="Garcia")
    for first, phone in (("Sofia", "+14155550142"), ("Mateo", "+14155550143")):
        student = await Student.create(family=garcia, first_name=first, last_name="Garcia")
        await StudentSignIn.create(student=student, use_personal_email=True, personal_email=f"{first.lower()}@example.com", phone=phone)
        await Enrollment.create(student=student, class_name=f"{first}'s Algebra I")


async def _texts(gateway: object, n: int) -> list:
    for _ in range(150):
        if len(gateway.messages) >= n:  # type: ignore[attr-defined]
            return list(gateway.messages)  # type: ignore[attr-defined]
        await asyncio.sleep(0.1)
    raise AssertionError(f"the gateway received {len(gateway.messages)} texts")  # type: ignore[attr-defined]


async def test_sms_credentials_first_sign_in_and_credentials_pdf(new_tab, sms_server: object, tmp_path: Path) -> None:
    sms_server.reset()  # type: ignore[attr-defined]
    await _school()
    office = await new_tab()
    page = office.page
    await office.sign_in("office@example.com", PASSWORD)
    await page.get_by_role("link", name="User Accounts").first.click()
    await office.at("/office/user-accounts")
    await page.locator(".person-row", has_text="Sofia Garcia").wait_for()
    await page.locator(".person-row", has_text="Mateo Garcia").wait_for()
    # A student's sign-in panel: the username per the policy; a national number is saved in E.164.
    await page.locator(".person-row", has_text="Sofia Garcia").locator(".open-panel").click()
    await page.locator("#panel-username", has_text="sofia@example.com").wait_for()
    await page.fill("#panel-phone", "(415) 555-0142")
    await office.shot("user-accounts-sign-in-panel")
    await page.click("#panel-save")
    await page.locator(".person-row", has_text="Sofia Garcia").locator("td", has_text="+14155550142").wait_for()
    await page.click("#select-page")  # select all on the page (the list shows students)
    await page.locator("#selection-label", has_text="2 selected").wait_for()
    await office.shot("user-accounts-list")
    await page.click("#bulk-actions")
    await page.click("#bulk-sms")
    await page.locator("#bulk-results .result[data-sent='true']").nth(1).wait_for()
    assert "Sent to sofia@example.com" in await page.inner_text("#bulk-results")
    await page.locator(".person-row", has_text="Sofia Garcia").locator(".status", has_text="Credentials sent").wait_for()
    await office.shot("user-accounts-results")

    texts = await _texts(sms_server, 2)
    assert sorted(t.to for t in texts) == ["+14155550142", "+14155550143"]
    sofia_text = next(t for t in texts if t.to == "+14155550142")
    otp = re.search(r"One-time password: (\S+)", sofia_text.body).group(1)  # type: ignore[union-attr]

    student = await new_tab()
    await student.open("/sign-in")
    await student.page.fill("#email", "sofia@example.com")
    await student.page.fill("#password", otp)
    await student.page.click("button[type=submit]")
    await student.at("/student")
    await student.page.locator("#first-password").wait_for()
    await student.shot("student-first-password")
    await student.page.fill("#otp", otp)
    await student.page.fill("#new", NEW_PASSWORD)
    await student.page.fill("#again", NEW_PASSWORD)
    await student.page.click("#set-password")
    await student.page.locator("#student-card", has_text="Sofia Garcia").wait_for()
    home = await student.page.inner_text("body")
    assert "Hillside School" in home and "Sofia's Algebra I" in home and "sofia@example.com" in home
    assert "Mateo" not in home  # never another student
    await student.shot("student-home")

    # The office prints credentials: a password only for Mateo, who has not signed in.
    await page.click("#reports-menu")
    await page.click("#report-credentials")
    await page.click("#report-preview-button")
    await page.locator("#report-preview", has_text="Mateo Garcia").wait_for()
    await office.shot("user-accounts-credentials-report")
    async with page.expect_download() as download:
        await page.click("#report-download")
    saved = tmp_path / (await download.value).suggested_filename
    await (await download.value).save_as(saved)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert saved.name == "user-account-credentials.pdf"
    assert re.search(r"Username: mateo@example.com\s+One-time password: [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", text)
    assert "Username: sofia@example.com" in text and "already signs in with their own password" in text
