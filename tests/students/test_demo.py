"""The demo school: students with phones, ready for SMS credentials; seeding twice changes nothing."""

from backend import demo
from backend.families.models import Student
from backend.students.models import StudentSignIn
from tests.conftest import Api, SmsInbox

LOGIN = """mutation { login(email: "office@demo.portico.dev", password: "portico-demo-2026") { tokens { accessToken } } }"""
ACCOUNTS = "query { me { memberships { account { id name } } } }"
LIST = """query L($a: ID!) { userAccounts(accountId: $a, userType: STUDENT) { totalCount edges { node { id firstName phone } } } }"""
SMS = """mutation S($a: ID!, $p: [ID!]!) { smsInitialCredentials(accountId: $a, people: $p) { results { sent reason } } }"""


async def test_the_demo_school_is_ready_for_sms_credentials(api: Api, sms: SmsInbox) -> None:
    await demo.seed()
    counts = (await Student.all().count(), await StudentSignIn.all().count())
    await demo.seed()
    assert (await Student.all().count(), await StudentSignIn.all().count()) == counts
    office = api.as_((await api(LOGIN))["login"]["tokens"]["accessToken"])
    [membership] = (await office(ACCOUNTS))["me"]["memberships"]
    assert membership["account"]["name"] == "Hillside Academy"
    data = (await office(LIST, {"a": membership["account"]["id"]}))["userAccounts"]
    assert data["totalCount"] == 5
    with_phone = [n["id"] for n in (e["node"] for e in data["edges"]) if n["phone"]]
    assert len(with_phone) == 3
    results = (await office(SMS, {"a": membership["account"]["id"], "p": with_phone}))["smsInitialCredentials"]["results"]
    assert all(r["sent"] for r in results)
    assert len(await sms.deliver()) == 3
