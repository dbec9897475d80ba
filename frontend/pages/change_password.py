"""Change my password while signed in."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.components.feedback import error_callout
from frontend.components.forms import field, text_input
from frontend.components.layout import app_shell, card
from frontend.pages.reset_password import PASSWORD_HINT, password_problem
from frontend.state import SessionState


class ChangePasswordState(SessionState):
    error: str = ""
    loading: bool = False

    @rx.event
    def on_load(self):
        self.error = ""

    @rx.event
    async def submit(self, form: dict):
        current, new, confirm = form.get("current", ""), form.get("password", ""), form.get("confirm", "")
        self.error = "Enter your current password." if not current else password_problem(new, confirm)
        if self.error:
            return
        self.loading = True
        yield
        try:
            await self._authed(auth_api.change_password, current=current, new=new)
        except (ApiError, PayloadError) as exc:
            self.error = exc.message
            return
        finally:
            self.loading = False
        yield rx.toast.success("Password changed. Your other sessions were signed out.")
        yield rx.redirect(routes.HOME)


@rx.page(route=routes.CHANGE_PASSWORD, title="Change password · Portico",
         on_load=[SessionState.require_session, ChangePasswordState.on_load])
def change_password() -> rx.Component:
    return app_shell(
        "Change password",
        "Choose a new password for signing in to Portico.",
        card(
            rx.form(
                rx.vstack(
                    error_callout(ChangePasswordState.error),
                    field("Current password", text_input("current", type="password", auto_complete="current-password")),
                    field("New password", text_input("password", type="password", auto_complete="new-password"), PASSWORD_HINT),
                    field("Confirm new password", text_input("confirm", type="password", auto_complete="new-password")),
                    rx.hstack(
                        rx.link(rx.button("Cancel", variant="soft", color_scheme="gray", size="3", type="button"), href=routes.HOME),
                        rx.button("Save password", type="submit", size="3", loading=ChangePasswordState.loading),
                        justify="end", width="100%",
                    ),
                    spacing="4", width="100%",
                ),
                on_submit=ChangePasswordState.submit, reset_on_submit=False,
            ),
            max_width="520px",
        ),
    )
