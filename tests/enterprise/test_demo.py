"""The demo seed adds an enterprise group, and running it twice changes nothing."""

from backend import demo
from backend.enterprise.models import EnterpriseGroupAccount, EnterpriseUser
from tests.conftest import Api
from tests.factories import token_for

MY_ACCOUNTS = "{ myEnterpriseAccounts { name canAct loginAs { email } } }"


async def test_demo_enterprise_group(api: Api) -> None:
    await demo.seed()
    await demo.seed()
    assert await EnterpriseGroupAccount.all().count() == 2
    it = await EnterpriseUser.get(email="it@demo.portico.dev").select_related("user")
    assert it.level.value == "admin" and it.active and it.user.password_hash is None
    rows = (await api.as_(await token_for(it.user))(MY_ACCOUNTS))["myEnterpriseAccounts"]
    assert rows == [
        {"name": "Lakeside Gymnastics", "canAct": True, "loginAs": {"email": "admin@demo.portico.dev"}},
        {"name": "Riverside Gymnastics", "canAct": True, "loginAs": {"email": "admin@demo.portico.dev"}},
    ]
