"""SMS settings and the development console sender."""

import dataclasses

import pytest

from backend.core.config import ConfigError, get_settings, settings_from_env
from backend.core.sms import providers


def test_twilio_needs_its_credentials_and_a_sender() -> None:
    assert settings_from_env({}).sms_provider == "console"
    with pytest.raises(ConfigError, match="TWILIO_ACCOUNT_SID"):
        settings_from_env({"SMS_PROVIDER": "twilio"})
    with pytest.raises(ConfigError, match="SMS_PROVIDER"):
        settings_from_env({"SMS_PROVIDER": "carrier-pigeon"})
    s = settings_from_env({"SMS_PROVIDER": "Twilio", "TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t", "SMS_FROM": "+15005550006",
                           "SMS_API_URL": "http://gateway.test/", "SMS_DEFAULT_REGION": "gb"})
    assert (s.sms_provider, s.sms_api_url, s.sms_default_region) == ("twilio", "http://gateway.test", "GB")


async def test_the_console_sender_prints_in_development_and_withholds_the_body_in_production(capsys: pytest.CaptureFixture) -> None:
    dev = dataclasses.replace(get_settings(), sms_provider="console")
    assert await providers.send(to="+14155550142", body="code abcd-efgh-jkmn", settings=dev) == "console"
    assert "[sms] to +14155550142: code abcd-efgh-jkmn" in capsys.readouterr().out
    prod = dataclasses.replace(dev, env="production")
    await providers.send(to="+14155550142", body="code abcd-efgh-jkmn", settings=prod)
    out = capsys.readouterr().out
    assert "+14155550142" in out and "abcd-efgh-jkmn" not in out
