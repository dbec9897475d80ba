"""The account switcher of enterprise people: act in any account of the group, or go back
to the group, with the enterprise session the portal keeps (no new sign-in)."""

import reflex as rx

from frontend.state import GROUP_CHOICE, EnterpriseAccountView, SessionState


def _choice(a: EnterpriseAccountView) -> rx.Component:
    return rx.select.item(a.name, value=a.account_id, disabled=~a.can_act)


def enterprise_switcher() -> rx.Component:
    return rx.cond(
        SessionState.is_enterprise_user,
        rx.select.root(
            rx.select.trigger(id="enterprise-switcher", aria_label="Switch account", variant="soft"),
            rx.select.content(
                rx.select.item("Enterprise group", value=GROUP_CHOICE),
                rx.select.separator(),
                rx.foreach(SessionState.enterprise_accounts, _choice),
            ),
            value=SessionState.switcher_value, on_change=SessionState.switch_enterprise_account, size="2",
        ),
    )
