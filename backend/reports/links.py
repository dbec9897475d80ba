"""Signed report download links: one report, its parameters and the session asking for it,
in a short-lived token a URL can carry, so an app downloads without a second auth scheme.

The link names the session, not only the person: revoking the session, disabling the
person or ending an act-as session makes the link useless at once. Whoever mints a link
must pass the report route's own checks (here, with the same service calls), and the route
runs them again when the link is used (`link_route`).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from backend.accounts.models import User
from backend.core.config import get_settings
from backend.core.errors import ApiError, NotFound
from backend.core.identity import SignedIn
from backend.core.security import AccessClaims, InvalidToken, read_link, sign_link
from backend.seats import service as seats
from backend.seats import teams
from backend.students.people import require_staff

PURPOSE = "report"


class ReportKind(str, Enum):
    VIEWINGS = "viewings"
    LABS = "labs"
    LOGINS = "logins"
    USER_ACTIVITY = "user-activity"
    TEAM_ACTIVITY = "team-activity"
    STUDENT_ACCOUNT_INFO = "student-account-info"
    USER_ACCOUNT_INFO = "user-account-info"


ORGANIZATION = {ReportKind.VIEWINGS, ReportKind.LABS, ReportKind.LOGINS}
EXCEL = ORGANIZATION | {ReportKind.USER_ACTIVITY, ReportKind.TEAM_ACTIVITY}


class InvalidReport(ApiError):
    code = "INVALID"
    default_message = "This report needs other arguments."

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ReportRequest:
    """A report and the parameters its route takes (only those the kind uses are kept)."""

    kind: ReportKind
    account_id: int | None = None
    subscription_id: int | None = None
    user_id: int | None = None
    team_id: int | None = None
    since: date | None = None
    until: date | None = None
    user_type: str | None = None
    status: str | None = None
    search: str | None = None

    def path_params(self) -> dict[str, Any]:
        """The route's path parameters, as Starlette would have parsed them."""
        if self.kind in ORGANIZATION:
            return {"subscription_id": self.subscription_id, "kind": self.kind.value}
        if self.kind is ReportKind.USER_ACTIVITY:
            return {"subscription_id": self.subscription_id, "user_id": self.user_id}
        if self.kind is ReportKind.TEAM_ACTIVITY:
            return {"subscription_id": self.subscription_id, "team_id": self.team_id}
        return {"account_id": self.account_id}

    def query(self) -> dict[str, str]:
        """The route's query string parameters."""
        wanted = {"from": self.since, "to": self.until, "userType": self.user_type, "status": self.status, "search": self.search}
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in wanted.items() if v is not None}

    def account_arguments(self) -> dict[str, int]:
        """The account-bound objects it names, spelt as the GraphQL arguments (for act-as containment)."""
        named = {"accountId": self.account_id, "subscriptionId": self.subscription_id, "teamId": self.team_id}
        return {k: v for k, v in named.items() if v is not None}


def checked(request: ReportRequest) -> ReportRequest:
    """The request with what its kind needs, and nothing it does not use; InvalidReport otherwise."""
    need = {"account_id": request.kind not in EXCEL, "subscription_id": request.kind in EXCEL,
            "user_id": request.kind is ReportKind.USER_ACTIVITY, "team_id": request.kind is ReportKind.TEAM_ACTIVITY}
    for name, needed in need.items():
        if needed and getattr(request, name) is None:
            raise InvalidReport(f"This report needs {_camel(name)}.", field=_camel(name))
    if request.since and request.until and request.until < request.since:
        raise InvalidReport("The period ends before it starts.", field="until")
    excel = request.kind in EXCEL
    return ReportRequest(
        kind=request.kind, **{k: getattr(request, k) if v else None for k, v in need.items()},
        since=request.since if excel else None, until=request.until if excel else None,
        user_type=request.user_type if request.kind is ReportKind.USER_ACCOUNT_INFO else None,
        status=None if excel else request.status, search=None if excel else request.search,
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


async def authorize(*, actor: User, request: ReportRequest) -> None:
    """The report route's checks: seat admin of the subscription (and the person or team on
    it) for Excel, `families.manage` in the account for PDFs. NotFound or Forbidden otherwise."""
    if request.kind not in EXCEL:
        await require_staff(actor=actor, account_id=request.account_id or 0)
        return
    sub = await seats.require_seat_admin(subscription_id=request.subscription_id or 0, user=actor)
    if request.kind is ReportKind.USER_ACTIVITY:
        await seats.get_holder(subscription_id=sub.id, user_id=request.user_id or 0)
    if request.kind is ReportKind.TEAM_ACTIVITY:
        team = await teams.get_team(actor=actor, team_id=request.team_id or 0)
        if team.subscription_id != sub.id:  # type: ignore[attr-defined]
            raise NotFound("No such team on this subscription.")


async def mint(*, signed_in: SignedIn, request: ReportRequest, ttl_seconds: int | None = None) -> tuple[str, datetime]:
    """An absolute download URL for the report and when it stops working."""
    request = checked(request)
    await authorize(actor=signed_in.user, request=request)
    settings = get_settings()
    params = {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(request).items() if v is not None and k != "kind"}
    claims: dict[str, Any] = {"sub": str(signed_in.user.id), "sid": str(signed_in.session_id), "rpt": request.kind.value, "prm": params}
    if signed_in.account_scope is not None:
        claims["scp"] = str(signed_in.account_scope)
    token, expires = sign_link(claims, purpose=PURPOSE, ttl_seconds=ttl_seconds or settings.report_url_ttl_seconds)
    return f"{settings.api_url}/reports/download/{token}", expires


@dataclass(frozen=True)
class Link:
    session: AccessClaims
    request: ReportRequest


IDS = {"account_id", "subscription_id", "user_id", "team_id"}
DAYS = {"since", "until"}


def read(token: str) -> Link:
    """What a link names. InvalidToken (altered, foreign, malformed) or LinkExpired."""
    claims = read_link(token, purpose=PURPOSE)
    try:
        values: dict[str, Any] = {
            name: int(value) if name in IDS else date.fromisoformat(value) if name in DAYS else str(value)
            for name, value in dict(claims["prm"]).items()
        }
        scope = claims.get("scp")
        session = AccessClaims(user_id=int(claims["sub"]), session_id=uuid.UUID(claims["sid"]), account_scope=int(scope) if scope else None)
        return Link(session=session, request=ReportRequest(kind=ReportKind(claims["rpt"]), **values))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidToken(f"malformed report link: {exc}") from exc
