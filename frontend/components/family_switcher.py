"""Family switcher: the user menu's list of my families, with the active one marked.

Someone in more than one family (say, a secondary user for two households) picks the
family to act in here; switching calls `switchFamily` and opens My Account for it.
"""

import reflex as rx

from frontend.state import FamilyChoiceView, SessionState


def _choice(f: FamilyChoiceView) -> rx.Component:
    return rx.menu.item(
        rx.hstack(
            rx.box(rx.cond(f.is_active, rx.icon("check", size=15, color="var(--accent-11)")), width="16px", flex_shrink="0"),
            rx.vstack(
                rx.text(f"{f.name} family", size="2", weight=rx.cond(f.is_active, "bold", "regular")),
                rx.text(f"{f.account_name} · {f.role_label}", size="1", color_scheme="gray"),
                spacing="0",
            ),
            spacing="2", align="center",
        ),
        on_click=SessionState.switch_family(f.id),
        height="auto", padding_y="6px", class_name="family-choice", data_active=f.is_active.to_string(),
        aria_current=rx.cond(f.is_active, "true", "false"),
    )


def family_switcher() -> rx.Component:
    """Nothing for people in one family or none; the list for everyone else."""
    return rx.cond(
        SessionState.families.length() > 1,
        rx.fragment(
            rx.menu.separator(),
            rx.text("Switch family", size="1", weight="medium", color_scheme="gray", padding_x="12px", padding_y="4px"),
            rx.box(rx.foreach(SessionState.families, _choice), id="family-switcher"),
        ),
    )


def current_family_tag() -> rx.Component:
    """The family I am acting in, shown beside my name when I have several."""
    return rx.cond(
        SessionState.families.length() > 1,
        rx.badge(rx.icon("house", size=12), SessionState.active_family_name, variant="soft", color_scheme="indigo",
                 id="current-family", size="1"),
    )
