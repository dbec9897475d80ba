"""The top of the dashboard: the seat meter with access dates, the usage chart, and Details."""

from __future__ import annotations

import reflex as rx

from frontend.components.layout import card, card_header
from frontend.components.seat_meter import seat_meter
from frontend.pages.seats.state import SeatsState

SERIES = (("Active people", "var(--indigo-9)"), ("Viewings", "var(--teal-9)"), ("Logins", "var(--amber-9)"))


def _dates() -> rx.Component:
    sub = SeatsState.sub
    return rx.hstack(
        rx.icon("calendar-days", size=16, color="var(--gray-10)"),
        rx.text(f"Access {sub.starts_on} – {sub.ends_on}", size="2", color_scheme="gray"),
        rx.cond(sub.within_dates, rx.badge("Open today", color_scheme="green", variant="soft"),
                rx.badge("Outside access dates", color_scheme="red", variant="soft")),
        spacing="2", align="center", wrap="wrap", id="access-dates",
    )


def meter_card() -> rx.Component:
    return card(
        card_header("Seats", SeatsState.sub.name),
        rx.vstack(
            seat_meter(SeatsState.sub.allocated, SeatsState.sub.available, SeatsState.sub.seat_count, SeatsState.seat_percent,
                       SeatsState.seats_full),
            rx.divider(),
            _dates(),
            rx.cond(SeatsState.sub.features.length() > 0, rx.flex(
                rx.text("Includes", size="2", color_scheme="gray"),
                rx.foreach(SeatsState.sub.features, lambda f: rx.badge(f, variant="surface", color_scheme="gray")),
                spacing="2", wrap="wrap", align="center",
            )),
            spacing="4", width="100%",
        ),
    )


def usage_card() -> rx.Component:
    # Bars, not curves: daily counts are small whole numbers and a smoothed line invents values between days.
    chart = rx.recharts.bar_chart(
        *[rx.recharts.bar(data_key=key, fill=color, radius=[2, 2, 0, 0], max_bar_size=14, is_animation_active=False)
          for key, color in SERIES],
        rx.recharts.x_axis(data_key="day", tick_line=False, min_tick_gap=24, font_size=12, stroke="var(--gray-8)"),
        rx.recharts.y_axis(allow_decimals=False, width=28, tick_line=False, axis_line=False, font_size=12, stroke="var(--gray-8)"),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False, stroke="var(--gray-4)"),
        rx.recharts.graphing_tooltip(cursor={"fill": "var(--gray-3)"}),
        rx.recharts.legend(icon_type="circle", icon_size=8, wrapper_style={"fontSize": "12px"}),
        data=SeatsState.usage, width="100%", height=220, bar_gap=0, bar_category_gap="12%", margin={"top": 8, "right": 12, "left": 0, "bottom": 0},
    )
    return card(
        card_header("Usage", "The last 30 days, for the whole subscription."),
        rx.box(chart, width="100%", id="usage-chart"),
        rx.cond(~SeatsState.has_usage, rx.text("No activity in the last 30 days yet.", size="2", color_scheme="gray")),
    )


def details_panel() -> rx.Component:
    """The Details tab: the features this subscription includes."""
    sub = SeatsState.sub
    return rx.vstack(
        rx.text("Features included in this subscription", size="2", color_scheme="gray"),
        rx.cond(
            sub.features.length() > 0,
            rx.vstack(rx.foreach(sub.features, lambda f: rx.hstack(
                rx.icon("circle-check", size=16, color="var(--green-10)"), rx.text(f, size="2"), spacing="2", align="center",
            )), spacing="2", id="features"),
            rx.text("No features are listed for this subscription.", size="2"),
        ),
        rx.divider(),
        rx.grid(
            rx.text("Seats", size="2", color_scheme="gray"), rx.text(sub.seat_count, size="2"),
            rx.text("Access from", size="2", color_scheme="gray"), rx.text(sub.starts_on, size="2"),
            rx.text("Access until", size="2", color_scheme="gray"), rx.text(sub.ends_on, size="2"),
            columns="2", spacing_x="6", spacing_y="2", width="fit-content",
        ),
        spacing="3", width="100%", padding_top="12px",
    )
