"""The User Accounts list: every person of an account (students, guardians, staff) with
their sign-in status, in one SQL statement per page plus one for the total.

The three kinds live in three tables (students, family members, memberships), so the list
is a UNION ALL ordered by (sort name, type, id), a unique order, paged with LIMIT/OFFSET: a
page costs the same two statements (the count, then the page) however long the list is. The SQL is shared by SQLite and PostgreSQL (numbered
parameters: `$n` for asyncpg, `?n` for SQLite).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend.core.sql import for_dialect, utc
from backend.students.models import StudentSignIn

PEOPLE = """
WITH people AS (
  SELECT 'STUDENT' AS user_type, s.id AS ref_id, s.first_name AS first_name, s.last_name AS last_name,
         f.name AS family_name, u.email AS username, u.id AS user_id,
         CASE WHEN u.status = 'disabled' OR si.status = 'disabled' THEN 'DISABLED'
              ELSE upper(COALESCE(si.status, 'no_login')) END AS status,
         si.credentials_channel AS channel, si.credentials_sent_at AS sent_at, si.phone AS phone,
         'student:' || s.id AS ref
  FROM students s JOIN families f ON f.id = s.family_id
  LEFT JOIN student_sign_ins si ON si.student_id = s.id
  LEFT JOIN users u ON u.id = si.user_id
  WHERE f.account_id = $1
  UNION ALL
  SELECT 'GUARDIAN', fm.id, fm.first_name, fm.last_name, f.name, COALESCE(u.email, fm.email), u.id,
         CASE WHEN fm.status = 'revoked' OR u.status = 'disabled' THEN 'DISABLED'
              WHEN otp.id IS NOT NULL THEN 'CREDENTIALS_SENT'
              WHEN fm.status = 'active' THEN 'ACTIVE'
              WHEN fm.status = 'invited' THEN 'INVITED' ELSE 'NO_LOGIN' END,
         gs.credentials_channel, gs.credentials_sent_at, gs.phone, 'guardian:' || fm.id
  FROM family_members fm JOIN families f ON f.id = fm.family_id
  LEFT JOIN users u ON u.id = fm.user_id
  LEFT JOIN guardian_sign_ins gs ON gs.family_member_id = fm.id
  LEFT JOIN one_time_passwords otp ON otp.user_id = u.id
  WHERE f.account_id = $1
  UNION ALL
  SELECT 'STAFF', m.id, u.first_name, u.last_name, '', u.email, u.id,
         CASE WHEN m.status = 'deactivated' OR u.status = 'disabled' THEN 'DISABLED' ELSE 'ACTIVE' END,
         NULL, NULL, NULL, 'staff:' || m.id
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.account_id = $1
)
"""
FILTERS = """
WHERE ($2 = '' OR p.user_type = $2) AND ($3 = '' OR p.status = $3)
  AND ($4 = '' OR lower(p.first_name || ' ' || p.last_name || ' ' || COALESCE(p.username, '') || ' ' || p.family_name) LIKE $4 ESCAPE '!')
"""
PAGE = PEOPLE + """
SELECT p.*, lower(p.last_name || ' ' || p.first_name) AS sort_name,
       (SELECT max(se.created_at) FROM sessions se WHERE se.user_id = p.user_id) AS last_sign_in_at,
       (SELECT o.last_error FROM outbox_sms o WHERE o.id = (SELECT max(o2.id) FROM outbox_sms o2 WHERE o2.ref = p.ref)
          AND o.status = 'failed') AS delivery_error
FROM people p""" + FILTERS + """
ORDER BY lower(p.last_name || ' ' || p.first_name), p.user_type, p.ref_id
LIMIT $5 OFFSET $6
"""
COUNT = PEOPLE + "SELECT count(*) AS total FROM people p" + FILTERS


@dataclass(frozen=True)
class Row:
    ref: str
    user_type: str
    first_name: str
    last_name: str
    family_name: str
    username: str | None
    status: str
    channel: str | None
    sent_at: datetime | None
    phone: str | None
    last_sign_in_at: datetime | None
    delivery_error: str | None


def _when(value: Any) -> datetime | None:
    return None if value is None else utc(value)


def _row(r: dict[str, Any]) -> Row:
    return Row(
        ref=f"{r['user_type'].lower()}:{r['ref_id']}", user_type=r["user_type"], first_name=r["first_name"] or "",
        last_name=r["last_name"] or "", family_name=r["family_name"] or "", username=r["username"], status=r["status"],
        channel=r["channel"], sent_at=_when(r["sent_at"]), phone=r["phone"], last_sign_in_at=_when(r["last_sign_in_at"]),
        delivery_error=r["delivery_error"],
    )


def _base(account_id: int, user_type: str | None, status: str | None, search: str | None) -> list[Any]:
    escaped = (search or "").strip().lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    pattern = f"%{escaped}%" if escaped else ""
    return [account_id, user_type or "", status or "", pattern]


async def count(*, account_id: int, user_type: str | None = None, status: str | None = None, search: str | None = None) -> int:
    """How many people match the filters (one statement)."""
    conn = StudentSignIn._meta.db
    rows = await conn.execute_query_dict(for_dialect(COUNT, conn.capabilities.dialect), _base(account_id, user_type, status, search))
    return int(rows[0]["total"])


async def user_accounts(
    *, account_id: int, user_type: str | None = None, status: str | None = None, search: str | None = None,
    offset: int = 0, first: int = 50,
) -> list[Row]:
    """`first` people from `offset` in the list's order (one statement; caller checked the permission)."""
    conn = StudentSignIn._meta.db
    params = [*_base(account_id, user_type, status, search), first, offset]
    return [_row(r) for r in await conn.execute_query_dict(for_dialect(PAGE, conn.capabilities.dialect), params)]


# One person by reference (`student:12`), with the page's columns: for `node(id:)`.
ONE = PAGE.split("FROM people p")[0] + "FROM people p WHERE p.ref = $2"


async def one(*, account_id: int, ref: str) -> Row | None:
    """The account's person with this reference, as the list shows them (caller checked the permission)."""
    conn = StudentSignIn._meta.db
    rows = await conn.execute_query_dict(for_dialect(ONE, conn.capabilities.dialect), [account_id, ref])
    return _row(rows[0]) if rows else None
