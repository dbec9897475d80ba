"""The harness itself: each test starts on an empty database."""

from backend.accounts.models import User
from tests.factories import make_user


async def test_first_writes_a_user() -> None:
    await make_user("isolation@example.com")
    assert await User.filter(email="isolation@example.com").count() == 1


async def test_second_sees_an_empty_database() -> None:
    assert await User.all().count() == 0
