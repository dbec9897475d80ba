"""What the seat dashboard shows, shaped from API answers."""

from __future__ import annotations

import dataclasses
from typing import Any

from frontend.formats import initials, long_day, moment, short_day

STATUS_LABELS = {
    "ACTIVE": ("Active", "green"), "DEACTIVATED": ("Deactivated", "gray"),
    "INVITED": ("Invited", "amber"), "NONE": ("No seat", "gray"),
}
EVENT_LABELS = {
    "LOGIN": "Signed in", "VIEWING_STARTED": "Started watching", "VIEWED_COMPLETELY": "Watched completely",
    "LAB_STARTED": "Started a lab", "LAB_COMPLETED": "Completed a lab",
}


@dataclasses.dataclass
class SubscriptionView:
    id: str = ""
    name: str = ""
    seat_count: int = 0
    allocated: int = 0
    available: int = 0
    pending: int = 0
    starts_on: str = ""
    ends_on: str = ""
    within_dates: bool = True
    features: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, s: dict[str, Any]) -> "SubscriptionView":
        return cls(
            id=s["id"], name=s["name"], seat_count=s["seatCount"], allocated=s["seatsAllocated"], available=s["seatsAvailable"],
            pending=s.get("invitationsPending", 0),
            starts_on=long_day(s["startsOn"]), ends_on=long_day(s["endsOn"]), within_dates=s["withinAccessDates"],
            features=list(s["features"]),
        )


@dataclasses.dataclass
class SeatUserRow:
    """A person on the subscription, or a pending invitation (`user_id` empty)."""

    key: str = ""
    user_id: str = ""
    invitation_id: str = ""
    name: str = ""
    email: str = ""
    initials: str = ""
    status: str = ""
    status_label: str = ""
    status_color: str = "gray"
    is_admin: bool = False
    teams: str = ""
    last_sign_in: str = ""  # "Never" or "1 Mar 2026, 14:05"
    last_sign_in_iso: str = ""

    @classmethod
    def of(cls, r: dict[str, Any]) -> "SeatUserRow":
        name = f"{r['firstName']} {r['lastName']}".strip() or r["email"]
        label, color = STATUS_LABELS.get(r["status"], (r["status"].title(), "gray"))
        user_id = r["user"]["id"] if r["user"] else ""
        invitation_id = r["invitation"]["id"] if r["invitation"] else ""
        return cls(
            key=f"u{user_id}" if user_id else f"i{invitation_id}", user_id=user_id, invitation_id=invitation_id, name=name,
            email=r["email"], initials=initials(name), status=r["status"], status_label=label, status_color=color,
            is_admin=r["isAdmin"], teams=", ".join(r["teams"]),
            last_sign_in=moment(r.get("lastSignInAt")) if user_id else "", last_sign_in_iso=r.get("lastSignInAt") or "",
        )


@dataclasses.dataclass
class Option:
    id: str = ""
    name: str = ""


@dataclasses.dataclass
class TeamRow:
    id: str = ""
    name: str = ""
    description: str = ""
    members: list[Option] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, t: dict[str, Any]) -> "TeamRow":
        people = [Option(id=m["id"], name=m["fullName"] or m["email"]) for m in t["members"]]
        return cls(id=t["id"], name=t["name"], description=t["description"], members=people)


@dataclasses.dataclass
class AssignmentRow:
    id: str = ""
    module: str = ""
    due: str = ""
    overdue: bool = False
    teams: str = ""
    assigned: int = 0
    completed: int = 0
    in_progress: int = 0
    not_started: int = 0
    percent: int = 0

    @classmethod
    def of(cls, a: dict[str, Any]) -> "AssignmentRow":
        return cls(
            id=a["id"], module=a["moduleName"], due=long_day(a["dueOn"]), overdue=a["overdue"], teams=", ".join(a["teamNames"]),
            assigned=a["assignedCount"], completed=a["completedCount"], in_progress=a["inProgressCount"],
            not_started=a["notStartedCount"], percent=round(a["completionRate"] * 100),
        )


@dataclasses.dataclass
class Target:
    """A team or a person chosen in the assign form; `key` is "t<team id>" or "u<user id>"."""

    key: str = ""
    name: str = ""
    is_team: bool = False


def chosen(keys: list[str], teams: list[Option], people: list[Option]) -> list[Target]:
    """The chosen teams and people by name, in the order chosen; any no longer on the subscription left out."""
    names = {f"t{t.id}": t.name for t in teams} | {f"u{p.id}": p.name for p in people}
    return [Target(key=k, name=names[k], is_team=k.startswith("t")) for k in keys if k in names]


CONTENT_KINDS = {"COURSE": "Courses", "EPISODE": "Episodes", "LAB": "Labs"}
KIND_COLORS = {"COURSE": "indigo", "EPISODE": "teal", "LAB": "orange"}


@dataclasses.dataclass
class ContentRow:
    """A catalogue item to put in a module."""

    id: str = ""
    kind: str = ""
    title: str = ""
    minutes: int = 0
    color: str = "gray"

    @classmethod
    def of(cls, c: dict[str, Any]) -> "ContentRow":
        return cls(id=c["id"], kind=c["kind"], title=c["title"], minutes=c["minutes"], color=KIND_COLORS.get(c["kind"], "gray"))


@dataclasses.dataclass
class ContentGroup:
    label: str = ""
    members: list[ContentRow] = dataclasses.field(default_factory=list)


def content_groups(items: list[ContentRow], search: str) -> list[ContentGroup]:
    """Courses, episodes and labs in groups, with only the titles that contain `search`; empty groups left out."""
    words = search.strip().lower()
    shown = [i for i in items if words in i.title.lower()]
    groups = [ContentGroup(label=label, members=[i for i in shown if i.kind == kind]) for kind, label in CONTENT_KINDS.items()]
    other = [i for i in shown if i.kind not in CONTENT_KINDS]
    return [g for g in groups if g.members] + ([ContentGroup(label="Other", members=other)] if other else [])


@dataclasses.dataclass
class EventRow:
    id: str = ""
    label: str = ""
    title: str = ""
    when: str = ""

    @classmethod
    def of(cls, e: dict[str, Any]) -> "EventRow":
        title = e["content"]["title"] if e["content"] else ""
        return cls(id=e["id"], label=EVENT_LABELS.get(e["kind"], e["kind"]), title=title, when=moment(e["occurredAt"]))


@dataclasses.dataclass
class ProgressRow:
    """One assignment, as far as one person got."""

    module: str = ""
    due: str = ""
    overdue: bool = False
    done: int = 0
    total: int = 0
    complete: bool = False

    @classmethod
    def of(cls, a: dict[str, Any]) -> "ProgressRow":
        me = a["people"][0] if a["people"] else {"completedItems": 0, "totalItems": 0, "complete": False}
        return cls(module=a["moduleName"], due=long_day(a["dueOn"]), overdue=a["overdue"], done=me["completedItems"],
                   total=me["totalItems"], complete=me["complete"])


def usage_points(days: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The usage chart's data: one point a day."""
    return [{"day": short_day(d["day"]), "Active people": d["activeUsers"], "Viewings": d["viewings"], "Logins": d["logins"]}
            for d in days]
