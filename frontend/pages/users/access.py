"""Choosing a person's type, modules and sub-accounts (used by invite and edit)."""

from __future__ import annotations

import reflex as rx

from frontend.components.forms import field
from frontend.pages.users.rows import ADMIN_ONLY, Option
from frontend.state import MODULE_LABELS


def access_fields(role: rx.Var[str], modules: rx.Var[list[str]], subs: rx.Var[list[str]], sub_accounts: rx.Var[list[Option]],
                  set_role, toggle_module, toggle_sub, prefix: str) -> rx.Component:
    """Type (User/Admin), module checkboxes and sub-account checkboxes.

    A User cannot hold Pricing, Payment or User Management: those boxes are disabled.
    An Admin holds every module, so the boxes show checked and locked.
    """
    is_admin = role == "ADMIN"

    def module_box(value: str) -> rx.Component:
        # Admin-only modules cannot be picked for a User; an Admin already holds everything.
        locked = (role != "ADMIN") | is_admin if value in ADMIN_ONLY else is_admin
        return rx.checkbox(
            MODULE_LABELS[value], id=f"{prefix}-module-{value.lower()}",
            checked=is_admin | modules.contains(value), disabled=locked,
            on_change=lambda on: toggle_module(value, on), size="2",
        )

    return rx.vstack(
        field("Type", rx.segmented_control.root(
            rx.segmented_control.item("User", value="USER"), rx.segmented_control.item("Admin", value="ADMIN"),
            value=role, on_change=set_role, id=f"{prefix}-role", size="2",
        )),
        field(
            "Modules",
            rx.grid(*[module_box(m) for m in MODULE_LABELS], columns=rx.breakpoints(initial="2", md="3"), spacing="2", width="100%"),
            rx.cond(is_admin, "Admins can use every module.", "Pricing, Payment and User Management are for admins only."),
        ),
        rx.cond(
            sub_accounts.length() > 0,
            field(
                "Sub-accounts",
                rx.flex(rx.foreach(sub_accounts, lambda s: rx.checkbox(
                    s.name, checked=subs.contains(s.id), on_change=lambda on: toggle_sub(s.id, on), size="2",
                )), wrap="wrap", spacing="4"),
                "Leave all unticked to give access to every sub-account.",
            ),
        ),
        spacing="4", width="100%",
    )
