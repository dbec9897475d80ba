"""User Account Credentials on paper: one block per student and/or guardian. A password is
printed only for people who have not signed in yet, by issuing a fresh one-time password
at that moment (the previous one stops working); who printed whom is audited."""

from __future__ import annotations

import asyncio

from tortoise.transactions import in_transaction

from backend.accounts.models import Account, User
from backend.audit import service as audit
from backend.students import listing
from backend.students.credentials import (
    guardian_username,
    issue_one_time_password,
    prepare_one_time_password,
    student_username,
    username_owners,
)
from backend.students.errors import SignInRefusal
from backend.students.models import CredentialChannel
from backend.students.pdf import CredentialBlock
from backend.students.people import Person, load, policy_of, require_staff

WHO = {"students": ("STUDENT",), "guardians": ("GUARDIAN",), "both": ("STUDENT", "GUARDIAN")}
EVERYONE = 1_000_000


async def _eligible(p: Person, settings: object, owners: dict[str, int]) -> tuple[str | None, str]:
    """(username, "") when a password may be printed, else (known username, why not)."""
    try:
        username = await student_username(p, settings, owners) if p.student else guardian_username(p)  # type: ignore[arg-type]
    except SignInRefusal as r:
        return (p.user.email if p.user else None), r.message
    if p.signed_in_before:
        return username, "Already signed in: use Forgot password."
    return username, ""


async def blocks(*, actor: User, account_id: int, who: str, issue: bool) -> tuple[Account, list[CredentialBlock]]:
    """The blocks of the report; with `issue`, fresh one-time passwords for those due."""
    account = await require_staff(actor=actor, account_id=account_id)
    kinds = WHO[who]
    rows = [r for r in await listing.user_accounts(account_id=account_id, first=EVERYONE) if r.user_type in kinds]
    settings, people = await policy_of(account_id), await load(account_id=account_id, refs=[r.ref for r in rows])
    owners = await username_owners(list(people.values()), settings)
    checked = [(r, people[r.ref], *await _eligible(people[r.ref], settings, owners)) for r in rows if r.ref in people]
    # Two students sharing one address: only the first gets it (the owners map cannot know).
    seen: set[str] = set()
    for i, (r, person, username, note) in enumerate(checked):
        if not note and username in seen:
            checked[i] = (r, person, username, f"{username} is already someone else's sign-in.")
        seen.add(username or "")
    due = [c for c in checked if c[3] == "" and c[2]]
    # argon2id for everyone due, in threads (it releases the GIL), before the transaction.
    prepared = await asyncio.gather(*[asyncio.to_thread(prepare_one_time_password) for _ in due]) if issue else []
    passwords: dict[str, str] = {}
    if issue and due:
        async with in_transaction():
            for (row, person, username, _), pair in zip(due, prepared):
                passwords[row.ref] = await issue_one_time_password(
                    person, username=username or "", channel=CredentialChannel.PAPER, actor=actor, account=account, prepared=pair
                )
            await audit.record(action="credentials.printed", actor_id=actor.id, account_id=account_id, who=who, people=sorted(passwords))
    return account, [
        CredentialBlock(name=f"{r.first_name} {r.last_name}".strip(), user_type=r.user_type, family=r.family_name,
                        username=username, password=passwords.get(r.ref), note=note)
        for r, _, username, note in checked
    ]
