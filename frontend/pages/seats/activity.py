"""One person's Activity: totals, recent events, teams and assignments, and the .xlsx download."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError
from frontend.api import seats as seats_api
from frontend.components.feedback import empty_state, loading_block
from frontend.pages.seats.rows import EventRow, Option, ProgressRow, SeatUserRow, moment
from frontend.pages.seats.state import XLSX, SeatsState
from frontend.pages.seats.team_activity import TeamActivityState


class ActivityState(SeatsState):
    activity_user_id: str = ""
    activity_loading: bool = False
    activity_error: str = ""
    person: SeatUserRow = SeatUserRow()
    totals: list[tuple[str, int]] = []
    last_login: str = ""
    recent: list[EventRow] = []
    progress: list[ProgressRow] = []
    team_links: list[Option] = []
    _download_path: str = ""
    activity_downloading: bool = False

    @rx.event
    async def open_activity(self, user_id: str):
        self.activity_user_id, self.activity_loading, self.activity_error = user_id, True, ""
        yield
        try:
            a = await self._authed(seats_api.user_activity, subscription_id=self.subscription_id, user_id=user_id)
        except ApiError as exc:
            self.activity_error = exc.message
        else:
            self.person = SeatUserRow.of(a["seatUser"])
            self.totals = [("Logins", a["logins"]), ("Viewings started", a["viewingsStarted"]),
                           ("Viewed completely", a["viewedCompletely"]), ("Labs started", a["labsStarted"]),
                           ("Labs completed", a["labsCompleted"])]
            self.last_login = moment(a["lastLoginAt"])
            self.recent = [EventRow.of(e) for e in a["events"]]
            self.progress = [ProgressRow.of(x) for x in a["assignments"]]
            self.team_links = [Option(id=t["id"], name=t["name"]) for t in a["teams"]]
            self._download_path = a["downloadPath"]
        self.activity_loading = False

    @rx.event
    def close_activity(self, open_: bool = False):
        if not open_:
            self.activity_user_id = ""

    @rx.event
    async def download_activity(self):
        """The person's full history: fetched here with my token; the browser gets only the file."""
        self.activity_downloading = True
        yield
        try:
            data = await self._authed(seats_api.activity_report, path=self._download_path)
            name = self.person.name.lower().replace(" ", "-")
            yield rx.download(data=data, filename=f"activity-{name}.xlsx", mime_type=XLSX)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.activity_downloading = False


def _team_link(t: Option) -> rx.Component:
    """A team the person is in: opens that team's activity."""
    return rx.button(rx.icon("users-round", size=13), t.name, size="1", variant="soft", class_name="activity-team-link",
                     on_click=[ActivityState.close_activity(False), TeamActivityState.open_team(t.id, t.name)])


def _total(t: rx.Var) -> rx.Component:
    return rx.vstack(rx.text(t[1], size="6", weight="bold", line_height="1"), rx.text(t[0], size="1", color_scheme="gray"),
                     spacing="1", padding="10px", border="1px solid var(--gray-4)", border_radius="10px", min_width="0")


def _event(e: EventRow) -> rx.Component:
    return rx.flex(
        rx.text(rx.text.strong(e.label), rx.cond(e.title != "", f" · {e.title}", ""), size="2"),
        rx.text(e.when, size="1", color_scheme="gray", white_space="nowrap"),
        justify="between", spacing="3", width="100%", padding_y="6px", border_top="1px solid var(--gray-3)",
        direction=rx.breakpoints(initial="column", sm="row"),
    )


def _progress(p: ProgressRow) -> rx.Component:
    return rx.flex(
        rx.vstack(rx.text(p.module, size="2", weight="medium"), rx.text(f"Due {p.due}", size="1", color_scheme="gray"), spacing="0"),
        rx.hstack(
            rx.cond(p.complete, rx.badge("Complete", color_scheme="green", variant="soft"),
                    rx.badge(f"{p.done} of {p.total} done", color_scheme=rx.cond(p.overdue, "red", "gray"), variant="soft")),
            rx.button("Assignments", rx.icon("arrow-right", size=12), size="1", variant="ghost", class_name="to-assignments",
                      on_click=[ActivityState.close_activity(False), SeatsState.set_tab("assignments")]),
            spacing="2", align="center",
        ),
        justify="between", align="center", width="100%", padding_y="6px", border_top="1px solid var(--gray-3)",
    )


def _section(title: str, body: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(title, size="2", weight="bold"), body, spacing="1", width="100%")


def _body() -> rx.Component:
    s = ActivityState
    return rx.vstack(
        rx.hstack(rx.text(s.person.email, size="2", color_scheme="gray"),
                  rx.badge(s.person.status_label, color_scheme=s.person.status_color, variant="soft"), spacing="2", wrap="wrap"),
        rx.grid(rx.foreach(s.totals, _total), columns=rx.breakpoints(initial="2", sm="5"), spacing="2", width="100%", id="activity-totals"),
        rx.text(f"Last signed in: {s.last_login}", size="2", color_scheme="gray"),
        rx.cond(s.team_links.length() > 0, _section("Teams", rx.flex(rx.foreach(s.team_links, _team_link), wrap="wrap", spacing="2"))),
        rx.cond(s.progress.length() > 0, _section("Assignments", rx.vstack(rx.foreach(s.progress, _progress), spacing="0", width="100%"))),
        _section("Recent activity", rx.cond(
            s.recent.length() > 0, rx.vstack(rx.foreach(s.recent, _event), spacing="0", width="100%"),
            rx.text("Nothing yet.", size="2", color_scheme="gray"),
        )),
        spacing="4", width="100%",
    )


def activity_dialog() -> rx.Component:
    s = ActivityState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(s.activity_loading, "Activity", f"Activity · {s.person.name}")),
            rx.dialog.description("Their activity to date on this subscription.", size="2", color_scheme="gray", margin_bottom="12px"),
            rx.cond(s.activity_loading, loading_block("Loading activity…"),
                    rx.cond(s.activity_error != "", empty_state("circle-alert", "Can't show activity", s.activity_error), _body())),
            rx.hstack(
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                rx.button(rx.icon("download", size=15), "Download activity", on_click=s.download_activity, id="download-activity",
                          loading=s.activity_downloading, disabled=s.activity_loading | (s.activity_error != "")),
                justify="end", spacing="3", margin_top="16px", wrap="wrap",
            ),
            max_width="640px", id="activity-dialog",
        ),
        open=s.activity_user_id != "", on_open_change=s.close_activity,
    )
