"""The office Families page's dialogs: New family, and Revoke access (with consequences)."""

from __future__ import annotations

import reflex as rx

from frontend.components.feedback import error_callout
from frontend.components.forms import field
from frontend.pages.office.state import OfficeFamiliesState as S


def _input(name: str, value: rx.Var[str], on_change, **props) -> rx.Component:
    return rx.input(id=name, name=name, value=value, on_change=on_change, size="3", width="100%", **props)


def create_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("New family"),
            rx.dialog.description(
                "If the primary guardian already signs in to Portico, they get the family at once. "
                "Anyone else gets an email inviting them to set a password and become its primary guardian.",
                size="2", color_scheme="gray", margin_bottom="16px",
            ),
            rx.form(
                rx.vstack(
                    error_callout(S.create_error),
                    rx.cond(S.duplicates != "", rx.callout(S.duplicates, icon="copy", color_scheme="amber", width="100%", size="1",
                                                            id="duplicate-warning")),
                    field("Family name", _input("create-name", S.new_name, S.set_new_name, placeholder="e.g. Garcia", required=True)),
                    rx.text("Primary guardian", size="2", weight="bold", margin_top="4px"),
                    rx.grid(
                        field("First name", _input("create-first-name", S.new_first_name, S.set_new_first_name, required=True)),
                        field("Last name", _input("create-last-name", S.new_last_name, S.set_new_last_name)),
                        columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
                    ),
                    field("Email", _input("create-email", S.new_email, S.set_new_email, type="email", required=True,
                                          auto_complete="off"),
                          "They manage the family: secondary users, access and payments."),
                    rx.flex(
                        rx.dialog.close(rx.button("Cancel", type="button", variant="soft", color_scheme="gray")),
                        rx.button("Create family", type="submit", loading=S.creating, id="save-family"),
                        justify="end", spacing="3", width="100%", margin_top="8px",
                    ),
                    spacing="3", width="100%",
                ),
                on_submit=S.create_family, reset_on_submit=False,
            ),
            max_width="520px",
        ),
        open=S.create_open, on_open_change=S.close_create,
    )


def revoke_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(f"Revoke {S.revoke_name}'s access?"),
            rx.alert_dialog.description(f"This is what happens when you revoke access to the {S.selected_name} family:", size="2"),
            rx.cond(
                S.revoke_active,
                rx.unordered_list(
                    rx.list_item(rx.text("Their sign-in to this family account ends at once.", size="2")),
                    rx.list_item(rx.text("They get an email saying their access was revoked, asking them to contact the primary guardian.", size="2")),
                    rx.list_item(rx.text("Any payment methods they saved for this family are deleted.", size="2")),
                    margin_top="8px", id="revoke-consequences",
                ),
                rx.unordered_list(
                    rx.list_item(rx.text("Their invitation link stops working at once.", size="2")),
                    rx.list_item(rx.text("They can't accept it or see this family account.", size="2")),
                    margin_top="8px", id="revoke-consequences",
                ),
            ),
            rx.text("Staff can't give access back: only the primary guardian can invite them again.",
                    size="1", color_scheme="gray", margin_top="4px"),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray", on_click=S.cancel_revoke)),
                rx.alert_dialog.action(rx.button("Revoke access", color_scheme="red", on_click=S.confirm_revoke, id="confirm-revoke")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="480px",
        ),
        open=S.revoke_id != "",
    )
