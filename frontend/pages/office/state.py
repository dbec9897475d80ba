"""State of the office Families page: the account's families, one family's members, and
what staff may do there (create a family, revoke a secondary; never invite or grant)."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import families as families_api
from frontend.components import list_controls as lists
from frontend.pages.my_account.rows import money
from frontend.pages.office.rows import FamilyRow, LedgerRow, MemberRow
from frontend.state import SessionState

SORT_KEYS = {
    "name": lambda f: (f.name.lower(), f.primary_name.lower()), "primary": lambda f: (f.primary_name.lower(), f.name.lower()),
    "status": lambda f: (f.primary_label, f.name.lower()),
}
SORT_OPTIONS = [("name", "Family name"), ("primary", "Primary guardian"), ("status", "Guardian status")]


class OfficeFamiliesState(SessionState):
    account_id: str = ""
    loading: bool = True
    load_error: str = ""
    families: list[FamilyRow] = []
    search: str = ""
    selected_id: str = ""
    members: list[MemberRow] = []
    members_loading: bool = False
    members_error: str = ""
    balance: str = ""
    students: list[str] = []
    ledger: list[LedgerRow] = []
    duplicates: str = ""  # families that already have the new guardian's email
    duplicate_checked_email: str = ""

    @rx.var
    def account_name(self) -> str:
        return next((m.account_name for m in self.family_office_accounts if m.account_id == self.account_id), "")

    sort_by: str = "name"
    page: int = 0

    @rx.var
    def shown_families(self) -> list[FamilyRow]:
        """The API searched guardians (primary and secondary) and students; here: sorted, one page."""
        return lists.page_of(lists.sorted_by(self.families, self.sort_by, SORT_KEYS), self.page)

    @rx.var
    def families_page_text(self) -> str:
        return lists.summary(len(self.families), self.page)

    @rx.var
    def can_prev_page(self) -> bool:
        return self.page > 0

    @rx.var
    def can_next_page(self) -> bool:
        return (self.page + 1) * lists.PAGE_SIZE < len(self.families)

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
    def family_count(self) -> str:
        n = len(self.families)
        if self.search.strip():
            return "No family matches" if n == 0 else "1 family matches" if n == 1 else f"{n} families match"
        return "No families yet" if n == 0 else "1 family" if n == 1 else f"{n} families"

    @rx.var
    def selected_name(self) -> str:
        return next((f.name for f in self.families if f.id == self.selected_id), "")

    @rx.var
    def selected_primary_pending(self) -> bool:
        return any(f.id == self.selected_id and f.primary_status != "ACTIVE" for f in self.families)

    @rx.var
    def selected_primary(self) -> str:
        return next((f"{f.primary_name} · {f.primary_label}" for f in self.families if f.id == self.selected_id), "")

    async def _fetch_families(self) -> None:
        rows = await self._authed(families_api.account_families, account_id=self.account_id, search=self.search.strip())
        self.families, self.page = [FamilyRow.of(f) for f in rows], 0

    async def _fetch_members(self) -> None:
        rows = await self._authed(families_api.family_members, family_id=self.selected_id)
        self.members = [MemberRow.of(m) for m in rows]
        detail = await self._authed(families_api.staff_detail, family_id=self.selected_id)
        self.balance = money(detail["familyBalance"]["balanceCents"])
        self.students = [
            f"{s['firstName']} {s['lastName']}".strip() + (f" · {', '.join(e['className'] for e in s['enrollments'])}" if s["enrollments"] else "")
            for s in detail["familyStudents"]
        ]
        self.ledger = [LedgerRow.of(t) for t in detail["familyTransactions"]]  # the API sends the 5 latest

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        ids = [m.account_id for m in self.family_office_accounts]
        if not ids:
            self.loading, self.load_error = False, "You need the Customers module in an account to manage its families."
            return
        if self.account_id not in ids:
            self.account_id, self.selected_id = ids[0], ""
        self.loading, self.load_error = True, ""
        yield
        try:
            await self._fetch_families()
            if self.selected_id:
                await self._fetch_members()
        except ApiError as exc:
            self.load_error = exc.message
        self.loading = False

    @rx.event
    async def switch_account(self, account_id: str):
        self.account_id, self.selected_id, self.search = account_id, "", ""
        return OfficeFamiliesState.load

    @rx.event
    async def set_search(self, text: str):
        self.search = text
        try:
            await self._fetch_families()
        except ApiError as exc:
            yield rx.toast.error(exc.message)

    @rx.event
    async def open_family(self, family_id: str):
        self.selected_id, self.members, self.members_error, self.members_loading = family_id, [], "", True
        yield
        try:
            await self._fetch_members()
        except ApiError as exc:
            self.members_error = exc.message
        self.members_loading = False

    @rx.event
    def close_family(self):
        self.selected_id, self.members = "", []

    # ------------------------------------------------------------- revoke, with confirmation

    revoke_id: str = ""
    revoke_name: str = ""
    revoke_active: bool = False
    busy: str = ""

    @rx.event
    def ask_revoke(self, member_id: str, name: str, status: str):
        self.revoke_id, self.revoke_name, self.revoke_active = member_id, name, status == "ACTIVE"

    @rx.event
    def cancel_revoke(self):
        self.revoke_id = ""

    @rx.event
    async def confirm_revoke(self):
        member_id, name = self.revoke_id, self.revoke_name
        self.revoke_id, self.busy = "", member_id
        yield
        try:
            await self._authed(families_api.staff_revoke_secondary, secondary_id=member_id)
            await self._fetch_members()
            yield rx.toast.success(f"{name}'s access to the {self.selected_name} family was revoked.")
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    async def resend_primary(self):
        self.busy = "primary"
        yield
        try:
            family = await self._authed(families_api.resend_primary_invite, family_id=self.selected_id)
            await self._fetch_families()
            yield rx.toast.success(f"A fresh invitation was emailed to {family['primaryGuardianEmail']}. The old link no longer works.")
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    # ------------------------------------------------------------- new family

    create_open: bool = False
    new_name: str = ""
    new_first_name: str = ""
    new_last_name: str = ""
    new_email: str = ""
    creating: bool = False
    create_error: str = ""
    create_error_field: str = ""

    @rx.event
    def open_create(self):
        self.create_open, self.create_error, self.create_error_field = True, "", ""
        self.duplicates, self.duplicate_checked_email = "", ""
        self.new_name = self.new_first_name = self.new_last_name = self.new_email = ""

    @rx.event
    def close_create(self, open_: bool = False):
        if not open_ and not self.creating:
            self.create_open = False

    @rx.event
    def set_new_name(self, text: str):
        self.new_name = text

    @rx.event
    def set_new_first_name(self, text: str):
        self.new_first_name = text

    @rx.event
    def set_new_last_name(self, text: str):
        self.new_last_name = text

    @rx.event
    def set_new_email(self, text: str):
        self.new_email, self.duplicates = text, ""

    @rx.event
    async def create_family(self):
        self.creating, self.create_error, self.create_error_field = True, "", ""
        yield
        email = self.new_email.strip().lower()
        if email and email != self.duplicate_checked_email:
            # A likely duplicate (same guardian email) is shown first; a second click creates anyway.
            self.duplicate_checked_email = email
            try:
                found = await self._authed(families_api.families_with_guardian, account_id=self.account_id, email=email)
            except ApiError:
                found = []
            if found:
                names = ", ".join(f"the {f['name']} family" for f in found)
                self.duplicates = f"{email} is already a guardian of {names}. If this is the same household, open it instead; press Create family again to create a new family anyway."
                self.creating = False
                return
        try:
            family = await self._authed(
                families_api.create_family, account_id=self.account_id, name=self.new_name, email=self.new_email,
                first_name=self.new_first_name, last_name=self.new_last_name,
            )
        except PayloadError as exc:
            self.creating, self.create_error, self.create_error_field = False, exc.message, exc.field or ""
            return
        except ApiError as exc:
            self.creating, self.create_error = False, exc.message
            return
        self.creating, self.create_open, self.search = False, False, ""
        invited = family["primaryGuardianStatus"] != "ACTIVE"
        yield rx.toast.success(
            f"The {family['name']} family was created. "
            + (f"An invitation to become its primary guardian was emailed to {family['primaryGuardianEmail']}."
               if invited else f"{family['primaryGuardianName']} is its primary guardian and was told by email.")
        )
        try:
            await self._fetch_families()
        except ApiError as exc:
            yield rx.toast.error(exc.message)
            return
        yield OfficeFamiliesState.open_family(family["id"])
