"""Saving a secondary user, correcting their details, and sending (or re-sending) the invite."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import families as families_api
from frontend.components.feedback import error_callout
from frontend.components.forms import field
from frontend.pages.my_account.state import MyAccountState


class InviteState(MyAccountState):
    add_open: bool = False
    adding: bool = False
    add_error: str = ""
    # The invite dialog (send or re-send) and the edit dialog share the person being handled.
    invite_id: str = ""
    invite_name: str = ""
    invite_email: str = ""
    invite_resend: bool = False
    sending: bool = False
    invite_error: str = ""
    edit_id: str = ""
    edit_error: str = ""
    saving: bool = False

    @rx.event
    def toggle_add(self):
        self.add_open, self.add_error = not self.add_open, ""

    @rx.event
    async def add(self, form: dict):
        first, last, email = (form.get(k, "").strip() for k in ("first_name", "last_name", "email"))
        if not (first and last and email):
            self.add_error = "Enter their first name, last name and email address."
            return
        self.adding, self.add_error = True, ""
        yield
        try:
            await self._authed(families_api.add_secondary, family_id=self.family_id, email=email, first_name=first, last_name=last)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.add_error = exc.message
            return
        finally:
            self.adding = False
        self.add_open = False
        yield rx.toast.success(f"{first} {last} saved. Send the invite email when you're ready.")

    def _row(self, secondary_id: str):
        return next((s for s in self.secondaries if s.id == secondary_id), None)

    @rx.event
    def open_invite(self, secondary_id: str):
        if row := self._row(secondary_id):
            self.invite_id, self.invite_name, self.invite_email = row.id, row.first_name or row.name, row.email
            self.invite_resend, self.invite_error = row.status != "NOT_INVITED", ""

    @rx.event
    def set_invite_email(self, email: str):
        self.invite_email = email

    @rx.event
    def close_invite(self, open_: bool = False):
        if not open_:
            self.invite_id = ""

    @rx.event
    async def send_invite(self):
        if "@" not in self.invite_email:
            self.invite_error = "Enter the email address the invitation should go to."
            return
        self.sending, self.invite_error = True, ""
        yield
        try:
            sent = await self._authed(families_api.invite_secondary, secondary_id=self.invite_id, email=self.invite_email,
                                      resend=self.invite_resend)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.invite_error = exc.message
            return
        finally:
            self.sending = False
        self.invite_id = ""
        yield rx.toast.success(f"Invitation sent to {sent['email']}. The link works for 48 hours.")

    @rx.event
    def open_edit(self, secondary_id: str):
        if row := self._row(secondary_id):
            self.edit_id, self.invite_name, self.edit_error = row.id, row.name, ""

    @rx.event
    def close_edit(self, open_: bool = False):
        if not open_:
            self.edit_id = ""

    @rx.event
    async def save_edit(self, form: dict):
        first, last, email = (form.get(k, "").strip() for k in ("first_name", "last_name", "email"))
        if not (first and last and email):
            self.edit_error = "Enter their first name, last name and email address."
            return
        self.saving, self.edit_error = True, ""
        yield
        try:
            await self._authed(families_api.update_secondary, secondary_id=self.edit_id, email=email, first_name=first, last_name=last)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.edit_error = exc.message
            return
        finally:
            self.saving = False
        self.edit_id = ""
        yield rx.toast.success(f"Details for {first} {last} updated.")


def _name_fields(prefix: str, first: rx.Var | str = "", last: rx.Var | str = "", email: rx.Var | str = "") -> rx.Component:
    def box(name: str, label: str, value, kind: str = "text") -> rx.Component:
        return field(label, rx.input(name=name, id=f"{prefix}-{name.replace('_', '-')}", type=kind, default_value=value,
                                     required=True, size="3", width="100%"))

    return rx.grid(
        box("first_name", "First name", first), box("last_name", "Last name", last),
        rx.box(box("email", "Email", email, "email"), grid_column=rx.breakpoints(initial="auto", sm="span 2")),
        columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
    )


def add_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text("Add a secondary user", weight="bold", size="3"),
            rx.text("Saving doesn't send anything. Send the invite email from their row when you're ready.", size="2", color_scheme="gray"),
            error_callout(InviteState.add_error),
            _name_fields("add"),
            rx.hstack(
                rx.button("Cancel", type="button", variant="soft", color_scheme="gray", on_click=InviteState.toggle_add),
                rx.button(rx.icon("user-plus", size=16), "Save secondary user", type="submit", loading=InviteState.adding, id="save-secondary"),
                justify="end", width="100%", spacing="3",
            ),
            spacing="3", width="100%",
        ),
        on_submit=InviteState.add, reset_on_submit=False, width="100%", id="add-secondary-form",
        padding="16px", border_radius="12px", background="var(--gray-2)", border="1px solid var(--gray-4)",
    )


def invite_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(InviteState.invite_resend, "Re-send invite email", "Send invite email")),
            rx.dialog.description(
                rx.cond(InviteState.invite_resend,
                        f"{InviteState.invite_name} gets a fresh link; the previous one stops working. Confirm or correct their email.",
                        f"{InviteState.invite_name} gets a link to create their own sign-in. Confirm or correct their email."),
                size="2", color_scheme="gray", margin_bottom="16px",
            ),
            rx.vstack(
                error_callout(InviteState.invite_error),
                field("Email", rx.input(value=InviteState.invite_email, on_change=InviteState.set_invite_email, type="email",
                                        id="invite-email", size="3", width="100%"), "The link works for 48 hours."),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                    rx.button(rx.icon("send", size=15), rx.cond(InviteState.invite_resend, "Re-send invite", "Send invite"),
                              on_click=InviteState.send_invite, loading=InviteState.sending, id="confirm-invite"),
                    justify="end", width="100%", spacing="3",
                ),
                spacing="4",
            ),
            max_width="460px",
        ),
        open=InviteState.invite_id != "", on_open_change=InviteState.close_invite,
    )


def edit_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(f"Edit {InviteState.invite_name}"),
            rx.dialog.description("You can correct their details until they accept the invitation.", size="2",
                                  color_scheme="gray", margin_bottom="16px"),
            rx.form(
                rx.vstack(
                    error_callout(InviteState.edit_error),
                    # The fields start from the row being edited (they mount when the dialog opens).
                    rx.foreach(InviteState.secondaries, lambda s: rx.cond(
                        s.id == InviteState.edit_id, _name_fields("edit", s.first_name, s.last_name, s.email))),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", type="button", variant="soft", color_scheme="gray")),
                        rx.button("Save details", type="submit", loading=InviteState.saving, id="save-edit"),
                        justify="end", width="100%", spacing="3",
                    ),
                    spacing="4",
                ),
                on_submit=InviteState.save_edit, width="100%",
            ),
            max_width="520px",
        ),
        open=InviteState.edit_id != "", on_open_change=InviteState.close_edit,
    )
