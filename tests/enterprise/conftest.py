"""A real OpenID provider (oidc-provider on Node, tests/enterprise/oidc) and a real Portico
server (uvicorn) configured to sign in with it; a browser-less login driven by httpx."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from backend.accounts.models import MembershipRole, User
from backend.enterprise import service
from backend.enterprise.models import EnterpriseGroup, EnterpriseLevel
from tests.conftest import _free_port
from tests.factories import make_account, make_member, make_user

OIDC_DIR = Path(__file__).parent / "oidc"
CLIENT_ID, CLIENT_SECRET = "portico", "portico-test-client-secret"
OTHER_ID, OTHER_SECRET = "other-app", "other-app-client-secret"
OTHER_REDIRECT = "http://127.0.0.1:9/other/callback"  # never called: the test reads the code off the redirect
API_PORT = _free_port()
API_URL = f"http://127.0.0.1:{API_PORT}"


@dataclass(frozen=True)
class Provider:
    issuer: str


def start_provider(options: dict[str, str] | None = None) -> Iterator[Provider]:
    clients = [
        {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": [f"{API_URL}/sso/callback"],
         "token_endpoint_auth_method": "client_secret_basic", "response_types": ["code"], "grant_types": ["authorization_code"]},
        {"client_id": OTHER_ID, "client_secret": OTHER_SECRET, "redirect_uris": [OTHER_REDIRECT],
         "token_endpoint_auth_method": "client_secret_basic", "response_types": ["code"], "grant_types": ["authorization_code"]},
    ]
    port = _free_port()
    proc = subprocess.Popen(
        ["node", "provider.js", str(port), json.dumps(clients), json.dumps(options or {})], cwd=OIDC_DIR,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # "READY <issuer>", or "" when it died
    if not line.startswith("READY "):
        proc.kill()
        raise RuntimeError(f"the test OpenID provider did not start (run scripts/setup.sh): {line!r}")
    yield Provider(issuer=line.split()[1])
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def provider() -> Iterator[Provider]:
    """The default provider (the environment variables of the test server)."""
    yield from start_provider()


@pytest.fixture(scope="session")
def google_b() -> Iterator[Provider]:
    """A second provider at another issuer, stored in the database for group B."""
    yield from start_provider()


@pytest.fixture(scope="session")
def entra_b() -> Iterator[Provider]:
    """An Entra-like provider: its issuer names the tenant, and ID tokens carry `tid`."""
    yield from start_provider({"path": "/tenant-a/v2.0", "tid": "tenant-a"})


def sso_env(provider: Provider) -> dict[str, str]:
    return {"OIDC_ISSUER": provider.issuer, "OIDC_CLIENT_ID": CLIENT_ID, "OIDC_CLIENT_SECRET": CLIENT_SECRET, "API_URL": API_URL}


@pytest.fixture(scope="session")
def sso_server(provider: Provider) -> Iterator[str]:
    """Portico under uvicorn, signing in with the test provider (sees committed data only)."""
    env = {**os.environ, **sso_env(provider)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(API_PORT), "--log-level", "warning"],
        env=env,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{API_URL}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("server did not start")
    yield API_URL
    proc.terminate()
    proc.wait(timeout=10)


def follow(browser: httpx.Client, url: str, *, subject: str, stop_at: str, **kwargs: object) -> httpx.Response:
    """Follow redirects by hand like a browser, logging in as `subject` at the provider's
    login page; stop at the first response whose URL starts with `stop_at` (not fetched
    when it is a redirect target) or that is not a redirect."""
    for _ in range(15):
        response = browser.get(url, **kwargs)  # type: ignore[arg-type]
        if not response.is_redirect:
            if "/interaction/" in url and "account=" not in url:
                url = f"{url}?account={subject}"
                continue
            return response
        url = urljoin(url, response.headers["location"])
        if url.startswith(stop_at):
            return response
    raise AssertionError("too many redirects")


def sso_login(subject: str, *, json_answer: bool = True, query: str = "") -> httpx.Response:
    """A whole sign-in through Portico's /sso/login (`query`: `provider=<key>` or `email=<addr>`);
    the callback's answer."""
    headers = {"Accept": "application/json"} if json_answer else {}
    with httpx.Client(timeout=10) as browser:
        first = follow(browser, f"{API_URL}/sso/login?{query}", subject=subject, stop_at=f"{API_URL}/sso/callback")
        return browser.get(first.headers["location"], headers=headers)


def code_for_other_client(issuer: str, subject: str, *, nonce: str) -> dict[str, object]:
    """A token response (with ID token) issued to the other app, not to Portico."""
    import base64
    import hashlib
    import secrets

    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = httpx.QueryParams(
        client_id=OTHER_ID, response_type="code", scope="openid email profile", redirect_uri=OTHER_REDIRECT,
        state="s", nonce=nonce, code_challenge=challenge, code_challenge_method="S256",
    )
    with httpx.Client(timeout=10) as browser:
        last = follow(browser, f"{issuer}/auth?{query}", subject=subject, stop_at=OTHER_REDIRECT)
        code = parse_qs(urlsplit(last.headers["location"]).query)["code"][0]
        token = browser.post(
            f"{issuer}/token", auth=(OTHER_ID, OTHER_SECRET),
            data={"grant_type": "authorization_code", "code": code, "redirect_uri": OTHER_REDIRECT, "code_verifier": verifier},
        )
    assert token.status_code == 200, token.text
    return token.json()


@dataclass
class Group:
    group: EnterpriseGroup
    gym_a: int
    gym_b: int
    outside: int
    front_desk: User
    office_admin: User


async def make_group(issuer: str) -> Group:
    """A group of two gyms; the same two staff users exist in both (front desk with
    different modules in each, an office admin), and one gym outside the group."""
    owner = await make_user("owner@corp.example.com")
    gym_a = await make_account("Gym A", admin=owner)
    gym_b = await make_account("Gym B", admin=owner)
    outside = await make_account("Outside Gym", admin=owner)
    front_desk = await make_member(gym_a, await make_user("frontdesk@corp.example.com"), modules=["customers"])
    await make_member(gym_b, front_desk, modules=["reports"])
    office_admin = await make_member(gym_a, await make_user("office@corp.example.com"), role=MembershipRole.ADMIN)
    await make_member(gym_b, office_admin, role=MembershipRole.ADMIN)
    await make_member(outside, front_desk, modules=["customers"])
    group = await EnterpriseGroup.create(name="Corp Gyms", issuer=issuer, provider_name="Google")
    for account in (gym_a, gym_b):
        await service.add_account(group=group, account_id=account.id, user_login_as=front_desk, admin_login_as=office_admin)
    people = [("ada@corp.example.com", EnterpriseLevel.ADMIN, True), ("bob@corp.example.com", EnterpriseLevel.USER, False),
              ("una@corp.example.com", EnterpriseLevel.USER, True), ("carl@corp.example.com", EnterpriseLevel.USER, True)]
    for email, level, active in people:
        await service.register_person(
            group_id=group.id, email=email, first_name=email.split("@")[0].title(), last_name="Corp", level=level, active=active
        )
    return Group(group, gym_a.id, gym_b.id, outside.id, front_desk, office_admin)
