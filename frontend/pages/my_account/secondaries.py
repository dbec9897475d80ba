"""The Secondary users section: status, the actions each status allows, and the add form."""

from __future__ import annotations

import reflex as rx

from frontend.components.feedback import empty_state
from frontend.components.layout import card, card_header
from frontend.pages.my_account.access import AccessState
from frontend.pages.my_account.invite import InviteState, add_form
from frontend.pages.my_account.rows import SecondaryRow


def _button(label: str, icon: str, on_click, **props) -> rx.Component:
    return rx.button(rx.icon(icon, size=14), label, size="1", variant="soft", on_click=on_click, **props)


def _actions(s: SecondaryRow) -> rx.Component:
    pending = (s.status == "INVITED") | (s.status == "INVITATION_EXPIRED")
    return rx.flex(
        rx.cond(s.status == "NOT_INVITED", _button("Send Invite Email", "send", InviteState.open_invite(s.id), class_name="send-invite")),
        rx.cond(pending, _button("Re-Send Invite Email", "rotate-cw", InviteState.open_invite(s.id), class_name="resend-invite")),
        rx.cond(s.can_edit, _button("Edit", "pencil", InviteState.open_edit(s.id), color_scheme="gray", class_name="edit-secondary")),
        _button("Account Access", "sliders-horizontal", AccessState.open_access(s.id), color_scheme="gray", class_name="account-access"),
        rx.cond(s.status == "ACTIVE", _button("Reset Password", "key-round", AccessState.reset_password(s.id, s.name),
                                              color_scheme="gray", loading=AccessState.busy == f"reset-{s.id}", class_name="reset-password")),
        _button("Revoke", "user-x", AccessState.ask_revoke(s.id, s.name, s.status), color_scheme="red",
                loading=AccessState.busy == f"revoke-{s.id}", class_name="revoke-secondary"),
        spacing="2", wrap="wrap",
    )


def _secondary(s: SecondaryRow) -> rx.Component:
    revoked = s.status == "REVOKED"
    return rx.vstack(
        rx.hstack(
            rx.avatar(fallback=s.initials, size="3", radius="full", color_scheme=rx.cond(revoked, "gray", "indigo")),
            rx.vstack(
                rx.hstack(rx.text(s.name, weight="medium", size="2"),
                          rx.badge(s.status_label, color_scheme=s.status_color, variant="soft", class_name="status"),
                          spacing="2", align="center", wrap="wrap"),
                rx.text(s.email, size="1", color_scheme="gray", style={"overflow_wrap": "anywhere"}),
                rx.cond(~revoked, rx.text(s.access, size="1", color_scheme="gray", class_name="access-summary")),
                rx.cond(s.note != "", rx.text(s.note, size="1", color_scheme="gray")),
                spacing="0", min_width="0",
            ),
            spacing="3", align="start", width="100%",
        ),
        rx.cond(revoked, rx.fragment(), rx.box(_actions(s), padding_left=["0", "52px"])),
        spacing="2", padding_y="14px", border_top="1px solid var(--gray-4)", width="100%",
        class_name="secondary", data_email=s.email, data_status=s.status,
    )


def secondaries_card() -> rx.Component:
    """Primary guardian only: the page leaves this out for anyone else."""
    return card(
        card_header(
            "Secondary users",
            "People who can sign in to this family account. They see account details; you choose what else.",
            rx.cond(~InviteState.add_open,
                    rx.button(rx.icon("user-plus", size=15), "Add", size="2", variant="soft", on_click=InviteState.toggle_add,
                              id="add-secondary", flex_shrink="0")),
        ),
        rx.cond(InviteState.add_open, rx.box(add_form(), margin_bottom="12px")),
        rx.cond(
            InviteState.secondaries.length() > 0,
            rx.vstack(rx.foreach(InviteState.secondaries, _secondary), spacing="0", width="100%", id="secondaries"),
            rx.cond(~InviteState.add_open, empty_state("users", "No secondary users yet",
                                                       "Add someone (a partner, a grandparent) so they can sign in and see this account.")),
        ),
        id="secondary-users",
    )
