from backend.accounts.models import Account, Membership, MembershipRole
from tests.conftest import Api
from tests.factories import make_account, make_user, token_for

CREATE = """mutation C($n: String!, $p: ID) { createAccount(name: $n, parentId: $p) { account { id name parentId } errors { code field } } }"""
ME = "query { me { memberships { account { name } role permissions } } }"


async def test_the_creator_of_an_account_is_its_first_admin(api: Api) -> None:
    me = api.as_(await token_for(await make_user("founder@example.com")))
    created = (await me(CREATE, {"n": "Founders Gym"}))["createAccount"]
    assert created["errors"] == [] and created["account"]["name"] == "Founders Gym"
    [membership] = (await me(ME))["me"]["memberships"]
    assert membership["role"] == "ADMIN" and "USERS_MANAGE" in membership["permissions"]
    sub = (await me(CREATE, {"n": "Founders North", "p": created["account"]["id"]}))["createAccount"]["account"]
    assert sub["parentId"] == created["account"]["id"]
    blank = (await me(CREATE, {"n": "  "}))["createAccount"]
    assert blank["errors"] == [{"code": "REQUIRED", "field": "name"}]


async def test_sub_accounts_only_under_an_account_i_administer(api: Api) -> None:
    other = await make_account("Other", admin=await make_user())
    me = api.as_(await token_for(await make_user()))
    assert await me.error_code(CREATE, {"n": "Sneaky", "p": str(other.id)}) == "FORBIDDEN"
    assert not await Account.filter(name="Sneaky").exists()
    assert await Membership.filter(role=MembershipRole.ADMIN).count() == 1
