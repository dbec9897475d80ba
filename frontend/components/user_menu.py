"""The person's menu: name, the family switcher slot, account pages and sign out."""

import reflex as rx

from frontend import routes
from frontend.components.family_switcher import current_family_tag, family_switcher
from frontend.state import SessionState


def _item(label: str, icon: str, href: str, **props) -> rx.Component:
    return rx.menu.item(rx.link(rx.hstack(rx.icon(icon, size=15), rx.text(label), spacing="2", align="center"),
                                href=href, underline="none", color="inherit", width="100%"), **props)


def user_menu() -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(
            rx.button(
                rx.avatar(fallback=SessionState.initials, size="2", radius="full", color_scheme="indigo"),
                rx.text(SessionState.display_name, size="2", weight="medium", display=["none", "inline"]),
                current_family_tag(),
                rx.icon("chevron-down", size=14),
                variant="ghost", color_scheme="gray", size="2", id="user-menu", aria_label="Open the user menu",
            ),
        ),
        rx.menu.content(
            rx.box(
                rx.text(SessionState.display_name, weight="bold", size="2"),
                rx.text(SessionState.email, size="1", color_scheme="gray"),
                rx.cond(SessionState.families.length() > 1,
                        rx.text("Acting in the ", rx.text.strong(SessionState.active_family_name), " family", size="1", color_scheme="gray")),
                padding_x="12px", padding_y="8px",
            ),
            family_switcher(),
            rx.menu.separator(),
            _item("Change password", "key-round", routes.CHANGE_PASSWORD),
            rx.menu.separator(),
            _item("Sign out", "log-out", routes.SIGN_OUT, color="red"),
            align="end", min_width="220px",
        ),
    )
