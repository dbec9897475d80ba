"""The branded page for an unknown address: the top bar (with navigation when signed in),
plain words, and a way home."""

from __future__ import annotations

import reflex as rx

from frontend import routes
from frontend.api import ApiError
from frontend.components.feedback import empty_state
from frontend.components.layout import card, top_bar
from frontend.components.theme import CANVAS, CONTENT_WIDTH
from frontend.state import SessionState


class NotFoundState(SessionState):
    @rx.event
    async def load(self):
        """Signed in: refresh who I am so the nav shows my pages; signed out: stay here."""
        if not self._access_token:
            return
        try:
            await self._load_me()
        except ApiError:
            self._end_session()


@rx.page(route=routes.NOT_FOUND, title="Page not found · Portico", on_load=NotFoundState.load)
def not_found() -> rx.Component:
    return rx.box(
        top_bar(),
        rx.box(
            card(
                empty_state("map-pin-off", "This page does not exist",
                            "The address may be mistyped, or the page has moved. Everything you can use is in the menu above."),
                rx.center(
                    rx.link(rx.button(rx.icon("layout-dashboard", size=15), "Go to Home", size="3"), href=routes.HOME),
                    rx.cond(~SessionState.signed_in, rx.link(rx.button("Sign in", size="3", variant="soft"), href=routes.SIGN_IN)),
                    spacing="3", width="100%", padding_bottom="12px", gap="12px",
                ),
                id="not-found",
            ),
            max_width=CONTENT_WIDTH, margin_x="auto", padding_x=["16px", "24px"], padding_y=["20px", "32px"],
        ),
        min_height="100vh", background=CANVAS,
    )
