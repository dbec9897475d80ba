"""Identity providers: the deployment's default one (environment variables) and any number
stored per enterprise group, with their client secrets encrypted at rest. No GraphQL here."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from backend.audit import service as audit
from backend.core.config import ConfigError, Settings, get_settings
from backend.core.errors import DomainError, ErrorCode
from backend.enterprise.models import EnterpriseGroup, IdentityProvider

if TYPE_CHECKING:  # cryptography (8 MB) loads when a secret is sealed or read, not at start-up
    from cryptography.fernet import Fernet

DEFAULT_KEY = "default"
TENANT = "{tenantid}"
# Google also signs ID tokens with its issuer spelled without the scheme.
ISSUER_ALIASES = {"https://accounts.google.com": ["accounts.google.com"]}
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


@dataclass(frozen=True)
class ProviderConfig:
    """What signing in through one provider needs. `group_id` None: the default provider,
    serving every group whose `issuer` is its issuer (the original single-provider set-up)."""

    key: str
    name: str
    issuer: str
    discovery_url: str
    client_id: str
    client_secret: str
    group_id: int | None = None
    allowed_domains: tuple[str, ...] = ()
    tenant_ids: tuple[str, ...] = ()

    @property
    def multi_tenant(self) -> bool:
        return TENANT in self.issuer

    def issuer_of(self, claims: dict[str, Any]) -> str | None:
        """The identity's issuer when the token's `iss` is one this provider may use, else
        None. Multi-tenant (Entra `common` / `organizations`): `iss` must be the issuer
        with the token's own `tid`, and `tid` allowed when a tenant list is set."""
        iss = str(claims.get("iss") or "")
        if not self.multi_tenant:
            return self.issuer if iss in (self.issuer, *ISSUER_ALIASES.get(self.issuer, [])) else None
        tid = str(claims.get("tid") or "")
        if not tid or (self.tenant_ids and tid not in self.tenant_ids) or iss != self.issuer.replace(TENANT, tid):
            return None
        return iss

    def allows_email(self, email: str | None) -> bool:
        domain = (email or "").rpartition("@")[2].lower()
        return not self.allowed_domains or domain in self.allowed_domains


def _fernet(settings: Settings) -> Fernet:
    from cryptography.fernet import Fernet

    if settings.oidc_secrets_key:
        return Fernet(settings.oidc_secrets_key.encode())
    derived = hashlib.sha256(b"portico-oidc-secrets:" + settings.secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt_secret(secret: str, settings: Settings | None = None) -> str:
    return _fernet(settings or get_settings()).encrypt(secret.encode()).decode()


def decrypt_secret(stored: str, settings: Settings | None = None) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet(settings or get_settings()).decrypt(stored.encode()).decode()
    except InvalidToken as exc:
        raise ConfigError("An identity provider's client secret cannot be decrypted: check OIDC_SECRETS_KEY") from exc


def default_provider(settings: Settings | None = None) -> ProviderConfig | None:
    s = settings or get_settings()
    if not s.sso_enabled:
        return None
    return ProviderConfig(
        key=DEFAULT_KEY, name=s.oidc_provider_name, issuer=str(s.oidc_issuer), discovery_url=s.oidc_discovery_url,
        client_id=str(s.oidc_client_id), client_secret=str(s.oidc_client_secret),
    )


def _config(row: IdentityProvider, *, with_secret: bool = True) -> ProviderConfig:
    return ProviderConfig(
        key=row.key, name=row.display_name, issuer=row.issuer, discovery_url=row.discovery_url, client_id=row.client_id,
        client_secret=decrypt_secret(row.client_secret_encrypted) if with_secret else "",
        group_id=row.group_id,  # type: ignore[attr-defined]
        allowed_domains=tuple(row.allowed_domains), tenant_ids=tuple(row.tenant_ids),
    )


def public(row: IdentityProvider) -> ProviderConfig:
    """A provider's settings to show: never its secret."""
    return _config(row, with_secret=False)


async def get(*, key: str | None) -> ProviderConfig | None:
    """The provider named `key` (None or "default": the environment's)."""
    if not key or key == DEFAULT_KEY:
        return default_provider()
    row = await IdentityProvider.get_or_none(key=key)
    return _config(row) if row else None


async def listed() -> list[ProviderConfig]:
    """Every provider, for one sign-in button each: the default first, then by name."""
    rows = await IdentityProvider.all().order_by("display_name", "id")
    default = default_provider()
    return ([default] if default else []) + [public(r) for r in rows]


async def for_email(*, email: str) -> ProviderConfig | None:
    """Home-realm discovery: the provider whose allowed domains hold the email's domain."""
    domain = email.strip().rpartition("@")[2].lower()
    if not domain:
        return None
    for row in await IdentityProvider.all().order_by("id"):
        if domain in row.allowed_domains:
            return _config(row)
    return None


def _domains(values: list[str]) -> list[str]:
    domains = sorted({v.strip().lower().lstrip("@") for v in values if v.strip()})
    for d in domains:
        if "." not in d or "@" in d or " " in d:
            raise DomainError(ErrorCode.INVALID, f"{d!r} is not an email domain.", "allowedDomains")
    return domains


async def add(
    *, group_id: int, key: str, display_name: str, issuer: str, client_id: str, client_secret: str,
    allowed_domains: list[str] | None = None, tenant_ids: list[str] | None = None, discovery_url: str | None = None,
    actor_id: int | None = None,
) -> IdentityProvider:
    """Store a provider for a group (operators). The secret is encrypted before it is written."""
    key, issuer = key.strip().lower(), issuer.strip().rstrip("/")
    if not _KEY_RE.match(key) or key == DEFAULT_KEY:
        raise DomainError(ErrorCode.INVALID, "Use 2-63 lower-case letters, digits and dashes (not 'default').", "key")
    if not issuer.startswith(("https://", "http://")) or not client_id.strip() or not client_secret:
        raise DomainError(ErrorCode.REQUIRED, "Give the issuer URL, the client id and the client secret.", "issuer")
    if not display_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the provider a display name.", "displayName")
    if not await EnterpriseGroup.exists(id=group_id):
        raise DomainError(ErrorCode.INVALID, "No such enterprise group.", "groupId")
    if await IdentityProvider.exists(key=key):
        raise DomainError(ErrorCode.INVALID, "A provider with this key exists.", "key")
    domains = _domains(allowed_domains or [])
    # Entra's discovery for a multi-tenant app lives under `organizations`.
    discovery = discovery_url or f"{issuer.replace(TENANT, 'organizations')}/.well-known/openid-configuration"
    async with in_transaction():
        row = await IdentityProvider.create(
            group_id=group_id, key=key, display_name=display_name.strip(), issuer=issuer, discovery_url=discovery,
            client_id=client_id.strip(), client_secret_encrypted=encrypt_secret(client_secret),
            allowed_domains=domains, tenant_ids=sorted(set(tenant_ids or [])),
        )
        await audit.record(
            action="enterprise.provider_added", actor_id=actor_id, group_id=group_id, key=key, issuer=issuer,
            allowed_domains=domains,
        )
    return row


async def remove(*, group_id: int, key: str, actor_id: int | None = None) -> bool:
    """Take a provider away from a group (operators): its button and home-realm domains go; the
    group's people sign in through its other providers. False when the group has no such provider."""
    async with in_transaction():
        row = await IdentityProvider.get_or_none(group_id=group_id, key=key.strip().lower())
        if row is None:
            return False
        await row.delete()
        await audit.record(action="enterprise.provider_removed", actor_id=actor_id, group_id=group_id, key=row.key, issuer=row.issuer)
    return True
