"""Sign in with email and password."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.api import enterprise as enterprise_api
from frontend.api.client import forward_browser
from frontend.components.feedback import error_callout
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import auth_card
from frontend.state import SessionState


class SignInState(SessionState):
    error: str = ""
    loading: bool = False
    sso_provider: str = ""  # "" when enterprise sign-in is off: no button
    sso_login_url: str = ""
    providers: list[dict[str, str]] = []  # one button each
    sso_required_url: str = ""  # set when the email given signs in through its provider only

    def _next(self) -> str:
        target = self.router.url.query_parameters.get("next", routes.HOME)
        return target if target.startswith("/") and not target.startswith("//") else routes.HOME

    @rx.event
    async def on_load(self):
        self.error, self.sso_required_url = "", ""
        if self.signed_in:
            return rx.redirect(self._next())
        self.sso_provider = await enterprise_api.sso_provider()
        self.sso_login_url = enterprise_api.sso_login_url()
        self.providers = [p for p in await enterprise_api.sso_providers() if p["key"] != "default"]

    @rx.event
    async def submit(self, form: dict):
        email, password = form.get("email", "").strip(), form.get("password", "")
        if not email or not password:
            self.error = "Enter your email and password."
            return
        self.loading, self.error = True, ""
        yield
        forward_browser(self.router.session.client_ip)  # the API limits sign-ins per browser
        try:
            self._start_session(await auth_api.login(email=email, password=password))
            await self._load_me()
        except (ApiError, PayloadError) as exc:
            self.error = exc.message
            if exc.code == "SSO_REQUIRED":  # offer their provider, found by the email's domain
                self.sso_required_url = enterprise_api.sso_login_url(email=email)
            return
        finally:
            self.loading = False
        yield rx.redirect(self._next())


@rx.page(route=routes.SIGN_IN, title="Sign in · Portico", on_load=SignInState.on_load)
def sign_in() -> rx.Component:
    return auth_card(
        "Welcome back",
        "Sign in to manage your account and the people in it.",
        rx.form(
            rx.vstack(
                error_callout(SignInState.error),
                rx.cond(
                    SignInState.sso_required_url != "",
                    rx.el.a(rx.button(rx.icon("building-2", size=16), "Continue with your organisation", size="3",
                                      width="100%", type="button", tab_index=-1),
                            href=SignInState.sso_required_url, id="sso-required", style={"width": "100%"}),
                ),
                field("Email", text_input("email", type="email", placeholder="you@example.com", auto_complete="email")),
                field("Password", text_input("password", type="password", auto_complete="current-password")),
                rx.link("Forgot your password?", href=routes.FORGOT_PASSWORD, size="2", align="right", width="100%"),
                submit_button("Sign in", SignInState.loading),
                spacing="4", width="100%",
            ),
            on_submit=SignInState.submit, width="100%",
        ),
        rx.cond(
            (SignInState.sso_provider != "") | (SignInState.providers.length() > 0),
            rx.vstack(
                rx.hstack(rx.separator(size="4"), rx.text("or", size="1", color_scheme="gray"), rx.separator(size="4"),
                          align="center", width="100%"),
                # Plain links (a full page load): the API takes it from here to the provider and back.
                rx.cond(
                    SignInState.sso_provider != "",
                    rx.el.a(
                        rx.button(rx.icon("building-2", size=16), "Sign in with ", SignInState.sso_provider, variant="outline",
                                  size="3", width="100%", type="button", tab_index=-1),
                        href=SignInState.sso_login_url, id="sso-sign-in", style={"width": "100%"},
                    ),
                ),
                rx.foreach(SignInState.providers, lambda p: rx.el.a(
                    rx.button(rx.icon("building-2", size=16), "Sign in with ", p["displayName"], variant="outline", size="3",
                              width="100%", type="button", tab_index=-1),
                    href=p["loginUrl"], class_name="sso-provider", style={"width": "100%"},
                )),
                spacing="4", width="100%",
            ),
        ),
    )
