"""Home: what each person came for. A guardian sees the amount due and their family cards;
a learner their assignments; a seat admin the seat meter; an admin of several accounts
picks the account they work in (remembered across pages and visits); anyone sees the
accounts they belong to. "Nothing here yet" only for someone who truly has nothing."""

from __future__ import annotations

import dataclasses

import reflex as rx

from frontend import routes
from frontend.api import ApiError
from frontend.api import families as families_api
from frontend.api import learning as learning_api
from frontend.api import seats as seats_api
from frontend.components.feedback import empty_state, role_badge
from frontend.components.layout import app_shell, card, card_header
from frontend.formats import long_day
from frontend.pages.learning.rows import STATES
from frontend.pages.my_account.rows import money
from frontend.pages.student_home import StudentHomeState
from frontend.state import FamilyChoiceView, MembershipView, SessionState


@dataclasses.dataclass
class DueView:
    module: str = ""
    subscription: str = ""
    due: str = ""
    state_label: str = ""
    state_color: str = "gray"
    progress: str = ""


@dataclasses.dataclass
class MeterView:
    name: str = ""
    allocated: int = 0
    available: int = 0
    total: int = 0
    pending: int = 0
    percent: int = 0
    full: bool = False


class HomeState(SessionState):
    balances: dict[str, str] = {}  # family id -> amount due, in dollars
    balance_cents: dict[str, int] = {}
    due: list[DueView] = []
    meters: list[MeterView] = []
    home_loaded: bool = False

    @rx.var
    def greeting(self) -> str:
        first = (self.full_name or "").split(" ")[0]
        return f"Signed in as {self.email}" if not first else f"Welcome back, {first}. You're signed in as {self.email}."

    @rx.var
    def amount_due(self) -> str:
        return self.balances.get(self.active_family_id, "")

    @rx.var
    def owes(self) -> bool:
        return self.balance_cents.get(self.active_family_id, 0) > 0

    @rx.var
    def has_nothing(self) -> bool:
        return not (self.memberships or self.families or self.has_learning or self.seat_admin_subscriptions or self.enterprise_accounts)

    @rx.var
    def pickable_accounts(self) -> list[MembershipView]:
        """Accounts I administer; the picker shows when there are several."""
        return self.manageable_accounts

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        try:
            cents = {f.id: await self._authed(families_api.balance_cents, family_id=f.id) for f in self.families}
            self.balance_cents, self.balances = cents, {k: money(v) for k, v in cents.items()}
            self.due = [] if not self.has_learning else _due(await self._authed(learning_api.my_learning))
            self.meters = [_meter(await self._authed(seats_api.subscription, subscription_id=s.id)) for s in self.seat_admin_subscriptions]
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        self.home_loaded = True


def _due(rows: list[dict]) -> list[DueView]:
    """Open assignments first (overdue, due soon, upcoming), then the done ones."""
    out = []
    for m in rows:
        for a in m["assignments"]:
            label, color = STATES.get(a["state"], (a["state"], "gray"))
            out.append((a["state"] == "DONE", a["dueOn"], DueView(
                module=a["moduleName"], subscription=m["subscription"]["name"], due=long_day(a["dueOn"]), state_label=label,
                state_color=color, progress=f"{a['completedItems']} of {a['totalItems']} done",
            )))
    return [v for *_, v in sorted(out, key=lambda t: (t[0], t[1]))][:6]


def _meter(s: dict) -> MeterView:
    total, used = s["seatCount"], s["seatsAllocated"]
    return MeterView(name=s["name"], allocated=used, available=s["seatsAvailable"], total=total, pending=s["invitationsPending"],
                     percent=round(100 * used / total) if total else 0, full=s["seatsAvailable"] == 0)


def _icon(name: str) -> rx.Component:
    return rx.center(rx.icon(name, size=18, color="var(--accent-9)"), width="36px", height="36px", border_radius="10px",
                     background="var(--accent-3)", flex_shrink="0")


def _tile(*children: rx.Component, border: str | rx.Var = "1px solid var(--gray-4)", **props) -> rx.Component:
    return rx.box(*children, padding="16px", border=border, border_radius="12px", background="white", width="100%", **props)


def _family(f: FamilyChoiceView) -> rx.Component:
    return _tile(
        rx.hstack(
            _icon("house"),
            rx.vstack(rx.text(f"{f.name} family", weight="bold", size="3"), rx.text(f"{f.account_name} · {f.role_label}", size="1", color_scheme="gray"),
                      spacing="0", flex="1", min_width="0"),
            rx.vstack(rx.text(HomeState.balances.get(f.id, ""), weight="bold", size="3"), rx.text("Amount due", size="1", color_scheme="gray"),
                      spacing="0", align="end"),
            spacing="3", align="center", width="100%",
        ),
        rx.hstack(
            rx.cond(f.is_active,
                    rx.link(rx.button("My Account", variant="soft", size="2"), href=routes.MY_ACCOUNT),
                    rx.button("Switch to this family", variant="soft", color_scheme="gray", size="2", on_click=SessionState.switch_family(f.id))),
            justify="end", width="100%", margin_top="10px",
        ),
        class_name="family-card", data_name=f.name,
    )


def families_card() -> rx.Component:
    return rx.cond(
        SessionState.has_families,
        card(
            card_header("Your family accounts", "Balances, students and secondary users are on My Account.",
                        rx.cond(HomeState.amount_due != "",
                                rx.vstack(rx.text(HomeState.amount_due, size="6", weight="bold", id="home-amount-due",
                                                  color=rx.cond(HomeState.owes, "var(--amber-11)", "var(--gray-12)")),
                                          rx.text(f"Due now · {SessionState.active_family_name} family", size="1", color_scheme="gray"),
                                          spacing="0", align="end"))),
            rx.grid(rx.foreach(SessionState.families, _family), columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%"),
            id="home-families",
        ),
    )


def _due_row(d: DueView) -> rx.Component:
    return rx.flex(
        rx.vstack(rx.text(d.module, weight="medium", size="2"), rx.text(f"{d.subscription} · due {d.due}", size="1", color_scheme="gray"),
                  spacing="0", min_width="0"),
        rx.hstack(rx.text(d.progress, size="1", color_scheme="gray", white_space="nowrap"),
                  rx.badge(d.state_label, color_scheme=d.state_color, variant="soft"), spacing="2", align="center"),
        justify="between", align="center", spacing="3", width="100%", padding_y="8px", border_top="1px solid var(--gray-3)",
        class_name="home-assignment", data_module=d.module,
    )


def learning_card() -> rx.Component:
    return rx.cond(
        SessionState.has_learning,
        card(
            card_header("Your assignments", "What your administrator asked you to learn, by due date.",
                        rx.link(rx.button(rx.icon("graduation-cap", size=15), "My learning", size="2", white_space="nowrap"),
                                href=routes.MY_LEARNING, flex_shrink="0")),
            rx.cond(HomeState.due.length() > 0, rx.vstack(rx.foreach(HomeState.due, _due_row), spacing="0", width="100%"),
                    rx.text("Nothing assigned to you yet. Your library is on My learning.", size="2", color_scheme="gray")),
            id="home-learning",
        ),
    )


def _meter_tile(m: MeterView) -> rx.Component:
    return _tile(
        rx.vstack(
            rx.hstack(rx.text(m.name, weight="bold", size="3"), rx.text(f"{m.allocated} of {m.total} seats", size="2", weight="medium"),
                      justify="between", width="100%"),
            rx.progress(value=m.percent, color_scheme=rx.cond(m.full, "amber", "indigo"), size="2", width="100%"),
            rx.text(rx.cond(m.full, "Every seat is in use.", f"{m.available} free"),
                    rx.cond(m.pending > 0, f" · {m.pending} invitations pending", ""), size="1", color_scheme="gray"),
            spacing="2", width="100%",
        ),
        class_name="home-meter",
    )


def seats_card() -> rx.Component:
    return rx.cond(
        SessionState.can_manage_seats,
        card(
            card_header("Seats", "Seats allocated on the subscriptions you manage.",
                        rx.link(rx.button(rx.icon("armchair", size=15), "Seat dashboard", size="2", variant="soft", white_space="nowrap"),
                                href=routes.SEATS, flex_shrink="0")),
            rx.grid(rx.foreach(HomeState.meters, _meter_tile), columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%"),
            id="home-seats",
        ),
    )


def account_picker() -> rx.Component:
    """For admins of several accounts: the account the admin pages act in."""
    return rx.cond(
        HomeState.pickable_accounts.length() > 1,
        rx.vstack(
            rx.text("Working in", size="1", color_scheme="gray"),
            rx.select.root(
                rx.select.trigger(placeholder="Choose an account", id="account-picker", min_width="220px"),
                rx.select.content(rx.foreach(HomeState.pickable_accounts, lambda m: rx.select.item(m.account_name, value=m.account_id))),
                value=SessionState.active_account_id, on_change=SessionState.set_active_account, size="2",
            ),
            spacing="1",
        ),
    )


def _membership(m: MembershipView) -> rx.Component:
    return _tile(
        rx.vstack(
            rx.hstack(rx.hstack(_icon("building-2"), rx.text(m.account_name, weight="bold", size="3"), spacing="3", align="center"),
                      role_badge(m.role), justify="between", align="center", width="100%"),
            rx.cond(
                m.status == "ACTIVE",
                rx.flex(rx.foreach(m.module_labels, lambda label: rx.badge(label, variant="surface", color_scheme="gray")), wrap="wrap", spacing="1"),
                rx.badge("Deactivated", color_scheme="red", variant="soft"),
            ),
            rx.cond(
                (m.status == "ACTIVE") & m.permissions.contains("USERS_MANAGE"),
                rx.link(rx.button(rx.icon("users", size=15), "Manage users", variant="soft", size="2"),
                        href=routes.USER_MANAGEMENT, on_click=SessionState.set_active_account(m.account_id)),
            ),
            spacing="3", width="100%",
        ),
        class_name="account-card", data_name=m.account_name,
        border=rx.cond(m.account_id == SessionState.active_account_id, "1px solid var(--accent-8)", "1px solid var(--gray-4)"),
    )


def accounts_card() -> rx.Component:
    return rx.cond(
        SessionState.memberships.length() > 0,
        card(
            card_header("Your accounts", "Where you have access, and what you can use there."),
            rx.grid(rx.foreach(SessionState.memberships, _membership), columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%"),
            id="home-accounts",
        ),
    )


# Students have their own home (/student): they are sent there before Home loads.
@rx.page(
    route=routes.HOME, title="Home · Portico",
    on_load=[SessionState.require_session, StudentHomeState.redirect_students, HomeState.load],
)
def home() -> rx.Component:
    return app_shell(
        "Home",
        HomeState.greeting,
        families_card(),
        learning_card(),
        seats_card(),
        accounts_card(),
        rx.cond(HomeState.has_nothing,
                card(empty_state("inbox", "Nothing here yet", "When someone invites you to an account, a family or a learning seat, it appears here."))),
        rx.box(id="home-ready", display="none"),
        actions=account_picker(),
    )
