"""Page frames: the signed-in app shell and the centred card for signed-out pages."""

import reflex as rx

from frontend import routes
from frontend.components.enterprise_switcher import enterprise_switcher
from frontend.components.feedback import loading_block
from frontend.components.theme import CANVAS, CARD_STYLE, CONTENT_WIDTH
from frontend.components.user_menu import user_menu
from frontend.state import SessionState


def brand(size: str = "4") -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.center(rx.icon("door-open", size=18, color="white"), width="30px", height="30px",
                      border_radius="8px", background="var(--accent-9)"),
            rx.text("Portico", size=size, weight="bold", color="var(--gray-12)"),
            spacing="2", align="center",
        ),
        href=routes.HOME, underline="none",
    )


def nav_link(label: str, href: str, icon: str) -> rx.Component:
    active = SessionState.router.url.path == href
    return rx.link(
        rx.hstack(rx.icon(icon, size=16), rx.text(label, size="2", weight="medium"), spacing="2", align="center"),
        href=href, underline="none", padding_x="10px", padding_y="6px", border_radius="8px",
        color=rx.cond(active, "var(--accent-11)", "var(--gray-11)"),
        background=rx.cond(active, "var(--accent-3)", "transparent"),
        _hover={"background": "var(--gray-3)"},
    )


def nav_entries() -> list[tuple[str, str, str, rx.Var | None]]:
    """Every page in the top nav (label, path, icon, shown when); the phone menu lists the same."""
    return [
        ("Home", routes.HOME, "layout-dashboard", None),
        ("My Account", routes.MY_ACCOUNT, "house", SessionState.has_families),
        ("My learning", routes.MY_LEARNING, "graduation-cap", SessionState.has_learning),
        ("Families", routes.OFFICE_FAMILIES, "contact", SessionState.can_manage_families),
        ("User Accounts", routes.USER_ACCOUNTS, "id-card", SessionState.can_manage_families),
        ("User management", routes.USER_MANAGEMENT, "users", SessionState.can_manage_users),
        ("Seats", routes.SEATS, "armchair", SessionState.can_manage_seats),
        ("Enterprise", routes.ENTERPRISE, "building-2", SessionState.is_enterprise_user),
        ("Group admin", routes.ENTERPRISE_ADMIN, "shield", SessionState.is_enterprise_admin),
    ]


def _when(shown: rx.Var | None, component: rx.Component) -> rx.Component:
    return component if shown is None else rx.cond(shown, component)


def nav_links() -> rx.Component:
    return rx.hstack(
        *[_when(shown, nav_link(label, href, icon)) for label, href, icon, shown in nav_entries()],
        spacing="1", display=["none", "none", "flex"],
    )


def phone_menu() -> rx.Component:
    """On phones and narrow windows the nav links have no room: a visible Menu button lists them."""
    def item(label: str, href: str, icon: str) -> rx.Component:
        return rx.menu.item(rx.link(rx.hstack(rx.icon(icon, size=15), rx.text(label), spacing="2", align="center"),
                                    href=href, underline="none", color="inherit", width="100%"))

    return rx.box(
        rx.menu.root(
            rx.menu.trigger(rx.button(rx.icon("menu", size=18), rx.text("Menu", size="2"), variant="soft", color_scheme="gray",
                                      size="2", id="phone-menu", aria_label="Open the menu")),
            rx.menu.content(*[_when(shown, item(label, href, icon)) for label, href, icon, shown in nav_entries()], min_width="200px"),
        ),
        display=["block", "block", "none"],
    )


def top_bar() -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.hstack(brand(), nav_links(), spacing="6", align="center"),
            rx.cond(SessionState.signed_in, rx.hstack(enterprise_switcher(), phone_menu(), user_menu(), spacing="2", align="center"),
                    rx.link(rx.button("Sign in", variant="soft", size="2"), href=routes.SIGN_IN)),
            justify="between", align="center", max_width=CONTENT_WIDTH, margin_x="auto", width="100%",
            padding_x=["16px", "24px"],
        ),
        padding_y="12px", background="white",
        border_bottom="1px solid var(--gray-4)", position="sticky", top="0", z_index="10",
    )


def app_shell(title: str, subtitle: str | rx.Var, *children: rx.Component, actions: rx.Component | None = None) -> rx.Component:
    """A signed-in page: the top bar, a heading and the content (only once signed in)."""
    header = rx.flex(
        rx.vstack(rx.heading(title, size="7", weight="bold"), rx.text(subtitle, color_scheme="gray", size="3"), spacing="1"),
        actions or rx.fragment(),
        justify="between", align=rx.breakpoints(initial="start", sm="end"), direction=rx.breakpoints(initial="column", sm="row"), spacing="3", width="100%",
    )
    return rx.box(
        top_bar(),
        rx.box(
            rx.cond(SessionState.signed_in, rx.vstack(header, *children, spacing="5", width="100%"), loading_block()),
            max_width=CONTENT_WIDTH, margin_x="auto", padding_x=["16px", "24px"], padding_y=["20px", "32px"],
        ),
        min_height="100vh", background=CANVAS,
    )


def auth_card(title: str, subtitle: str | rx.Var, *children: rx.Component) -> rx.Component:
    """A signed-out page: the brand and one centred card."""
    return rx.center(
        rx.vstack(
            brand("5"),
            rx.vstack(
                rx.vstack(rx.heading(title, size="6", weight="bold"), rx.text(subtitle, color_scheme="gray", size="2"), spacing="1"),
                *children,
                spacing="5", padding=["20px", "32px"], style=CARD_STYLE,
            ),
            rx.text("Portico · invitations and account access", size="1", color_scheme="gray"),
            spacing="5", align="center", width="100%", max_width="440px",
        ),
        min_height="100vh", padding_x="16px", padding_y="40px", background=CANVAS, align_items=["start", "center"],
    )


def card(*children: rx.Component, **props) -> rx.Component:
    return rx.box(*children, padding=["16px", "24px"], style=CARD_STYLE, **props)


def card_header(title: str | rx.Var, subtitle: str | rx.Var = "", right: rx.Component | None = None) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.heading(title, size="4", weight="bold"), rx.cond(subtitle != "", rx.text(subtitle, size="2", color_scheme="gray")), spacing="1"),
        right or rx.fragment(),
        justify="between", align="start", width="100%", margin_bottom="12px",
    )
