"""Office staff find families by a secondary guardian or a student, are warned about a likely
duplicate (same guardian email), and see a family's students, balance and ledger."""

from backend.families import service
from backend.families.models import FamilyMember, LedgerEntry, LedgerKind, MemberRole, MemberStatus, Student
from tests.conftest import Api
from tests.factories import make_account, make_user, token_for
from tests.families.helpers import BALANCE, TRANSACTIONS, household

SEARCH = "query F($a: ID!, $s: String!) { accountFamilies(accountId: $a, search: $s) { nodes { name } } }"
DUPLICATES = "query D($a: ID!, $e: String!) { familiesWithGuardian(accountId: $a, email: $e) { nodes { name primaryGuardianEmail } } }"
STUDENTS = "query S($f: ID) { familyStudents(familyId: $f) { firstName } }"


async def _two_families(api: Api):  # type: ignore[no-untyped-def]
    h = await household(api, "Garcia")
    await FamilyMember.create(family=h.family, role=MemberRole.SECONDARY, email="jose.g@example.com", first_name="Jose",
                              last_name="Garcia", status=MemberStatus.ACTIVE)
    await Student.create(family=h.family, first_name="Sofia", last_name="Garcia")
    other = await service.create_family(account=h.account, primary=await make_user("lee.park@example.com", first="Lee", last="Park"), name="Park")
    await Student.create(family=other, first_name="Minho", last_name="Park")
    return h, other


async def test_search_finds_secondary_guardians_and_students(api: Api) -> None:
    h, _ = await _two_families(api)
    a = str(h.account.id)
    for search, expected in [
        ("", ["Garcia", "Park"]), ("jose", ["Garcia"]), ("jose.g@example", ["Garcia"]), ("sofia", ["Garcia"]),
        ("minho", ["Park"]), ("park minho", ["Park"]), ("sofia park", []), ("lee.park", ["Park"]),
    ]:
        assert [f["name"] for f in (await h.staff_api(SEARCH, {"a": a, "s": search}))["accountFamilies"]["nodes"]] == expected, search


async def test_a_revoked_secondary_is_not_found(api: Api) -> None:
    h, _ = await _two_families(api)
    await FamilyMember.filter(email="jose.g@example.com").update(status=MemberStatus.REVOKED)
    assert (await h.staff_api(SEARCH, {"a": str(h.account.id), "s": "jose"}))["accountFamilies"]["nodes"] == []


async def test_likely_duplicates_by_guardian_email(api: Api) -> None:
    h, _ = await _two_families(api)
    a = str(h.account.id)
    found = (await h.staff_api(DUPLICATES, {"a": a, "e": " Garcia.Primary@Example.com "}))["familiesWithGuardian"]["nodes"]
    assert found == [{"name": "Garcia", "primaryGuardianEmail": "garcia.primary@example.com"}]
    assert [f["name"] for f in (await h.staff_api(DUPLICATES, {"a": a, "e": "jose.g@example.com"}))["familiesWithGuardian"]["nodes"]] == ["Garcia"]
    assert (await h.staff_api(DUPLICATES, {"a": a, "e": "new.person@example.com"}))["familiesWithGuardian"]["nodes"] == []
    assert (await h.staff_api(DUPLICATES, {"a": a, "e": "not an email"}))["familiesWithGuardian"]["nodes"] == []


async def test_only_the_accounts_staff_search_and_see_a_familys_detail(api: Api) -> None:
    h, _ = await _two_families(api)
    await LedgerEntry.create(family=h.family, kind=LedgerKind.CHARGE, amount_cents=9000, description="Tuition")
    outsider = await make_user("outsider@example.com")
    await make_account("Elsewhere", admin=outsider)
    as_outsider = api.as_(await token_for(outsider))
    for doc, v in ((SEARCH, {"a": str(h.account.id), "s": ""}), (DUPLICATES, {"a": str(h.account.id), "e": "jose.g@example.com"})):
        assert await as_outsider.error_code(doc, v) == "FORBIDDEN"
        assert await h.primary_api.error_code(doc, v) == "FORBIDDEN"
    f = {"f": str(h.family.id)}
    assert (await h.staff_api(STUDENTS, f))["familyStudents"] == [{"firstName": "Sofia"}]
    assert (await h.staff_api(BALANCE, f))["familyBalance"]["balanceCents"] == 9000
    assert [t["description"] for t in (await h.staff_api(TRANSACTIONS, f))["familyTransactions"]["nodes"]] == ["Tuition"]
