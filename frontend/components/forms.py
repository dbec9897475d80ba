"""Labelled fields for the portal's forms."""

import reflex as rx


def field(label: str, control: rx.Component, hint: str = "") -> rx.Component:
    return rx.vstack(
        rx.text(label, as_="label", size="2", weight="medium"),
        control,
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray")),
        spacing="1", width="100%", align="stretch",
    )


def text_input(name: str, *, type: str = "text", placeholder: str = "", auto_complete: str = "", **props) -> rx.Component:
    return rx.input(name=name, id=name, type=type, placeholder=placeholder, auto_complete=auto_complete,
                    size="3", width="100%", **props)


def submit_button(label: str, loading: rx.Var[bool], **props) -> rx.Component:
    return rx.button(label, type="submit", size="3", width="100%", loading=loading, **props)
