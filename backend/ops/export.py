"""Per-account export: everything an account holds about its people, as one JSON document
(people, memberships, families, seats, teams, invitations, audit log). Audited.

No secret leaves: no password hashes, token hashes or session ids."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tortoise.transactions import in_transaction

from backend.accounts.models import Account, Membership, User
from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.core.errors import NotFound
from backend.core.security import utcnow
from backend.families.models import Enrollment, Family, FamilyMember, PaymentMethod, Student
from backend.invitations.models import Invitation
from backend.seats.models import SeatHolder, Subscription, Team, TeamMember

USER_FIELDS = ("id", "email", "first_name", "last_name", "status", "created_at")


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    return value


async def _rows(query: Any, *fields: str) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in await query.order_by("id").values(*fields)]


async def export_account(*, account_id: int, requested_by: str) -> dict[str, Any]:
    """The account's data as JSON-ready dicts; the export itself goes into the audit log."""
    account = await Account.get_or_none(id=account_id)
    if account is None:
        raise NotFound("No such account.")
    families = await Family.filter(account_id=account_id).order_by("id")
    family_ids = [f.id for f in families]
    subscriptions = await Subscription.filter(account_id=account_id).order_by("id")
    sub_ids = [s.id for s in subscriptions]
    student_ids = await Student.filter(family_id__in=family_ids).values_list("id", flat=True)
    data: dict[str, Any] = {
        "format": "portico-account-export/1",
        "exported_at": utcnow().isoformat(),
        "account": {"id": account.id, "name": account.name, "parent_id": account.parent_id,  # type: ignore[attr-defined]
                    "created_at": account.created_at.isoformat()},
        "sub_accounts": await _rows(Account.filter(parent_id=account_id), "id", "name"),
        "memberships": await _rows(Membership.filter(account_id=account_id), "id", "user_id", "role", "status", "modules",
                                   "sub_account_ids", "created_at"),
        "families": await _rows(Family.filter(account_id=account_id), "id", "name", "created_at"),
        "family_members": await _rows(FamilyMember.filter(family_id__in=family_ids), "id", "family_id", "user_id", "role",
                                      "status", "email", "first_name", "last_name", "view_full_ledger",
                                      "can_make_payments", "created_at", "revoked_at"),
        "students": await _rows(Student.filter(family_id__in=family_ids), "id", "family_id", "first_name", "last_name",
                                "birth_date", "created_at"),
        "enrollments": await _rows(Enrollment.filter(student_id__in=student_ids), "id", "student_id", "class_name", "created_at"),
        "payment_methods": await _rows(PaymentMethod.filter(family_id__in=family_ids), "id", "family_id", "owner_id", "brand",
                                       "last4", "created_at"),
        "subscriptions": await _rows(Subscription.filter(account_id=account_id), "id", "name", "seat_count", "starts_on",
                                     "ends_on", "features", "created_at"),
        "seats": await _rows(SeatHolder.filter(subscription_id__in=sub_ids), "id", "subscription_id", "user_id",
                             "seat_status", "is_admin", "activated_at", "deactivated_at", "created_at"),
        "teams": await _rows(Team.filter(subscription_id__in=sub_ids), "id", "subscription_id", "name", "description"),
        "team_members": await _rows(TeamMember.filter(team__subscription_id__in=sub_ids), "id", "team_id", "user_id"),
        "invitations": await _rows(Invitation.filter(account_id=account_id), "id", "kind", "email", "first_name", "last_name",
                                   "target", "status", "invited_by_id", "accepted_by_id", "expires_at", "created_at"),
        "audit_log": await _rows(AuditEvent.filter(account_id=account_id), "id", "action", "actor_id", "target_user_id",
                                 "target_email", "detail", "created_at"),
    }
    person_ids = {r["user_id"] for key in ("memberships", "family_members", "seats", "team_members")
                  for r in data[key] if r.get("user_id")}
    data["people"] = await _rows(User.filter(id__in=person_ids), *USER_FIELDS)
    async with in_transaction():
        await audit.record(action="account.exported", actor_id=None, account_id=account_id, requested_by=requested_by,
                           counts={k: len(v) for k, v in data.items() if isinstance(v, list)})
    return data
