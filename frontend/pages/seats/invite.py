"""Inviting a person: name, email, an optional team, and Subscription / Admin / Both access."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import seats as seats_api
from frontend.components.feedback import error_callout
from frontend.components.forms import field
from frontend.pages.seats.state import SeatsState

NO_TEAM = "none"
ACCESS = (
    ("SUBSCRIPTION", "Subscription", "Uses a seat: the learning content."),
    ("ADMIN", "Seat admin", "This dashboard only; uses no seat."),
    ("BOTH", "Both", "The content and this dashboard."),
)


class InviteState(SeatsState):
    invite_open: bool = False
    first_name: str = ""
    last_name: str = ""
    invite_email: str = ""
    team_id: str = NO_TEAM
    access: str = "SUBSCRIPTION"
    inviting: bool = False
    invite_error: str = ""

    @rx.event
    def open_invite(self):
        self.invite_open, self.invite_error = True, ""
        self.first_name = self.last_name = self.invite_email = ""
        self.team_id, self.access = NO_TEAM, "SUBSCRIPTION"

    @rx.event
    def set_invite_open(self, value: bool):
        self.invite_open = value

    @rx.event
    def set_first_name(self, value: str):
        self.first_name = value

    @rx.event
    def set_last_name(self, value: str):
        self.last_name = value

    @rx.event
    def set_invite_email(self, value: str):
        self.invite_email = value

    @rx.event
    def set_team_id(self, value: str):
        self.team_id = value

    @rx.event
    def set_access(self, value: str):
        self.access = value

    @rx.event
    async def submit(self):
        if not (self.first_name.strip() and self.invite_email.strip()):
            self.invite_error = "Enter at least a first name and an email address."
            return
        self.inviting, self.invite_error = True, ""
        yield
        try:
            await self._authed(
                seats_api.invite_seat_user, subscription_id=self.subscription_id, first_name=self.first_name.strip(),
                last_name=self.last_name.strip(), email=self.invite_email.strip(), access=self.access,
                team_id=None if self.team_id == NO_TEAM else self.team_id,
            )
            await self._fetch_overview()
            await self._fetch_users()
        except (ApiError, PayloadError) as exc:
            self.invite_error = exc.message
            return
        finally:
            self.inviting = False
        self.invite_open = False
        yield rx.toast.success(f"Invitation sent to {self.invite_email.strip()}. The email has a link to create a password.")


def invite_button() -> rx.Component:
    return rx.button(rx.icon("user-plus", size=16), "Invite", size="2", on_click=InviteState.open_invite, id="open-invite")


def _access_choice() -> rx.Component:
    return rx.radio_cards.root(
        *[rx.radio_cards.item(
            rx.vstack(rx.text(label, weight="bold", size="2"), rx.text(hint, size="1", color_scheme="gray"), spacing="0", align="start"),
            value=value, id=f"access-{value.lower()}", justify_content="start",
        ) for value, label, hint in ACCESS],
        value=InviteState.access, on_value_change=InviteState.set_access, columns=rx.breakpoints(initial="1", sm="3"), size="1", width="100%",
    )


def invite_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Invite a person"),
            rx.dialog.description("They get an email with a link to create their password.", size="2", color_scheme="gray",
                                  margin_bottom="16px"),
            rx.vstack(
                rx.callout(SeatsState.seats_note, icon="armchair", color_scheme=rx.cond(SeatsState.seats_full, "amber", "gray"),
                           variant="surface", size="1", width="100%", id="invite-seats-note"),
                error_callout(InviteState.invite_error),
                rx.grid(
                    field("First name", rx.input(value=InviteState.first_name, on_change=InviteState.set_first_name, id="invite-first",
                                                 size="3", auto_complete="off")),
                    field("Last name", rx.input(value=InviteState.last_name, on_change=InviteState.set_last_name, id="invite-last",
                                                size="3", auto_complete="off")),
                    columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
                ),
                field("Email", rx.input(value=InviteState.invite_email, on_change=InviteState.set_invite_email, id="invite-email",
                                        type="email", size="3", auto_complete="off")),
                field("Team (optional)", rx.select.root(
                    rx.select.trigger(id="invite-team", width="100%"),
                    rx.select.content(rx.select.item("No team", value=NO_TEAM),
                                      rx.foreach(SeatsState.teams, lambda t: rx.select.item(t.name, value=t.id))),
                    value=InviteState.team_id, on_change=InviteState.set_team_id, size="3",
                )),
                field("Access", _access_choice(),
                      rx.cond(SeatsState.seats_full, "Every seat is in use: only seat admin access can be given now.", "")),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", size="3")),
                    rx.button(rx.icon("send", size=16), "Invite", size="3", on_click=InviteState.submit, loading=InviteState.inviting,
                              id="send-invite"),
                    justify="end", width="100%", spacing="3",
                ),
                spacing="4", width="100%",
            ),
            max_width="560px",
        ),
        open=InviteState.invite_open, on_open_change=InviteState.set_invite_open,
    )
