"""Access tokens must carry exp, aud, iss and typ: a token without one is refused, not
merely checked when present."""

import pytest
from jose import jwt

from backend.core.config import get_settings
from backend.core.security import InvalidToken, _kid, decode_access_token
from tests.conftest import Api
from tests.factories import make_user, token_for

ME = "query { me { user { email } } }"


def _token(claims: dict) -> str:
    key = get_settings().secret_key
    return jwt.encode(claims, key, algorithm="HS256", headers={"kid": _kid(key)})


@pytest.mark.parametrize("missing", ["exp", "aud", "iss", "typ", "sub"])
async def test_a_token_without_a_required_claim_signs_nobody_in(api: Api, missing: str) -> None:
    user = await make_user("ada@example.com")
    good = jwt.get_unverified_claims(await token_for(user))
    assert (await api.as_(_token(good))(ME))["me"]["user"]["email"] == "ada@example.com"
    stripped = {k: v for k, v in good.items() if k != missing}
    with pytest.raises(InvalidToken):
        decode_access_token(_token(stripped))
    assert (await api.as_(_token(stripped))(ME))["me"] is None
