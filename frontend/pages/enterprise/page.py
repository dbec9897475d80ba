"""Enterprise sign-in in the portal: pick up the tokens the API's /sso/callback put in the
URL fragment, then list my group's member accounts and act as the mapped staff user in one."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import enterprise as enterprise_api
from frontend.components.feedback import empty_state, error_callout, loading_block
from frontend.components.layout import app_shell, auth_card, card, card_header
from frontend.state import EnterpriseAccountView, SessionState

# Read the fragment and take it out of the address bar (and history) in one go.
TAKE_FRAGMENT = (
    "(() => { const h = window.location.hash; "
    "window.history.replaceState(null, '', window.location.pathname + window.location.search); return h; })()"
)
NOT_SIGNED_IN = "We couldn't sign you in with your organisation's account. The sign-in may have expired or been used already."


class EnterpriseSignInState(SessionState):
    failed: bool = False
    sso_provider: str = ""
    sso_login_url: str = ""

    @rx.event
    async def on_load(self):
        self.failed = False
        self.sso_provider = await enterprise_api.sso_provider()
        self.sso_login_url = enterprise_api.sso_login_url()
        return rx.call_script(TAKE_FRAGMENT, callback=EnterpriseSignInState.receive)

    @rx.event
    async def receive(self, fragment: str):
        tokens = enterprise_api.tokens_from_fragment(fragment if isinstance(fragment, str) else "")
        if tokens is None:
            if self.signed_in:  # a reload after signing in: the fragment is gone, the session is not
                return rx.redirect(routes.ENTERPRISE if self.is_enterprise_user else routes.HOME)
            self.failed = True
            return
        self._end_session()
        self._access_token, self._refresh_token = tokens
        try:
            await self._load_me()
        except (ApiError, PayloadError):
            self._end_session()
        if not self.signed_in:
            self.failed = True
            return
        return rx.redirect(routes.ENTERPRISE if self.is_enterprise_user else routes.HOME)


@rx.page(route=routes.ENTERPRISE_SIGNED_IN, title="Signing in · Portico", on_load=EnterpriseSignInState.on_load)
def enterprise_signed_in() -> rx.Component:
    return rx.cond(
        EnterpriseSignInState.failed,
        auth_card(
            "Sign-in didn't finish",
            NOT_SIGNED_IN,
            rx.vstack(
                rx.cond(
                    EnterpriseSignInState.sso_provider != "",
                    rx.el.a(rx.button("Try again with ", EnterpriseSignInState.sso_provider, size="3", width="100%", type="button",
                                      tab_index=-1),
                            href=EnterpriseSignInState.sso_login_url, id="sso-try-again", style={"width": "100%"}),
                ),
                rx.link(rx.button("Sign in with email and password", variant="soft", color_scheme="gray", size="3", width="100%"),
                        href=routes.SIGN_IN, width="100%"),
                spacing="3", width="100%", id="sso-failed",
            ),
        ),
        auth_card("Signing you in…", "One moment while we finish your enterprise sign-in.", loading_block("Signing in…")),
    )


class EnterpriseState(SessionState):
    acting_id: str = ""
    error: str = ""

    @rx.event
    def on_load(self):
        self.acting_id, self.error = "", ""

    @rx.event
    async def act(self, account_id: str):
        """Act in an account: the session becomes the staff user the group maps me to there."""
        account = next((a for a in self.enterprise_accounts if a.account_id == account_id), None)
        if account is None:
            return
        self.acting_id, self.error = account_id, ""
        yield
        try:
            self._start_session(await self._authed_enterprise(enterprise_api.act_as, account_id=account_id))
            self.active_account_id = account_id
            await self._load_me()
        except (ApiError, PayloadError) as exc:
            self.error = exc.message
            return
        finally:
            self.acting_id = ""
        yield rx.toast.success(f"You now act as {self.display_name} in {account.name}.")
        yield rx.redirect(routes.HOME)


def _account(a: EnterpriseAccountView) -> rx.Component:
    return rx.hstack(
        rx.center(rx.icon("building-2", size=18, color="var(--accent-9)"), width="36px", height="36px",
                  border_radius="10px", background="var(--accent-3)", flex_shrink="0"),
        rx.vstack(
            rx.text(a.name, weight="bold", size="3"),
            rx.cond(
                a.can_act,
                rx.text("As ", a.login_as_name, " (", a.login_as_email, ")", size="1", color_scheme="gray"),
                rx.text("Not set up for you yet. Ask your group admin.", size="1", color_scheme="gray"),
            ),
            spacing="0", flex="1", min_width="0",
        ),
        rx.button(
            "Act in this account", size="2", variant="soft", disabled=~a.can_act,
            loading=EnterpriseState.acting_id == a.account_id, on_click=EnterpriseState.act(a.account_id),
        ),
        class_name="enterprise-account", data_name=a.name,
        spacing="3", align="center", padding="16px", border="1px solid var(--gray-4)", border_radius="12px",
        background="white", width="100%",
    )


@rx.page(route=routes.ENTERPRISE, title="Enterprise accounts · Portico",
         on_load=[SessionState.require_session, EnterpriseState.on_load])
def enterprise_accounts() -> rx.Component:
    return app_shell(
        "Enterprise accounts",
        "The accounts of your enterprise group. Acting in one signs you in as the staff user your group set up there.",
        card(
            card_header("Your group's accounts"),
            error_callout(EnterpriseState.error),
            rx.cond(
                SessionState.is_enterprise_user,
                rx.vstack(rx.foreach(SessionState.enterprise_accounts, _account), spacing="3", width="100%", id="enterprise-accounts"),
                empty_state("building-2", "No enterprise accounts",
                            "You're not signed in as a person of an enterprise group. Sign in with your organisation's account to act in its accounts."),
            ),
            width="100%",
        ),
    )
