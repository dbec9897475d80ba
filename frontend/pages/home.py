"""Home: who I am and the accounts I belong to."""

import reflex as rx

from frontend import routes
from frontend.components.feedback import empty_state, role_badge
from frontend.components.layout import app_shell, card, card_header
from frontend.pages.student_home import StudentHomeState
from frontend.state import FamilyChoiceView, MembershipView, SessionState


class HomeState(SessionState):
    @rx.var
    def greeting(self) -> str:
        first = (self.full_name or "").split(" ")[0]
        return f"Signed in as {self.email}" if not first else f"Welcome back, {first}. You're signed in as {self.email}."


def _membership(m: MembershipView) -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.hstack(
                rx.hstack(
                    rx.center(rx.icon("building-2", size=18, color="var(--accent-9)"), width="36px", height="36px",
                              border_radius="10px", background="var(--accent-3)", flex_shrink="0"),
                    rx.text(m.account_name, weight="bold", size="3"),
                    spacing="3", align="center",
                ),
                role_badge(m.role),
                justify="between", align="center", width="100%",
            ),
            rx.cond(
                m.status == "ACTIVE",
                rx.flex(rx.foreach(m.module_labels, lambda label: rx.badge(label, variant="surface", color_scheme="gray")),
                        wrap="wrap", spacing="1"),
                rx.badge("Deactivated", color_scheme="red", variant="soft"),
            ),
            rx.cond(
                (m.status == "ACTIVE") & m.permissions.contains("USERS_MANAGE"),
                rx.link(rx.button(rx.icon("users", size=15), "Manage users", variant="soft", size="2"),
                        href=routes.USER_MANAGEMENT, on_click=SessionState.set_active_account(m.account_id)),
            ),
            spacing="3", width="100%",
        ),
        padding="16px", border="1px solid var(--gray-4)", border_radius="12px", background="white", width="100%",
    )


def _family(f: FamilyChoiceView) -> rx.Component:
    return rx.hstack(
        rx.center(rx.icon("house", size=18, color="var(--accent-9)"), width="36px", height="36px",
                  border_radius="10px", background="var(--accent-3)", flex_shrink="0"),
        rx.vstack(rx.text(f"{f.name} family", weight="bold", size="3"), rx.text(f"{f.account_name} · {f.role_label}", size="1", color_scheme="gray"),
                  spacing="0", flex="1", min_width="0"),
        rx.cond(f.is_active,
                rx.link(rx.button("My Account", variant="soft", size="2"), href=routes.MY_ACCOUNT),
                rx.button("Switch", variant="soft", color_scheme="gray", size="2", on_click=SessionState.switch_family(f.id))),
        spacing="3", align="center", padding="16px", border="1px solid var(--gray-4)", border_radius="12px", background="white", width="100%",
    )


def families_card() -> rx.Component:
    return rx.cond(
        SessionState.has_families,
        card(
            card_header("Your family accounts", "Balances, students and secondary users are on My Account."),
            rx.grid(rx.foreach(SessionState.families, _family), columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%"),
            id="home-families",
        ),
    )


# Students have their own home (/student): a minimal redirect, the page itself is unchanged.
@rx.page(route=routes.HOME, title="Home · Portico", on_load=[SessionState.require_session, StudentHomeState.redirect_students])
def home() -> rx.Component:
    return app_shell(
        "Home",
        HomeState.greeting,
        families_card(),
        card(
            card_header("Your accounts", "Where you have access, and what you can use there."),
            rx.cond(
                SessionState.memberships.length() > 0,
                rx.grid(rx.foreach(SessionState.memberships, _membership), columns=rx.breakpoints(initial="1", md="2"),
                        spacing="3", width="100%"),
                empty_state("building-2", "No accounts yet", "When someone invites you to an account it appears here."),
            ),
        ),
    )
