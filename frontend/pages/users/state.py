"""State of the user-management page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import members as members_api
from frontend.components import list_controls as lists
from frontend.pages.users.rows import ADMIN_ONLY, InvitationRow, MemberRow, Option, split_emails
from frontend.state import SessionState

MEMBER_SORT_KEYS = {
    "email": lambda m: m.email, "name": lambda m: (m.name.lower(), m.email), "role": lambda m: (m.role, m.email),
    "last_sign_in": lambda m: m.last_sign_in_iso,
}
INVITATION_SORT_KEYS = {"email": lambda i: i.email, "sent": lambda i: (i.sent_iso, i.email), "expires": lambda i: (i.expires_iso, i.email)}
INVITATION_SORT_OPTIONS = [("email", "Email"), ("-sent", "Sent, latest first"), ("expires", "Expiring soonest")]
MEMBER_SORT_OPTIONS = [("email", "Email"), ("name", "Name"), ("role", "Type"), ("-last_sign_in", "Last sign-in, latest first")]


class UsersState(SessionState):
    loading: bool = True
    load_error: str = ""
    pending: list[InvitationRow] = []
    members: list[MemberRow] = []
    sub_accounts: list[Option] = []
    busy: str = ""  # the row whose action is running
    pending_status: str = "ALL"  # ALL, PENDING or EXPIRED
    pending_search: str = ""
    pending_disposable: bool = False  # only invitations to disposable-email domains
    pending_total: int = 0
    pending_cursor: str = ""  # the API's cursor of the next page, "" when none

    # ------------------------------------------------------------- derived

    sort_by: str = "email"
    page: int = 0
    invitation_sort: str = "email"
    invitation_page: int = 0

    @rx.var
    def shown_pending(self) -> list[InvitationRow]:
        rows = lists.sorted_by(self.pending, self.invitation_sort, INVITATION_SORT_KEYS)
        return lists.page_of(rows, self.invitation_page)

    @rx.var
    def pending_page_text(self) -> str:
        return lists.summary(len(self.pending), self.invitation_page)

    @rx.var
    def pending_can_prev(self) -> bool:
        return self.invitation_page > 0

    @rx.var
    def pending_can_next(self) -> bool:
        return (self.invitation_page + 1) * lists.PAGE_SIZE < len(self.pending)

    @rx.event
    def set_invitation_sort(self, value: str):
        self.invitation_sort, self.invitation_page = value, 0

    @rx.event
    def pending_prev(self):
        self.invitation_page = max(0, self.invitation_page - 1)

    @rx.event
    def pending_next(self):
        if self.pending_can_next:
            self.invitation_page += 1

    def _shown(self, status: str) -> list[MemberRow]:
        rows = lists.sorted_by([m for m in self.members if m.status == status], self.sort_by, MEMBER_SORT_KEYS)
        return lists.page_of(rows, self.page)

    @rx.var
    def active_members(self) -> list[MemberRow]:
        return self._shown("ACTIVE")

    @rx.var
    def deactivated_members(self) -> list[MemberRow]:
        return self._shown("DEACTIVATED")

    @rx.var
    def active_count(self) -> int:
        return sum(1 for m in self.members if m.status == "ACTIVE")

    @rx.var
    def deactivated_count(self) -> int:
        return sum(1 for m in self.members if m.status == "DEACTIVATED")

    @rx.var
    def members_page_text(self) -> str:
        return lists.summary(max(self.active_count, self.deactivated_count), self.page)

    @rx.var
    def can_prev_page(self) -> bool:
        return self.page > 0

    @rx.var
    def can_next_page(self) -> bool:
        return (self.page + 1) * lists.PAGE_SIZE < max(self.active_count, self.deactivated_count)

    @rx.event
    def set_sort_by(self, value: str):
        self.sort_by, self.page = value, 0

    @rx.event
    def prev_page(self):
        self.page = max(0, self.page - 1)

    @rx.event
    def next_page(self):
        if self.can_next_page:
            self.page += 1

    @rx.var
    def account_options(self) -> list[Option]:
        return [Option(id=m.account_id, name=m.account_name) for m in self.manageable_accounts]

    # ------------------------------------------------------------- loading

    async def _fetch(self) -> None:
        account = self.active_account_id
        await self._fetch_pending()
        subs = await self._authed(members_api.sub_accounts, account_id=account)
        self.sub_accounts = [Option(id=s["id"], name=s["name"]) for s in subs]
        names = {s.id: s.name for s in self.sub_accounts}
        rows = await self._authed(members_api.account_members, account_id=account)
        self.members = [MemberRow.of(m, names) for m in rows]

    async def _fetch_pending(self, more: bool = False) -> None:
        page = await self._authed(
            members_api.pending_invitations, account_id=self.active_account_id,
            status=None if self.pending_status == "ALL" else self.pending_status, search=self.pending_search,
            disposable=True if self.pending_disposable else None, after=self.pending_cursor if more else None,
        )
        rows = [InvitationRow.of(i) for i in page["rows"]]
        # Pages are positions in a newest-first list: an invitation sent meanwhile shifts them by one.
        shown = {r.id for r in self.pending} if more else set()
        self.pending = [*self.pending, *(r for r in rows if r.id not in shown)] if more else rows
        self.pending_total, self.pending_cursor = page["total"], page["next"] or ""

    async def _refilter(self) -> None:
        try:
            await self._fetch_pending()
        except ApiError as exc:
            self.load_error = exc.message

    @rx.event
    async def set_pending_status(self, status: str):
        self.pending_status = status
        await self._refilter()

    @rx.event
    def set_pending_search(self, text: str):
        self.pending_search = text

    @rx.event
    async def apply_pending_search(self):
        await self._refilter()

    @rx.event
    async def set_pending_disposable(self, on: bool):
        self.pending_disposable = on
        await self._refilter()

    @rx.event
    async def more_pending(self):
        try:
            await self._fetch_pending(more=True)
        except ApiError as exc:
            yield rx.toast.error(exc.message)

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        if not self.can_manage_users:
            self.loading, self.load_error = False, "You need to be an admin of an account to manage its users."
            return
        self.loading, self.load_error = True, ""
        yield
        try:
            await self._fetch()
        except ApiError as exc:
            self.load_error = exc.message
        self.loading = False

    @rx.event
    async def switch_account(self, account_id: str):
        self.active_account_id = account_id
        return UsersState.load

    # ------------------------------------------------------------- row actions

    async def _row_action(self, key: str, call: Callable[..., Awaitable[Any]], done: str, **kwargs: Any):
        self.busy = key
        yield
        try:
            await self._authed(call, account_id=self.active_account_id, **kwargs)
            await self._fetch()
            yield rx.toast.success(done)
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    async def resend(self, invitation_id: str, email: str):
        async for update in self._row_action(f"inv-{invitation_id}", members_api.resend_invitation,
                                             f"A new link is on its way to {email}.", invitation_id=invitation_id):
            yield update

    @rx.event
    async def remove_invitation(self, invitation_id: str, email: str):
        async for update in self._row_action(f"inv-{invitation_id}", members_api.remove_invitation,
                                             f"Invitation to {email} withdrawn.", invitation_id=invitation_id):
            yield update

    @rx.event
    async def deactivate(self, user_id: str, name: str):
        async for update in self._row_action(f"user-{user_id}", members_api.deactivate_user,
                                             f"{name} was deactivated.", user_id=user_id):
            yield update

    @rx.event
    async def reactivate(self, user_id: str, name: str):
        async for update in self._row_action(f"user-{user_id}", members_api.reactivate_user,
                                             f"{name} is active again.", user_id=user_id):
            yield update

    # ------------------------------------------------------------- deactivate and withdraw, with confirmation

    ask_action: str = ""  # "deactivate" a user or "withdraw" an invitation
    ask_id: str = ""
    ask_name: str = ""

    @rx.event
    def ask(self, action: str, target_id: str, name: str):
        self.ask_action, self.ask_id, self.ask_name = action, target_id, name

    @rx.event
    def dismiss_ask(self, open_: bool = False):
        if not open_:
            self.ask_action = ""

    @rx.event
    def confirm_ask(self):
        action, target, name = self.ask_action, self.ask_id, self.ask_name
        self.ask_action = ""
        if action == "deactivate":
            return UsersState.deactivate(target, name)
        if action == "withdraw":
            return UsersState.remove_invitation(target, name)

    # ------------------------------------------------------------- remove, with confirmation

    confirm_user_id: str = ""
    confirm_name: str = ""

    @rx.event
    def ask_remove(self, user_id: str, name: str):
        self.confirm_user_id, self.confirm_name = user_id, name

    @rx.event
    def cancel_remove(self):
        self.confirm_user_id = ""

    @rx.event
    async def confirm_remove(self):
        user_id, name = self.confirm_user_id, self.confirm_name
        self.confirm_user_id = ""
        async for update in self._row_action(f"user-{user_id}", members_api.remove_user,
                                             f"{name} was removed from the account.", user_id=user_id):
            yield update


def allowed_modules(role: str, modules: list[str]) -> list[str]:
    """The modules a role can hold: a User never gets the admin-only ones."""
    return [m for m in modules if role == "ADMIN" or m not in ADMIN_ONLY]


def toggled(items: list[str], item: str, on: bool) -> list[str]:
    return sorted({*items, item}) if on else [x for x in items if x != item]


def emails_of(text: str) -> list[str]:
    return split_emails(text)
