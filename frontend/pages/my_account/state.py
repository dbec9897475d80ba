"""State of My Account: the active family as I may see it."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError
from frontend.api import families as families_api
from frontend.components import list_controls as lists
from frontend.pages.my_account.rows import CardRow, LedgerRow, SecondaryRow, StudentRow, money
from frontend.state import ROLE_LABELS, SessionState

LEDGER_SORT_KEYS = {"at": lambda e: (e.at, e.id), "cents": lambda e: (e.cents, e.at), "description": lambda e: e.description.lower()}
LEDGER_SORT_OPTIONS = [("-at", "Newest first"), ("at", "Oldest first"), ("-cents", "Largest amount"), ("description", "Description")]


class MyAccountState(SessionState):
    loading: bool = True
    load_error: str = ""
    family_id: str = ""
    family_name: str = ""
    account_name: str = ""
    primary_name: str = ""
    my_role: str = ""
    can_view_ledger: bool = False
    can_make_payments: bool = False
    balance_cents: int = 0
    charges_cents: int = 0
    payments_cents: int = 0
    secondaries: list[SecondaryRow] = []
    students: list[StudentRow] = []
    ledger: list[LedgerRow] = []
    cards: list[CardRow] = []
    ledger_sort: str = "-at"
    ledger_page: int = 0

    # ------------------------------------------------------------- derived

    @rx.var
    def shown_ledger(self) -> list[LedgerRow]:
        """The history sorted by the chosen column, one page at a time."""
        return lists.page_of(lists.sorted_by(self.ledger, self.ledger_sort, LEDGER_SORT_KEYS), self.ledger_page)

    @rx.var
    def ledger_page_text(self) -> str:
        return lists.summary(len(self.ledger), self.ledger_page)

    @rx.var
    def ledger_can_prev(self) -> bool:
        return self.ledger_page > 0

    @rx.var
    def ledger_can_next(self) -> bool:
        return (self.ledger_page + 1) * lists.PAGE_SIZE < len(self.ledger)

    @rx.event
    def set_ledger_sort(self, value: str):
        self.ledger_sort, self.ledger_page = value, 0

    @rx.event
    def ledger_prev(self):
        self.ledger_page = max(0, self.ledger_page - 1)

    @rx.event
    def ledger_next(self):
        if self.ledger_can_next:
            self.ledger_page += 1

    @rx.var
    def is_primary(self) -> bool:
        return self.my_role == "PRIMARY"

    @rx.var
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.my_role, "")

    @rx.var
    def amount_due(self) -> str:
        return money(max(self.balance_cents, 0))

    @rx.var
    def balance_note(self) -> str:
        if self.balance_cents < 0:
            return f"You have {money(-self.balance_cents)} in credit."
        return "Nothing to pay right now." if self.balance_cents == 0 else "Due now."

    @rx.var
    def totals(self) -> str:
        return f"{money(self.charges_cents)} charged · {money(self.payments_cents)} paid"

    # ------------------------------------------------------------- loading

    async def _fetch(self) -> None:
        data = await self._authed(families_api.overview, family_id=self.active_family_id)
        family, balance = data["family"], data["familyBalance"]
        self.family_id, self.family_name, self.account_name = family["id"], family["name"], family["accountName"]
        self.primary_name, self.my_role = family["primaryGuardianName"], family["myRole"]
        self.can_view_ledger, self.can_make_payments = family["canViewLedger"], family["canMakePayments"]
        self.balance_cents, self.charges_cents = balance["balanceCents"], balance["chargesCents"]
        self.payments_cents = balance["paymentsCents"]
        self.secondaries = [SecondaryRow.of(m) for m in data["familyMembers"] if m["role"] == "SECONDARY"]
        self.students = [StudentRow.of(s) for s in data["familyStudents"]]
        self.cards = [CardRow.of(p) for p in data["paymentMethods"] if p["mine"]]
        # Never ask for the history without access: the API would refuse, and it isn't ours to see.
        rows = await self._authed(families_api.transactions, family_id=self.family_id) if self.can_view_ledger else []
        self.ledger = [LedgerRow.of(e) for e in rows]

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        self.loading, self.load_error = True, ""
        if not self.has_families:
            self.family_id, self.loading = "", False
            return
        yield
        try:
            await self._fetch()
        except ApiError as exc:
            self.family_id, self.load_error = "", exc.message
        self.loading = False
