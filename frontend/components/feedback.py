"""Empty, loading and error states, and small badges."""

import reflex as rx


def empty_state(icon: str, title: str, text: str = "", **props) -> rx.Component:
    return rx.vstack(
        rx.center(rx.icon(icon, size=22, color="var(--accent-9)"), width="44px", height="44px",
                  border_radius="999px", background="var(--accent-3)"),
        rx.text(title, weight="medium", size="3"),
        rx.cond(text != "", rx.text(text, size="2", color_scheme="gray", align="center")),
        align="center", spacing="2", padding_y="28px", width="100%", **props,
    )


def loading_block(label: str = "Loading…") -> rx.Component:
    return rx.hstack(rx.spinner(size="2"), rx.text(label, size="2", color_scheme="gray"),
                     justify="center", align="center", padding_y="28px", width="100%")


def error_callout(message: rx.Var[str]) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="circle-alert", color_scheme="red", role="alert", width="100%", size="1"),
    )


def info_callout(message, icon: str = "info") -> rx.Component:
    return rx.callout(message, icon=icon, color_scheme="gray", variant="surface", width="100%", size="1")


def role_badge(role: rx.Var[str]) -> rx.Component:
    return rx.match(
        role,
        ("ADMIN", rx.badge("Admin", color_scheme="indigo", variant="soft")),
        ("STAFF", rx.badge("Staff", color_scheme="gray", variant="soft")),
        rx.badge("User", color_scheme="gray", variant="soft"),
    )
