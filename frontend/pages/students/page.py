"""User Accounts (`/office/user-accounts`): account staff with the Customers module see
every person of the account with their sign-in, filter and search, select people and send
initial invitations or SMS credentials (with a result per person), edit a student's
sign-in panel, and download the three PDF reports."""

from __future__ import annotations

import reflex as rx

from frontend import routes
from frontend.components.feedback import empty_state, error_callout, loading_block
from frontend.components.layout import app_shell, card, card_header
from frontend.pages.students.dialogs import panel_dialog, policy_dialog, report_dialog
from frontend.pages.students.rows import PersonRow, ResultRow
from frontend.pages.students.state import UserAccountsState as S
from frontend.state import SessionState

TYPES = [("ALL", "All types"), ("STUDENT", "Students"), ("GUARDIAN", "Guardians"), ("STAFF", "Staff")]
STATUSES = [("ALL", "Any status"), ("NO_LOGIN", "No login"), ("INVITED", "Invited"), ("CREDENTIALS_SENT", "Credentials sent"),
            ("ACTIVE", "Active"), ("DISABLED", "Disabled")]


def _select(options: list[tuple[str, str]], value: rx.Var, which: str, id: str) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id=id),
        rx.select.content(*[rx.select.item(label, value=v) for v, label in options]),
        value=value, on_change=lambda v: S.set_filter(which, v),
    )


def _filters() -> rx.Component:
    return rx.flex(
        rx.cond(
            SessionState.family_office_accounts.length() > 1,
            rx.select.root(
                rx.select.trigger(),
                rx.select.content(rx.foreach(SessionState.family_office_accounts,
                                             lambda m: rx.select.item(m.account_name, value=m.account_id))),
                value=S.account_id, on_change=S.switch_account,
            ),
        ),
        _select(TYPES, S.user_type, "type", "ua-type"),
        _select(STATUSES, S.status, "status", "ua-status"),
        rx.form(
            rx.hstack(
                rx.input(rx.input.slot(rx.icon("search", size=15)), placeholder="Name, username or family", value=S.search,
                         on_change=S.set_search_text, id="ua-search", name="search", type="search"),
                rx.button("Search", type="submit", variant="soft", id="ua-search-button"),
                spacing="2",
            ),
            on_submit=S.run_search,
        ),
        spacing="2", wrap="wrap", align="center", width="100%",
    )


def _actions() -> rx.Component:
    return rx.hstack(
        rx.menu.root(
            rx.menu.trigger(rx.button(rx.icon("send", size=15), "Bulk actions", id="bulk-actions", loading=S.acting)),
            rx.menu.content(
                rx.menu.item("Send initial invitation", on_click=S.bulk("invite"), id="bulk-invite"),
                rx.menu.item("SMS initial credentials", on_click=S.bulk("sms"), id="bulk-sms"),
            ),
        ),
        rx.menu.root(
            rx.menu.trigger(rx.button(rx.icon("file-text", size=15), "Reports", variant="soft", id="reports-menu")),
            rx.menu.content(
                rx.menu.item("Student Account Info", on_click=S.open_report("student-account-info"), id="report-student-info"),
                rx.menu.item("User Account Credentials (students and parents)", on_click=S.open_report("user-account-credentials"),
                             id="report-credentials"),
                rx.menu.item("User Account Info", on_click=S.open_report("user-account-info"), id="report-user-info"),
            ),
        ),
        rx.button(rx.icon("settings", size=15), "Username policy", variant="soft", color_scheme="gray", on_click=S.open_policy,
                  id="open-policy"),
        spacing="2", wrap="wrap",
    )


def _row(r: PersonRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.cond(r.selectable, rx.checkbox(checked=S.selected.contains(r.id), on_change=S.toggle(r.id),
                                                        class_name="select-person", data_person=r.id))),
        rx.table.cell(rx.cond(
            r.is_student,
            rx.link(r.name, on_click=S.open_panel(r.student_id, r.name), cursor="pointer", class_name="open-panel"),
            rx.cond(r.is_guardian,
                    rx.link(r.name, on_click=S.open_guardian(r.ref_id, r.name, r.raw_phone), cursor="pointer", class_name="open-panel"),
                    rx.text(r.name)),
        )),
        rx.table.cell(r.type_label),
        rx.table.cell(r.family),
        rx.table.cell(rx.text(r.username, style={"overflow_wrap": "anywhere"})),
        rx.table.cell(rx.badge(r.status_label, color_scheme=r.status_color, variant="soft", class_name="status")),
        rx.table.cell(r.last_sign_in),
        rx.table.cell(r.credentials),
        rx.table.cell(r.phone),
        class_name="person-row", data_person=r.id,
    )


def _table() -> rx.Component:
    header = ["Name", "Type", "Family", "Username", "Status", "Last sign-in", "Credentials sent", "Phone"]
    return rx.box(
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(rx.checkbox(checked=S.all_on_page_selected, on_change=S.toggle_page, id="select-page")),
                *[rx.table.column_header_cell(h) for h in header],
            )),
            rx.table.body(rx.foreach(S.rows, _row)),
            size="1", width="100%",
        ),
        overflow_x="auto", width="100%",
    )


def _result(r: ResultRow) -> rx.Component:
    return rx.hstack(
        rx.icon(rx.cond(r.sent, "circle-check", "circle-alert"), size=16, color=rx.cond(r.sent, "var(--green-9)", "var(--amber-9)")),
        rx.text(rx.text.strong(r.name), " · ", r.text, size="2"),
        spacing="2", align="center", class_name="result", data_sent=rx.cond(r.sent, "true", "false"),
    )


def _results() -> rx.Component:
    return rx.cond(
        S.results.length() > 0,
        card(card_header("Results", f"{S.sent_count} sent", rx.button("Dismiss", variant="ghost", size="1", on_click=S.clear_results)),
             rx.vstack(rx.foreach(S.results, _result), spacing="1"), id="bulk-results"),
    )


def _list() -> rx.Component:
    return card(
        card_header(S.account_name, S.page_label, _actions()),
        rx.vstack(
            _filters(),
            rx.text(S.selection_label, size="1", color_scheme="gray", id="selection-label"),
            rx.cond(S.loading, loading_block(),
                    rx.cond(S.rows.length() == 0, empty_state("users", "Nobody here", "Change the filters or the search."), _table())),
            rx.hstack(
                rx.button("Previous", variant="soft", on_click=S.previous_page, disabled=S.page == 0, id="page-previous"),
                rx.button("Next", variant="soft", on_click=S.next_page, disabled=~S.has_next, id="page-next"),
                justify="end", width="100%",
            ),
            spacing="3", width="100%",
        ),
    )


@rx.page(route=routes.USER_ACCOUNTS, title="User Accounts · Portico", on_load=[SessionState.require_session, S.load])
def user_accounts() -> rx.Component:
    return app_shell(
        "User Accounts",
        "Students, guardians and staff: sign-ins and initial credentials.",
        error_callout(S.load_error),
        _results(),
        _list(),
        panel_dialog(),
        policy_dialog(),
        report_dialog(),
    )
