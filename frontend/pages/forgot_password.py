"""Ask for a password-reset link by email."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.api.client import forward_browser
from frontend.components.feedback import error_callout
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import auth_card


class ForgotPasswordState(rx.State):
    error: str = ""
    sent_to: str = ""
    loading: bool = False

    @rx.event
    def on_load(self):
        self.error = self.sent_to = ""

    @rx.event
    async def submit(self, form: dict):
        email = form.get("email", "").strip()
        if "@" not in email:
            self.error = "Enter the email you sign in with."
            return
        self.loading, self.error = True, ""
        yield
        forward_browser(self.router.session.client_ip)  # the API limits resets per browser
        try:
            await auth_api.request_password_reset(email=email)
            self.sent_to = email
        except (ApiError, PayloadError) as exc:
            self.error = exc.message
        finally:
            self.loading = False


@rx.page(route=routes.FORGOT_PASSWORD, title="Forgot password · Portico", on_load=ForgotPasswordState.on_load)
def forgot_password() -> rx.Component:
    sent = rx.vstack(
        rx.callout(
            rx.text("If ", rx.text.strong(ForgotPasswordState.sent_to),
                    " has a Portico sign-in, a reset link is on its way. It works for 15 minutes."),
            icon="mail-check", color_scheme="green", width="100%",
        ),
        rx.link(rx.button("Back to sign in", variant="soft", size="3", width="100%"), href=routes.SIGN_IN, width="100%"),
        spacing="4", width="100%",
    )
    form = rx.form(
        rx.vstack(
            error_callout(ForgotPasswordState.error),
            field("Email", text_input("email", type="email", placeholder="you@example.com", auto_complete="email")),
            submit_button("Email me a reset link", ForgotPasswordState.loading),
            rx.link("Back to sign in", href=routes.SIGN_IN, size="2", align="center", width="100%"),
            spacing="4", width="100%",
        ),
        on_submit=ForgotPasswordState.submit, width="100%",
    )
    return auth_card(
        "Reset your password",
        "Enter your email and we'll send you a link to choose a new password.",
        rx.cond(ForgotPasswordState.sent_to != "", sent, form),
    )
