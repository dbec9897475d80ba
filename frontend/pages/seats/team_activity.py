"""One team's Activity: members with logins, viewings and labs, the team's assignments,
and the team's Excel report (a Summary sheet and the raw events)."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from frontend.api import ApiError
from frontend.api import teams as teams_api
from frontend.components.feedback import empty_state, loading_block
from frontend.formats import long_day, moment
from frontend.pages.seats.rows import STATUS_LABELS
from frontend.pages.seats.state import XLSX, SeatsState


@dataclasses.dataclass
class MemberRow:
    name: str = ""
    email: str = ""
    status_label: str = ""
    status_color: str = "gray"
    logins: int = 0
    viewings: int = 0
    completed: int = 0
    labs: int = 0
    assignments: str = ""
    last_login: str = ""

    @classmethod
    def of(cls, m: dict[str, Any]) -> "MemberRow":
        t = m["totals"]
        label, color = STATUS_LABELS.get(m["status"], (m["status"].title(), "gray"))
        return cls(
            name=m["user"]["fullName"] or m["user"]["email"], email=m["user"]["email"], status_label=label, status_color=color,
            logins=t["logins"], viewings=t["viewingsStarted"], completed=t["viewedCompletely"], labs=t["labsCompleted"],
            assignments=f"{m['assignmentsDone']} of {m['assignmentsTotal']}", last_login=moment(t["lastLoginAt"]),
        )


@dataclasses.dataclass
class TeamAssignmentRow:
    module: str = ""
    due: str = ""
    overdue: bool = False
    completion: str = ""

    @classmethod
    def of(cls, a: dict[str, Any]) -> "TeamAssignmentRow":
        return cls(module=a["moduleName"], due=long_day(a["dueOn"]), overdue=a["overdue"],
                   completion=f"{a['completedCount']} of {a['assignedCount']} complete")


class TeamActivityState(SeatsState):
    team_activity_id: str = ""
    team_activity_name: str = ""
    team_loading: bool = False
    team_error: str = ""
    team_totals: list[tuple[str, int]] = []
    team_members: list[MemberRow] = []
    team_assignments: list[TeamAssignmentRow] = []
    team_downloading: bool = False
    _team_download_path: str = ""

    @rx.event
    async def open_team(self, team_id: str, name: str):
        self.team_activity_id, self.team_activity_name, self.team_loading, self.team_error = team_id, name, True, ""
        yield
        try:
            a = await self._authed(teams_api.team_activity, team_id=team_id)
        except ApiError as exc:
            self.team_error = exc.message
        else:
            t = a["totals"]
            self.team_totals = [("Logins", t["logins"]), ("Viewings started", t["viewingsStarted"]),
                                ("Viewed completely", t["viewedCompletely"]), ("Labs completed", t["labsCompleted"])]
            self.team_members = [MemberRow.of(m) for m in a["members"]]
            self.team_assignments = [TeamAssignmentRow.of(x) for x in a["assignments"]]
            self._team_download_path = a["downloadPath"]
        self.team_loading = False

    @rx.event
    def close_team(self, open_: bool = False):
        if not open_:
            self.team_activity_id = ""

    @rx.event
    async def download_team(self):
        self.team_downloading = True
        yield
        try:
            data = await self._authed(teams_api.download, path=self._team_download_path)
            yield rx.download(data=data, filename=f"team-{self.team_activity_name.lower().replace(' ', '-')}.xlsx", mime_type=XLSX)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.team_downloading = False


def _total(t: rx.Var) -> rx.Component:
    return rx.vstack(rx.text(t[1], size="6", weight="bold", line_height="1"), rx.text(t[0], size="1", color_scheme="gray"),
                     spacing="1", padding="10px", border="1px solid var(--gray-4)", border_radius="10px", min_width="0")


def _member(m: MemberRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(m.name, weight="medium", size="2"), rx.text(m.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(rx.badge(m.status_label, color_scheme=m.status_color, variant="soft")),
        rx.table.cell(m.logins), rx.table.cell(m.viewings), rx.table.cell(m.completed), rx.table.cell(m.labs),
        rx.table.cell(m.assignments), rx.table.cell(m.last_login, white_space="nowrap"),
        class_name="team-member", data_email=m.email,
    )


def _assignment(a: TeamAssignmentRow) -> rx.Component:
    return rx.flex(
        rx.vstack(rx.text(a.module, size="2", weight="medium"), rx.text(f"Due {a.due}", size="1", color_scheme="gray"), spacing="0"),
        rx.hstack(
            rx.badge(a.completion, color_scheme=rx.cond(a.overdue, "red", "gray"), variant="soft"),
            rx.button("Assignments", rx.icon("arrow-right", size=12), size="1", variant="ghost", class_name="to-assignments",
                      on_click=[TeamActivityState.close_team(False), SeatsState.set_tab("assignments")]),
            spacing="2", align="center",
        ),
        justify="between", align="center", width="100%", padding_y="6px", border_top="1px solid var(--gray-3)",
    )


def _body() -> rx.Component:
    s = TeamActivityState
    head = ["Person", "Seat", "Logins", "Viewings", "Viewed completely", "Labs completed", "Team assignments done", "Last sign-in"]
    return rx.vstack(
        rx.grid(rx.foreach(s.team_totals, _total), columns=rx.breakpoints(initial="2", sm="4"), spacing="2", width="100%", id="team-totals"),
        rx.cond(
            s.team_members.length() > 0,
            rx.box(rx.table.root(rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in head])),
                                 rx.table.body(rx.foreach(s.team_members, _member)), size="1", width="100%"),
                   overflow_x="auto", width="100%", max_width="100%", min_width="0"),
            rx.text("Nobody in this team yet.", size="2", color_scheme="gray"),
        ),
        rx.cond(s.team_assignments.length() > 0,
                rx.vstack(rx.text("Team assignments", size="2", weight="bold"), rx.foreach(s.team_assignments, _assignment),
                          spacing="1", width="100%")),
        spacing="4", width="100%", min_width="0",
    )


def team_activity_dialog() -> rx.Component:
    s = TeamActivityState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(f"Team activity · {s.team_activity_name}"),
            rx.dialog.description("Logins, viewings and labs of the team's members to date, and the team's assignments.",
                                  size="2", color_scheme="gray", margin_bottom="12px"),
            rx.cond(s.team_loading, loading_block("Loading team activity…"),
                    rx.cond(s.team_error != "", empty_state("circle-alert", "Can't show this team", s.team_error), _body())),
            rx.hstack(
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                rx.button(rx.icon("download", size=15), "Download team report", on_click=s.download_team, id="download-team-report",
                          loading=s.team_downloading, disabled=s.team_loading | (s.team_error != "")),
                justify="end", spacing="3", margin_top="16px", wrap="wrap",
            ),
            # On a phone the dialog fits the screen and only the members table scrolls sideways.
            width="100%", max_width=rx.breakpoints(initial="calc(100vw - 24px)", md="900px"), overflow_x="hidden",
            id="team-activity-dialog",
        ),
        open=s.team_activity_id != "", on_open_change=s.close_team,
    )
