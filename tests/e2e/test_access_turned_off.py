"""Journey: a person whose only membership was deactivated is told so at sign-in, in plain
words, instead of landing on an empty portal."""

import pytest

from backend.accounts.models import MembershipStatus
from backend.members import service as members
from tests.factories import PASSWORD, make_account, make_member, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.committed]


async def test_a_turned_off_person_reads_why_at_sign_in(new_tab) -> None:
    boss = await make_user("owner3@example.com")
    gym = await make_account("Eastside Climbing", admin=boss)
    coach = await make_member(gym, await make_user("offcoach@example.com"))
    await members.set_status(actor=boss, account_id=gym.id, user_id=coach.id, status=MembershipStatus.DEACTIVATED)

    tab = await new_tab()
    await tab.open("/sign-in")
    await tab.page.fill("#email", "offcoach@example.com")
    await tab.page.fill("#password", PASSWORD)
    await tab.page.click("button[type=submit]")
    await tab.page.get_by_text("Your access to Eastside Climbing was turned off by its administrator.").wait_for()
    assert "/sign-in" in tab.page.url
    await tab.shot("sign-in-access-turned-off")
