"""subAccounts: what the portal offers when limiting a member to some sub-accounts
(scoping for members who are limited is in test_member_lifecycle)."""

from backend.accounts.models import Account
from tests.conftest import Api
from tests.factories import gid, make_account, make_user, token_for

SUB_ACCOUNTS = "query S($a: ID!) { subAccounts(accountId: $a) { nodes { id name parentId } } }"


async def test_admin_sees_the_direct_sub_accounts_by_name(api: Api) -> None:
    admin = await make_user()
    gym = await make_account("Gym", admin=admin)
    south = await Account.create(name="South", parent=gym)
    north = await Account.create(name="North", parent=gym)
    await Account.create(name="Elsewhere")
    data = await api.as_(await token_for(admin))(SUB_ACCOUNTS, {"a": str(gym.id)})
    assert data["subAccounts"]["nodes"] == [
        {"id": gid("Account", north.id), "name": "North", "parentId": gid("Account", gym.id)},
        {"id": gid("Account", south.id), "name": "South", "parentId": gid("Account", gym.id)},
    ]
