"""Pending invitations and the account's members, with their actions."""

from __future__ import annotations

import reflex as rx

from frontend.components import list_controls as lists
from frontend.components.feedback import empty_state, role_badge
from frontend.components.layout import card, card_header
from frontend.pages.users.permissions import PermissionsState
from frontend.pages.users.rows import InvitationRow, MemberRow
from frontend.pages.users.state import INVITATION_SORT_OPTIONS, MEMBER_SORT_OPTIONS, UsersState
from frontend.state import SessionState


def _row(*children: rx.Component, **props) -> rx.Component:
    return rx.flex(*children, direction=rx.breakpoints(initial="column", sm="row"), justify="between", align=rx.breakpoints(initial="start", sm="center"), spacing="3",
                   padding_y="12px", border_top="1px solid var(--gray-4)", width="100%", **props)


def _invitation(i: InvitationRow) -> rx.Component:
    busy = UsersState.busy == f"inv-{i.id}"
    return _row(
        rx.vstack(
            rx.hstack(
                rx.text(i.email, weight="medium", size="2", style={"overflow_wrap": "anywhere"}),
                rx.cond(i.expired, rx.badge("Expired", color_scheme="amber", variant="soft")),
                rx.cond(i.disposable, rx.badge("Disposable", color_scheme="red", variant="soft")),
                spacing="2", align="center", wrap="wrap",
            ),
            rx.text(f"Sent {i.sent} · expires {i.expires}",
                    rx.cond(i.send_count > 1, f" · sent {i.send_count} times", ""), size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.hstack(
            rx.button(rx.icon("rotate-cw", size=14), "Resend", size="1", variant="soft", loading=busy,
                      on_click=UsersState.resend(i.id, i.email)),
            rx.button(rx.icon("x", size=14), "Remove", size="1", variant="soft", color_scheme="red", disabled=busy,
                      on_click=UsersState.ask("withdraw", i.id, i.email)),
            spacing="2",
        ),
        class_name="pending-invitation", data_email=i.email,
    )


def _pending_filters() -> rx.Component:
    return rx.flex(
        rx.select.root(
            rx.select.trigger(id="pending-status"),
            rx.select.content(rx.select.item("All open", value="ALL"), rx.select.item("Pending", value="PENDING"),
                              rx.select.item("Expired", value="EXPIRED")),
            value=UsersState.pending_status, on_change=UsersState.set_pending_status, size="1",
        ),
        rx.input(placeholder="Search email or name", value=UsersState.pending_search, on_change=UsersState.set_pending_search,
                 on_blur=UsersState.apply_pending_search, id="pending-search", size="1", flex="1", min_width="140px"),
        rx.text(rx.switch(checked=UsersState.pending_disposable, on_change=UsersState.set_pending_disposable, size="1",
                          id="pending-disposable"), " Disposable only", as_="label", size="1"),
        spacing="2", align="center", wrap="wrap", width="100%",
    )


def pending_card() -> rx.Component:
    return card(
        card_header("Pending invitations", f"{UsersState.pending_total} open. Resend a fresh link or withdraw it.",
                    lists.sort_select(INVITATION_SORT_OPTIONS, UsersState.invitation_sort, UsersState.set_invitation_sort, "pending-sort")),
        _pending_filters(),
        rx.cond(
            UsersState.pending.length() > 0,
            rx.vstack(rx.foreach(UsersState.shown_pending, _invitation), spacing="0", width="100%", id="pending-invitations"),
            empty_state("mail", "No pending invitations", "Invitations you send appear here until they are accepted."),
        ),
        lists.pager(UsersState.pending_page_text, UsersState.pending_prev, UsersState.pending_next, UsersState.pending_can_prev,
                    UsersState.pending_can_next, "pending-pager"),
        rx.cond(UsersState.pending_cursor != "",
                rx.button("Load more from the server", size="1", variant="soft", on_click=UsersState.more_pending, id="pending-more")),
    )


def _person(m: MemberRow) -> rx.Component:
    return rx.hstack(
        rx.avatar(fallback=m.initials, size="3", radius="full", color_scheme=rx.cond(m.status == "ACTIVE", "indigo", "gray")),
        rx.vstack(
            rx.hstack(rx.text(m.name, weight="medium", size="2"), role_badge(m.role),
                      rx.cond(m.user_id == SessionState.user_id, rx.badge("You", variant="outline")), spacing="2", align="center"),
            rx.text(m.email, size="1", color_scheme="gray", style={"overflow_wrap": "anywhere"}),
            rx.text(m.access, size="1", color_scheme="gray"),
            rx.text(f"Last sign-in: {m.last_sign_in}", size="1", color_scheme="gray", class_name="last-sign-in"),
            spacing="0", min_width="0",
        ),
        spacing="3", align="center", min_width="0",
    )


def _member(m: MemberRow) -> rx.Component:
    busy = UsersState.busy == f"user-{m.user_id}"
    active = m.status == "ACTIVE"
    actions = rx.flex(
        rx.cond(
            active,
            rx.fragment(
                rx.button(rx.icon("sliders-horizontal", size=14), "Access", size="1", variant="soft", color_scheme="gray",
                          on_click=PermissionsState.open_editor(m.user_id)),
                rx.button(rx.icon("user-x", size=14), "Deactivate", size="1", variant="soft", color_scheme="amber",
                          loading=busy, on_click=UsersState.ask("deactivate", m.user_id, m.name)),
            ),
            rx.button(rx.icon("user-check", size=14), "Reactivate", size="1", variant="soft", color_scheme="green",
                      loading=busy, on_click=UsersState.reactivate(m.user_id, m.name)),
        ),
        rx.button(rx.icon("trash-2", size=14), "Remove", size="1", variant="soft", color_scheme="red", disabled=busy,
                  on_click=UsersState.ask_remove(m.user_id, m.name)),
        spacing="2", wrap="wrap",
    )
    return _row(_person(m), rx.cond(m.user_id == SessionState.user_id, rx.fragment(), actions),
                class_name="member", data_email=m.email)


def _member_list(rows, empty_title: str, empty_text: str, list_id: str) -> rx.Component:
    return rx.cond(
        rows.length() > 0,
        rx.vstack(rx.foreach(rows, _member), spacing="0", width="100%", id=list_id),
        empty_state("users", empty_title, empty_text),
    )


def members_card() -> rx.Component:
    return card(
        card_header("Users", "People who can sign in to this account.",
                    lists.sort_select(MEMBER_SORT_OPTIONS, UsersState.sort_by, UsersState.set_sort_by, "members-sort")),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger(f"Active ({UsersState.active_count})", value="active", id="tab-active"),
                rx.tabs.trigger(f"Deactivated ({UsersState.deactivated_count})", value="deactivated", id="tab-deactivated"),
            ),
            rx.tabs.content(_member_list(UsersState.active_members, "No active users", "Invite someone to get started.", "active-users"),
                            value="active", padding_top="8px"),
            rx.tabs.content(_member_list(UsersState.deactivated_members, "No deactivated users",
                                         "Deactivated users keep their history but cannot sign in to this account.", "deactivated-users"),
                            value="deactivated", padding_top="8px"),
            default_value="active", width="100%",
        ),
        lists.pager(UsersState.members_page_text, UsersState.prev_page, UsersState.next_page, UsersState.can_prev_page,
                    UsersState.can_next_page, "members-pager"),
    )


def remove_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(f"Remove {UsersState.confirm_name}?"),
            rx.alert_dialog.description(
                "They lose access to this account at once. Their history stays in the audit log, and you can invite them again later.",
                size="2",
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray", on_click=UsersState.cancel_remove)),
                rx.alert_dialog.action(rx.button("Remove user", color_scheme="red", on_click=UsersState.confirm_remove, id="confirm-remove")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="440px",
        ),
        open=UsersState.confirm_user_id != "",
    )


ASK = {  # action -> what happens, button
    "deactivate": ("They can no longer sign in to this account. Their access settings and history stay, and you can "
                   "reactivate them at any time.", "Deactivate user"),
    "withdraw": ("The link in their email stops working at once. You can invite them again later.", "Withdraw invitation"),
}


def ask_dialog() -> rx.Component:
    """Deactivating a user or withdrawing an invitation asks first and says what happens."""
    s = UsersState
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(rx.match(s.ask_action, ("deactivate", f"Deactivate {s.ask_name}?"),
                                           ("withdraw", f"Withdraw the invitation to {s.ask_name}?"), "")),
            rx.alert_dialog.description(rx.match(s.ask_action, *[(k, v[0]) for k, v in ASK.items()], ""), size="2"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(rx.match(s.ask_action, *[(k, v[1]) for k, v in ASK.items()], "Confirm"),
                                                 color_scheme="red", on_click=s.confirm_ask, id="confirm-ask")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="440px",
        ),
        open=s.ask_action != "", on_open_change=s.dismiss_ask,
    )
