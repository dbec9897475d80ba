"""What every family member may see (account information, students) and the ledger."""

from __future__ import annotations

import reflex as rx

from frontend.components import list_controls as lists
from frontend.components.feedback import empty_state
from frontend.components.layout import card, card_header
from frontend.pages.my_account.rows import LedgerRow, StudentRow
from frontend.pages.my_account.state import LEDGER_SORT_OPTIONS
from frontend.pages.my_account.state import MyAccountState as S


def _fact(label: str, value, **props) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", color_scheme="gray", weight="medium"), rx.text(value, size="3", weight="medium", **props),
                     spacing="1", min_width="0")


def account_card() -> rx.Component:
    amount = rx.vstack(
        rx.text("Amount due", size="1", color_scheme="gray", weight="medium"),
        rx.text(S.amount_due, size="7", weight="bold", id="amount-due"),
        rx.text(S.balance_note, size="1", color_scheme="gray"),
        spacing="1", padding="16px", border_radius="12px", background="var(--accent-2)", border="1px solid var(--accent-4)",
        min_width=["100%", "220px"],
    )
    facts = rx.grid(
        _fact("Family", f"{S.family_name} family", id="family-name"),
        _fact("Account", S.account_name, id="account-name"),
        _fact("Primary guardian", S.primary_name),
        _fact("You are", S.role_label),
        columns="2", spacing="4", width="100%",
    )
    return card(
        card_header("Account information", S.totals),
        rx.flex(facts, amount, direction=rx.breakpoints(initial="column-reverse", sm="row"), spacing="5",
                justify="between", align=rx.breakpoints(initial="stretch", sm="start"), width="100%"),
        id="account-information",
    )


def _student(s: StudentRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.icon("graduation-cap", size=16, color="var(--accent-9)"), rx.text(s.name, weight="medium", size="2"),
                  rx.cond(s.born != "", rx.text(s.born, size="1", color_scheme="gray")), spacing="2", align="center", wrap="wrap"),
        rx.cond(
            s.classes.length() > 0,
            rx.flex(rx.foreach(s.classes, lambda c: rx.badge(c, variant="surface", color_scheme="gray")), wrap="wrap", spacing="1"),
            rx.text("Not enrolled in a class.", size="1", color_scheme="gray"),
        ),
        spacing="2", padding_y="12px", border_top="1px solid var(--gray-4)", width="100%", class_name="student",
    )


def students_card() -> rx.Component:
    return card(
        card_header("Students", "Enrollments are managed by the gym and the primary guardian."),
        rx.cond(
            S.students.length() > 0,
            rx.vstack(rx.foreach(S.students, _student), spacing="0", width="100%", id="students"),
            empty_state("graduation-cap", "No students yet", "Students and their classes appear here once they're enrolled."),
        ),
    )


def _entry(e: LedgerRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(e.description, size="2", weight="medium"), rx.text(e.when, size="1", color_scheme="gray"), spacing="0", min_width="0"),
        rx.text(e.amount, size="2", weight="medium", color=rx.cond(e.is_payment, "var(--green-11)", "var(--gray-12)"),
                white_space="nowrap", style={"font_variant_numeric": "tabular-nums"}),
        justify="between", align="center", spacing="3", padding_y="10px", border_top="1px solid var(--gray-4)", width="100%",
        class_name="ledger-entry",
    )


def ledger_card() -> rx.Component:
    """The history when I may see it; otherwise a note and nothing of the history."""
    return rx.cond(
        S.can_view_ledger,
        card(
            card_header("Transaction history", "Charges and payments.",
                        lists.sort_select(LEDGER_SORT_OPTIONS, S.ledger_sort, S.set_ledger_sort, "ledger-sort")),
            rx.cond(
                S.ledger.length() > 0,
                rx.vstack(rx.foreach(S.shown_ledger, _entry), spacing="0", width="100%"),
                empty_state("receipt", "No transactions yet", "Charges and payments appear here."),
            ),
            lists.pager(S.ledger_page_text, S.ledger_prev, S.ledger_next, S.ledger_can_prev, S.ledger_can_next, "ledger-pager"),
            id="transaction-history",
        ),
        card(
            rx.hstack(
                rx.icon("lock", size=16, color="var(--gray-10)"),
                rx.text("Ask your primary guardian for access to the full ledger.", size="2", color_scheme="gray"),
                spacing="2", align="center",
            ),
            id="ledger-locked",
        ),
    )
