"""Choose a new password from a reset link (`/reset-password?token=`)."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.api.messages import message_for
from frontend.components.feedback import error_callout, loading_block
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import auth_card

PASSWORD_HINT = "At least 12 characters. A short phrase is easy to remember and hard to guess."


def password_problem(password: str, confirm: str) -> str:
    """What is wrong with a new password before asking the API (which checks again)."""
    if len(password) < 12:
        return "Use at least 12 characters for your password."
    if password != confirm:
        return "The two passwords don't match."
    return ""


class ResetPasswordState(rx.State):
    error: str = ""
    loading: bool = False
    checking: bool = True
    dead_link: str = ""  # why the link cannot be used, found when the page opens

    @rx.var
    def token(self) -> str:
        return self.router.url.query_parameters.get("token", "")

    @rx.event
    async def on_load(self):
        """Refuse an expired, used or unknown link at once, not after a password is typed."""
        self.error, self.dead_link, self.checking = "", "", True
        if not self.token:
            self.dead_link, self.checking = "This reset link is incomplete. Ask for a new one.", False
            return
        yield
        try:
            problem = await auth_api.reset_link_problem(token=self.token)
        except ApiError as exc:
            problem, self.error = None, exc.message
        self.dead_link = message_for(problem) if problem else ""
        self.checking = False

    @rx.event
    async def submit(self, form: dict):
        password, confirm = form.get("password", ""), form.get("confirm", "")
        self.error = password_problem(password, confirm)
        if self.error:
            return
        self.loading = True
        yield
        try:
            await auth_api.reset_password(token=self.token, password=password)
        except (ApiError, PayloadError) as exc:
            self.error = exc.message
            return
        finally:
            self.loading = False
        yield rx.toast.success("Password changed. Sign in with your new password.")
        yield rx.redirect(routes.SIGN_IN)


def _dead() -> rx.Component:
    return rx.vstack(
        rx.callout(ResetPasswordState.dead_link, icon="triangle-alert", color_scheme="amber", width="100%", id="dead-link"),
        rx.link(rx.button("Ask for a new link", size="3", width="100%"), href=routes.FORGOT_PASSWORD, width="100%"),
        spacing="4", width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            error_callout(ResetPasswordState.error),
            field("New password", text_input("password", type="password", auto_complete="new-password"), PASSWORD_HINT),
            field("Confirm new password", text_input("confirm", type="password", auto_complete="new-password")),
            submit_button("Save new password", ResetPasswordState.loading),
            rx.link("Need a new link?", href=routes.FORGOT_PASSWORD, size="2", align="center", width="100%"),
            spacing="4", width="100%",
        ),
        on_submit=ResetPasswordState.submit, width="100%",
    )


@rx.page(route=routes.RESET_PASSWORD, title="Choose a new password · Portico", on_load=ResetPasswordState.on_load)
def reset_password() -> rx.Component:
    return auth_card(
        "Choose a new password",
        "You'll be signed out everywhere else once it's changed.",
        rx.cond(ResetPasswordState.checking, loading_block("Checking your link…"),
                rx.cond(ResetPasswordState.dead_link != "", _dead(), _form())),
    )
