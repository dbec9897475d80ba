"""The one place Portico reads its environment.

Every setting comes from an environment variable (a `.env` file in the working
directory may supply them). Nothing else in the code base reads `os.environ`.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dotenv import load_dotenv

DEFAULT_SECRET = "dev-insecure-secret-change-me"
ROOT = Path(__file__).resolve().parents[2]


class ConfigError(RuntimeError):
    """Raised when the environment describes a configuration Portico refuses to run with."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


LOOPBACK = "127.0.0.1/32,::1/128"


def _networks(raw: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in raw.split(",") if part.strip())
    except ValueError as exc:
        raise ConfigError(f"TRUSTED_PROXIES must be a comma-separated list of addresses or CIDR ranges: {exc}") from exc


@dataclass(frozen=True)
class Settings:
    """Typed settings, built once from the environment."""

    env: str = "development"
    database_url: str = "sqlite://portico.sqlite3"
    redis_url: str | None = None
    secret_key: str = DEFAULT_SECRET
    previous_secret_keys: tuple[str, ...] = ()
    jwt_algorithm: str = "HS256"
    jwt_private_key: str | None = None
    jwt_public_key: str | None = None
    jwt_issuer: str = "portico"
    jwt_audience: str = "portico-api"
    access_token_minutes: int = 15
    refresh_token_days: int = 30
    smtp_host: str = "localhost"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: int = 10
    mail_from: str = "Portico <no-reply@portico.local>"
    mail_worker: str = "inprocess"
    mail_concurrency: int = 4
    mail_batch_size: int = 20
    mail_lease_seconds: int = 30
    public_url: str = "http://localhost:3000"
    api_url: str = "http://localhost:8000"
    password_reset_minutes: int = 15
    family_invitation_hours: int = 48
    account_invitation_hours: int = 168
    rate_limit_login: str = "10/minute"
    rate_limit_password_reset: str = "5/hour"
    rate_limit_invitations: str = "200/hour"
    max_invites_per_call: int = 100
    # Account-user invitations an account may send per rolling 24 hours (calls and jobs alike).
    invitation_daily_quota: int = 10_000
    job_worker: str = "inprocess"
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    # Peers whose X-Forwarded-For names the real client (the portal, a load balancer).
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    graphql_introspection: bool = True
    max_request_bytes: int = 1024 * 1024
    # Enterprise sign-in (OpenID Connect: Google, Microsoft Entra). Off unless all three are set.
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_provider_name: str = "Google"
    # Persisted queries: only registered operations run when true (production hardening).
    graphql_persisted_only: bool = False
    persisted_queries_file: str = "persisted-queries.json"
    # Operations (issue 16): metrics, logs, tracing, draining.
    metrics_token: str | None = None
    metrics_port: int | None = None
    log_format: str = ""  # "json" or "plain"; empty: json in production, plain in development
    log_level: str = "INFO"
    otel_endpoint: str | None = None
    otel_service_name: str = "portico"
    drain_seconds: float = 0.0
    prometheus_multiproc_dir: str | None = None
    # Fernet key for the client secrets of identity providers stored in the database. Unset:
    # derived from SECRET_KEY (then rotating SECRET_KEY needs the providers' secrets set again).
    oidc_secrets_key: str | None = None
    # Text messages (student credentials): `console` prints them, `twilio` speaks Twilio's REST API.
    sms_provider: str = "console"
    sms_api_url: str = "https://api.twilio.com"
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    sms_from: str | None = None
    sms_worker: str = "inprocess"
    sms_max_attempts: int = 10
    sms_timeout_seconds: int = 10
    sms_default_region: str = "US"
    # Signed report download links (`reportDownloadUrl`): how long one stays valid.
    report_url_ttl_seconds: int = 300

    @property
    def debug(self) -> bool:
        return self.env != "production"

    @property
    def sso_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id and self.oidc_client_secret)

    @property
    def oidc_discovery_url(self) -> str:
        return f"{(self.oidc_issuer or '').rstrip('/')}/.well-known/openid-configuration"

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgres://", "postgresql://", "asyncpg://"))

    def check(self) -> None:
        """Refuse configurations that are unsafe outside development."""
        if self.env not in {"development", "production"}:
            raise ConfigError("PORTICO_ENV must be 'development' or 'production'")
        if self.jwt_algorithm not in {"HS256", "RS256"}:
            raise ConfigError("JWT_ALGORITHM must be HS256 or RS256")
        if self.jwt_algorithm == "RS256" and not (self.jwt_private_key and self.jwt_public_key):
            raise ConfigError("RS256 needs JWT_PRIVATE_KEY and JWT_PUBLIC_KEY")
        if self.sms_provider not in {"console", "twilio"}:
            raise ConfigError("SMS_PROVIDER must be console or twilio")
        if self.sms_provider == "twilio" and not (self.twilio_account_sid and self.twilio_auth_token and self.sms_from):
            raise ConfigError("SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_FROM")
        if self.report_url_ttl_seconds < 1:
            raise ConfigError("REPORT_URL_TTL_SECONDS must be at least 1")
        if not self.debug and (self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 32):
            raise ConfigError("SECRET_KEY must be set to a random value of 32+ characters in production")


def settings_from_env(env: dict[str, str] | None = None) -> Settings:
    """Build settings from a mapping (the process environment by default)."""
    if env is None:
        load_dotenv(override=False)
        env = dict(os.environ)
    g = env.get
    origins = tuple(o.strip() for o in (g("CORS_ORIGINS") or "").split(",") if o.strip())
    public_url = (g("PUBLIC_URL") or Settings.public_url).rstrip("/")
    env_name = g("PORTICO_ENV") or "development"
    # In development the portal and the API share the machine; in production name them.
    proxies = g("TRUSTED_PROXIES")
    settings = Settings(
        env=env_name,
        database_url=g("DATABASE_URL") or Settings.database_url,
        redis_url=g("REDIS_URL") or None,
        secret_key=g("SECRET_KEY") or DEFAULT_SECRET,
        previous_secret_keys=tuple(k for k in (g("SECRET_KEY_PREVIOUS") or "").split(",") if k),
        jwt_algorithm=g("JWT_ALGORITHM") or "HS256",
        jwt_private_key=g("JWT_PRIVATE_KEY") or None,
        jwt_public_key=g("JWT_PUBLIC_KEY") or None,
        jwt_issuer=g("JWT_ISSUER") or Settings.jwt_issuer,
        jwt_audience=g("JWT_AUDIENCE") or Settings.jwt_audience,
        access_token_minutes=_int(env, "ACCESS_TOKEN_MINUTES", 15),
        refresh_token_days=_int(env, "REFRESH_TOKEN_DAYS", 30),
        smtp_host=g("SMTP_HOST") or Settings.smtp_host,
        smtp_port=_int(env, "SMTP_PORT", Settings.smtp_port),
        smtp_username=g("SMTP_USERNAME") or None,
        smtp_password=g("SMTP_PASSWORD") or None,
        smtp_starttls=_bool(g("SMTP_STARTTLS"), False),
        smtp_timeout_seconds=_int(env, "SMTP_TIMEOUT_SECONDS", 10),
        mail_from=g("MAIL_FROM") or Settings.mail_from,
        mail_worker=g("MAIL_WORKER") or "inprocess",
        mail_concurrency=_int(env, "MAIL_CONCURRENCY", Settings.mail_concurrency),
        mail_batch_size=_int(env, "MAIL_BATCH_SIZE", Settings.mail_batch_size),
        mail_lease_seconds=_int(env, "MAIL_LEASE_SECONDS", Settings.mail_lease_seconds),
        public_url=public_url,
        api_url=(g("API_URL") or Settings.api_url).rstrip("/"),
        password_reset_minutes=_int(env, "PASSWORD_RESET_MINUTES", 15),
        family_invitation_hours=_int(env, "FAMILY_INVITATION_HOURS", 48),
        account_invitation_hours=_int(env, "ACCOUNT_INVITATION_HOURS", 168),
        rate_limit_login=g("RATE_LIMIT_LOGIN") or Settings.rate_limit_login,
        rate_limit_password_reset=g("RATE_LIMIT_PASSWORD_RESET") or Settings.rate_limit_password_reset,
        rate_limit_invitations=g("RATE_LIMIT_INVITATIONS") or Settings.rate_limit_invitations,
        max_invites_per_call=_int(env, "MAX_INVITES_PER_CALL", 100),
        invitation_daily_quota=_int(env, "INVITATION_DAILY_QUOTA", 10_000),
        job_worker=g("JOB_WORKER") or "inprocess",
        cors_origins=origins or (public_url,),
        trusted_proxies=_networks(proxies if proxies is not None else (LOOPBACK if env_name == "development" else "")),
        graphql_introspection=_bool(g("GRAPHQL_INTROSPECTION"), env_name != "production"),
        max_request_bytes=_int(env, "MAX_REQUEST_BYTES", Settings.max_request_bytes),
        oidc_issuer=(g("OIDC_ISSUER") or "").rstrip("/") or None,
        oidc_client_id=g("OIDC_CLIENT_ID") or None,
        oidc_client_secret=g("OIDC_CLIENT_SECRET") or None,
        oidc_provider_name=g("OIDC_PROVIDER_NAME") or Settings.oidc_provider_name,
        graphql_persisted_only=_bool(g("GRAPHQL_PERSISTED_ONLY"), False),
        persisted_queries_file=g("PERSISTED_QUERIES_FILE") or str(ROOT / "persisted-queries.json"),
        metrics_token=g("METRICS_TOKEN") or None,
        metrics_port=_int(env, "METRICS_PORT", 0) or None,
        log_format=(g("LOG_FORMAT") or "").lower(),
        log_level=(g("LOG_LEVEL") or "INFO").upper(),
        otel_endpoint=g("OTEL_EXPORTER_OTLP_ENDPOINT") or None,
        otel_service_name=g("OTEL_SERVICE_NAME") or "portico",
        drain_seconds=float(g("SHUTDOWN_DRAIN_SECONDS") or 0),
        prometheus_multiproc_dir=g("PROMETHEUS_MULTIPROC_DIR") or None,
        oidc_secrets_key=g("OIDC_SECRETS_KEY") or None,
        sms_provider=(g("SMS_PROVIDER") or Settings.sms_provider).strip().lower(),
        sms_api_url=(g("SMS_API_URL") or Settings.sms_api_url).rstrip("/"),
        twilio_account_sid=g("TWILIO_ACCOUNT_SID") or None,
        twilio_auth_token=g("TWILIO_AUTH_TOKEN") or None,
        sms_from=g("SMS_FROM") or None,
        sms_worker=g("SMS_WORKER") or "inprocess",
        sms_max_attempts=_int(env, "SMS_MAX_ATTEMPTS", 10),
        sms_timeout_seconds=_int(env, "SMS_TIMEOUT_SECONDS", 10),
        sms_default_region=(g("SMS_DEFAULT_REGION") or Settings.sms_default_region).upper(),
        report_url_ttl_seconds=_int(env, "REPORT_URL_TTL_SECONDS", Settings.report_url_ttl_seconds),
    )
    settings.check()
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests may call `get_settings.cache_clear()`)."""
    return settings_from_env()
