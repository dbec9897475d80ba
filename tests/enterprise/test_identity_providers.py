"""Several identity providers: group A signs in with the default provider (environment
variables), group B with two providers stored in the database (a Google-like one and an
Entra-like multi-tenant one), all real local OpenID providers, through a running server."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.core.errors import DomainError
from backend.enterprise import providers, service
from backend.enterprise.models import EnterpriseGroup, EnterpriseLevel, EnterpriseUser, IdentityProvider
from tests.conftest import Api
from tests.enterprise.conftest import API_URL, CLIENT_ID, CLIENT_SECRET, Provider, make_group, sso_login

pytestmark = pytest.mark.committed

ME = "{ me { user { email } } }"


def me(token: str) -> str:
    r = httpx.post(f"{API_URL}/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    return r.json()["data"]["me"]["user"]["email"]


async def group_b(google_b: Provider, entra_b: Provider, *, tenants: list[str] | None = None) -> EnterpriseGroup:
    group = await EnterpriseGroup.create(name="Other Co", issuer="", provider_name="")
    await providers.add(
        group_id=group.id, key="other-google", display_name="Google", issuer=google_b.issuer, client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET, allowed_domains=["other.example.com"],
    )
    port_prefix = entra_b.issuer.split("/tenant-a/")[0]
    await providers.add(
        group_id=group.id, key="other-entra", display_name="Microsoft", issuer=f"{port_prefix}/{{tenantid}}/v2.0",
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, tenant_ids=tenants or ["tenant-a"],
        discovery_url=f"{entra_b.issuer}/.well-known/openid-configuration",
    )
    await service.register_person(group_id=group.id, email="bea@other.example.com", first_name="Bea", last_name="Other",
                                  level=EnterpriseLevel.ADMIN)
    return group


async def test_google_like_and_entra_like_work_side_by_side(
    provider: Provider, google_b: Provider, entra_b: Provider, sso_server: str
) -> None:
    await make_group(provider.issuer)
    await group_b(google_b, entra_b)
    via_google = sso_login("sub-bea", query="provider=other-google")
    assert via_google.status_code == 200, via_google.text
    assert me(via_google.json()["access_token"]) == "bea@other.example.com"
    bea = await EnterpriseUser.get(email="bea@other.example.com")
    assert (bea.issuer, bea.subject) == (google_b.issuer, "sub-bea")
    # Group A's people still use the default provider.
    assert me(sso_login("sub-ada").json()["access_token"]) == "ada@corp.example.com"


async def test_entra_multi_tenant_checks_the_issuer_against_the_tokens_tid(
    provider: Provider, google_b: Provider, entra_b: Provider, sso_server: str
) -> None:
    await group_b(google_b, entra_b)
    answer = sso_login("sub-bea", query="provider=other-entra")
    assert answer.status_code == 200, answer.text
    bea = await EnterpriseUser.get(email="bea@other.example.com")
    assert bea.issuer == entra_b.issuer  # .../tenant-a/v2.0: the tenant's own issuer


async def test_entra_tenant_outside_the_allow_list_is_refused(
    provider: Provider, google_b: Provider, entra_b: Provider, sso_server: str
) -> None:
    await group_b(google_b, entra_b, tenants=["tenant-z"])
    answer = sso_login("sub-bea", query="provider=other-entra")
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_response"
    assert await EnterpriseUser.filter(subject__isnull=False).count() == 0


async def test_a_person_of_one_group_never_signs_in_through_the_others_provider(
    provider: Provider, google_b: Provider, entra_b: Provider, sso_server: str
) -> None:
    await make_group(provider.issuer)
    await group_b(google_b, entra_b)
    # Ada (group A) has a verified identity at B's provider with her registered email.
    assert sso_login("sub-ada", query="provider=other-google").status_code == 403
    assert sso_login("sub-ada", query="provider=other-entra").status_code == 403
    assert await EnterpriseUser.filter(subject__isnull=False).count() == 0
    # Linked through her own provider first: still refused through B's.
    assert sso_login("sub-ada").status_code == 200
    assert sso_login("sub-ada", query="provider=other-google").status_code == 403
    # And Bea (group B) cannot come in through A's default provider.
    assert sso_login("sub-bea").status_code == 403
    assert await EnterpriseUser.filter(email="bea@other.example.com", subject__isnull=False).count() == 0
    assert await AuditEvent.filter(action="enterprise.sign_in_refused").count() == 4


async def test_home_realm_discovery_sends_the_email_to_its_groups_provider(
    provider: Provider, google_b: Provider, entra_b: Provider, sso_server: str
) -> None:
    await group_b(google_b, entra_b)
    with httpx.Client(timeout=10) as browser:
        to_b = browser.get(f"{API_URL}/sso/login?email=bea@Other.Example.com")
        to_default = browser.get(f"{API_URL}/sso/login?email=ada@corp.example.com")
    assert to_b.is_redirect and urlsplit(to_b.headers["location"]).netloc == urlsplit(google_b.issuer).netloc
    assert urlsplit(to_default.headers["location"]).netloc == urlsplit(provider.issuer).netloc
    answer = sso_login("sub-bea", query="email=bea@other.example.com")
    assert answer.status_code == 200


async def test_client_secrets_are_encrypted_at_rest(api: Api) -> None:
    group = await EnterpriseGroup.create(name="Vault Co", issuer="")
    await providers.add(group_id=group.id, key="vault", display_name="Google", issuer="https://accounts.google.com",
                        client_id="vault-client", client_secret="super-secret-value-123")
    row = await IdentityProvider.get(key="vault")
    assert "super-secret-value-123" not in row.client_secret_encrypted
    assert providers.decrypt_secret(row.client_secret_encrypted) == "super-secret-value-123"
    config = await providers.get(key="vault")
    assert config is not None and config.client_secret == "super-secret-value-123"
    assert config.discovery_url == "https://accounts.google.com/.well-known/openid-configuration"
    with pytest.raises(DomainError) as refused:
        await providers.add(group_id=group.id, key="vault", display_name="Again", issuer="https://accounts.google.com",
                            client_id="c", client_secret="s")
    assert refused.value.code.value == "INVALID"
    assert await AuditEvent.filter(action="enterprise.provider_added").count() == 1
