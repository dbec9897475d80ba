"""What the User Accounts page shows, shaped from API answers."""

from __future__ import annotations

import dataclasses
from typing import Any

from frontend.formats import moment

TYPE_LABELS = {"STUDENT": "Student", "GUARDIAN": "Guardian", "STAFF": "Staff"}
STATUS_LABELS = {
    "NO_LOGIN": ("No login", "gray"), "INVITED": ("Invited", "amber"), "CREDENTIALS_SENT": ("Credentials sent", "blue"),
    "ACTIVE": ("Active", "green"), "DISABLED": ("Disabled", "red"),
}
CHANNEL_LABELS = {"EMAIL": "E-mail", "SMS": "SMS", "PAPER": "Paper"}


@dataclasses.dataclass
class PersonRow:
    id: str = ""
    name: str = ""
    user_type: str = ""
    type_label: str = ""
    family: str = ""
    username: str = ""
    status_label: str = ""
    status_color: str = "gray"
    last_sign_in: str = ""
    credentials: str = ""
    phone: str = ""
    selectable: bool = False
    is_student: bool = False
    is_guardian: bool = False
    student_id: str = ""
    ref_id: str = ""
    raw_phone: str = ""

    @classmethod
    def of(cls, n: dict[str, Any]) -> "PersonRow":
        label, color = STATUS_LABELS.get(n["status"], (n["status"], "gray"))
        channel = CHANNEL_LABELS.get(n["credentialsChannel"] or "", "")
        sent = f"{channel} · {moment(n['credentialsSentAt'])}" if channel else "–"
        if n.get("deliveryProblem"):
            sent = f"SMS failed: {n['deliveryProblem']}"
        # Ids are opaque: the row's kind comes from `userType`, its student or guardian from their own fields.
        kind = n["userType"]
        return cls(
            id=n["id"], name=f"{n['firstName']} {n['lastName']}".strip(), user_type=n["userType"],
            type_label=TYPE_LABELS.get(n["userType"], n["userType"]), family=n["familyName"] or "–",
            username=n["username"] or "–", status_label=label, status_color=color,
            last_sign_in=moment(n["lastSignInAt"]), credentials=sent,
            phone=n["phone"] or "–", selectable=kind != "STAFF", is_student=kind == "STUDENT",
            is_guardian=kind == "GUARDIAN", student_id=n.get("studentId") or "", ref_id=n.get("guardianId") or "",
            raw_phone=n["phone"] or "",
        )




@dataclasses.dataclass
class ResultRow:
    person: str = ""
    name: str = ""
    sent: bool = False
    text: str = ""

    @classmethod
    def of(cls, r: dict[str, Any]) -> "ResultRow":
        text = f"Sent to {r['username']}" if r["sent"] else f"Skipped: {r['message'] or r['reason']}"
        return cls(person=r["person"], name=r["name"] or r["person"], sent=r["sent"], text=text)
