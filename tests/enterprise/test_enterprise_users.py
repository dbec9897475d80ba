"""createEnterpriseUser and setEnterpriseUserActive: group admins manage their people."""

from __future__ import annotations

from backend.auth.models import Session
from backend.enterprise.models import EnterpriseUser
from tests.conftest import Api
from tests.enterprise.conftest import make_group
from tests.enterprise.test_act_as_in_account import ISSUER, person_token

CREATE = """mutation C($g: ID!, $i: CreateEnterpriseUserInput!) { createEnterpriseUser(groupId: $g, input: $i) {
  enterpriseUser { email firstName level active linked } errors { code field } } }"""
SET_ACTIVE = """mutation S($p: ID!, $a: Boolean!) { setEnterpriseUserActive(enterpriseUserId: $p, active: $a) {
  enterpriseUser { email active } errors { code } } }"""
NEW = {"email": "Dana@Corp.Example.com", "firstName": "Dana", "lastName": "Corp", "level": "USER"}


async def test_a_group_admin_adds_a_person(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    result = (await ada(CREATE, {"g": str(group.group.id), "i": NEW}))["createEnterpriseUser"]
    assert result == {"enterpriseUser": {"email": "dana@corp.example.com", "firstName": "Dana", "level": "USER",
                                         "active": True, "linked": False}, "errors": []}
    again = (await ada(CREATE, {"g": str(group.group.id), "i": NEW}))["createEnterpriseUser"]
    assert again == {"enterpriseUser": None, "errors": [{"code": "ENTERPRISE_USER_EXISTS", "field": "email"}]}
    # A Portico person who exists outside the group cannot be taken over.
    people = await EnterpriseUser.all().count()
    staff = {**NEW, "email": "frontdesk@corp.example.com"}
    taken = (await ada(CREATE, {"g": str(group.group.id), "i": staff}))["createEnterpriseUser"]
    assert taken == {"enterpriseUser": None, "errors": [{"code": "ALREADY_MEMBER", "field": "email"}]}
    assert await EnterpriseUser.all().count() == people


async def test_only_active_admins_of_the_group_manage_people(api: Api) -> None:
    group = await make_group(ISSUER)
    people = await EnterpriseUser.all().count()
    carl = api.as_(await person_token("carl@corp.example.com"))  # USER level
    assert await carl.error_code(CREATE, {"g": str(group.group.id), "i": NEW}) == "FORBIDDEN"
    ada = await EnterpriseUser.get(email="ada@corp.example.com")
    assert await carl.error_code(SET_ACTIVE, {"p": str(ada.id), "a": False}) == "FORBIDDEN"
    other = await make_group_elsewhere()
    admin = api.as_(await person_token("ada@corp.example.com"))
    assert await admin.error_code(CREATE, {"g": str(other), "i": NEW}) == "FORBIDDEN"
    assert await EnterpriseUser.all().count() == people
    assert (await EnterpriseUser.get(id=ada.id)).active


async def make_group_elsewhere() -> int:
    from backend.enterprise.models import EnterpriseGroup

    return (await EnterpriseGroup.create(name="Elsewhere", issuer=ISSUER)).id


async def test_deactivating_a_person_ends_their_sessions(api: Api) -> None:
    await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    carl = await EnterpriseUser.get(email="carl@corp.example.com")
    carl_token = await person_token("carl@corp.example.com")
    result = (await ada(SET_ACTIVE, {"p": str(carl.id), "a": False}))["setEnterpriseUserActive"]
    assert result == {"enterpriseUser": {"email": "carl@corp.example.com", "active": False}, "errors": []}
    assert await Session.filter(user_id=carl.user_id, revoked_at__isnull=True).count() == 0  # type: ignore[attr-defined]
    assert await api.as_(carl_token).error_code("{ myEnterpriseAccounts { name } }") == "UNAUTHENTICATED"
    back = (await ada(SET_ACTIVE, {"p": str(carl.id), "a": True}))["setEnterpriseUserActive"]
    assert back["enterpriseUser"]["active"] is True


async def test_an_admin_cannot_deactivate_themselves(api: Api) -> None:
    await make_group(ISSUER)
    ada_person = await EnterpriseUser.get(email="ada@corp.example.com")
    ada = api.as_(await person_token("ada@corp.example.com"))
    result = (await ada(SET_ACTIVE, {"p": str(ada_person.id), "a": False}))["setEnterpriseUserActive"]
    assert result == {"enterpriseUser": None, "errors": [{"code": "CANNOT_DEACTIVATE_SELF"}]}
    assert (await EnterpriseUser.get(id=ada_person.id)).active
