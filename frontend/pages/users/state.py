"""State of the user-management page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import members as members_api
from frontend.pages.users.rows import ADMIN_ONLY, InvitationRow, MemberRow, Option, split_emails
from frontend.state import SessionState


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
    pending_next: str = ""  # cursor of the next page, "" when none

    # ------------------------------------------------------------- derived

    @rx.var
    def active_members(self) -> list[MemberRow]:
        return [m for m in self.members if m.status == "ACTIVE"]

    @rx.var
    def deactivated_members(self) -> list[MemberRow]:
        return [m for m in self.members if m.status == "DEACTIVATED"]

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
            disposable=True if self.pending_disposable else None, after=self.pending_next if more else None,
        )
        rows = [InvitationRow.of(i) for i in page["rows"]]
        self.pending = [*self.pending, *rows] if more else rows
        self.pending_total, self.pending_next = page["total"], page["next"] or ""

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
