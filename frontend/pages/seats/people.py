"""The Users tab: report downloads, the status filter and search, and each person's actions."""

from __future__ import annotations

import reflex as rx

from frontend.components import list_controls as lists
from frontend.components.feedback import empty_state
from frontend.pages.seats.activity import ActivityState
from frontend.pages.seats.confirm import ConfirmState
from frontend.pages.seats.invite import invite_button
from frontend.pages.seats.rows import SeatUserRow
from frontend.pages.seats.state import SORT_OPTIONS, STATUS_FILTERS, SeatsState
from frontend.state import SessionState

REPORT_BUTTONS = (("viewings", "Viewings", "play"), ("labs", "Labs", "flask-conical"), ("logins", "Logins", "log-in"))


def reports_bar() -> rx.Component:
    return rx.flex(
        rx.text("Download activity reports", size="2", weight="medium", color_scheme="gray"),
        rx.hstack(
            *[rx.button(rx.icon(icon, size=14), label, size="2", variant="surface", color_scheme="gray", id=f"report-{kind}",
                        loading=SeatsState.downloading == kind, on_click=SeatsState.download_report(kind))
              for kind, label, icon in REPORT_BUTTONS],
            spacing="2", wrap="wrap",
        ),
        direction=rx.breakpoints(initial="column", sm="row"), justify="between", align=rx.breakpoints(initial="start", sm="center"),
        spacing="2", width="100%", padding="12px", border_radius="10px", background="var(--gray-2)",
    )


def filters() -> rx.Component:
    return rx.flex(
        rx.select.root(
            rx.select.trigger(placeholder="Filter by status", id="status-filter", min_width="150px"),
            rx.select.content(*[rx.select.item(label, value=value) for value, label in STATUS_FILTERS.items()]),
            value=SeatsState.status_filter, on_change=SeatsState.set_status_filter, size="2",
        ),
        rx.input(
            rx.input.slot(rx.icon("search", size=15)),
            placeholder="Search name or email", value=SeatsState.search, on_change=SeatsState.set_search.debounce(300),
            id="people-search", size="2", flex="1", min_width=["100%", "0"], order=["3", "0"],
        ),
        # On phones the filter and Invite share the first row and search takes the second.
        rx.box(invite_button(), order=["2", "0"], margin_left="auto"),
        spacing="2", width="100%", wrap="wrap", align="center",
    )


def _menu_item(label: str, icon: str, on_click, item_id: str, **props) -> rx.Component:
    return rx.menu.item(rx.hstack(rx.icon(icon, size=14), rx.text(label), spacing="2", align="center"),
                        on_click=on_click, id=item_id, **props)


def _actions(p: SeatUserRow) -> rx.Component:
    person = rx.fragment(
        rx.cond(
            p.status == "ACTIVE",
            _menu_item("Deactivate subscription", "user-x", ConfirmState.ask("deactivate", p.user_id, p.name, p.email), "action-deactivate", color="amber"),
            _menu_item("Activate subscription", "user-check", SeatsState.activate(p.user_id, p.name), "action-activate"),
        ),
        rx.cond(p.is_admin & (p.user_id != SessionState.user_id),
                _menu_item("Remove admin rights", "shield-off", ConfirmState.ask("remove_admin", p.user_id, p.name, p.email), "action-remove-admin")),
        _menu_item("Reset password", "key-round", SeatsState.reset_password(p.user_id, p.email), "action-reset"),
        rx.menu.separator(),
        _menu_item("Activity", "chart-no-axes-column", ActivityState.open_activity(p.user_id), "action-activity"),
    )
    invited = rx.fragment(
        _menu_item("Resend invitation", "rotate-cw", SeatsState.resend(p.invitation_id, p.email), "action-resend"),
        _menu_item("Withdraw invitation", "x", ConfirmState.ask("revoke", p.invitation_id, p.name, p.email), "action-revoke", color="red"),
    )
    return rx.menu.root(
        rx.menu.trigger(rx.button("Actions", rx.icon("chevron-down", size=14), size="1", variant="soft", color_scheme="gray",
                                  loading=SeatsState.busy == p.key, class_name="person-actions")),
        rx.menu.content(
            rx.cond(p.user_id != "", person, invited),
            rx.cond((p.status != "ACTIVE") & (p.user_id != "") & SeatsState.seats_full,
                    rx.text("No free seat: every seat is in use.", size="1", color_scheme="amber", padding_x="12px", padding_y="4px")),
            align="end", min_width="220px",
        ),
    )


def _person(p: SeatUserRow) -> rx.Component:
    return rx.flex(
        rx.hstack(
            rx.avatar(fallback=p.initials, size="3", radius="full", color_scheme=rx.cond(p.status == "ACTIVE", "indigo", "gray")),
            rx.vstack(
                rx.hstack(rx.text(p.name, weight="medium", size="2"),
                          rx.badge(p.status_label, color_scheme=p.status_color, variant="soft"),
                          rx.cond(p.is_admin, rx.badge("Seat admin", color_scheme="indigo", variant="outline")),
                          spacing="2", align="center", wrap="wrap"),
                rx.text(p.email, size="1", color_scheme="gray", style={"overflow_wrap": "anywhere"}),
                rx.cond(p.teams != "", rx.text(f"Teams: {p.teams}", size="1", color_scheme="gray")),
                rx.cond(p.user_id != "", rx.text(f"Last sign-in: {p.last_sign_in}", size="1", color_scheme="gray", class_name="last-sign-in")),
                spacing="1", min_width="0",
            ),
            spacing="3", align="center", min_width="0", flex="1",
        ),
        _actions(p),
        justify="between", align="center", spacing="3", padding_y="12px", border_top="1px solid var(--gray-4)", width="100%",
        class_name="seat-person", data_email=p.email, data_status=p.status,
    )


def seat_error() -> rx.Component:
    return rx.cond(
        SeatsState.seat_error != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("circle-alert", size=16)),
            rx.callout.text(rx.text.strong("No free seat. "), SeatsState.seat_error),
            rx.icon_button(rx.icon("x", size=14), size="1", variant="ghost", color_scheme="red", margin_left="auto",
                           on_click=SeatsState.dismiss_seat_error, aria_label="Dismiss"),
            color_scheme="red", role="alert", width="100%", size="1", id="seat-error", display="flex", align_items="center",
        ),
    )


def people_panel() -> rx.Component:
    empty = rx.cond(
        SeatsState.search != "",
        empty_state("search-x", "Nobody matches", "Try part of a name or an email address, or another status."),
        empty_state("users", f"No {SeatsState.filter_label.lower()} people", "Invite someone, or pick another status above."),
    )
    listing = rx.cond(
        SeatsState.people.length() > 0,
        rx.vstack(rx.foreach(SeatsState.shown_people, _person), spacing="0", width="100%", id="seat-people"),
        empty,
    )
    return rx.vstack(
        reports_bar(), filters(), seat_error(),
        rx.hstack(rx.text("Sort by", size="2", color_scheme="gray"),
                  lists.sort_select(SORT_OPTIONS, SeatsState.sort_by, SeatsState.set_sort_by, "people-sort"),
                  spacing="2", align="center", justify="end", width="100%"),
        rx.box(listing, width="100%", opacity=rx.cond(SeatsState.users_loading, "0.5", "1"), transition="opacity 0.15s"),
        lists.pager(SeatsState.people_page_text, SeatsState.prev_page, SeatsState.next_page, SeatsState.can_prev_page,
                    SeatsState.can_next_page, "people-pager"),
        spacing="3", width="100%", padding_top="12px",
    )
