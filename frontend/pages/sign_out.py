"""Sign out: end the session at the API and forget the tokens."""

import reflex as rx

from frontend import routes
from frontend.api import ApiError
from frontend.api import auth as auth_api
from frontend.components.layout import auth_card
from frontend.state import SessionState


class SignOutState(SessionState):
    @rx.event
    async def on_load(self):
        for token in {self._access_token, self._enterprise_access_token} - {""}:
            try:
                await auth_api.logout(token=token)
            except ApiError:
                pass  # an expired session is signed out already
        self._end_session()


@rx.page(route=routes.SIGN_OUT, title="Signed out · Portico", on_load=SignOutState.on_load)
def sign_out() -> rx.Component:
    return auth_card(
        "You're signed out",
        "Thanks for stopping by. Your session has ended on this device.",
        rx.link(rx.button("Sign in again", size="3", width="100%"), href=routes.SIGN_IN, width="100%"),
    )
