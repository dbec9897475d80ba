"""The seat meter: how many seats are allocated, how many are free, out of how many."""

import reflex as rx


def _figure(value: rx.Var[int], label: str, figure_id: str, color: str = "var(--gray-12)") -> rx.Component:
    return rx.vstack(
        rx.text(value, size="7", weight="bold", color=color, id=figure_id, line_height="1"),
        rx.text(label, size="1", color_scheme="gray", weight="medium", text_transform="uppercase", letter_spacing="0.04em"),
        spacing="1", align="start", min_width="0",
    )


def seat_meter(allocated: rx.Var[int], available: rx.Var[int], total: rx.Var[int], percent: rx.Var[int], full: rx.Var[bool]) -> rx.Component:
    """Three figures and a bar; the bar turns amber when every seat is taken."""
    return rx.vstack(
        rx.grid(
            _figure(allocated, "Allocated", "seats-allocated"),
            _figure(available, "Available", "seats-available", rx.cond(full, "var(--amber-11)", "var(--green-11)")),
            _figure(total, "Total seats", "seats-total"),
            columns="3", spacing="4", width="100%",
        ),
        rx.progress(value=percent, color_scheme=rx.cond(full, "amber", "indigo"), size="3", width="100%", aria_label="Seats allocated"),
        rx.text(
            rx.cond(full, "Every seat is in use. Deactivate someone to free a seat.",
                    f"{allocated} of {total} seats allocated, {available} still free to assign."),
            size="2", color_scheme="gray", id="seat-summary",
        ),
        spacing="3", width="100%", id="seat-meter",
    )
