"""The Assignments tab: modules assigned with a due date, and how far people got."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import learning as learning_api
from frontend.components.feedback import empty_state, error_callout, info_callout
from frontend.pages.seats.modules import module_dialog, new_module_button
from frontend.pages.seats.rows import AssignmentRow, Option, Target, chosen
from frontend.pages.seats.state import SeatsState


class AssignState(SeatsState):
    targets: list[str] = []  # "t<team id>" and "u<user id>", in the order chosen
    due_on: str = ""
    assigning: bool = False
    assign_error: str = ""

    @rx.var
    def chosen_targets(self) -> list[Target]:
        return chosen(self.targets, self.teams, self.everyone)

    @rx.var
    def teams_left(self) -> list[Option]:
        return [t for t in self.teams if f"t{t.id}" not in self.targets]

    @rx.var
    def people_left(self) -> list[Option]:
        return [p for p in self.everyone if f"u{p.id}" not in self.targets]

    @rx.event
    def set_module_id(self, value: str):
        self.module_id = value

    @rx.event
    def add_target(self, key: str):
        if key and key not in self.targets:
            self.targets = [*self.targets, key]

    @rx.event
    def drop_target(self, key: str):
        self.targets = [k for k in self.targets if k != key]

    @rx.event
    def set_due_on(self, value: str):
        self.due_on = value

    @rx.event
    async def assign(self):
        if not (self.module_id and self.targets and self.due_on):
            self.assign_error = "Choose a module, at least one team or person, and a due date."
            return
        self.assigning, self.assign_error = True, ""
        yield
        try:
            await self._authed(learning_api.assign_module, module_id=self.module_id, due_on=self.due_on,
                               team_ids=[k[1:] for k in self.targets if k.startswith("t")],
                               user_ids=[k[1:] for k in self.targets if k.startswith("u")])
            await self._fetch_learning()
        except (ApiError, PayloadError) as exc:
            self.assign_error = exc.message
            return
        finally:
            self.assigning = False
        self.module_id, self.targets, self.due_on = "", [], ""
        yield rx.toast.success("Module assigned.")


def _assignment(a: AssignmentRow) -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.vstack(
                rx.text(a.module, weight="bold", size="3"),
                rx.text(rx.cond(a.teams != "", f"{a.teams} · ", ""), rx.cond(a.assigned == 1, "1 person", f"{a.assigned} people"), size="1", color_scheme="gray"),
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


def _target(t: Target) -> rx.Component:
    return rx.badge(
        rx.icon(rx.cond(t.is_team, "users-round", "user"), size=12), t.name,
        rx.icon("x", size=12, cursor="pointer", on_click=AssignState.drop_target(t.key), aria_label=f"Remove {t.name}"),
        variant="surface", color_scheme=rx.cond(t.is_team, "indigo", "gray"), size="2", class_name="assign-target", data_name=t.name,
    )


def _target_picker() -> rx.Component:
    return rx.select.root(
        rx.select.trigger(placeholder="Add a team or person…", id="assign-target", flex="2 1 0", min_width="0"),
        rx.select.content(
            rx.cond(AssignState.teams_left.length() > 0, rx.select.group(
                rx.select.label("Teams"), rx.foreach(AssignState.teams_left, lambda t: rx.select.item(t.name, value="t" + t.id)))),
            rx.cond((AssignState.teams_left.length() > 0) & (AssignState.people_left.length() > 0), rx.select.separator()),
            rx.cond(AssignState.people_left.length() > 0, rx.select.group(
                rx.select.label("People"), rx.foreach(AssignState.people_left, lambda p: rx.select.item(p.name, value="u" + p.id)))),
        ),
        value="", on_change=AssignState.add_target, size="2",
    )


def _assign_form() -> rx.Component:
    return rx.vstack(
        rx.text("Assign a module", weight="bold", size="2"),
        error_callout(AssignState.assign_error),
        rx.flex(
            rx.select.root(rx.select.trigger(placeholder="Module", id="assign-module", flex="2 1 0", min_width="0"),
                           rx.select.content(rx.foreach(SeatsState.modules, lambda m: rx.select.item(m.name, value=m.id))),
                           value=SeatsState.module_id, on_change=AssignState.set_module_id, size="2"),
            _target_picker(),
            rx.input(type="date", value=AssignState.due_on, on_change=AssignState.set_due_on, size="2", aria_label="Due date",
                     id="due-on", flex="1 1 0", min_width="140px"),
            rx.button(rx.icon("calendar-check", size=14), "Assign", size="2", on_click=AssignState.assign, loading=AssignState.assigning,
                      id="assign"),
            spacing="2", width="100%", direction=rx.breakpoints(initial="column", sm="row"),
        ),
        rx.cond(
            AssignState.chosen_targets.length() > 0,
            rx.flex(rx.foreach(AssignState.chosen_targets, _target), wrap="wrap", spacing="2", width="100%", id="assign-targets"),
            rx.text("Choose one or more teams and people; everyone in a chosen team takes the module.", size="1", color_scheme="gray"),
        ),
        spacing="2", width="100%", padding="14px", border_radius="12px", background="var(--gray-2)",
    )


def assignments_panel() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.vstack(rx.text("Learning modules", weight="bold", size="3"),
                      rx.text(rx.cond(SeatsState.modules.length() == 1, "1 module", f"{SeatsState.modules.length()} modules"),
                              " to assign", size="1", color_scheme="gray"),
                      spacing="0"),
            new_module_button(),
            justify="between", align="center", width="100%", spacing="2",
        ),
        rx.cond(SeatsState.modules.length() > 0, _assign_form(),
                info_callout("Create a module first: a set of episodes, courses and labs from the catalogue.", icon="library")),
        rx.cond(
            SeatsState.assignments.length() > 0,
            rx.vstack(rx.foreach(SeatsState.assignments, _assignment), spacing="0", width="100%", id="assignments"),
            empty_state("calendar-check", "No assignments yet",
                        "Assign a learning module to teams or people with a due date to follow their progress."),
        ),
        module_dialog(),
        spacing="4", width="100%", padding_top="12px",
    )
