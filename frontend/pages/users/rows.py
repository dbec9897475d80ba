"""What the user-management page shows, shaped from API answers."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from frontend.formats import initials, moment
from frontend.formats import long_day as day
from frontend.state import MODULE_LABELS

ADMIN_ONLY = ("PRICING", "PAYMENT", "USER_MANAGEMENT")
OUTCOME_LABELS = {
    "INVITED": ("Invited", "green"), "ALREADY_MEMBER": ("Already a member", "gray"),
    "ALREADY_INVITED": ("Already invited", "gray"), "PREVIOUSLY_INVITED": ("Invited before", "amber"),
    "DUPLICATE": ("Duplicate", "gray"), "INVALID_EMAIL": ("Invalid email", "red"),
    "DISPOSABLE_EMAIL": ("Disposable email", "red"), "RATE_LIMITED": ("Try later", "amber"),
    "INVALID_ROLE": ("Unknown role", "red"),
}


def split_emails(text: str) -> list[str]:
    """Addresses typed one per line or separated by commas, semicolons or spaces."""
    return [part for part in re.split(r"[\s,;]+", text) if part]


@dataclasses.dataclass
class InvitationRow:
    id: str = ""
    email: str = ""
    sent: str = ""
    expires: str = ""
    send_count: int = 1
    expired: bool = False
    disposable: bool = False
    sent_iso: str = ""
    expires_iso: str = ""

    @classmethod
    def of(cls, i: dict[str, Any]) -> "InvitationRow":
        return cls(
            id=i["id"], email=i["email"], sent=day(i["lastSentAt"]), expires=day(i["expiresAt"]), send_count=i["sendCount"],
            expired=i["status"] == "EXPIRED", disposable=bool(i.get("disposable")),
            sent_iso=i["lastSentAt"], expires_iso=i["expiresAt"],
        )


@dataclasses.dataclass
class MemberRow:
    user_id: str = ""
    name: str = ""
    email: str = ""
    initials: str = ""
    role: str = ""
    status: str = ""
    modules: list[str] = dataclasses.field(default_factory=list)
    sub_account_ids: list[str] = dataclasses.field(default_factory=list)
    access: str = ""
    last_sign_in: str = ""
    last_sign_in_iso: str = ""

    @classmethod
    def of(cls, m: dict[str, Any], sub_names: dict[str, str]) -> "MemberRow":
        user, ms = m["user"], m["membership"]
        name = user["fullName"] or user["email"]
        modules = "All modules" if ms["role"] == "ADMIN" else (", ".join(MODULE_LABELS.get(x, x) for x in ms["modules"]) or "No modules")
        subs = ", ".join(sub_names.get(x, x) for x in ms["subAccountIds"]) or "all sub-accounts"
        return cls(
            user_id=user["id"], name=name, email=user["email"], initials=initials(name),
            role=ms["role"], status=ms["status"], modules=list(ms["modules"]), sub_account_ids=list(ms["subAccountIds"]),
            access=f"{modules} · {subs}", last_sign_in=moment(m.get("lastSignInAt")), last_sign_in_iso=m.get("lastSignInAt") or "",
        )


@dataclasses.dataclass
class ResultRow:
    email: str = ""
    label: str = ""
    color: str = "gray"
    message: str = ""

    @classmethod
    def of(cls, r: dict[str, Any]) -> "ResultRow":
        label, color = OUTCOME_LABELS.get(r["outcome"], (r["outcome"].title(), "gray"))
        return cls(email=r["email"], label=label, color=color, message=r["message"])


@dataclasses.dataclass
class Option:
    id: str = ""
    name: str = ""
