"""Invitation jobs: a list of up to 10,000 rows invited in the background, with progress,
an outcome per row and the results as CSV."""

import csv
import io
from collections import Counter

from backend.accounts.models import MembershipRole
from backend.core.mail.models import OutboxEmail
from backend.invitations.models import Invitation
from backend.members import jobs
from backend.members.models import InvitationJob, InvitationJobRow
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, pk, token_for

START = """mutation S($a: ID!, $input: StartInvitationJobInput!) { startInvitationJob(accountId: $a, input: $input) {
  job { id status total done invited } errors { code field message } } }"""
JOB = """query J($a: ID!, $id: ID!, $outcome: InviteOutcome) { invitationJob(accountId: $a, id: $id) {
  status total done invited finishedAt rows(first: 5, outcome: $outcome) { line email firstName lastName role outcome message } } }"""
CSV = "query C($a: ID!, $id: ID!) { invitationJob(accountId: $a, id: $id) { resultsCsv } }"
INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["pending@example.com"]}) { invitedCount } }"""


async def _admin(api: Api) -> tuple:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    return api.as_(await token_for(admin)), account


def _ten_thousand() -> str:
    """A realistic 10,000-row CSV: mostly new people, and every kind of row that is not."""
    lines = ["Email,First Name,Last Name,Role"]
    lines += ["member@example.com,Mem,Ber,", "pending@example.com,,,", "not-an-email,,,", "temp@mailinator.com,,,",
              "boss2@example.com,Bo,Ss,admin", "odd@example.com,,,owner", "P0@Example.com,Dup,Licate,"]
    lines += [f"p{i}@example.com,First{i},Last{i}," for i in range(10_000 - 7)]
    return "\n".join(lines)


async def test_a_ten_thousand_row_job_finishes_with_an_outcome_for_every_row(api: Api) -> None:
    as_admin, account = await _admin(api)
    await make_member(account, await make_user("member@example.com"))
    await as_admin(INVITE, {"a": str(account.id)})
    started = (await as_admin(START, {"a": str(account.id), "input": {"list": _ten_thousand(), "modules": ["REPORTS"]}}))
    job = started["startInvitationJob"]["job"]
    # Rows decidable without the database are answered at once: invalid, disposable, bad role, duplicate.
    assert job == {"id": job["id"], "status": "QUEUED", "total": 10_000, "done": 4, "invited": 0}
    a, j = str(account.id), job["id"]

    assert await jobs.step(job_id=pk(j)) is True  # one chunk: progress moves by exactly that much
    progress = (await as_admin(JOB, {"a": a, "id": j}))["invitationJob"]
    assert (progress["status"], progress["done"], progress["invited"]) == ("QUEUED", 4 + 1000, 1000 - 2)
    assert await OutboxEmail.all().count() == 1000 - 2 + 1  # + the earlier pending@

    assert await jobs.run_pending() == 1
    done = (await as_admin(JOB, {"a": a, "id": j}))["invitationJob"]
    assert (done["status"], done["done"], done["invited"]) == ("DONE", 10_000, 9_994) and done["finishedAt"]
    assert done["rows"][:6] == [
        {"line": 1, "email": "member@example.com", "firstName": "Mem", "lastName": "Ber", "role": "user",
         "outcome": "ALREADY_MEMBER", "message": "Already a member of this account."},
        {"line": 2, "email": "pending@example.com", "firstName": "", "lastName": "", "role": "user",
         "outcome": "ALREADY_INVITED", "message": "Already invited; the invitation is pending."},
        {"line": 3, "email": "not-an-email", "firstName": "", "lastName": "", "role": "user", "outcome": "INVALID_EMAIL",
         "message": done["rows"][2]["message"]},
        {"line": 4, "email": "temp@mailinator.com", "firstName": "", "lastName": "", "role": "user",
         "outcome": "DISPOSABLE_EMAIL", "message": "Disposable email addresses cannot be invited."},
        {"line": 5, "email": "boss2@example.com", "firstName": "Bo", "lastName": "Ss", "role": "admin",
         "outcome": "INVITED", "message": "Invitation sent."},
    ][:5]
    assert Counter(r.outcome for r in await InvitationJobRow.filter(job_id=pk(j))) == {
        "invited": 9_994, "already_member": 1, "already_invited": 1, "invalid_email": 1, "disposable_email": 1,
        "invalid_role": 1, "duplicate": 1,
    }
    odd = (await as_admin(JOB, {"a": a, "id": j, "outcome": "INVALID_ROLE"}))["invitationJob"]["rows"]
    assert [(r["line"], r["email"]) for r in odd] == [(6, "odd@example.com")]
    assert (await Invitation.get(email="boss2@example.com")).grants["role"] == MembershipRole.ADMIN.value
    first = await Invitation.get(email="p5@example.com")
    assert (first.first_name, first.last_name, first.grants["modules"]) == ("First5", "Last5", ["reports"])
    assert await Invitation.filter(account=account).count() == 9_994 + 1
    assert await OutboxEmail.all().count() == 9_994 + 1

    table = list(csv.reader(io.StringIO((await as_admin(CSV, {"a": a, "id": j}))["invitationJob"]["resultsCsv"])))
    assert table[0] == ["line", "email", "first_name", "last_name", "role", "outcome", "message"]
    assert len(table) == 10_001 and table[7][:6] == ["7", "p0@example.com", "Dup", "Licate", "user", "invited"]
    assert table[8][:6] == ["8", "p0@example.com", "First0", "Last0", "user", "duplicate"]


async def test_a_list_over_ten_thousand_rows_is_refused_whole(api: Api) -> None:
    as_admin, account = await _admin(api)
    text = "\n".join(f"p{i}@example.com" for i in range(10_001))
    data = (await as_admin(START, {"a": str(account.id), "input": {"list": text}}))["startInvitationJob"]
    assert data["job"] is None and [(e["code"], e["field"]) for e in data["errors"]] == [("TOO_MANY", "list")]
    assert await InvitationJob.all().count() == 0 and await InvitationJobRow.all().count() == 0


async def test_an_admin_only_module_for_user_rows_is_refused_by_name(api: Api) -> None:
    as_admin, account = await _admin(api)
    data = (await as_admin(START, {"a": str(account.id), "input": {"list": "a@example.com", "modules": ["PAYMENT"]}}))
    [error] = data["startInvitationJob"]["errors"]
    assert error["code"] == "MODULE_NOT_ALLOWED" and "PAYMENT" in error["message"]
    assert await InvitationJob.all().count() == 0
    # Every row an admin: admins hold every module, nothing to refuse.
    ok = await as_admin(START, {"a": str(account.id), "input": {"list": "a@example.com", "role": "ADMIN", "modules": ["PAYMENT"]}})
    assert ok["startInvitationJob"]["errors"] == []


async def test_the_daily_quota_answers_rows_beyond_it_with_a_clear_reason(api: Api, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(INVITATION_DAILY_QUOTA="5")
    as_admin, account = await _admin(api)
    text = "\n".join(f"p{i}@example.com" for i in range(8))
    job = (await as_admin(START, {"a": str(account.id), "input": {"list": text}}))["startInvitationJob"]["job"]
    await jobs.run_pending()
    rows = await InvitationJobRow.filter(job_id=pk(job["id"])).order_by("line")
    assert [r.outcome for r in rows] == ["invited"] * 5 + ["rate_limited"] * 3
    assert rows[-1].message == "This account has used its 5 invitations for the last 24 hours; try again later."


async def test_another_accounts_admin_cannot_read_the_job(api: Api) -> None:
    as_admin, account = await _admin(api)
    job = (await as_admin(START, {"a": str(account.id), "input": {"list": "a@example.com"}}))["startInvitationJob"]["job"]
    stranger = await make_user("stranger@example.com")
    theirs = await make_account("Theirs", admin=stranger)
    as_stranger = api.as_(await token_for(stranger))
    assert await as_stranger.error_code(JOB, {"a": str(account.id), "id": job["id"]}) == "FORBIDDEN"
    assert await as_stranger.error_code(JOB, {"a": str(theirs.id), "id": job["id"]}) == "NOT_FOUND"


def test_pasted_lists_and_csv_files_are_read_alike() -> None:
    pasted = "a@example.com, Ann, Lee, admin\nb@example.com\n\nc@example.com; d@example.com e@example.com\n"
    assert jobs.parse_list(pasted) == [
        jobs.ParsedRow("a@example.com", "Ann", "Lee", "admin"), jobs.ParsedRow("b@example.com"),
        jobs.ParsedRow("c@example.com"), jobs.ParsedRow("d@example.com"), jobs.ParsedRow("e@example.com"),
    ]
    csv_text = "role,last_name,email\nadmin,Lee,a@example.com\n"
    assert jobs.parse_list(csv_text) == [jobs.ParsedRow("a@example.com", "", "Lee", "admin")]
    assert jobs.parse_list("email\tfirst name\na@example.com\tAnn\n") == [jobs.ParsedRow("a@example.com", "Ann")]
