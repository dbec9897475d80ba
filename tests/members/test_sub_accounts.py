"""subAccounts: what the portal offers when limiting a member to some sub-accounts."""

from backend.accounts.models import Account
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, token_for

SUB_ACCOUNTS = "query S($a: ID!) { subAccounts(accountId: $a) { id name parentId } }"


async def test_admin_sees_the_direct_sub_accounts_by_name(api: Api) -> None:
    admin = await make_user()
    gym = await make_account("Gym", admin=admin)
    south = await Account.create(name="South", parent=gym)
    north = await Account.create(name="North", parent=gym)
    await Account.create(name="Elsewhere")
    data = await api.as_(await token_for(admin))(SUB_ACCOUNTS, {"a": str(gym.id)})
    assert data["subAccounts"] == [
        {"id": str(north.id), "name": "North", "parentId": str(gym.id)},
        {"id": str(south.id), "name": "South", "parentId": str(gym.id)},
    ]


async def test_a_user_without_user_management_is_refused(api: Api) -> None:
    gym = await make_account("Gym", admin=await make_user())
    member = await make_member(gym)
    assert await api.as_(await token_for(member)).error_code(SUB_ACCOUNTS, {"a": str(gym.id)}) == "FORBIDDEN"
