import pytest

from backend.core.config import ConfigError, settings_from_env


def test_production_refuses_the_default_secret() -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        settings_from_env({"PORTICO_ENV": "production"})
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        settings_from_env({"PORTICO_ENV": "production", "SECRET_KEY": "short"})
    ok = settings_from_env({"PORTICO_ENV": "production", "SECRET_KEY": "k" * 40})
    assert not ok.debug


def test_development_defaults_to_embedded_sqlite() -> None:
    s = settings_from_env({})
    assert s.debug and s.database_url.startswith("sqlite://") and not s.is_postgres
    assert s.public_url == "http://localhost:3000" and s.api_url == "http://localhost:8000"


def test_postgres_url_and_bad_values() -> None:
    assert settings_from_env({"DATABASE_URL": "postgresql://u@h/db"}).is_postgres
    with pytest.raises(ConfigError, match="SMTP_PORT"):
        settings_from_env({"SMTP_PORT": "twenty-five"})
    with pytest.raises(ConfigError, match="PORTICO_ENV"):
        settings_from_env({"PORTICO_ENV": "staging"})


def test_the_cli_refuses_production_with_the_default_secret() -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"PORTICO_ENV": "production"}
    out = subprocess.run([sys.executable, "-m", "backend.cli", "migrate"], env=env, capture_output=True, text=True)
    assert out.returncode == 2
    assert "configuration error" in out.stderr and "SECRET_KEY" in out.stderr


def test_enterprise_sign_in_is_off_until_fully_configured() -> None:
    from backend.core.config import settings_from_env

    assert not settings_from_env({"OIDC_ISSUER": "https://accounts.google.com"}).sso_enabled
    s = settings_from_env({"OIDC_ISSUER": "https://accounts.google.com/", "OIDC_CLIENT_ID": "c", "OIDC_CLIENT_SECRET": "x"})
    assert s.sso_enabled and s.oidc_discovery_url == "https://accounts.google.com/.well-known/openid-configuration"
