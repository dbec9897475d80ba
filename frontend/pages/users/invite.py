"""Invite many addresses at once, and show what happened to each."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import members as members_api
from frontend.components.feedback import error_callout
from frontend.components.layout import card, card_header
from frontend.pages.users.access import access_fields
from frontend.pages.users.rows import ResultRow
from frontend.pages.users.state import UsersState, allowed_modules, emails_of, toggled


class InviteState(UsersState):
    emails_text: str = ""
    role: str = "USER"
    modules: list[str] = ["DASHBOARD"]
    subs: list[str] = []
    inviting: bool = False
    invite_error: str = ""
    results: list[ResultRow] = []
    invited_count: int = 0

    @rx.var
    def email_count(self) -> int:
        return len(emails_of(self.emails_text))

    @rx.var
    def skipped_count(self) -> int:
        return len(self.results) - self.invited_count

    @rx.event
    def set_emails_text(self, text: str):
        self.emails_text = text

    @rx.event
    def set_role(self, role: str | list[str]):
        self.role = role if isinstance(role, str) else role[0]
        self.modules = allowed_modules(self.role, self.modules)

    @rx.event
    def toggle_module(self, module: str, on: bool):
        self.modules = allowed_modules(self.role, toggled(self.modules, module, on))

    @rx.event
    def toggle_sub(self, sub_id: str, on: bool):
        self.subs = toggled(self.subs, sub_id, on)

    @rx.event
    def clear_results(self):
        self.results, self.invited_count = [], 0

    @rx.event
    async def submit(self):
        emails = emails_of(self.emails_text)
        if not emails:
            self.invite_error = "Enter at least one email address."
            return
        self.inviting, self.invite_error = True, ""
        yield
        try:
            payload = await self._authed(
                members_api.invite_users, account_id=self.active_account_id, emails=emails, role=self.role,
                modules=allowed_modules(self.role, self.modules), sub_account_ids=self.subs,
            )
            self.results = [ResultRow.of(r) for r in payload["results"]]
            self.invited_count = payload["invitedCount"]
            self.emails_text = ""
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.invite_error = exc.message
            return
        finally:
            self.inviting = False
        noun = "invitation" if self.invited_count == 1 else "invitations"
        yield rx.toast.success(f"{self.invited_count} {noun} sent.") if self.invited_count else rx.toast.warning("No invitations were sent.")


def _result(r: ResultRow) -> rx.Component:
    return rx.flex(
        rx.text(r.email, weight="medium", size="2", width=["100%", "38%"], flex_shrink="0", style={"overflow_wrap": "anywhere"}),
        rx.box(rx.badge(r.label, color_scheme=r.color, variant="soft"), width=["auto", "128px"], flex_shrink="0"),
        rx.text(r.message, size="2", color_scheme="gray", flex="1"),
        direction=rx.breakpoints(initial="column", sm="row"), spacing=rx.breakpoints(initial="1", sm="3"),
        align=rx.breakpoints(initial="start", sm="center"), padding_y="10px",
        border_top="1px solid var(--gray-4)", width="100%", class_name="invite-result",
    )


def results_card() -> rx.Component:
    return rx.cond(
        InviteState.results.length() > 0,
        card(
            card_header(
                "Invitation results",
                f"{InviteState.invited_count} invited, {InviteState.skipped_count} skipped",
                rx.icon_button(rx.icon("x", size=16), variant="ghost", color_scheme="gray", on_click=InviteState.clear_results,
                               aria_label="Dismiss results"),
            ),
            rx.vstack(rx.foreach(InviteState.results, _result), spacing="0", width="100%", id="invite-results"),
        ),
    )


def invite_card() -> rx.Component:
    return card(
        card_header("Invite users", "Paste as many addresses as you like: one per line, or separated by commas."),
        rx.vstack(
            error_callout(InviteState.invite_error),
            rx.text_area(
                value=InviteState.emails_text, on_change=InviteState.set_emails_text, id="invite-emails",
                placeholder="maria@example.com\njohn@example.com, lee@example.com", rows="4", size="3", width="100%",
            ),
            access_fields(InviteState.role, InviteState.modules, InviteState.subs, UsersState.sub_accounts,
                          InviteState.set_role, InviteState.toggle_module, InviteState.toggle_sub, "invite"),
            rx.flex(
                rx.text(
                    rx.cond(InviteState.email_count == 1, "1 address", f"{InviteState.email_count} addresses"),
                    size="2", color_scheme="gray",
                ),
                rx.button(rx.icon("send", size=16), "Send invites", size="3", on_click=InviteState.submit,
                          loading=InviteState.inviting, disabled=InviteState.email_count == 0, id="send-invites"),
                justify="between", align="center", width="100%", spacing="3",
            ),
            spacing="4", width="100%",
        ),
    )
