"""The signed-in session, shared by every page: tokens, the person, their accounts.

The access and refresh tokens are backend-only vars (leading underscore): they live in
the portal's server-side state and are never sent to the browser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.api import enterprise as enterprise_api
from frontend.api import families as families_api
from frontend.api import seats as seats_api
from frontend.api.client import forward_browser

T = TypeVar("T")
GROUP_CHOICE = "group"  # the account switcher's "back to the enterprise group" entry
MANAGE_USERS = "USERS_MANAGE"
MANAGE_FAMILIES = "FAMILIES_MANAGE"
MODULE_LABELS = {
    "DASHBOARD": "Dashboard", "CUSTOMERS": "Customers", "SCHEDULING": "Scheduling", "COMMUNICATIONS": "Communications",
    "REPORTS": "Reports", "SEATS": "Seats", "PRICING": "Pricing", "PAYMENT": "Payment", "USER_MANAGEMENT": "User management",
}


@dataclasses.dataclass
class MembershipView:
    """One account the person belongs to, ready to show."""

    id: str = ""
    account_id: str = ""
    account_name: str = ""
    role: str = ""
    status: str = ""
    modules: list[str] = dataclasses.field(default_factory=list)
    module_labels: list[str] = dataclasses.field(default_factory=list)
    permissions: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, m: dict[str, Any]) -> "MembershipView":
        return cls(
            id=m["id"], account_id=m["account"]["id"], account_name=m["account"]["name"], role=m["role"],
            status=m["status"], modules=list(m["modules"]),
            module_labels=[MODULE_LABELS.get(x, x) for x in m["modules"]], permissions=list(m["permissions"]),
        )


ROLE_LABELS = {"PRIMARY": "Primary guardian", "SECONDARY": "Secondary user", "STAFF": "Office staff"}


@dataclasses.dataclass
class FamilyChoiceView:
    """A family I can act in (the family switcher)."""

    id: str = ""
    name: str = ""
    account_name: str = ""
    role: str = ""
    role_label: str = ""
    is_active: bool = False

    @classmethod
    def of(cls, f: dict[str, Any]) -> "FamilyChoiceView":
        return cls(id=f["id"], name=f["name"], account_name=f["accountName"], role=f["role"],
                   role_label=ROLE_LABELS.get(f["role"], f["role"]), is_active=f["isActive"])


@dataclasses.dataclass
class SeatSubscriptionView:
    """A subscription the person is seat admin of (for the Seats nav and selector)."""

    id: str = ""
    name: str = ""


@dataclasses.dataclass
class EnterpriseAccountView:
    """A member account of my enterprise group, and the staff user I would act as there."""

    account_id: str = ""
    name: str = ""
    login_as_name: str = ""
    login_as_email: str = ""
    can_act: bool = False
    permission_count: int = 0

    @classmethod
    def of(cls, a: dict[str, Any]) -> "EnterpriseAccountView":
        login_as = a.get("loginAs") or {}
        return cls(
            account_id=a["accountId"], name=a["name"], login_as_name=login_as.get("fullName") or login_as.get("email") or "",
            login_as_email=login_as.get("email") or "", can_act=bool(a["canAct"]), permission_count=len(a["permissions"]),
        )


class SessionState(rx.State):
    """Who is signed in. Page states subclass it to reach the session."""

    _access_token: str = ""
    _refresh_token: str = ""
    # The enterprise person's own session, kept while they act in an account, so moving to
    # another account of the group needs no new sign-in at the provider.
    _enterprise_access_token: str = ""
    _enterprise_refresh_token: str = ""
    acting_account_id: str = ""  # the one account an act-as session is limited to
    enterprise_group_id: str = ""
    enterprise_group_name: str = ""
    is_enterprise_admin: bool = False
    user_id: str = ""
    full_name: str = ""
    email: str = ""
    memberships: list[MembershipView] = []
    # The account chosen on Home (admins of several): kept in the browser, so it survives
    # pages, reloads and later visits; checked against my accounts on every load.
    active_account_id: str = rx.LocalStorage("", name="portico_active_account", sync=True)
    families: list[FamilyChoiceView] = []
    seat_admin_subscriptions: list[SeatSubscriptionView] = []
    seat_count: int = 0  # subscriptions where I hold (or held) a seat: My learning
    enterprise_accounts: list[EnterpriseAccountView] = []

    @rx.var
    def signed_in(self) -> bool:
        return bool(self.user_id)

    @rx.var
    def display_name(self) -> str:
        return self.full_name or self.email

    @rx.var
    def initials(self) -> str:
        parts = (self.full_name or self.email or "?").replace("@", " ").split()
        return "".join(p[0] for p in parts[:2]).upper()

    @rx.var
    def manageable_accounts(self) -> list[MembershipView]:
        return [m for m in self.memberships if m.status == "ACTIVE" and MANAGE_USERS in m.permissions]

    @rx.var
    def can_manage_users(self) -> bool:
        return any(m.account_id == self.active_account_id for m in self.manageable_accounts)

    @rx.var
    def family_office_accounts(self) -> list[MembershipView]:
        """Accounts where I am office staff for families (the Customers module)."""
        return [m for m in self.memberships if m.status == "ACTIVE" and MANAGE_FAMILIES in m.permissions]

    @rx.var
    def can_manage_families(self) -> bool:
        return len(self.family_office_accounts) > 0

    @rx.var
    def can_manage_seats(self) -> bool:
        return len(self.seat_admin_subscriptions) > 0

    @rx.var
    def has_learning(self) -> bool:
        return self.seat_count > 0

    @rx.var
    def is_enterprise_user(self) -> bool:
        return self.enterprise_group_id != ""

    @rx.var
    def switcher_value(self) -> str:
        return self.acting_account_id or GROUP_CHOICE

    @rx.var
    def acting_account_name(self) -> str:
        return next((a.name for a in self.enterprise_accounts if a.account_id == self.acting_account_id), "")

    @rx.var
    def active_account_name(self) -> str:
        return next((m.account_name for m in self.memberships if m.account_id == self.active_account_id), "")

    @rx.var
    def has_families(self) -> bool:
        return len(self.families) > 0

    @rx.var
    def active_family_id(self) -> str:
        return next((f.id for f in self.families if f.is_active), self.families[0].id if self.families else "")

    @rx.var
    def active_family_name(self) -> str:
        return next((f.name for f in self.families if f.id == self.active_family_id), "")

    # ------------------------------------------------------------- session plumbing

    def _start_session(self, tokens: dict[str, Any]) -> None:
        self._access_token = tokens["accessToken"]
        self._refresh_token = tokens["refreshToken"]
        user = tokens["user"]
        self.user_id, self.full_name, self.email = user["id"], user["fullName"], user["email"]

    def _end_session(self) -> None:
        self._access_token = self._refresh_token = ""
        self.user_id = self.full_name = self.email = ""
        self.memberships, self.families = [], []
        self.seat_admin_subscriptions = []
        self.seat_count = 0
        self._forget_enterprise()

    def _forget_enterprise(self) -> None:
        self._enterprise_access_token = self._enterprise_refresh_token = ""
        self.enterprise_accounts = []
        self.acting_account_id = self.enterprise_group_id = self.enterprise_group_name = ""
        self.is_enterprise_admin = False

    async def _authed(self, call: Callable[..., Awaitable[T]], **kwargs: Any) -> T:
        """Call the API with my access token, refreshing it once when it has expired."""
        forward_browser(self.router.session.client_ip)
        try:
            return await call(token=self._access_token, **kwargs)
        except ApiError as exc:
            if exc.code != "UNAUTHENTICATED" or not self._refresh_token:
                raise
        shared = self._refresh_token == self._enterprise_refresh_token  # the enterprise session itself
        try:
            self._start_session(await auth_api.refresh(refresh_token=self._refresh_token))
            if shared:  # a refresh token is single-use: keep both pairs on the new one
                self._enterprise_access_token, self._enterprise_refresh_token = self._access_token, self._refresh_token
        except (ApiError, PayloadError) as exc:
            self._end_session()
            raise ApiError("UNAUTHENTICATED", "Your session has ended. Please sign in again.") from exc
        return await call(token=self._access_token, **kwargs)

    async def _authed_enterprise(self, call: Callable[..., Awaitable[T]], **kwargs: Any) -> T:
        """Call the API as the enterprise person (their own session, kept while acting)."""
        try:
            return await call(token=self._enterprise_access_token, **kwargs)
        except ApiError as exc:
            if exc.code != "UNAUTHENTICATED" or not self._enterprise_refresh_token:
                raise
        tokens = await auth_api.refresh(refresh_token=self._enterprise_refresh_token)
        self._enterprise_access_token, self._enterprise_refresh_token = tokens["accessToken"], tokens["refreshToken"]
        if self._access_token and not self.acting_account_id:
            self._access_token, self._refresh_token = self._enterprise_access_token, self._enterprise_refresh_token
        return await call(token=self._enterprise_access_token, **kwargs)

    async def _load_enterprise(self) -> None:
        """My group, my level and its accounts, only for enterprise people (no call otherwise)."""
        try:
            groups = await self._authed_enterprise(enterprise_api.my_groups)
            accounts = await self._authed_enterprise(enterprise_api.my_accounts) if groups else []
        except (ApiError, PayloadError):
            groups, accounts = [], []  # the enterprise session ended: plain session from here
        if not groups:
            acting = self.acting_account_id
            self._forget_enterprise()
            self.acting_account_id = acting
            return
        self.enterprise_group_id, self.enterprise_group_name = groups[0]["id"], groups[0]["name"]
        self.is_enterprise_admin = bool(groups[0]["isAdmin"])
        self.enterprise_accounts = [EnterpriseAccountView.of(a) for a in accounts]

    async def _load_me(self) -> None:
        me = await self._authed(auth_api.me)
        if me is None:
            self._end_session()
            return
        self.user_id, self.full_name, self.email = me["user"]["id"], me["user"]["fullName"], me["user"]["email"]
        self.acting_account_id = me.get("actAsAccountId") or ""
        if me.get("isEnterpriseUser"):
            self._enterprise_access_token, self._enterprise_refresh_token = self._access_token, self._refresh_token
        self.memberships = [MembershipView.of(m) for m in me["memberships"]]
        self.families = [FamilyChoiceView.of(f) for f in await self._authed(families_api.my_families)]
        ids = [m.account_id for m in self.manageable_accounts] or [m.account_id for m in self.memberships]
        if self.active_account_id not in ids:
            self.active_account_id = ids[0] if ids else ""
        subscriptions = await self._authed(seats_api.my_subscriptions)
        self.seat_admin_subscriptions = [
            SeatSubscriptionView(id=s["subscription"]["id"], name=s["subscription"]["name"]) for s in subscriptions if s["isAdmin"]
        ]
        self.seat_count = sum(1 for s in subscriptions if s["status"] in ("ACTIVE", "DEACTIVATED"))
        if self._enterprise_access_token:
            await self._load_enterprise()

    def _to_sign_in(self) -> rx.event.EventSpec:
        return rx.redirect(f"{routes.SIGN_IN}?next={self.router.url.path or routes.HOME}")

    # ------------------------------------------------------------- events

    @rx.event
    async def require_session(self):
        """on_load guard for signed-in pages: refresh who I am, or go to sign in."""
        if not self._access_token:
            return self._to_sign_in()
        try:
            await self._load_me()
        except ApiError as exc:
            if exc.code == "UNAUTHENTICATED":
                self._end_session()
                return self._to_sign_in()
            return rx.toast.error(exc.message)
        if not self.signed_in:
            return self._to_sign_in()

    @rx.event
    async def switch_enterprise_account(self, account_id: str):
        """The account switcher of enterprise people: act in another account of the group with
        the kept enterprise session (no new sign-in), or ("") go back to the group's list."""
        account_id = "" if account_id == GROUP_CHOICE else account_id
        if not self._enterprise_access_token or account_id == self.acting_account_id:
            return
        if self.acting_account_id:
            try:
                await auth_api.logout(token=self._access_token)  # the act-as session being left
            except ApiError:
                pass
        try:
            if account_id:
                self._start_session(await self._authed_enterprise(enterprise_api.act_as, account_id=account_id))
            else:
                self._access_token, self._refresh_token = self._enterprise_access_token, self._enterprise_refresh_token
            self.active_account_id = account_id
            await self._load_me()
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
            return
        if not account_id:
            yield rx.redirect(routes.ENTERPRISE)
            return
        yield rx.toast.success(f"You now act as {self.display_name} in {self.acting_account_name}.")
        yield rx.redirect(routes.HOME)

    @rx.event
    def set_active_account(self, account_id: str):
        self.active_account_id = account_id

    @rx.event
    async def switch_family(self, family_id: str):
        """Act in another family (the user menu), then show My Account for it."""
        if family_id == self.active_family_id:
            return
        try:
            family = await self._authed(families_api.switch_family, family_id=family_id)
            self.families = [FamilyChoiceView.of(f) for f in await self._authed(families_api.my_families)]
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
            return
        yield rx.toast.success(f"Now viewing the {family['name']} family.")
        yield rx.redirect(routes.MY_ACCOUNT)
