"""State of the seat dashboard: the chosen subscription, its seats, usage and people."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import learning as learning_api
from frontend.api import seats as seats_api
from frontend.api import teams as teams_api
from frontend.components import list_controls as lists
from frontend.pages.seats.rows import AssignmentRow, Option, SeatUserRow, SubscriptionView, TeamRow, usage_points
from frontend.state import SessionState

SORT_KEYS = {
    "name": lambda r: (r.name.lower(), r.email), "email": lambda r: r.email,
    "status": lambda r: (r.status_label, r.name.lower()),
    "last_sign_in": lambda r: r.last_sign_in_iso,  # offered descending: latest first, never-signed-in last
}
SORT_OPTIONS = [("name", "Name"), ("email", "Email"), ("status", "Status"), ("-last_sign_in", "Last sign-in, latest first")]
STATUS_FILTERS = {"ACTIVE": "Active", "INVITED": "Invited", "DEACTIVATED": "Deactivated", "ADMINS": "Admins", "ALL": "Everyone"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SeatsState(SessionState):
    loading: bool = True
    load_error: str = ""
    subscription_id: str = ""
    sub: SubscriptionView = SubscriptionView()
    usage: list[dict[str, Any]] = []
    people: list[SeatUserRow] = []
    status_filter: str = "ACTIVE"
    search: str = ""
    users_loading: bool = False
    busy: str = ""  # the row whose action is running
    seat_error: str = ""  # a refusal that must stay on screen (NO_FREE_SEAT)
    downloading: str = ""  # the report being prepared
    teams: list[TeamRow] = []
    everyone: list[Option] = []  # people with an account on the subscription, for teams
    assignments: list[AssignmentRow] = []
    modules: list[Option] = []
    module_id: str = ""  # the module chosen in the assign form (a new module is chosen for you)
    sort_by: str = "name"
    page: int = 0
    tab: str = "users"  # the dashboard's section; activity screens link to Teams and Assignments

    @rx.event
    def set_tab(self, value: str):
        self.tab = value

    @rx.var
    def shown_people(self) -> list[SeatUserRow]:
        """The people list sorted by the chosen column, one page at a time."""
        return lists.page_of(lists.sorted_by(self.people, self.sort_by, SORT_KEYS), self.page)

    @rx.var
    def people_page_text(self) -> str:
        return lists.summary(len(self.people), self.page)

    @rx.var
    def can_prev_page(self) -> bool:
        return self.page > 0

    @rx.var
    def can_next_page(self) -> bool:
        return (self.page + 1) * lists.PAGE_SIZE < len(self.people)

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
    def seat_percent(self) -> int:
        return round(100 * self.sub.allocated / self.sub.seat_count) if self.sub.seat_count else 0

    @rx.var
    def seats_full(self) -> bool:
        return self.sub.seat_count > 0 and self.sub.available == 0

    @rx.var
    def seats_note(self) -> str:
        """The invite dialog's line: free seats against invitations still waiting for an answer."""
        free = "1 seat is free" if self.sub.available == 1 else f"{self.sub.available} seats are free"
        waiting = "1 invitation is pending" if self.sub.pending == 1 else f"{self.sub.pending} invitations are pending"
        note = f"{free}, {waiting}."
        if 0 < self.sub.available < self.sub.pending:
            note += " If more invitees accept than there are seats, the latest must wait: they are told so, and you get an email."
        return note

    @rx.var
    def has_usage(self) -> bool:
        return any(p["Active people"] or p["Viewings"] or p["Logins"] for p in self.usage)

    @rx.var
    def filter_label(self) -> str:
        return STATUS_FILTERS.get(self.status_filter, "")

    # ------------------------------------------------------------- loading

    async def _fetch_users(self) -> None:
        status = None if self.status_filter == "ALL" else self.status_filter
        rows = await self._authed(seats_api.users, subscription_id=self.subscription_id, status=status, search=self.search.strip())
        self.people, self.page = [SeatUserRow.of(r) for r in rows], 0

    async def _fetch_overview(self) -> None:
        self.sub = SubscriptionView.of(await self._authed(seats_api.subscription, subscription_id=self.subscription_id))
        self.usage = usage_points(await self._authed(seats_api.usage, subscription_id=self.subscription_id, days=30))

    async def _fetch_teams(self) -> None:
        self.teams = [TeamRow.of(t) for t in await self._authed(teams_api.teams, subscription_id=self.subscription_id)]
        rows = await self._authed(seats_api.users, subscription_id=self.subscription_id, status=None, search="")
        self.everyone = [Option(id=r["user"]["id"], name=f"{r['firstName']} {r['lastName']}".strip() or r["email"])
                         for r in rows if r["user"]]

    async def _fetch_learning(self) -> None:
        sub = self.subscription_id
        self.assignments = [AssignmentRow.of(a) for a in await self._authed(learning_api.assignments, subscription_id=sub)]
        self.modules = [Option(id=m["id"], name=m["name"]) for m in await self._authed(learning_api.learning_modules, subscription_id=sub)]

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        ids = [s.id for s in self.seat_admin_subscriptions]
        if not ids:
            self.loading = False
            return
        if self.subscription_id not in ids:
            self.subscription_id = ids[0]
        # Coming back to the page refreshes in place; only a first (or another) subscription shows the loading block,
        # so a tab someone already clicked is not thrown away.
        self.loading, self.load_error, self.seat_error = self.sub.id != self.subscription_id, "", ""
        yield
        try:
            await self._fetch_overview()
            await self._fetch_users()
            await self._fetch_teams()
            await self._fetch_learning()
        except ApiError as exc:
            self.load_error = exc.message
        self.loading = False

    @rx.event
    async def switch_subscription(self, subscription_id: str):
        self.subscription_id = subscription_id
        return SeatsState.load

    async def _refresh_users(self):
        self.users_loading = True
        yield
        try:
            await self._fetch_users()
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.users_loading = False

    @rx.event
    async def set_status_filter(self, value: str):
        self.status_filter, self.seat_error = value, ""
        async for update in self._refresh_users():
            yield update

    @rx.event
    async def set_search(self, value: str):
        self.search = value
        async for update in self._refresh_users():
            yield update

    @rx.event
    def dismiss_seat_error(self):
        self.seat_error = ""

    # ------------------------------------------------------------- per-person actions

    async def _row_action(self, key: str, call: Callable[..., Awaitable[Any]], done: str, **kwargs: Any):
        self.busy, self.seat_error = key, ""
        yield
        try:
            result = await self._authed(call, subscription_id=self.subscription_id, **kwargs)
            if isinstance(result, dict) and "seatCount" in result:
                self.sub = SubscriptionView.of(result)  # seat counts after the change
            await self._fetch_users()
            yield rx.toast.success(done)
        except PayloadError as exc:
            if exc.code == "NO_FREE_SEAT":
                self.seat_error = exc.message
            yield rx.toast.error(exc.message)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    async def activate(self, user_id: str, name: str):
        async for u in self._row_action(f"u{user_id}", seats_api.activate_seat, f"{name} now holds a seat.", user_id=user_id):
            yield u

    @rx.event
    async def deactivate(self, user_id: str, name: str):
        async for u in self._row_action(f"u{user_id}", seats_api.deactivate_seat, f"{name}'s seat is free again.", user_id=user_id):
            yield u

    @rx.event
    async def remove_admin(self, user_id: str, name: str):
        async for u in self._row_action(f"u{user_id}", seats_api.remove_admin_rights, f"{name} is no longer a seat admin.",
                                        user_id=user_id):
            yield u

    @rx.event
    async def reset_password(self, user_id: str, email: str):
        done = f"Reset link sent to {email}. It works for 15 minutes: ask them to check their inbox and spam folder now."
        async for u in self._row_action(f"u{user_id}", seats_api.send_password_reset, done, user_id=user_id):
            yield u

    @rx.event
    async def resend(self, invitation_id: str, email: str):
        async for u in self._row_action(f"i{invitation_id}", seats_api.resend_seat_invitation, f"A new link is on its way to {email}.",
                                        invitation_id=invitation_id):
            yield u

    @rx.event
    async def revoke(self, invitation_id: str, email: str):
        async for u in self._row_action(f"i{invitation_id}", seats_api.revoke_seat_invitation, f"Invitation to {email} withdrawn.",
                                        invitation_id=invitation_id):
            yield u

    # ------------------------------------------------------------- reports

    @rx.event
    async def download_report(self, kind: str):
        """Fetch the .xlsx here, with my token, and hand only the bytes to the browser."""
        self.downloading = kind
        yield
        try:
            data = await self._authed(seats_api.organization_report, subscription_id=self.subscription_id, kind=kind)
            yield rx.download(data=data, filename=f"{kind}-{self.sub.name.lower().replace(' ', '-')}.xlsx", mime_type=XLSX)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.downloading = ""
