"""What the office Families page shows, shaped from API answers."""

from __future__ import annotations

import dataclasses
from typing import Any

from frontend.formats import initials, long_day
from frontend.pages.my_account.rows import STATUS_LABELS

# Staff may revoke a secondary who accepted or was invited, never grant or invite.
REVOCABLE = {"ACTIVE", "INVITED", "INVITATION_EXPIRED"}


def _status(status: str) -> tuple[str, str]:
    return STATUS_LABELS.get(status, (status.replace("_", " ").title(), "gray"))


@dataclasses.dataclass
class FamilyRow:
    id: str = ""
    name: str = ""
    primary_name: str = ""
    primary_email: str = ""
    primary_status: str = ""
    primary_label: str = ""
    primary_color: str = "gray"
    search_text: str = ""

    @classmethod
    def of(cls, f: dict[str, Any]) -> "FamilyRow":
        label, color = _status(f["primaryGuardianStatus"])
        return cls(
            id=f["id"], name=f["name"], primary_name=f["primaryGuardianName"], primary_email=f["primaryGuardianEmail"],
            primary_status=f["primaryGuardianStatus"], primary_label=label, primary_color=color,
            search_text=" ".join((f["name"], f["primaryGuardianName"], f["primaryGuardianEmail"])).lower(),
        )


@dataclasses.dataclass
class MemberRow:
    id: str = ""
    name: str = ""
    email: str = ""
    initials: str = ""
    role_label: str = ""
    status: str = ""
    status_label: str = ""
    status_color: str = "gray"
    revocable: bool = False

    @classmethod
    def of(cls, m: dict[str, Any]) -> "MemberRow":
        name = f"{m['firstName']} {m['lastName']}".strip() or m["email"]
        label, color = _status(m["status"])
        secondary = m["role"] == "SECONDARY"
        return cls(
            id=m["id"], name=name, email=m["email"], initials=initials(name),
            role_label="Secondary user" if secondary else "Primary guardian", status=m["status"], status_label=label,
            status_color=color, revocable=secondary and m["status"] in REVOCABLE,
        )


@dataclasses.dataclass
class LedgerRow:
    """A recent ledger entry in a family's detail (charges positive, payments negative)."""

    id: str = ""
    when: str = ""
    description: str = ""
    amount: str = ""

    @classmethod
    def of(cls, t: dict[str, Any]) -> "LedgerRow":
        from frontend.pages.my_account.rows import money

        cents = t["amountCents"] if t["kind"] == "CHARGE" else -abs(t["amountCents"])
        return cls(id=t["id"], when=long_day(t["createdAt"]), description=t["description"], amount=money(cents))
