"""`portico enterprise ...`: an operator sets a group up from nothing, in a real process."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from backend.accounts.models import MembershipRole
from backend.audit.models import AuditEvent
from backend.enterprise import providers
from backend.enterprise.models import EnterpriseGroup, EnterpriseGroupAccount, EnterpriseLevel, EnterpriseUser, IdentityProvider
from tests.factories import make_account, make_member, make_user

pytestmark = pytest.mark.committed


def portico(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", "enterprise", *args], env={**os.environ, **env}, capture_output=True,
        text=True, timeout=60,
    )


async def test_a_group_from_nothing() -> None:
    owner = await make_user("owner@acme.example.com")
    gym = await make_account("Acme North", admin=owner)
    desk = await make_member(gym, await make_user("desk@acme.example.com"))
    boss = await make_member(gym, await make_user("boss@acme.example.com"), role=MembershipRole.ADMIN)

    made = portico("create-group", "Acme Gyms")
    assert made.returncode == 0, made.stderr
    group = await EnterpriseGroup.get(name="Acme Gyms")
    assert made.stdout.strip() == f"group {group.id} 'Acme Gyms'"
    gid = str(group.id)
    assert portico("add-account", gid, str(gym.id), "--user-login-as", "desk@acme.example.com").returncode == 0
    assert portico("set-login-as", gid, str(gym.id), "--user", "desk@acme.example.com", "--admin", "boss@acme.example.com").returncode == 0
    link = await EnterpriseGroupAccount.get(group_id=group.id, account_id=gym.id)
    assert (link.user_login_as_id, link.admin_login_as_id) == (desk.id, boss.id)  # type: ignore[attr-defined]
    added = portico(
        "add-provider", gid, "--key", "acme-entra", "--name", "Microsoft", "--issuer",
        "https://login.microsoftonline.com/{tenantid}/v2.0", "--client-id", "acme-app", "--client-secret-env", "ACME_SECRET",
        "--domain", "acme.example.com", "--tenant", "11111111-2222-3333-4444-555555555555", ACME_SECRET="s3cret-from-env",
    )
    assert added.returncode == 0, added.stderr
    row = await IdentityProvider.get(key="acme-entra")
    assert providers.decrypt_secret(row.client_secret_encrypted) == "s3cret-from-env"
    assert row.discovery_url == "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration"
    person = portico("add-person", gid, "it@acme.example.com", "--first", "Ira", "--last", "IT", "--level", "admin")
    assert person.returncode == 0, person.stderr
    it = await EnterpriseUser.get(email="it@acme.example.com").select_related("user")
    assert (it.level, it.active, it.user.password_hash) == (EnterpriseLevel.ADMIN, True, None)
    actions = await AuditEvent.filter(action__startswith="enterprise.").order_by("id").values_list("action", flat=True)
    assert actions == ["enterprise.group_created", "enterprise.account_added", "enterprise.login_as_set",
                       "enterprise.provider_added", "enterprise.user_created"]


async def test_refusals_name_the_reason_and_change_nothing() -> None:
    gym = await make_account("Acme South", admin=await make_user("owner@acme.example.com"))
    await make_user("stranger@acme.example.com")
    group = await EnterpriseGroup.create(name="Acme Gyms", issuer="")
    refused = portico("add-account", str(group.id), str(gym.id), "--user-login-as", "stranger@acme.example.com")
    assert refused.returncode == 1 and "NOT_ACCOUNT_STAFF" in refused.stderr
    assert await EnterpriseGroupAccount.all().count() == 0
    unknown = portico("add-person", "999999", "x@acme.example.com")
    assert unknown.returncode == 1 and "INVALID" in unknown.stderr
    assert await EnterpriseUser.all().count() == 0


async def test_an_operator_removes_a_person_and_a_provider() -> None:
    from backend.accounts.models import User, UserStatus

    made = portico("create-group", "Beta Gyms")
    assert made.returncode == 0, made.stderr
    gid = str((await EnterpriseGroup.get(name="Beta Gyms")).id)
    assert portico("add-person", gid, "ops@beta.example.com", "--level", "admin").returncode == 0
    assert portico("add-person", gid, "kim@beta.example.com").returncode == 0
    assert portico("add-provider", gid, "--key", "beta-google", "--name", "Google", "--issuer", "https://accounts.google.com",
                   "--client-id", "beta-app", "--client-secret-env", "BETA_SECRET", BETA_SECRET="x").returncode == 0

    removed = portico("remove-person", gid, "Kim@Beta.example.com")
    assert removed.returncode == 0, removed.stderr
    assert "removed from group" in removed.stdout
    assert not await EnterpriseUser.exists(email="kim@beta.example.com")
    assert (await User.get(email="kim@beta.example.com")).status == UserStatus.DISABLED
    assert await EnterpriseUser.exists(email="ops@beta.example.com")
    again = portico("remove-person", gid, "kim@beta.example.com")
    assert again.returncode == 0 and "was not in group" in again.stdout

    gone = portico("remove-provider", gid, "beta-google")
    assert gone.returncode == 0, gone.stderr
    assert not await IdentityProvider.exists(key="beta-google")
    assert "was not in group" in portico("remove-provider", gid, "beta-google").stdout
    actions = await AuditEvent.filter(action__in=["enterprise.user_removed", "enterprise.provider_removed"]).values_list("action", flat=True)
    assert sorted(actions) == ["enterprise.provider_removed", "enterprise.user_removed"]
