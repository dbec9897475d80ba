"""`reportDownloadUrl`: a short-lived signed URL for an Excel or PDF report, so an app
downloads it with a plain GET and no second auth scheme."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated

import strawberry

from backend.core.errors import ApiError
from backend.core.graphql import Info, to_id
from backend.core.permissions import signed_in
from backend.reports import links
from backend.students.types import SignInStatus, UserAccountType

_v = strawberry.enum_value
IdArg = strawberry.ID | None


@strawberry.enum(description="A report `reportDownloadUrl` links to, with the arguments it needs.")
class ReportKind(Enum):
    _value_: str  # strawberry.enum unwraps each enum_value to its string
    VIEWINGS = _v("viewings", description="Excel: every viewing on a subscription (`subscriptionId`). Seat admins.")
    LABS = _v("labs", description="Excel: every lab started or completed on a subscription (`subscriptionId`). Seat admins.")
    LOGINS = _v("logins", description="Excel: every sign-in on a subscription (`subscriptionId`). Seat admins.")
    USER_ACTIVITY = _v("user-activity", description="Excel: one person's history (`subscriptionId`, `userId`). Seat admins.")
    TEAM_ACTIVITY = _v("team-activity", description="Excel: a team's summary and events (`subscriptionId`, `teamId`). Seat admins.")
    STUDENT_ACCOUNT_INFO = _v(
        "student-account-info", description="PDF: the account's students and their sign-ins (`accountId`). Needs `families.manage`."
    )
    USER_ACCOUNT_INFO = _v(
        "user-account-info", description="PDF: every person of the account and their sign-in (`accountId`). Needs `families.manage`."
    )


@strawberry.enum(description="Why no download link was made.")
class ReportDownloadErrorCode(Enum):
    FORBIDDEN = _v("FORBIDDEN", description="You may not read this report (PDFs need `families.manage` in the account).")
    NOT_FOUND = _v("NOT_FOUND", description="No such subscription, person or team, or you are not its seat admin.")
    INVALID = _v("INVALID", description="An argument the report needs is missing, or the dates are in the wrong order.")


@strawberry.type(description="Why `reportDownloadUrl` made no link.")
class ReportDownloadError:
    code: ReportDownloadErrorCode = strawberry.field(description="What went wrong, for clients to switch on.")
    message: str = strawberry.field(description="A human-readable explanation, safe to show to the person.")
    field: str | None = strawberry.field(default=None, description="The argument at fault, when there is one.")


@strawberry.type(description="Result of `reportDownloadUrl`.")
class ReportDownloadPayload:
    url: str | None = strawberry.field(
        default=None, description="GET this absolute URL, with no Authorization header, for the file (Content-Disposition names it). "
        "403 when the link is altered or your sign-in has ended, 410 once it has expired."
    )
    expires_at: datetime | None = strawberry.field(default=None, description="When the URL stops working (REPORT_URL_TTL_SECONDS, 5 minutes by default).")
    errors: list[ReportDownloadError] = strawberry.field(default_factory=list, description="Why no link was made.")


def _id(value: strawberry.ID | None) -> int | None:
    return None if value is None else to_id(value)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="A short-lived signed URL for an Excel or PDF report, to download without a bearer token. "
        "You need what the report needs (see `ReportKind`), now and again when the URL is used; "
        "signing out ends the URL too.",
        extensions=signed_in(),
    )
    async def report_download_url(
        self, info: Info, report: Annotated[ReportKind, strawberry.argument(description="Which report.")],
        account_id: Annotated[IdArg, strawberry.argument(description="The account, for the PDF reports.")] = None,
        subscription_id: Annotated[IdArg, strawberry.argument(description="The subscription, for the Excel reports.")] = None,
        user_id: Annotated[IdArg, strawberry.argument(description="The person, for USER_ACTIVITY.")] = None,
        team_id: Annotated[IdArg, strawberry.argument(description="The team, for TEAM_ACTIVITY.")] = None,
        since: Annotated[date | None, strawberry.argument(description="Excel: first UTC day counted; from the start when null.")] = None,
        until: Annotated[date | None, strawberry.argument(description="Excel: last UTC day counted (included); up to today when null.")] = None,
        user_type: Annotated[UserAccountType | None, strawberry.argument(description="USER_ACCOUNT_INFO: only this user type.")] = None,
        status: Annotated[SignInStatus | None, strawberry.argument(description="PDF: only this sign-in status.")] = None,
        search: Annotated[str | None, strawberry.argument(description="PDF: part of a name, username or family name.")] = None,
    ) -> ReportDownloadPayload:
        session = await info.context.signed_in()
        assert session is not None  # signed_in() above refused anonymous callers
        try:
            request = links.ReportRequest(
                kind=links.ReportKind(report.value), account_id=_id(account_id), subscription_id=_id(subscription_id),
                user_id=_id(user_id), team_id=_id(team_id), since=since, until=until,
                user_type=user_type.name if user_type else None, status=status.name if status else None, search=search,
            )
            url, expires_at = await links.mint(signed_in=session, request=request)
        except ApiError as e:
            code = ReportDownloadErrorCode[e.code] if e.code in ReportDownloadErrorCode.__members__ else ReportDownloadErrorCode.INVALID
            return ReportDownloadPayload(errors=[ReportDownloadError(code=code, message=str(e), field=getattr(e, "field", None))])
        return ReportDownloadPayload(url=url, expires_at=expires_at)
