"""The User management page."""

import reflex as rx

from frontend import routes
from frontend.components.feedback import empty_state, loading_block
from frontend.components.layout import app_shell, card
from frontend.pages.users.invite import invite_card, results_card
from frontend.pages.users.job import job_card
from frontend.pages.users.lists import ask_dialog, members_card, pending_card, remove_dialog
from frontend.pages.users.permissions import permissions_dialog
from frontend.pages.users.state import UsersState
from frontend.state import SessionState


def account_picker() -> rx.Component:
    return rx.cond(
        UsersState.account_options.length() > 1,
        rx.select.root(
            rx.select.trigger(placeholder="Account"),
            rx.select.content(rx.foreach(UsersState.account_options, lambda a: rx.select.item(a.name, value=a.id))),
            value=SessionState.active_account_id, on_change=UsersState.switch_account, size="2",
        ),
    )


@rx.page(route=routes.USER_MANAGEMENT, title="User management · Portico", on_load=[SessionState.require_session, UsersState.load])
def user_management() -> rx.Component:
    body = rx.cond(
        UsersState.loading,
        card(loading_block("Loading users…")),
        rx.cond(
            UsersState.load_error != "",
            card(empty_state("shield-alert", "Can't show users", UsersState.load_error)),
            rx.vstack(
                rx.grid(
                    rx.vstack(invite_card(), results_card(), job_card(), spacing="5", width="100%"),
                    pending_card(),
                    columns=rx.breakpoints(initial="1", lg="2"), spacing="5", width="100%", align_items="start",
                ),
                members_card(), remove_dialog(), ask_dialog(), permissions_dialog(),
                spacing="5", width="100%",
            ),
        ),
    )
    return app_shell("User management", SessionState.active_account_name, body, actions=account_picker())
