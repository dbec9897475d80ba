"""What My learning shows, shaped from API answers."""


import dataclasses
from typing import Any

from frontend.formats import long_day

STATES = {  # state -> label, colour
    "DONE": ("Done", "green"), "OVERDUE": ("Overdue", "red"), "DUE_SOON": ("Due soon", "amber"), "UPCOMING": ("Upcoming", "gray"),
}
KINDS = {"EPISODE": ("Episode", "play"), "COURSE": ("Course", "book-open"), "LAB": ("Lab", "flask-conical")}


@dataclasses.dataclass
class ItemRow:
    subscription_id: str = ""
    content_id: str = ""
    title: str = ""
    kind_label: str = ""
    icon: str = "play"
    minutes: int = 0
    started: bool = False
    done: bool = False
    can_open: bool = False

    @classmethod
    def of(cls, subscription_id: str, i: dict[str, Any], can_open: bool) -> "ItemRow":
        c = i["content"]
        label, icon = KINDS.get(c["kind"], (c["kind"].title(), "play"))
        return cls(subscription_id=subscription_id, content_id=c["id"], title=c["title"], kind_label=label, icon=icon,
                   minutes=c["minutes"], started=i["started"], done=i["done"], can_open=can_open)


@dataclasses.dataclass
class AssignmentRow:
    id: str = ""
    module: str = ""
    description: str = ""
    due: str = ""
    state: str = ""
    state_label: str = ""
    state_color: str = "gray"
    done: int = 0
    total: int = 0
    percent: int = 0
    parts: list[ItemRow] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, subscription_id: str, a: dict[str, Any], can_open: bool) -> "AssignmentRow":
        label, color = STATES.get(a["state"], (a["state"].title(), "gray"))
        total = a["totalItems"]
        return cls(
            id=a["id"], module=a["moduleName"], description=a["moduleDescription"], due=long_day(a["dueOn"]), state=a["state"],
            state_label=label, state_color=color, done=a["completedItems"], total=total,
            percent=round(100 * a["completedItems"] / total) if total else 0,
            parts=[ItemRow.of(subscription_id, i, can_open) for i in a["items"]],
        )


@dataclasses.dataclass
class LearningRow:
    """One subscription on which I hold (or held) a seat."""

    id: str = ""
    name: str = ""
    dates: str = ""
    active: bool = False
    can_open: bool = False
    why_not: str = ""
    assignments: list[AssignmentRow] = dataclasses.field(default_factory=list)
    library: list[ItemRow] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, m: dict[str, Any]) -> "LearningRow":
        s = m["subscription"]
        why = ""
        if m["status"] != "ACTIVE":
            why = "Your seat on this subscription was deactivated. Ask your administrator if you need it back."
        elif not s["withinAccessDates"]:
            why = f"This subscription gives access from {long_day(s['startsOn'])} to {long_day(s['endsOn'])}."
        return cls(
            id=s["id"], name=s["name"], dates=f"{long_day(s['startsOn'])} – {long_day(s['endsOn'])}", active=m["status"] == "ACTIVE",
            can_open=m["canOpen"], why_not=why,
            assignments=[AssignmentRow.of(s["id"], a, m["canOpen"]) for a in m["assignments"]],
            library=[ItemRow.of(s["id"], i, m["canOpen"]) for i in m["library"]],
        )
