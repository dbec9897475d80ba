"""State of the User Accounts page: filters, a page of people, the selection, bulk actions
with their per-person results, a student's sign-in panel and the PDF reports."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import students as students_api
from frontend.pages.students.rows import PersonRow, ResultRow
from frontend.state import SessionState

PAGE_SIZE = 25
PDF = "application/pdf"
CREDENTIAL_FIELDS = ["family", "user_type", "sign_in_address", "password"]


class UserAccountsState(SessionState):
    account_id: str = ""
    user_type: str = "STUDENT"
    status: str = "ALL"
    search: str = ""
    rows: list[PersonRow] = []
    total: int = 0
    has_next: bool = False
    _cursors: list[str] = []  # the `after` of each page shown so far ("" for the first)
    page: int = 0
    loading: bool = True
    load_error: str = ""
    selected: list[str] = []
    acting: bool = False
    results: list[ResultRow] = []
    # A student's sign-in panel (or, for a guardian, just the phone)
    panel_open: bool = False
    panel_guardian_id: str = ""
    panel_student_id: str = ""
    panel_name: str = ""
    panel_use_personal: bool = False
    panel_personal: str = ""
    panel_contact: str = ""
    panel_phone: str = ""
    panel_username: str = ""
    panel_policy: str = ""
    panel_error: str = ""
    panel_saving: bool = False
    # The account's username policy
    policy_open: bool = False
    policy_domain: str = ""
    policy_region: str = "US"
    policy_error: str = ""
    # Reports
    report_open: bool = False
    report_kind: str = "user-account-credentials"
    report_who: str = "students"
    report_fields: list[str] = ["family", "sign_in_address", "password"]
    report_preview: list[PersonRow] = []
    report_preview_count: int = 0
    report_busy: bool = False
    report_error: str = ""

    @rx.var
    def account_name(self) -> str:
        return next((m.account_name for m in self.family_office_accounts if m.account_id == self.account_id), "")

    @rx.var
    def page_label(self) -> str:
        if self.total == 0:
            return "Nobody matches"
        first = self.page * PAGE_SIZE + 1
        return f"{first}–{first + len(self.rows) - 1} of {self.total}"

    @rx.var
    def selectable_ids(self) -> list[str]:
        return [r.id for r in self.rows if r.selectable]

    @rx.var
    def all_on_page_selected(self) -> bool:
        ids = [r.id for r in self.rows if r.selectable]
        return bool(ids) and all(i in self.selected for i in ids)

    @rx.var
    def selection_label(self) -> str:
        n = len(self.selected)
        return "Nobody selected" if n == 0 else "1 selected" if n == 1 else f"{n} selected"

    @rx.var
    def sent_count(self) -> int:
        return len([r for r in self.results if r.sent])

    @rx.var
    def report_title(self) -> str:
        return students_api.REPORTS.get(self.report_kind, "")

    @rx.var
    def report_is_credentials(self) -> bool:
        return self.report_kind == "user-account-credentials"

    async def _fetch(self) -> None:
        after = self._cursors[self.page] if self.page < len(self._cursors) else ""
        data = await self._authed(
            students_api.user_accounts, account_id=self.account_id, user_type="" if self.user_type == "ALL" else self.user_type,
            status="" if self.status == "ALL" else self.status, search=self.search, first=PAGE_SIZE, after=after or None,
        )
        self.rows = [PersonRow.of(e["node"]) for e in data["edges"]]
        self.total, self.has_next = data["totalCount"], data["pageInfo"]["hasNextPage"]
        if self.has_next:
            self._cursors = self._cursors[: self.page + 1] + [data["pageInfo"]["endCursor"]]

    async def _reload(self, *, first_page: bool = True) -> None:
        if first_page:
            self.page, self._cursors = 0, [""]
        self.loading, self.load_error = True, ""
        try:
            await self._fetch()
        except ApiError as exc:
            self.load_error = exc.message
        self.loading = False

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        ids = [m.account_id for m in self.family_office_accounts]
        if not ids:
            self.loading, self.load_error = False, "You need the Customers module in an account to manage its user accounts."
            return
        if self.account_id not in ids:
            self.account_id = ids[0]
        self.selected, self.results = [], []
        await self._reload()

    @rx.event
    async def switch_account(self, account_id: str):
        self.account_id, self.selected, self.results = account_id, [], []
        await self._reload()

    @rx.event
    async def set_filter(self, which: str, value: str):
        if which == "type":
            self.user_type = value
        else:
            self.status = value
        await self._reload()

    @rx.event
    def set_search_text(self, value: str):
        self.search = value

    @rx.event
    async def run_search(self, _form: dict | None = None):
        await self._reload()

    @rx.event
    async def next_page(self):
        if self.has_next:
            self.page += 1
            await self._reload(first_page=False)

    @rx.event
    async def previous_page(self):
        if self.page > 0:
            self.page -= 1
            await self._reload(first_page=False)

    @rx.event
    def toggle(self, person: str, _checked: bool | None = None):
        self.selected = [p for p in self.selected if p != person] if person in self.selected else [*self.selected, person]

    @rx.event
    def toggle_page(self, _checked: bool | None = None):
        ids = [r.id for r in self.rows if r.selectable]
        if all(i in self.selected for i in ids):
            self.selected = [p for p in self.selected if p not in ids]
        else:
            self.selected = [*self.selected, *[i for i in ids if i not in self.selected]]

    @rx.event
    async def bulk(self, action: str):
        if not self.selected:
            yield rx.toast.info("Select people first.")
            return
        self.acting, self.results = True, []
        yield
        try:
            results = await self._authed(students_api.bulk, account_id=self.account_id, action=action, people=self.selected)
        except (ApiError, PayloadError) as exc:
            self.acting = False
            yield rx.toast.error(exc.message)
            return
        self.results = [ResultRow.of(r) for r in results]
        self.selected, self.acting = [], False
        await self._reload(first_page=False)
        yield rx.toast.success(f"{self.sent_count} of {len(self.results)} sent.")

    @rx.event
    def clear_results(self):
        self.results = []

    # ------------------------------------------------------------- sign-in panel

    def _show_panel(self, data: dict) -> None:
        p, policy = data["studentSignIn"], data["studentSignInPolicy"]
        self.panel_use_personal, self.panel_personal = p["usePersonalEmail"], p["personalEmail"] or ""
        self.panel_contact, self.panel_phone = p["contactEmail"] or "", p["phone"] or ""
        self.panel_username = p["username"] or f"No username yet ({(p['usernameProblem'] or '').replace('_', ' ').lower()})"
        domain = policy["microsoft365Domain"]
        self.panel_policy = (f"Microsoft 365 is on: the contact e-mail in {domain} is the username." if domain
                             else "No directory integration: tick Use personal e-mail; the personal e-mail is the username.")

    @rx.event
    def open_guardian(self, guardian_id: str, name: str, phone: str):
        self.panel_guardian_id, self.panel_student_id, self.panel_name, self.panel_error = guardian_id, "", name, ""
        self.panel_phone, self.panel_policy = phone, "A guardian's mobile phone, for SMS credentials."
        self.panel_open = True

    @rx.event
    async def open_panel(self, student_id: str, name: str):
        self.panel_guardian_id = ""
        self.panel_student_id, self.panel_name, self.panel_error = student_id, name, ""
        try:
            self._show_panel(await self._authed(students_api.panel, account_id=self.account_id, student_id=student_id))
        except ApiError as exc:
            yield rx.toast.error(exc.message)
            return
        self.panel_open = True

    @rx.event
    def set_panel_open(self, value: bool):
        self.panel_open = value

    @rx.event
    def set_panel_use_personal(self, value: bool):
        self.panel_use_personal = value

    @rx.event
    async def save_panel(self, form: dict):
        self.panel_saving, self.panel_error = True, ""
        yield
        try:
            if self.panel_guardian_id:
                await self._authed(students_api.set_guardian_phone, account_id=self.account_id,
                                   guardian_id=self.panel_guardian_id, phone=form.get("phone", "").strip())
            else:
                await self._authed(
                    students_api.update_panel, account_id=self.account_id, student_id=self.panel_student_id,
                    use_personal=self.panel_use_personal, personal=form.get("personal", "").strip(),
                    contact=form.get("contact", "").strip(), phone=form.get("phone", "").strip(),
                )
        except (ApiError, PayloadError) as exc:
            self.panel_error, self.panel_saving = exc.message, False
            return
        self.panel_saving, self.panel_open = False, False
        await self._reload(first_page=False)
        yield rx.toast.success(f"Saved {self.panel_name}'s sign-in.")

    # ------------------------------------------------------------- username policy

    @rx.event
    async def open_policy(self):
        self.policy_error = ""
        try:
            p = await self._authed(students_api.policy, account_id=self.account_id)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
            return
        self.policy_domain, self.policy_region, self.policy_open = p["microsoft365Domain"] or "", p["phoneRegion"], True

    @rx.event
    def set_policy_open(self, value: bool):
        self.policy_open = value

    @rx.event
    async def save_policy(self, form: dict):
        try:
            await self._authed(students_api.set_policy, account_id=self.account_id, domain=form.get("domain", "").strip(),
                               region=form.get("region", "").strip())
        except (ApiError, PayloadError) as exc:
            self.policy_error = exc.message
            return
        self.policy_open = False
        yield rx.toast.success("Username policy saved.")

    # ------------------------------------------------------------- reports

    @rx.event
    def open_report(self, kind: str):
        self.report_kind, self.report_open, self.report_error, self.report_preview = kind, True, "", []
        self.report_preview_count = 0

    @rx.event
    def set_report_open(self, value: bool):
        self.report_open = value

    @rx.event
    def set_report_who(self, value: str):
        self.report_who, self.report_preview = value, []

    @rx.event
    def toggle_report_field(self, name: str, _checked: bool | None = None):
        self.report_fields = [f for f in self.report_fields if f != name] if name in self.report_fields else [*self.report_fields, name]

    def _report_params(self) -> dict[str, str]:
        if self.report_kind == "user-account-credentials":
            return {"who": self.report_who, "fields": ",".join(f for f in CREDENTIAL_FIELDS if f in self.report_fields)}
        return {"status": "" if self.status == "ALL" else self.status, "search": self.search}

    @rx.event
    async def preview_report(self):
        """The people the report will list (nothing is issued by a preview)."""
        kinds = {"students": "STUDENT", "guardians": "GUARDIAN"}
        user_type = "STUDENT" if self.report_kind == "student-account-info" else (
            kinds.get(self.report_who, "") if self.report_is_credentials else "")
        self.report_busy = True
        yield
        try:
            data = await self._authed(students_api.user_accounts, account_id=self.account_id, user_type=user_type, first=10)
        except ApiError as exc:
            self.report_error, self.report_busy = exc.message, False
            return
        rows = [PersonRow.of(e["node"]) for e in data["edges"]]
        self.report_preview = [r for r in rows if r.user_type != "STAFF"] if self.report_who == "both" and self.report_is_credentials else rows
        self.report_preview_count, self.report_busy = data["totalCount"], False

    @rx.event
    async def download_report(self):
        self.report_busy, self.report_error = True, ""
        yield
        issue = self.report_kind == "user-account-credentials" and "password" in self.report_fields
        try:
            data = await self._authed(students_api.report, account_id=self.account_id, kind=self.report_kind,
                                      params=self._report_params(), issue=issue)
        except ApiError as exc:
            self.report_error, self.report_busy = exc.message, False
            return
        self.report_busy = False
        yield rx.download(data=data, filename=f"{self.report_kind}.pdf", mime_type=PDF)
        if issue:
            await self._reload(first_page=False)
