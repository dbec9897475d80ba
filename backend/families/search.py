"""Finding an account's families for office staff: by family name, any guardian (primary
or secondary: name or email) or any student's name; and likely duplicates (a family whose
guardian already has this email)."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q, Subquery

from backend.accounts import service as accounts
from backend.core.errors import DomainError
from backend.families.models import Family, FamilyMember, MemberStatus, Student


async def _matching(account_id: int, word: str) -> set[int]:
    """Families of the account with `word` in their name, a guardian's name or email, or a student's name."""
    ids = set(await Family.filter(account_id=account_id, name__icontains=word).values_list("id", flat=True))
    ids |= set(await FamilyMember.filter(
        Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word), family__account_id=account_id,
    ).exclude(status=MemberStatus.REVOKED).values_list("family_id", flat=True))
    ids |= set(await Student.filter(
        Q(first_name__icontains=word) | Q(last_name__icontains=word), family__account_id=account_id,
    ).values_list("family_id", flat=True))
    return ids  # type: ignore[return-value]


async def families(*, account_id: int, search: str = "") -> Any:
    """The account's families by name (then id); every word of `search` must match somewhere in a
    family. A queryset the caller pages through."""
    query = Family.filter(account_id=account_id)
    for word in search.lower().split()[:8]:  # a fixed number of queries, whatever is typed
        query = query.filter(id__in=list(await _matching(account_id, word)))
    return query.select_related("account").order_by("name", "id")


def with_guardian_email(*, account_id: int, email: str) -> Any:
    """Families of the account where a guardian (not revoked) has exactly this email, by name
    (then id): a queryset the caller pages through."""
    try:
        address = accounts.normalise_email(email)
    except DomainError:
        address = ""  # no guardian has an empty email: an empty list
    guardians = FamilyMember.filter(family__account_id=account_id, email=address).exclude(status=MemberStatus.REVOKED)
    return Family.filter(account_id=account_id, id__in=Subquery(guardians.values("family_id"))).select_related("account").order_by("name", "id")
