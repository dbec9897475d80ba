"""Invitation jobs: a CSV or pasted list of up to 10,000 rows invited in the background.

Starting a job validates the whole list's settings (modules, sub-accounts), stores every row
and answers at once what needs no database (bad syntax, duplicates, disposable domains).
A worker then takes the job a chunk at a time: each chunk's invitations, emails, audit
entries and row outcomes commit together, and the job's `done` counter moves with them, so
progress is exact and a crash never half-invites a chunk (a crashed worker's job is picked
up again when its lock runs out).
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend.accounts.models import Account, MembershipRole, User
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.security import utcnow
from backend.members import bulk
from backend.members.models import InvitationJob, InvitationJobRow, JobStatus

log = logging.getLogger("portico.jobs")
MAX_ROWS = 10_000
CHUNK = bulk.CHUNK
LOCK_SECONDS = 120
_wakeups: list[asyncio.Event] = []
_HEADERS = {
    "email": "email", "e-mail": "email", "email address": "email",
    "first_name": "first_name", "first name": "first_name", "firstname": "first_name",
    "last_name": "last_name", "last name": "last_name", "lastname": "last_name", "role": "role", "type": "role",
}


@dataclass(frozen=True)
class ParsedRow:
    email: str
    first_name: str = ""
    last_name: str = ""
    role: str = ""


def parse_list(text: str) -> list[ParsedRow]:
    """A CSV with a header (email, first_name, last_name, role; any order), or a pasted list:
    one address per line optionally followed by first name, last name and role, or several
    addresses on a line separated by commas, semicolons or spaces."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    dialect = csv.excel_tab if "\t" in lines[0] else csv.excel
    first = [h.strip().lower() for h in next(csv.reader([lines[0]], dialect))]
    if "email" in {_HEADERS.get(h) for h in first}:
        keys = [_HEADERS.get(h, "") for h in first]
        rows = []
        for cells in csv.reader(lines[1:], dialect):
            values = {k: c.strip() for k, c in zip(keys, cells, strict=False) if k}
            rows.append(ParsedRow(values.get("email", ""), values.get("first_name", ""), values.get("last_name", ""), values.get("role", "")))
        return rows
    out: list[ParsedRow] = []
    for line in lines:
        cells = [c.strip() for c in next(csv.reader([line.replace(";", ",")], dialect))]
        tokens = line.replace(",", " ").replace(";", " ").split()
        if len(tokens) > 1 and all("@" in t for t in tokens):
            out.extend(ParsedRow(t) for t in tokens)
        else:
            out.append(ParsedRow(*(cells + ["", "", ""])[:4]))
    return out


def _role(raw: str, default: MembershipRole) -> MembershipRole | None:
    if not raw.strip():
        return default
    try:
        return MembershipRole(raw.strip().lower())
    except ValueError:
        return None


async def start(
    *, account: Account, actor: User, text: str, role: MembershipRole, modules: list[str], sub_account_ids: list[int]
) -> InvitationJob:
    """Validate and store a job; the worker does the inviting. Refused whole (nothing stored)
    when the list is empty or too long, or asks for a module a row's role may not hold."""
    from backend.members.service import grants_maker

    parsed = parse_list(text)
    if not parsed:
        raise DomainError(ErrorCode.REQUIRED, "Give at least one email address.", "list")
    if len(parsed) > MAX_ROWS:
        raise DomainError(ErrorCode.TOO_MANY, f"A job takes at most {MAX_ROWS:,} rows; this list has {len(parsed):,}.", "list")
    roles = [_role(p.role, role) for p in parsed]
    await grants_maker(account, modules=modules, sub_account_ids=sub_account_ids, roles={r for r in roles if r})
    screened, candidates = bulk._screen([bulk.InviteRow(p.email) for p in parsed])
    normalised = {c.index: c.email for c in candidates}
    async with in_transaction():
        job = await InvitationJob.create(
            account=account, created_by=actor, modules=modules, sub_account_ids=sub_account_ids, total=len(parsed),
        )
        rows = [
            _row(job, line, p, r, screened.get(line - 1), normalised.get(line - 1))
            for line, (p, r) in enumerate(zip(parsed, roles, strict=True), 1)
        ]
        await InvitationJobRow.bulk_create(rows, batch_size=2000)
        await InvitationJob.filter(id=job.id).update(done=sum(1 for r in rows if r.outcome))
    for wake in _wakeups:
        wake.set()
    return await InvitationJob.get(id=job.id)


def _row(
    job: InvitationJob, line: int, p: ParsedRow, role: MembershipRole | None, early: bulk.InviteResult | None, email: str | None
) -> InvitationJobRow:
    row = InvitationJobRow(
        job=job, line=line, email=(email or (early.email if early else p.email.strip()))[:254], first_name=p.first_name[:100],
        last_name=p.last_name[:100], role=role.value if role else p.role[:16],
    )
    if role is None:
        row.outcome, row.message = "invalid_role", f"{p.role!r} is not a role: use user or admin."
    elif early is not None:
        row.outcome, row.message = early.outcome.value, early.message[:255]
    return row


async def get(*, account_id: int, job_id: int) -> InvitationJob:
    job = await InvitationJob.get_or_none(id=job_id, account_id=account_id)
    if job is None:
        raise NotFound("No such invitation job in this account.")
    return job


async def rows(*, job: InvitationJob, after_line: int = 0, limit: int = 100, outcome: str | None = None) -> list[InvitationJobRow]:
    query = InvitationJobRow.filter(job_id=job.id, line__gt=after_line)
    if outcome:
        query = query.filter(outcome=outcome)
    return await query.order_by("line").limit(max(1, min(limit, 500)))


async def results_csv(*, job: InvitationJob) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["line", "email", "first_name", "last_name", "role", "outcome", "message"])
    for r in await InvitationJobRow.filter(job_id=job.id).order_by("line"):
        writer.writerow([r.line, r.email, r.first_name, r.last_name, r.role, r.outcome or "waiting", r.message])
    return out.getvalue()


async def step(*, job_id: int) -> bool:
    """Invite the next chunk of a job; False when the job has nothing left (it is then DONE)."""
    job = await InvitationJob.get(id=job_id).select_related("account", "created_by")
    todo = await InvitationJobRow.filter(job_id=job.id, outcome__isnull=True).order_by("line").limit(CHUNK)
    if not todo:
        await InvitationJob.filter(id=job.id).update(status=JobStatus.DONE, finished_at=utcnow(), locked_until=None)
        return False
    from backend.members.service import grants_maker

    roles = {MembershipRole(r.role) for r in todo}
    grants_for = await grants_maker(job.account, modules=job.modules, sub_account_ids=job.sub_account_ids, roles=roles)
    invite = [bulk.InviteRow(r.email, r.first_name, r.last_name, MembershipRole(r.role)) for r in todo]
    async with in_transaction() as conn:
        results = await bulk.invite_rows(
            account=job.account, inviter=job.created_by, rows=invite, grants_for=grants_for, normalised=True
        )
        await _record_outcomes(conn, todo, results)
        invited = sum(1 for r in results if r.outcome == bulk.InviteOutcome.INVITED)
        await InvitationJob.filter(id=job.id).update(done=job.done + len(todo), invited=job.invited + invited)
    return True


async def _record_outcomes(conn: Any, todo: list[InvitationJobRow], results: list[bulk.InviteResult]) -> None:
    """One prepared UPDATE sent for all rows of the chunk (executemany: one statement, pipelined)."""
    pg = conn.capabilities.dialect == "postgres"
    o, m, i, k = (f"${n}" for n in range(1, 5)) if pg else ("?",) * 4
    sql = f"UPDATE invitation_job_rows SET outcome = {o}, message = {m}, invitation_id = {i} WHERE id = {k}"
    values = [
        [r.outcome.value, r.message[:255], r.invitation.id if r.invitation else None, row.id]
        for row, r in zip(todo, results, strict=True)
    ]
    await conn.execute_many(sql, values)


async def _claim() -> int | None:
    now = utcnow()
    free = Q(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]) & (Q(locked_until__isnull=True) | Q(locked_until__lt=now))
    for job_id in await InvitationJob.filter(free).order_by("id").limit(5).values_list("id", flat=True):
        if await InvitationJob.filter(Q(id=job_id) & free).update(
            status=JobStatus.RUNNING, locked_until=now + timedelta(seconds=LOCK_SECONDS)
        ):
            return job_id  # type: ignore[return-value]
    return None


async def run_pending() -> int:
    """Run every job that is waiting (or whose worker died) to the end; how many were run."""
    ran = 0
    while (job_id := await _claim()) is not None:
        while await step(job_id=job_id):
            # Still ours: hold the lock for another chunk.
            await InvitationJob.filter(id=job_id).update(locked_until=utcnow() + timedelta(seconds=LOCK_SECONDS))
            await asyncio.sleep(0)
        ran += 1
    return ran


async def run_forever(*, wake: asyncio.Event, poll_seconds: float = 5.0) -> None:
    """The in-process (or `portico job-worker`) loop: woken when a job starts, polls otherwise."""
    _wakeups.append(wake)
    while True:
        try:
            await run_pending()
        except Exception:  # keep the worker alive; the job's lock runs out and it is retried
            log.exception("invitation job failed")
        wake.clear()
        try:
            await asyncio.wait_for(wake.wait(), timeout=poll_seconds)
        except TimeoutError:
            pass
