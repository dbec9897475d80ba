"""The My Account page (`/my-account`): the active family, as much as I may see."""

import reflex as rx

from frontend import routes
from frontend.components.feedback import empty_state, loading_block
from frontend.components.layout import app_shell, card
from frontend.pages.my_account.access import access_dialog, revoke_dialog
from frontend.pages.my_account.invite import edit_dialog, invite_dialog
from frontend.pages.my_account.overview import account_card, ledger_card, students_card
from frontend.pages.my_account.payments import payments_card
from frontend.pages.my_account.secondaries import secondaries_card
from frontend.pages.my_account.state import MyAccountState
from frontend.state import SessionState


def _content() -> rx.Component:
    return rx.vstack(
        account_card(),
        rx.cond(MyAccountState.is_primary, rx.fragment(secondaries_card(), invite_dialog(), edit_dialog(), access_dialog(), revoke_dialog())),
        students_card(),
        rx.cond(MyAccountState.can_make_payments, payments_card()),
        ledger_card(),
        spacing="5", width="100%",
    )


def _no_family() -> rx.Component:
    return card(empty_state(
        "house", "No family account",
        "You aren't part of a family account. If you had access before, the primary guardian may have revoked it; contact them with any questions.",
        id="no-family",
    ))


@rx.page(route=routes.MY_ACCOUNT, title="My Account · Portico", on_load=[SessionState.require_session, MyAccountState.load])
def my_account() -> rx.Component:
    body = rx.cond(
        MyAccountState.loading,
        card(loading_block("Loading your account…")),
        rx.cond(
            MyAccountState.load_error != "",
            card(empty_state("shield-alert", "Can't show this account", MyAccountState.load_error, id="load-error")),
            rx.cond(MyAccountState.family_id != "", _content(), _no_family()),
        ),
    )
    subtitle = rx.cond(MyAccountState.family_id != "", f"{MyAccountState.family_name} family · {MyAccountState.account_name}",
                       "Your family account")
    return app_shell("My Account", subtitle, body)
