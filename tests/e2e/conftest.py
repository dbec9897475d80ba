"""End-to-end harness: a real API (uvicorn), a real portal (`reflex run --env prod`) and
headless Chromium (/usr/bin/chromium, never a downloaded browser).

The API uses the test database and sends mail to the test SMTP server; its emails link
to the portal started here, so a test can open the link it received.
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXTRA_LOGS, LOG_FILE, Mailbox, _free_port, body_text

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PORTICO_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
TEST_SECONDS = 300  # a hung browser must never hang CI


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if not (ROOT / "node_modules" / ".bin" / "bun").exists():
        return "bun is missing (npm ci)"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _missing()
    for item in items:
        if "e2e" in item.keywords and reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(TEST_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _wait_http(url: str, proc: subprocess.Popen, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2, follow_redirects=True).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer at {url} within {seconds:.0f}s")


def _stop(proc: subprocess.Popen) -> None:
    """Stop a server and every child it started (it leads its own process group)."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def portal_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def api_server(smtp_server: object, sms_server: object, portal_port: int) -> Iterator[str]:
    port = _free_port()
    # Texts go to the tests' local Twilio-compatible gateway (`sms_server`), like mail to the test SMTP server.
    # Every browser here is 127.0.0.1, so the whole suite shares one address's sign-in limit
    # (10 a minute by default): lift it, the limits have their own tests (tests/auth).
    env = {
        **os.environ, "MAIL_WORKER": "inprocess", "SMS_WORKER": "inprocess", "PUBLIC_URL": f"http://127.0.0.1:{portal_port}",
        "RATE_LIMIT_LOGIN": "1000/minute", "RATE_LIMIT_PASSWORD_RESET": "1000/hour",
    }
    log = LOG_FILE.with_name(f"e2e-api-{port}.log")
    EXTRA_LOGS.append(log)  # scanned for secrets with the rest of the suite's logs
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory", "--port", str(port), "--log-level", "warning"],
        env=env, cwd=ROOT, start_new_session=True, stderr=log.open("w"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/healthz", proc, 30, "the API")
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def portal(api_server: str, portal_port: int) -> Iterator[str]:
    """The portal in production mode (compiled and built on start, about 15 s)."""
    env = {
        **os.environ,
        "API_URL": api_server,
        "PATH": f"{ROOT / 'node_modules' / '.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "REFLEX_DIR": str(ROOT / ".reflex-home"),
        "BUN_INSTALL_CACHE_DIR": str(ROOT / ".reflex-home" / "bun-cache"),
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "NPM_CONFIG_REGISTRY": os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org/"),
    }
    reflex = shutil.which("reflex", path=str(Path(sys.executable).parent)) or "reflex"
    (ROOT / "artifacts").mkdir(exist_ok=True)
    log = open(ROOT / "artifacts" / "portal-e2e.log", "w")  # noqa: SIM115 - closed with the server
    proc = subprocess.Popen(
        [reflex, "run", "--env", "prod", "--frontend-port", str(portal_port), "--backend-port", str(portal_port),
         "--loglevel", "warning"],
        env=env, cwd=ROOT, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{portal_port}"
    try:
        _wait_http(f"{url}/ping", proc, 240, "the portal")
        _wait_http(f"{url}/sign-in", proc, 30, "the portal")
        yield url
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        yield chromium
        await chromium.close()


class Portal:
    """A browser tab on the portal, with helpers that read like the journeys."""

    def __init__(self, page: object, base: str) -> None:
        self.page = page
        self.base = base

    async def open(self, path: str) -> None:
        await self.page.goto(self.base + path if path.startswith("/") else path)

    async def at(self, path: str, query: str = "") -> None:
        """Wait until the tab shows `path` (the server may add a trailing slash)."""
        q = re.escape(query)
        await self.page.wait_for_url(re.compile(rf"^{re.escape(self.base + path.rstrip('/'))}/?{q}$"))

    async def sign_in(self, email: str, password: str) -> None:
        await self.open("/sign-in")
        await self.page.fill("#email", email)
        await self.page.fill("#password", password)
        await self.page.click("button[type=submit]")
        await self.at("/")
        await self.page.locator("#home-ready").wait_for(state="attached")

    async def shot(self, name: str) -> None:
        """Save this page at desktop and phone width into artifacts/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        size = self.page.viewport_size
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            await self.page.set_viewport_size(viewport)
            await self.page.evaluate("window.scrollTo(0, 0)")  # a sticky top bar otherwise lands mid-shot
            await self.page.wait_for_timeout(250)
            await self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        await self.page.set_viewport_size(size)


@pytest.fixture
async def new_tab(browser: object, portal: str) -> AsyncIterator[object]:
    """Open fresh browser sessions (a person each); all are closed after the test."""
    contexts = []

    async def open_tab() -> Portal:
        context = await browser.new_context(viewport=DESKTOP)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return Portal(await context.new_page(), portal)

    yield open_tab
    for context in contexts:
        await context.close()


async def email_link(mailbox: Mailbox, address: str, path: str, seconds: float = 20) -> str:
    """The link to `path` in the latest email to `address` (the API's worker sends it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for msg in reversed(mailbox.to(address)):
            if match := re.search(rf"https?://\S+{re.escape(path)}\?token=[\w\-]+", body_text(msg)):
                return match.group(0)
        await asyncio.sleep(0.2)
    raise AssertionError(f"no {path} email reached {address}")
