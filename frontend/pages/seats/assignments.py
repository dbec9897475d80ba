"""The Assignments tab: modules assigned with a due date, and how far people got."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import learning as learning_api
from frontend.components.feedback import empty_state, error_callout
from frontend.pages.seats.rows import AssignmentRow
from frontend.pages.seats.state import SeatsState


class AssignState(SeatsState):
    module_id: str = ""
    assign_team_id: str = ""
    due_on: str = ""
    assigning: bool = False
    assign_error: str = ""

    @rx.event
    def set_module_id(self, value: str):
        self.module_id = value

    @rx.event
    def set_assign_team_id(self, value: str):
        self.assign_team_id = value

    @rx.event
    def set_due_on(self, value: str):
        self.due_on = value

    @rx.event
    async def assign(self):
        if not (self.module_id and self.assign_team_id and self.due_on):
            self.assign_error = "Choose a module, a team and a due date."
            return
        self.assigning, self.assign_error = True, ""
        yield
        try:
            await self._authed(learning_api.assign_module, module_id=self.module_id, due_on=self.due_on,
                               team_ids=[self.assign_team_id], user_ids=[])
            await self._fetch_learning()
        except (ApiError, PayloadError) as exc:
            self.assign_error = exc.message
            return
        finally:
            self.assigning = False
        self.module_id = self.assign_team_id = self.due_on = ""
        yield rx.toast.success("Module assigned.")


def _assignment(a: AssignmentRow) -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.vstack(
                rx.text(a.module, weight="bold", size="3"),
                rx.text(rx.cond(a.teams != "", f"{a.teams} · ", ""), f"{a.assigned} people", size="1", color_scheme="gray"),
                spacing="0", min_width="0",
            ),
            rx.hstack(rx.text(f"Due {a.due}", size="2", color_scheme="gray"),
                      rx.cond(a.overdue, rx.badge("Overdue", color_scheme="red", variant="soft")), spacing="2", align="center"),
            justify="between", align="start", width="100%", spacing="2", wrap="wrap",
        ),
        rx.hstack(rx.progress(value=a.percent, color_scheme=rx.cond(a.percent == 100, "green", "indigo"), flex="1"),
                  rx.text(f"{a.percent}%", size="2", weight="bold", min_width="40px", text_align="right"),
                  spacing="3", align="center", width="100%"),
        rx.text(f"{a.completed} completed · {a.in_progress} in progress · {a.not_started} not started", size="1", color_scheme="gray"),
        spacing="2", width="100%", padding_y="12px", border_top="1px solid var(--gray-4)", class_name="assignment",
    )


def _assign_form() -> rx.Component:
    return rx.vstack(
        rx.text("Assign a module to a team", weight="bold", size="2"),
        error_callout(AssignState.assign_error),
        rx.flex(
            rx.select.root(rx.select.trigger(placeholder="Module", flex="1 1 auto", min_width="0"),
                           rx.select.content(rx.foreach(SeatsState.modules, lambda m: rx.select.item(m.name, value=m.id))),
                           value=AssignState.module_id, on_change=AssignState.set_module_id, size="2"),
            rx.select.root(rx.select.trigger(placeholder="Team", flex="1 1 auto", min_width="0"),
                           rx.select.content(rx.foreach(SeatsState.teams, lambda t: rx.select.item(t.name, value=t.id))),
                           value=AssignState.assign_team_id, on_change=AssignState.set_assign_team_id, size="2"),
            rx.input(type="date", value=AssignState.due_on, on_change=AssignState.set_due_on, size="2", aria_label="Due date"),
            rx.button(rx.icon("calendar-check", size=14), "Assign", size="2", on_click=AssignState.assign, loading=AssignState.assigning),
            spacing="2", width="100%", direction=rx.breakpoints(initial="column", sm="row"),
        ),
        spacing="2", width="100%", padding="14px", border_radius="12px", background="var(--gray-2)",
    )


def assignments_panel() -> rx.Component:
    return rx.vstack(
        rx.cond((SeatsState.modules.length() > 0) & (SeatsState.teams.length() > 0), _assign_form()),
        rx.cond(
            SeatsState.assignments.length() > 0,
            rx.vstack(rx.foreach(SeatsState.assignments, _assignment), spacing="0", width="100%", id="assignments"),
            empty_state("calendar-check", "No assignments yet", "Assign a learning module to a team with a due date to follow their progress."),
        ),
        spacing="4", width="100%", padding_top="12px",
    )


