"""Invitation jobs over GraphQL: start one from a CSV or pasted list, follow its progress."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from backend.accounts import models as am
from backend.accounts import service as accounts
from backend.accounts.modules import Module
from backend.accounts.types import MembershipRole
from backend.core.enums import graphql_enum
from backend.core.errors import DomainError, MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import Permission, needs
from backend.members import jobs
from backend.members.bulk import InviteOutcome
from backend.members.models import InvitationJob, InvitationJobRow

AccountIdArg = Annotated[strawberry.ID, strawberry.argument(description="The account being managed.")]
graphql_enum(
    jobs.JobStatus, name="InvitationJobStatus", description="Where an invitation job stands.",
    values={
        "QUEUED": "Waiting for the worker; rows decided at the start already have their outcome.",
        "RUNNING": "The worker is inviting, a chunk of rows at a time.",
        "DONE": "Every row has its outcome.",
    },
)
graphql_enum(
    InviteOutcome, name="InviteOutcome", description="What happened to one address of `inviteUsers` or of an invitation job.",
    values={
        "INVITED": "Invited: a new invitation was created and emailed.",
        "ALREADY_MEMBER": "Not invited: already a member of the account.",
        "ALREADY_INVITED": "Not invited: a pending invitation exists (returned with it).",
        "PREVIOUSLY_INVITED": "Not invited: invited before and that link expired (returned with it); resend it.",
        "DISPOSABLE_EMAIL": "Not invited: a throwaway (disposable) email domain.",
        "INVALID_EMAIL": "Not invited: not a valid email address.",
        "DUPLICATE": "Listed more than once: this row is skipped, the address's first row has its outcome.",
        "RATE_LIMITED": "Not invited: the account used its invitation quota for the last 24 hours; try later.",
        "INVALID_ROLE": "Not invited: an invitation job row named an unknown role.",
    },
)


@strawberry.input(description="A list to invite in the background (up to 10,000 rows).")
class StartInvitationJobInput:
    text: str = strawberry.field(
        name="list",
        description=(
            "CSV with a header (email, first_name, last_name, role) or a pasted list: one address per line, "
            "optionally followed by first name, last name and role (user or admin), separated by commas."
        )
    )
    role: MembershipRole = strawberry.field(default=MembershipRole.USER, description="Role for rows that give none. Default USER.")
    modules: list[Module] = strawberry.field(
        default_factory=list, description="Modules for USER rows; PRICING, PAYMENT or USER_MANAGEMENT with USER rows is MODULE_NOT_ALLOWED."
    )
    sub_account_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Sub-accounts everyone invited may use; empty means all."
    )


@strawberry.type(description="The outcome for one row of an invitation job.")
class InvitationJobRowType:
    line: int = strawberry.field(description="1-based position in the list.")
    email: str = strawberry.field(description="The address (normalised when valid).")
    first_name: str = strawberry.field(description="First name from the list.")
    last_name: str = strawberry.field(description="Last name from the list.")
    role: str = strawberry.field(description="Role from the list (or the job's default).")
    outcome: InviteOutcome | None = strawberry.field(description="INVITED or why not; null while waiting.")
    message: str = strawberry.field(description="A human-readable explanation.")

    @classmethod
    def of(cls, r: InvitationJobRow) -> "InvitationJobRowType":
        return cls(
            line=r.line, email=r.email, first_name=r.first_name, last_name=r.last_name, role=r.role,
            outcome=InviteOutcome(r.outcome) if r.outcome else None, message=r.message,
        )


@strawberry.type(name="InvitationJob", description="A background invitation job and its progress.")
class InvitationJobType(Node):
    database_id: int = database_id_field()
    status: jobs.JobStatus = strawberry.field(description="QUEUED, RUNNING or DONE.")
    total: int = strawberry.field(description="Rows in the list.")
    done: int = strawberry.field(description="Rows answered so far (progress is done / total).")
    invited: int = strawberry.field(description="Rows that became invitations so far.")
    created_at: datetime = strawberry.field(description="When the job was started.")
    finished_at: datetime | None = strawberry.field(description="When the last row was answered.")

    @strawberry.field(description="Rows in list order, a page at a time; filter by outcome.")
    async def rows(
        self, after_line: Annotated[int, strawberry.argument(description="Start after this line. Default 0.")] = 0,
        first: Annotated[int, strawberry.argument(description="How many rows, 1 to 500. Default 100.")] = 100,
        outcome: Annotated[InviteOutcome | None, strawberry.argument(description="Only rows with this outcome.")] = None,
    ) -> list[InvitationJobRowType]:
        job = InvitationJob(id=int(self.id))
        rows = await jobs.rows(job=job, after_line=after_line, limit=first, outcome=outcome.value if outcome else None)
        return [InvitationJobRowType.of(r) for r in rows]

    @strawberry.field(description="Every row with its outcome as CSV (line, email, first_name, last_name, role, outcome, message).")
    async def results_csv(self) -> str:
        return await jobs.results_csv(job=InvitationJob(id=int(self.id)))

    @classmethod
    def of(cls, j: InvitationJob) -> "InvitationJobType":
        return cls(
            id=j.id, status=j.status, total=j.total, done=j.done, invited=j.invited,
            created_at=j.created_at, finished_at=j.finished_at,
        )


@strawberry.type(description="Result of `startInvitationJob`.")
class StartInvitationJobPayload:
    job: InvitationJobType | None = strawberry.field(default=None, description="The job, queued for the worker.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why nothing was started.")


@strawberry.type
class Query:
    @strawberry.field(description="An invitation job of this account and its progress. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def invitation_job(
        self, info: Info, account_id: AccountIdArg, id: Annotated[strawberry.ID, strawberry.argument(description="Job id.")]
    ) -> InvitationJobType:
        return InvitationJobType.of(await jobs.get(account_id=to_id(account_id), job_id=to_id(id)))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "Invite up to 10,000 people from a CSV or pasted list, in the background: follow `invitationJob`. "
            "Counts against the account's daily invitation quota. Needs `users.manage`."
        ),
        extensions=needs(Permission.USERS_MANAGE),
    )
    async def start_invitation_job(
        self, info: Info, account_id: AccountIdArg,
        input: Annotated[StartInvitationJobInput, strawberry.argument(description="The list and the permissions.")],
    ) -> StartInvitationJobPayload:
        try:
            job = await jobs.start(
                account=await accounts.get_account(account_id=to_id(account_id)), actor=await require_user(info),
                text=input.text, role=am.MembershipRole(input.role.value), modules=[m.value for m in input.modules],
                sub_account_ids=[to_id(x) for x in input.sub_account_ids],
            )
        except DomainError as e:
            return StartInvitationJobPayload(errors=[MutationError.of(e)])
        return StartInvitationJobPayload(job=InvitationJobType.of(job))
