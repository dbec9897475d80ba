"""The Seat dashboard for seat admins."""

import reflex as rx

from frontend import routes
from frontend.components.feedback import empty_state, loading_block
from frontend.components.layout import app_shell, card
from frontend.pages.seats.activity import activity_dialog
from frontend.pages.seats.assignments import assignments_panel
from frontend.pages.seats.confirm import confirm_dialog
from frontend.pages.seats.invite import invite_dialog
from frontend.pages.seats.overview import details_panel, meter_card, usage_card
from frontend.pages.seats.people import people_panel
from frontend.pages.seats.state import SeatsState
from frontend.pages.seats.team_activity import team_activity_dialog
from frontend.pages.seats.teams import teams_panel
from frontend.state import SessionState

TABS = (("users", "Users", "users"), ("teams", "Teams", "users-round"), ("assignments", "Assignments", "calendar-check"),
        ("details", "Details", "list-checks"))


def subscription_picker() -> rx.Component:
    """Only for people who are seat admin of more than one subscription."""
    return rx.cond(
        SessionState.seat_admin_subscriptions.length() > 1,
        rx.select.root(
            rx.select.trigger(placeholder="Subscription", id="subscription-picker"),
            rx.select.content(rx.foreach(SessionState.seat_admin_subscriptions, lambda s: rx.select.item(s.name, value=s.id))),
            value=SeatsState.subscription_id, on_change=SeatsState.switch_subscription, size="2",
        ),
    )


def _tabs() -> rx.Component:
    return card(
        rx.tabs.root(
            # On phones the icons go, so the four tabs fit in 390 px; the list still scrolls if it must.
            rx.tabs.list(*[rx.tabs.trigger(rx.hstack(rx.icon(icon, size=14, display=["none", "block"]), label, spacing="2", align="center"),
                                           value=value, id=f"tab-{value}") for value, label, icon in TABS],
                         size=rx.breakpoints(initial="1", sm="2"), overflow_x="auto", overflow_y="hidden"),
            rx.tabs.content(people_panel(), value="users"),
            rx.tabs.content(teams_panel(), value="teams"),
            rx.tabs.content(assignments_panel(), value="assignments"),
            rx.tabs.content(details_panel(), value="details"),
            value=SeatsState.tab, on_change=SeatsState.set_tab, width="100%",
        ),
    )


def _dashboard() -> rx.Component:
    return rx.vstack(
        rx.grid(meter_card(), usage_card(), columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%"),
        _tabs(), invite_dialog(), activity_dialog(), team_activity_dialog(), confirm_dialog(),
        spacing="5", width="100%",
    )


@rx.page(route=routes.SEATS, title="Seats · Portico", on_load=[SessionState.require_session, SeatsState.load])
def seat_dashboard() -> rx.Component:
    body = rx.cond(
        ~SessionState.can_manage_seats,
        card(empty_state("armchair", "No subscriptions to manage",
                         "The seat dashboard is for seat admins. Ask a seat admin of your organisation's subscription to invite you "
                         "with seat admin access.")),
        rx.cond(
            SeatsState.loading,
            card(loading_block("Loading your subscription…")),
            rx.cond(SeatsState.load_error != "", card(empty_state("shield-alert", "Can't show this subscription", SeatsState.load_error)),
                    _dashboard()),
        ),
    )
    return app_shell("Seat dashboard", "Seats, people and learning on your subscription.", body, actions=subscription_picker())
