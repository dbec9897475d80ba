"""The office Families page (`/office/families`): account staff with the Customers module
find a family, see its guardians, revoke a secondary user, and create a family."""

from __future__ import annotations

import reflex as rx

from frontend import routes
from frontend.components import list_controls as lists
from frontend.components.feedback import empty_state, error_callout, info_callout, loading_block
from frontend.components.layout import app_shell, card, card_header
from frontend.pages.office.dialogs import create_dialog, revoke_dialog
from frontend.pages.office.rows import FamilyRow, LedgerRow, MemberRow
from frontend.pages.office.state import SORT_OPTIONS
from frontend.pages.office.state import OfficeFamiliesState as S
from frontend.state import SessionState

STAFF_HELP = (
    "Only the primary guardian can invite secondary users or grant them access. "
    "Staff can revoke a secondary user's access here, and re-send a primary guardian's invitation."
)


def _family(f: FamilyRow) -> rx.Component:
    selected = S.selected_id == f.id
    return rx.box(
        rx.hstack(
            rx.vstack(
                rx.text(f.name, " family", weight="medium", size="2"),
                rx.text(f.primary_name, " · ", f.primary_email, size="1", color_scheme="gray", style={"overflow_wrap": "anywhere"}),
                spacing="0", min_width="0",
            ),
            rx.hstack(
                rx.cond(f.primary_status != "ACTIVE",
                        rx.badge(f"Primary {f.primary_label.lower()}", color_scheme=f.primary_color, variant="soft")),
                rx.icon("chevron-right", size=16, color="var(--gray-9)"),
                spacing="2", align="center", flex_shrink="0",
            ),
            justify="between", align="center", spacing="3", width="100%",
        ),
        on_click=S.open_family(f.id), role="button", tab_index=0, cursor="pointer",
        padding="12px", border_radius="10px", width="100%",
        background=rx.cond(selected, "var(--accent-3)", "transparent"),
        border=rx.cond(selected, "1px solid var(--accent-6)", "1px solid transparent"),
        _hover={"background": rx.cond(selected, "var(--accent-3)", "var(--gray-3)")},
        class_name="family", data_name=f.name, aria_current=rx.cond(selected, "true", "false"),
    )


def families_card() -> rx.Component:
    return card(
        card_header(S.account_name, S.family_count),
        rx.input(
            rx.input.slot(rx.icon("search", size=15)),
            placeholder="Search by family, guardian, student or email", value=S.search, on_change=S.set_search.debounce(300),
            id="family-search", size="3", width="100%", margin_bottom="8px", type="search",
        ),
        rx.hstack(rx.text("Sort by", size="2", color_scheme="gray"),
                  lists.sort_select(SORT_OPTIONS, S.sort_by, S.set_sort_by, "families-sort"),
                  spacing="2", align="center", justify="end", width="100%", margin_bottom="4px"),
        rx.cond(
            (S.families.length() == 0) & (S.search == ""),
            empty_state("house", "No families yet", "Create the first one with New family."),
            rx.cond(
                S.shown_families.length() == 0,
                empty_state("search-x", "No family matches", "Try part of a family name, a guardian's name or an email."),
                rx.vstack(rx.foreach(S.shown_families, _family), spacing="1", width="100%", id="families"),
            ),
        ),
        lists.pager(S.families_page_text, S.prev_page, S.next_page, S.can_prev_page, S.can_next_page, "families-pager"),
    )


def _member(m: MemberRow) -> rx.Component:
    return rx.flex(
        rx.hstack(
            rx.avatar(fallback=m.initials, size="3", radius="full",
                      color_scheme=rx.cond(m.status == "REVOKED", "gray", "indigo")),
            rx.vstack(
                rx.hstack(rx.text(m.name, weight="medium", size="2"),
                          rx.badge(m.status_label, color_scheme=m.status_color, variant="soft", class_name="status"),
                          spacing="2", align="center", wrap="wrap"),
                rx.text(m.role_label, " · ", m.email, size="1", color_scheme="gray", style={"overflow_wrap": "anywhere"}),
                spacing="0", min_width="0",
            ),
            spacing="3", align="start", min_width="0",
        ),
        rx.cond(m.revocable, rx.button(
            rx.icon("user-x", size=14), "Revoke access", size="1", variant="soft", color_scheme="red",
            on_click=S.ask_revoke(m.id, m.name, m.status), loading=S.busy == m.id, class_name="revoke-member", flex_shrink="0",
            margin_left=rx.breakpoints(initial="52px", sm="0"),
        )),
        justify="between", align=rx.breakpoints(initial="start", sm="center"), direction=rx.breakpoints(initial="column", sm="row"),
        spacing="2", padding_y="12px", border_top="1px solid var(--gray-4)", width="100%",
        class_name="member", data_email=m.email, data_status=m.status,
    )


def _ledger_row(t: LedgerRow) -> rx.Component:
    return rx.flex(
        rx.vstack(rx.text(t.description, size="2"), rx.text(t.when, size="1", color_scheme="gray"), spacing="0"),
        rx.text(t.amount, size="2", weight="medium", white_space="nowrap"),
        justify="between", align="center", width="100%", padding_y="6px", border_top="1px solid var(--gray-3)",
    )


def _facts() -> rx.Component:
    """Balance, students and the latest ledger entries: what the desk is asked about."""
    return rx.vstack(
        rx.hstack(rx.text("Amount due", size="2", color_scheme="gray"), rx.text(S.balance, size="4", weight="bold", id="family-balance"),
                  justify="between", align="center", width="100%"),
        rx.text("Students", size="2", weight="bold"),
        rx.cond(S.students.length() > 0,
                rx.vstack(rx.foreach(S.students, lambda s: rx.text(s, size="2")), spacing="1", width="100%", id="family-students"),
                rx.text("No students yet.", size="2", color_scheme="gray")),
        rx.text("Recent ledger", size="2", weight="bold"),
        rx.cond(S.ledger.length() > 0, rx.vstack(rx.foreach(S.ledger, _ledger_row), spacing="0", width="100%", id="family-ledger"),
                rx.text("No transactions yet.", size="2", color_scheme="gray")),
        spacing="2", width="100%", padding="12px", border_radius="10px", background="var(--gray-2)",
    )


def detail_card() -> rx.Component:
    return card(
        card_header(
            S.selected_name + " family", S.selected_primary,
            rx.icon_button(rx.icon("x", size=16), variant="ghost", color_scheme="gray", on_click=S.close_family,
                           aria_label="Close the family", id="close-family"),
        ),
        info_callout(STAFF_HELP, icon="shield-check"),
        rx.cond(
            S.selected_primary_pending,
            rx.hstack(
                rx.text("The primary guardian has not accepted yet.", size="2", color_scheme="gray"),
                rx.button(rx.icon("send", size=14), "Re-send invite to primary", size="1", variant="soft",
                          loading=S.busy == "primary", on_click=S.resend_primary, id="resend-primary"),
                justify="between", align="center", wrap="wrap", spacing="2", width="100%", margin_top="12px",
            ),
        ),
        rx.cond(
            S.members_loading,
            loading_block("Loading members…"),
            rx.cond(
                S.members_error != "",
                rx.box(error_callout(S.members_error), margin_top="12px"),
                rx.vstack(
                    rx.vstack(rx.foreach(S.members, _member), spacing="0", width="100%", margin_top="12px", id="family-members"),
                    _facts(),
                    spacing="3", width="100%",
                ),
            ),
        ),
        id="family-detail", order=rx.breakpoints(initial="-1", md="0"),
    )


def _placeholder() -> rx.Component:
    return card(empty_state("mouse-pointer-click", "Choose a family", "See its guardians and their access."),
                display=rx.breakpoints(initial="none", md="block"))


def account_picker() -> rx.Component:
    return rx.cond(
        SessionState.family_office_accounts.length() > 1,
        rx.select.root(
            rx.select.trigger(placeholder="Account"),
            rx.select.content(rx.foreach(SessionState.family_office_accounts,
                                         lambda a: rx.select.item(a.account_name, value=a.account_id))),
            value=S.account_id, on_change=S.switch_account, size="2",
        ),
    )


def _actions() -> rx.Component:
    return rx.hstack(
        account_picker(),
        rx.cond(S.load_error == "", rx.button(rx.icon("plus", size=15), "New family", on_click=S.open_create, id="new-family", size="2")),
        spacing="2", align="center",
    )


@rx.page(route=routes.OFFICE_FAMILIES, title="Families · Portico", on_load=[SessionState.require_session, S.load])
def office_families() -> rx.Component:
    body = rx.cond(
        S.loading,
        card(loading_block("Loading families…")),
        rx.cond(
            S.load_error != "",
            card(empty_state("shield-alert", "Can't show families", S.load_error, id="families-error")),
            rx.fragment(
                rx.grid(
                    families_card(),
                    rx.cond(S.selected_id != "", detail_card(), _placeholder()),
                    columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%", align_items="start",
                ),
                create_dialog(), revoke_dialog(),
            ),
        ),
    )
    return app_shell("Families", "Office Portal · find a family, see its guardians, revoke a secondary user's access",
                     body, actions=_actions())
