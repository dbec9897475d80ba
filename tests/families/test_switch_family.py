from tests.conftest import Api, Mailbox
from tests.factories import make_user, token_for
from tests.families.helpers import BALANCE, FAMILY, active_secondary, household

MY = "query { myFamilies { name role isActive } me { activeFamily { name } } }"
SWITCH = "mutation S($f: ID!) { switchFamily(familyId: $f) { family { name myRole } errors { code } } }"


async def test_a_person_in_two_families_switches_between_them(api: Api, mailbox: Mailbox) -> None:
    garcia = await household(api, "Garcia")
    lopez = await household(api, "Lopez", account=garcia.account)
    _, nana = await active_secondary(garcia, api, mailbox, "nana@example.com")
    await active_secondary(lopez, api, mailbox, "nana@example.com")

    data = await nana(MY)
    assert data["myFamilies"] == [
        {"name": "Garcia", "role": "SECONDARY", "isActive": True},
        {"name": "Lopez", "role": "SECONDARY", "isActive": False},
    ]
    assert data["me"]["activeFamily"] == {"name": "Garcia"}
    assert (await nana(FAMILY))["family"]["name"] == "Garcia"

    switched = (await nana(SWITCH, {"f": str(lopez.family.id)}))["switchFamily"]
    assert switched == {"family": {"name": "Lopez", "myRole": "SECONDARY"}, "errors": []}
    data = await nana(MY)
    assert [f["name"] for f in data["myFamilies"] if f["isActive"]] == ["Lopez"]
    assert data["me"]["activeFamily"] == {"name": "Lopez"}
    # Family queries without an id follow the switcher.
    assert (await nana(FAMILY))["family"]["name"] == "Lopez"
    assert (await nana(BALANCE))["familyBalance"]["balanceCents"] == 0


async def test_cannot_switch_into_a_family_i_am_not_in(api: Api) -> None:
    garcia = await household(api, "Garcia")
    stranger = api.as_(await token_for(await make_user("stranger@example.com")))
    assert await stranger.error_code(SWITCH, {"f": str(garcia.family.id)}) == "NOT_FOUND"
    assert (await stranger(MY))["myFamilies"] == []
    assert await stranger.error_code(FAMILY) == "FORBIDDEN"
    # Staff can look at families but do not act in them.
    assert await garcia.staff_api.error_code(SWITCH, {"f": str(garcia.family.id)}) == "NOT_FOUND"


async def test_my_families_costs_the_same_queries_for_many_families(api: Api, mailbox: Mailbox, count_queries) -> None:  # type: ignore[no-untyped-def]
    from backend.families import service
    from backend.families.models import FamilyMember, MemberRole, MemberStatus

    person = await make_user("busy@example.com")
    client = api.as_(await token_for(person))
    base = await household(api, "Base")

    async def join(n: int) -> int:
        for i in range(n):
            fam = await service.create_family(account=base.account, primary=await make_user(f"p{n}-{i}@example.com"), name=f"F{n}-{i}")
            await FamilyMember.create(family=fam, user=person, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE, email=person.email)
        with count_queries() as q:
            assert len((await client(MY))["myFamilies"]) >= n
        return q.count

    few, many = await join(2), await join(20)
    assert few == many
