"""Accept an invitation (`/accept-invitation?token=`): see what it is for, then join."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import invitations as invitations_api
from frontend.components.feedback import error_callout, loading_block
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import auth_card
from frontend.pages.reset_password import PASSWORD_HINT
from frontend.state import SessionState

STATUS_TEXT = {
    "ACCEPTED": "This invitation has already been accepted. Sign in to continue.",
    "EXPIRED": "This invitation has expired. Ask the person who invited you to send it again.",
    "REVOKED": "This invitation was withdrawn by the sender.",
}


class AcceptInvitationState(SessionState):
    loading: bool = True
    submitting: bool = False
    problem: str = ""  # the link itself cannot be used
    error: str = ""  # the form needs a change
    inviter: str = ""
    target: str = ""
    summary: str = ""
    invited_email: str = ""
    existing_user: bool = False
    kind: str = ""
    adult: bool = False
    terms: bool = False
    first_name: str = ""
    last_name: str = ""
    privacy_url: str = ""
    terms_url: str = ""
    documents_version: str = ""

    @rx.var
    def token(self) -> str:
        return self.router.url.query_parameters.get("token", "")

    @rx.event
    async def on_load(self):
        self.loading, self.problem, self.error, self.adult, self.terms = True, "", "", False, False
        yield
        try:
            preview = await invitations_api.preview(token=self.token) if self.token else None
        except ApiError as exc:
            preview = None
            self.problem = "This invitation link isn't valid." if exc.code == "NOT_FOUND" else exc.message
        if preview is None:
            self.problem = self.problem or "This invitation link isn't valid."
        else:
            self.inviter, self.target, self.summary = preview["inviterName"], preview["targetName"], preview["summary"]
            self.invited_email, self.existing_user = preview["email"], preview["existingUser"]
            self.kind = preview["kind"]
            self.first_name, self.last_name = preview["firstName"], preview["lastName"]
            self.privacy_url, self.terms_url = preview["privacyPolicyUrl"] or "", preview["termsUrl"] or ""
            self.documents_version = preview["documentsVersion"] or ""
            self.problem = STATUS_TEXT.get(preview["status"], "")
        self.loading = False

    @rx.event
    def set_adult(self, value: bool):
        self.adult = value

    @rx.event
    def set_terms(self, value: bool):
        self.terms = value

    @rx.event
    def set_first_name(self, value: str):
        self.first_name = value

    @rx.event
    def set_last_name(self, value: str):
        self.last_name = value

    @rx.event
    async def submit(self, form: dict):
        password = form.get("password", "") if not self.existing_user else None
        if not self.existing_user and not self.first_name.strip():
            self.error = "Please give your first name."
            return
        if password is not None and len(password) < 12:
            self.error = "Choose a password of at least 12 characters."
            return
        if not self.adult:
            self.error = "Please confirm that you are 18 or older."
            return
        if not self.terms:
            self.error = "Please accept the privacy policy and terms of use."
            return
        self.submitting, self.error = True, ""
        yield
        try:
            names = {} if self.existing_user else {"first_name": self.first_name, "last_name": self.last_name}
            result = await invitations_api.accept(token=self.token, confirm_adult=True, accept_terms=True, password=password, **names)
            if result.get("tokens"):
                self._start_session(result["tokens"])
                await self._load_me()
        except PayloadError as exc:
            # No free seat: the API's words are written for the invitee (the portal's are for admins).
            self.error = (exc.errors[0].get("message") or exc.message) if exc.code == "NO_FREE_SEAT" else exc.message
            return
        except ApiError as exc:
            self.error = exc.message
            return
        finally:
            self.submitting = False
        yield rx.toast.success(f"Welcome to {self.target}!")
        # A family invitation lands on the family's page; any other on Home.
        landing = routes.MY_ACCOUNT if self.kind == "FAMILY_MEMBER" else routes.HOME
        if result.get("tokens"):
            yield rx.redirect(landing)
        else:
            yield rx.redirect(f"{routes.SIGN_IN}?next={landing}")


def _summary() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.center(rx.icon("mail-open", size=18, color="var(--accent-9)"), width="36px", height="36px",
                      border_radius="10px", background="var(--accent-3)", flex_shrink="0"),
            rx.text(rx.text.strong(AcceptInvitationState.inviter), " invited you to join ",
                    rx.text.strong(AcceptInvitationState.target), size="3"),
            spacing="3", align="center",
        ),
        rx.text(AcceptInvitationState.summary, size="2", color_scheme="gray", id="invitation-summary"),
        rx.text("For ", rx.text.strong(AcceptInvitationState.invited_email), size="2", color_scheme="gray"),
        spacing="2", padding="14px", border_radius="10px", background="var(--gray-2)", width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            error_callout(AcceptInvitationState.error),
            rx.cond(
                AcceptInvitationState.existing_user,
                rx.text("You already have a Portico sign-in, so there is no new password to choose.", size="2", color_scheme="gray"),
                rx.vstack(
                    rx.grid(
                        field("First name", rx.input(value=AcceptInvitationState.first_name, on_change=AcceptInvitationState.set_first_name,
                                                     id="first-name", name="first_name", auto_complete="given-name", size="3", width="100%")),
                        field("Last name", rx.input(value=AcceptInvitationState.last_name, on_change=AcceptInvitationState.set_last_name,
                                                    id="last-name", name="last_name", auto_complete="family-name", size="3", width="100%")),
                        columns="2", spacing="3", width="100%",
                    ),
                    field("Choose a password", text_input("password", type="password", auto_complete="new-password"), PASSWORD_HINT),
                    spacing="4", width="100%",
                ),
            ),
            rx.checkbox("I am 18 years of age or older", checked=AcceptInvitationState.adult,
                        on_change=AcceptInvitationState.set_adult, size="2"),
            rx.checkbox("I accept the privacy policy and terms of use", checked=AcceptInvitationState.terms,
                        on_change=AcceptInvitationState.set_terms, size="2"),
            _documents(),
            submit_button("Accept invitation", AcceptInvitationState.submitting),
            spacing="4", width="100%",
        ),
        on_submit=AcceptInvitationState.submit, width="100%",
    )


def _documents() -> rx.Component:
    """Links to the account's Privacy Policy and Terms of Use, with the version agreed to."""
    return rx.cond(
        (AcceptInvitationState.privacy_url != "") | (AcceptInvitationState.terms_url != ""),
        rx.text(
            "Read ",
            rx.cond(AcceptInvitationState.privacy_url != "",
                    rx.link("the privacy policy", href=AcceptInvitationState.privacy_url, is_external=True, id="privacy-link")),
            rx.cond((AcceptInvitationState.privacy_url != "") & (AcceptInvitationState.terms_url != ""), " and ", ""),
            rx.cond(AcceptInvitationState.terms_url != "",
                    rx.link("the terms of use", href=AcceptInvitationState.terms_url, is_external=True, id="terms-link")),
            rx.cond(AcceptInvitationState.documents_version != "", f" (version {AcceptInvitationState.documents_version})", ""),
            ".", size="1", color_scheme="gray",
        ),
    )


def _problem() -> rx.Component:
    return rx.vstack(
        rx.callout(AcceptInvitationState.problem, icon="triangle-alert", color_scheme="amber", width="100%"),
        rx.link(rx.button("Go to sign in", variant="soft", size="3", width="100%"), href=routes.SIGN_IN, width="100%"),
        spacing="4", width="100%",
    )


@rx.page(route=routes.ACCEPT_INVITATION, title="Accept invitation · Portico", on_load=AcceptInvitationState.on_load)
def accept_invitation() -> rx.Component:
    return auth_card(
        "You're invited",
        "Review the invitation, then accept it to get access.",
        rx.cond(
            AcceptInvitationState.loading,
            loading_block("Checking your invitation…"),
            rx.cond(AcceptInvitationState.problem != "", _problem(), rx.vstack(_summary(), _form(), spacing="5", width="100%")),
        ),
    )
