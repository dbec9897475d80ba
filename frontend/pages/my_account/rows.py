"""What My Account shows, shaped from API answers: money in dollars, short dates."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from frontend.formats import initials
from frontend.formats import long_day as day

STATUS_LABELS = {
    "NOT_INVITED": ("Not invited", "gray"), "INVITED": ("Invited", "blue"),
    "INVITATION_EXPIRED": ("Invitation expired", "amber"), "ACTIVE": ("Active", "green"), "REVOKED": ("Revoked", "red"),
}
CARD_BRANDS = ["Visa", "Mastercard", "American Express", "Discover"]


def money(cents: int) -> str:
    """Cents as dollars: 123456 -> "$1,234.56"."""
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) / 100:,.2f}"


def cents_of(text: str) -> int | None:
    """What someone typed as dollars ("$1,234.5", "20") in cents, or None if it isn't money."""
    cleaned = text.strip().replace("$", "").replace(",", "")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        return None
    dollars, _, fraction = cleaned.partition(".")
    return int(dollars) * 100 + int(fraction.ljust(2, "0") or 0)


@dataclasses.dataclass
class SecondaryRow:
    id: str = ""
    name: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    initials: str = ""
    status: str = ""
    status_label: str = ""
    status_color: str = "gray"
    view_full_ledger: bool = False
    can_make_payments: bool = False
    can_edit: bool = False
    access: str = ""
    note: str = ""

    @classmethod
    def of(cls, m: dict[str, Any]) -> "SecondaryRow":
        name = f"{m['firstName']} {m['lastName']}".strip() or m["email"]
        label, color = STATUS_LABELS.get(m["status"], (m["status"].title(), "gray"))
        granted = [text for on, text in ((m["viewFullLedger"], "View full ledger"), (m["canMakePayments"], "Can make payments")) if on]
        return cls(
            id=m["id"], name=name, first_name=m["firstName"], last_name=m["lastName"], email=m["email"],
            initials=initials(name), status=m["status"], status_label=label,
            status_color=color, view_full_ledger=m["viewFullLedger"], can_make_payments=m["canMakePayments"],
            can_edit=m["canEditContact"], access=" · ".join(granted) or "Account details only", note=_note(m),
        )


def _note(m: dict[str, Any]) -> str:
    if m["status"] == "INVITED":
        return f"Link valid until {day(m['invitationExpiresAt'])}"
    if m["status"] == "INVITATION_EXPIRED":
        return "The link expired. Re-send the invite email."
    if m["status"] == "NOT_INVITED":
        return "Saved. Send the invite email when you're ready."
    return ""


@dataclasses.dataclass
class StudentRow:
    id: str = ""
    name: str = ""
    born: str = ""
    classes: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, s: dict[str, Any]) -> "StudentRow":
        born = f"Born {day(s['birthDate'])}" if s.get("birthDate") else ""
        return cls(id=s["id"], name=f"{s['firstName']} {s['lastName']}".strip(), born=born,
                   classes=[e["className"] for e in s["enrollments"]])


@dataclasses.dataclass
class LedgerRow:
    id: str = ""
    when: str = ""
    description: str = ""
    is_payment: bool = False
    amount: str = ""
    at: str = ""  # ISO time, to sort by
    cents: int = 0

    @classmethod
    def of(cls, e: dict[str, Any]) -> "LedgerRow":
        payment = e["kind"] == "PAYMENT"
        amount = money(e["amountCents"])
        return cls(id=e["id"], when=day(e["createdAt"]), description=e["description"], is_payment=payment,
                   amount=f"−{amount}" if payment else amount, at=e["createdAt"], cents=e["amountCents"])


@dataclasses.dataclass
class CardRow:
    id: str = ""
    label: str = ""

    @classmethod
    def of(cls, p: dict[str, Any]) -> "CardRow":
        return cls(id=p["id"], label=f"{p['brand']} ending {p['last4']}")
