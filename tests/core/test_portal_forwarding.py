"""The portal names the browser to the API: through a real server, one browser's failed
sign-ins do not refuse another browser's, though both come from the portal's address."""

import asyncio
import contextvars

import pytest

from frontend.api import PayloadError
from frontend.api import auth as auth_api
from frontend.api.client import forward_browser
from tests.core.test_server import server  # noqa: F401  (the uvicorn fixture)
from tests.factories import PASSWORD, make_user


async def _login_from(browser: str, email: str, password: str) -> str:
    async def attempt() -> str:
        forward_browser(browser)  # what the portal's event handlers do
        try:
            await auth_api.login(email=email, password=password)
        except PayloadError as exc:
            return exc.code
        return "OK"

    # Each portal event runs in its own context, as Reflex's handlers do.
    return await asyncio.create_task(attempt(), context=contextvars.copy_context())


@pytest.mark.committed
async def test_the_portal_forwards_the_browser_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("API_URL", server)
    await make_user("victim@example.com")
    codes = [await _login_from("203.0.113.9", "victim@example.com", "wrong-guess-123") for _ in range(11)]
    assert codes[-1] == "RATE_LIMITED" and codes[:10] == ["INVALID_CREDENTIALS"] * 10
    assert await _login_from("198.51.100.7", "victim@example.com", PASSWORD) == "OK"
    assert await _login_from("", "victim@example.com", PASSWORD) == "OK"  # the portal itself: its own limit
