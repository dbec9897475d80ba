"""The student home (`/student`): my name, family, school and classes. After signing in
with a one-time password the page first asks for my own password."""

from __future__ import annotations

import dataclasses

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import students as students_api
from frontend.components.feedback import empty_state, error_callout
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import app_shell, card, card_header
from frontend.formats import long_day
from frontend.state import SessionState


@dataclasses.dataclass
class ClassRow:
    name: str = ""
    since: str = ""


class StudentHomeState(SessionState):
    must_change: bool = False
    loaded: bool = False
    error: str = ""
    change_error: str = ""
    changing: bool = False
    name: str = ""
    family: str = ""
    school: str = ""
    username: str = ""
    classes: list[ClassRow] = []

    async def _load_home(self) -> None:
        home = await self._authed(students_api.student_home)
        self.name = f"{home['firstName']} {home['lastName']}"
        self.family, self.school, self.username = home["familyName"], home["accountName"], home["username"]
        self.classes = [ClassRow(name=e["className"], since=long_day(e["enrolledAt"])) for e in home["enrollments"]]

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        self.error, self.loaded = "", False
        try:
            me = await self._authed(students_api.my_sign_in)
            self.must_change = me["mustChangePassword"]
            if not self.must_change:
                if me["userType"] != "STUDENT":
                    return rx.redirect(routes.HOME)
                await self._load_home()
        except ApiError as exc:
            self.error = exc.message
        self.loaded = True

    @rx.event
    async def redirect_students(self):
        """For Home: a student (or anyone holding a one-time password) belongs on the student home."""
        if not self.signed_in:
            return
        try:
            me = await self._authed(students_api.my_sign_in)
        except ApiError:
            return
        if me["userType"] == "STUDENT" or me["mustChangePassword"]:
            return rx.redirect(routes.STUDENT_HOME)

    @rx.event
    async def change(self, form: dict):
        otp, new, again = form.get("otp", ""), form.get("new", ""), form.get("again", "")
        if new != again:
            self.change_error = "The new passwords are not the same."
            return
        self.changing, self.change_error = True, ""
        yield
        try:
            await self._authed(students_api.change_one_time_password, one_time_password=otp, new_password=new)
        except (ApiError, PayloadError) as exc:
            self.change_error, self.changing = exc.message, False
            return
        self.changing = False
        yield rx.toast.success("Your password is set.")
        yield StudentHomeState.load


def _change_form() -> rx.Component:
    S = StudentHomeState
    return card(
        card_header("Choose your own password", "You signed in with a one-time password. Choose your own to continue."),
        rx.form(
            rx.vstack(
                error_callout(S.change_error),
                field("One-time password", text_input("otp", type="password", auto_complete="current-password")),
                field("New password", text_input("new", type="password", auto_complete="new-password"), "At least 12 characters."),
                field("New password again", text_input("again", type="password", auto_complete="new-password")),
                submit_button("Set my password", S.changing, id="set-password"),
                spacing="3", width="100%", max_width="420px",
            ),
            on_submit=S.change,
        ),
        id="first-password",
    )


def _class(c: ClassRow) -> rx.Component:
    return rx.hstack(rx.icon("book-open", size=16, color="var(--accent-9)"), rx.text(c.name, weight="medium"),
                     rx.text("since ", c.since, size="1", color_scheme="gray"), spacing="2", align="center", class_name="class")


def _home() -> rx.Component:
    S = StudentHomeState
    return rx.vstack(
        card(
            card_header(S.name, S.school),
            rx.vstack(rx.text("Family: ", rx.text.strong(S.family)), rx.text("Username: ", rx.text.strong(S.username)), spacing="1"),
            id="student-card",
        ),
        card(
            card_header("My classes"),
            rx.cond(S.classes.length() > 0, rx.vstack(rx.foreach(S.classes, _class), spacing="2"),
                    empty_state("book-open", "No classes yet", "Your school enrolls you in classes.")),
        ),
        spacing="4", width="100%",
    )


@rx.page(route=routes.STUDENT_HOME, title="My school · Portico", on_load=[SessionState.require_session, StudentHomeState.load])
def student_home() -> rx.Component:
    S = StudentHomeState
    return app_shell(
        "My school", "Your own student page.",
        error_callout(S.error),
        rx.cond(S.loaded, rx.cond(S.must_change, _change_form(), rx.cond(S.name != "", _home()))),
    )
