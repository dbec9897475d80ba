"""Account Access (two switches), Reset Password and Revoke, for the primary guardian."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import families as families_api
from frontend.components.feedback import error_callout
from frontend.pages.my_account.state import MyAccountState


class AccessState(MyAccountState):
    access_id: str = ""
    access_name: str = ""
    view_full_ledger: bool = False
    can_pay: bool = False
    saving_access: bool = False
    access_error: str = ""
    revoke_id: str = ""
    revoke_name: str = ""
    revoke_active: bool = False  # only someone who accepted has a sign-in to end and an email to get
    busy: str = ""  # the row whose action is running

    @rx.event
    def open_access(self, secondary_id: str):
        row = next((s for s in self.secondaries if s.id == secondary_id), None)
        if row is not None:
            self.access_id, self.access_name, self.access_error = row.id, row.name, ""
            self.view_full_ledger, self.can_pay = row.view_full_ledger, row.can_make_payments

    @rx.event
    def close_access(self, open_: bool = False):
        if not open_:
            self.access_id = ""

    @rx.event
    def set_view_full_ledger(self, on: bool):
        self.view_full_ledger = on

    @rx.event
    def set_can_pay(self, on: bool):
        self.can_pay = on

    @rx.event
    async def save_access(self):
        self.saving_access, self.access_error = True, ""
        yield
        try:
            await self._authed(families_api.set_account_access, secondary_id=self.access_id,
                               view_full_ledger=self.view_full_ledger, can_make_payments=self.can_pay)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.access_error = exc.message
            return
        finally:
            self.saving_access = False
        self.access_id = ""
        yield rx.toast.success(f"Account access for {self.access_name} saved.")

    @rx.event
    async def reset_password(self, secondary_id: str, name: str):
        self.busy = f"reset-{secondary_id}"
        yield
        try:
            await self._authed(families_api.send_password_reset, secondary_id=secondary_id)
            yield rx.toast.success(f"Password reset email sent to {name}. The link works for 15 minutes.")
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    def ask_revoke(self, secondary_id: str, name: str, status: str):
        self.revoke_id, self.revoke_name, self.revoke_active = secondary_id, name, status == "ACTIVE"

    @rx.event
    def cancel_revoke(self):
        self.revoke_id = ""

    @rx.event
    async def confirm_revoke(self):
        secondary_id, name = self.revoke_id, self.revoke_name
        self.revoke_id, self.busy = "", f"revoke-{secondary_id}"
        yield
        try:
            await self._authed(families_api.revoke_secondary, secondary_id=secondary_id)
            await self._fetch()
            yield rx.toast.success(f"{name}'s access was revoked.")
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""


def _switch(label: str, text: str, checked: rx.Var[bool], on_change, switch_id: str) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(label, as_="label", html_for=switch_id, weight="medium", size="2"),
                  rx.text(text, size="1", color_scheme="gray"), spacing="1"),
        rx.switch(checked=checked, on_change=on_change, id=switch_id, size="2"),
        justify="between", align="center", spacing="4", width="100%",
        padding="12px", border="1px solid var(--gray-4)", border_radius="10px",
    )


def access_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(f"Account access for {AccessState.access_name}"),
            rx.dialog.description("Secondary users can always see the account details and amount due. Grant more here.",
                                  size="2", color_scheme="gray", margin_bottom="16px"),
            rx.vstack(
                error_callout(AccessState.access_error),
                _switch("View Full Ledger", "Shows the Transaction History section of My Account.",
                        AccessState.view_full_ledger, AccessState.set_view_full_ledger, "access-ledger"),
                _switch("Can Make Payments", "Pay toward the balance, only with payment methods they save themselves.",
                        AccessState.can_pay, AccessState.set_can_pay, "access-payments"),
                rx.text("Secondary users can't create or change enrollments or student records.", size="1", color_scheme="gray"),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                    rx.button("Save access", on_click=AccessState.save_access, loading=AccessState.saving_access, id="save-access"),
                    justify="end", width="100%", spacing="3",
                ),
                spacing="3",
            ),
            max_width="480px",
        ),
        open=AccessState.access_id != "", on_open_change=AccessState.close_access,
    )


def revoke_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(f"Revoke {AccessState.revoke_name}'s access?"),
            rx.alert_dialog.description("This is what happens when you revoke:", size="2"),
            rx.cond(
                AccessState.revoke_active,
                rx.unordered_list(
                    rx.list_item(rx.text("Their access to this family account ends at once.", size="2")),
                    rx.list_item(rx.text("They get an email saying their access was revoked, asking them to contact you with any questions.", size="2")),
                    rx.list_item(rx.text("Any payment methods they saved here are deleted.", size="2")),
                    margin_top="8px", id="revoke-consequences",
                ),
                rx.unordered_list(
                    rx.list_item(rx.text("Their invitation link stops working at once.", size="2")),
                    rx.list_item(rx.text("They can't accept it or see this family account.", size="2")),
                    margin_top="8px", id="revoke-consequences",
                ),
            ),
            rx.text("To give them access again later, add them as a new secondary user.", size="1", color_scheme="gray", margin_top="4px"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray", on_click=AccessState.cancel_revoke)),
                rx.alert_dialog.action(rx.button("Revoke access", color_scheme="red", on_click=AccessState.confirm_revoke, id="confirm-revoke")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="480px",
        ),
        open=AccessState.revoke_id != "",
    )
