"""The real server: uvicorn, the app's lifespan and its in-process mail worker."""

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import EXTRA_LOGS, LOG_FILE, Mailbox, _free_port, body_text
from tests.factories import PASSWORD, link_token, make_account, make_user

LOGIN = "mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } } }"
INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["live@example.com"]}) { invitedCount } }"""
ACCEPT = """mutation A($t: String!) { acceptInvitation(token: $t, password: "a-live-passphrase-77", confirmAdult: true,
  acceptTerms: true) { user { email } errors { code } } }"""


@pytest.fixture
def server() -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "MAIL_WORKER": "inprocess"}
    log = LOG_FILE.with_name(f"server-{port}.log")
    EXTRA_LOGS.append(log)
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory", "--port", str(port), "--log-level", "warning"],
        env=env, stderr=log.open("w"),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.committed
async def test_invitation_through_the_running_server_arrives_by_smtp(server: str, mailbox: Mailbox) -> None:
    admin = await make_user("boss@example.com")
    account = await make_account("Live Gym", admin=admin)
    async with httpx.AsyncClient(base_url=server) as client:
        async def gql(query: str, variables: dict, token: str | None = None) -> dict:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            r = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
            return r.json()["data"]

        token = (await gql(LOGIN, {"e": "boss@example.com", "p": PASSWORD}))["login"]["tokens"]["accessToken"]
        assert (await gql(INVITE, {"a": str(account.id)}, token))["inviteUsers"]["invitedCount"] == 1
        for _ in range(100):  # the in-process worker delivers without being asked
            if mailbox.to("live@example.com"):
                break
            await asyncio.sleep(0.1)
        [msg] = mailbox.to("live@example.com")
        link = link_token(body_text(msg), "/accept-invitation")
        assert (await gql(ACCEPT, {"t": link}))["acceptInvitation"] == {"user": {"email": "live@example.com"}, "errors": []}
        assert (await gql(ACCEPT, {"t": link}))["acceptInvitation"]["errors"] == [{"code": "TOKEN_USED"}]
        assert (await client.get("/healthz")).json() == {"status": "ok"}
