"""Teams group people on a subscription; only its seat admins manage them."""

from backend.seats.models import Team, TeamMember
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

CREATE = """mutation C($s: ID!, $n: String!) { createTeam(subscriptionId: $s, name: $n, description: "Routers") {
  team { id name description members { nodes { email } } } errors { code field } } }"""
ADD = """mutation A($t: ID!, $u: [ID!]!) { addTeamMembers(teamId: $t, userIds: $u) { team { members { nodes { firstName } } } errors { code } } }"""
REMOVE = """mutation R($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) { team { members { nodes { firstName } } } } }"""
TEAMS = "query T($s: ID!) { teams(subscriptionId: $s) { nodes { name members { nodes { firstName } } } } }"


async def test_create_team_add_and_remove_members(api: Api) -> None:
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin)
    ann, bob = await make_seat_user(sub, first="Ann"), await make_seat_user(sub, first="Bob")
    as_admin = api.as_(await token_for(admin))
    team = (await as_admin(CREATE, {"s": str(sub.id), "n": "Network"}))["createTeam"]["team"]
    assert team["name"] == "Network" and team["members"]["nodes"] == []
    dup = (await as_admin(CREATE, {"s": str(sub.id), "n": "Network"}))["createTeam"]
    assert dup["errors"] == [{"code": "INVALID", "field": "name"}]

    added = (await as_admin(ADD, {"t": team["id"], "u": [str(bob.id), str(ann.id)]}))["addTeamMembers"]
    assert added["team"]["members"]["nodes"] == [{"firstName": "Ann"}, {"firstName": "Bob"}]
    removed = (await as_admin(REMOVE, {"t": team["id"], "u": str(bob.id)}))["removeTeamMember"]
    assert removed["team"]["members"]["nodes"] == [{"firstName": "Ann"}]
    assert (await as_admin(TEAMS, {"s": str(sub.id)}))["teams"]["nodes"] == [{"name": "Network", "members": {"nodes": [{"firstName": "Ann"}]}}]


async def test_people_off_the_subscription_cannot_join_and_outsiders_are_forbidden(api: Api) -> None:
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin)
    team = await Team.create(subscription=sub, name="Network")
    outsider = await make_user("outsider@example.com")
    other_sub = await make_subscription(await make_account("Other", admin=outsider), outsider)
    stranger = await make_seat_user(other_sub)
    as_admin = api.as_(await token_for(admin))
    refused = (await as_admin(ADD, {"t": str(team.id), "u": [str(stranger.id)]}))["addTeamMembers"]
    assert refused == {"team": None, "errors": [{"code": "INVALID"}]}
    as_outsider = api.as_(await token_for(outsider))
    assert await as_outsider.error_code(CREATE, {"s": str(sub.id), "n": "Mine"}) == "NOT_FOUND"
    assert await as_outsider.error_code(ADD, {"t": str(team.id), "u": [str(stranger.id)]}) == "NOT_FOUND"
    assert await as_outsider.error_code(TEAMS, {"s": str(sub.id)}) == "NOT_FOUND"
    assert await Team.filter(subscription_id=sub.id).count() == 1
    assert await TeamMember.all().count() == 0
