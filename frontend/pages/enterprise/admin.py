"""Group admin: the enterprise group's people (level, status, subgroup), subgroups, member
accounts with their login-as staff users, and its identity providers (read-only). Calls go
out with the enterprise person's own session, also while they act in an account."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import enterprise as enterprise_api
from frontend.components.feedback import empty_state, error_callout, loading_block
from frontend.components.forms import field, submit_button, text_input
from frontend.components.layout import app_shell, card, card_header
from frontend.state import SessionState


@dataclasses.dataclass
class PersonRow:
    id: str = ""
    name: str = ""
    email: str = ""
    level: str = ""
    active: bool = True
    subgroup: str = ""


@dataclasses.dataclass
class AccountRow:
    account_id: str = ""
    name: str = ""
    user_login_as: str = ""
    admin_login_as: str = ""


@dataclasses.dataclass
class SubgroupRow:
    id: str = ""
    name: str = ""
    accounts: str = ""


@dataclasses.dataclass
class ProviderRow:
    key: str = ""
    name: str = ""
    issuer: str = ""
    domains: str = ""


class EnterpriseAdminState(SessionState):
    loading: bool = True
    error: str = ""
    busy: str = ""
    people: list[PersonRow] = []
    accounts: list[AccountRow] = []
    subgroups: list[SubgroupRow] = []
    providers: list[ProviderRow] = []

    async def _fetch(self) -> None:
        view = await self._authed_enterprise(enterprise_api.admin_view, group_id=self.enterprise_group_id)
        names = {a["accountId"]: a["name"] for a in view["enterpriseMemberAccounts"]}
        subgroups = {s["id"]: s["name"] for s in view["enterpriseSubgroups"]}
        self.people = [
            PersonRow(id=p["id"], name=f"{p['firstName']} {p['lastName']}".strip() or p["email"], email=p["email"],
                      level=p["level"], active=p["active"], subgroup=subgroups.get(p["subgroupId"] or "", "Whole group"))
            for p in view["enterprisePeople"]
        ]
        self.accounts = [
            AccountRow(account_id=a["accountId"], name=a["name"], user_login_as=(a["userLoginAs"] or {}).get("email", ""),
                       admin_login_as=(a["adminLoginAs"] or {}).get("email", ""))
            for a in view["enterpriseMemberAccounts"]
        ]
        self.subgroups = [
            SubgroupRow(id=s["id"], name=s["name"], accounts=", ".join(names.get(a, a) for a in s["accountIds"]) or "No accounts")
            for s in view["enterpriseSubgroups"]
        ]
        self.providers = [
            ProviderRow(key=p["key"], name=p["displayName"], issuer=p["issuer"], domains=", ".join(p["allowedDomains"]))
            for p in view["enterpriseIdentityProviders"]
        ]

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        if not self.is_enterprise_admin:
            self.loading, self.error = False, "Only an admin of your enterprise group may open this page."
            return
        self.loading, self.error = True, ""
        yield
        try:
            await self._fetch()
        except ApiError as exc:
            self.error = exc.message
        self.loading = False

    async def _change(self, key: str, call: Callable[..., Awaitable[Any]], done: str, **kwargs: Any):
        self.busy = key
        yield
        try:
            await self._authed_enterprise(call, **kwargs)
            await self._fetch()
            yield rx.toast.success(done)
        except (ApiError, PayloadError) as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    async def add_person(self, form: dict):
        person = {"email": form.get("email", "").strip(), "firstName": form.get("first_name", "").strip(),
                  "lastName": form.get("last_name", "").strip(), "level": form.get("level") or "USER"}
        async for step in self._change("add", enterprise_api.create_person, f"{person['email']} can now sign in.",
                                       group_id=self.enterprise_group_id, person=person):
            yield step

    @rx.event
    async def toggle_active(self, person_id: str, active: bool):
        done = "Activated." if active else "Deactivated: their sessions ended."
        async for step in self._change(person_id, enterprise_api.set_active, done, person_id=person_id, active=active):
            yield step

    @rx.event
    async def set_level(self, person_id: str, level: str):
        async for step in self._change(person_id, enterprise_api.set_level, "Level changed.", person_id=person_id, level=level):
            yield step

    @rx.event
    async def add_subgroup(self, form: dict):
        chosen = [key.removeprefix("account-") for key, value in form.items() if key.startswith("account-") and value]
        async for step in self._change("subgroup", enterprise_api.create_subgroup, "Subgroup created.",
                                       group_id=self.enterprise_group_id, name=form.get("name", ""), account_ids=chosen):
            yield step

    @rx.event
    async def save_login_as(self, form: dict):
        async for step in self._change(
            f"login-{form.get('account_id')}", enterprise_api.set_login_as, "Login-as users saved.",
            group_id=self.enterprise_group_id, account_id=form.get("account_id", ""),
            user=form.get("user_login_as", "").strip(), admin=form.get("admin_login_as", "").strip(),
        ):
            yield step


def _person(p: PersonRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(p.name, weight="medium"), rx.text(p.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(rx.badge(rx.cond(p.level == "ADMIN", "Admin", "User"), color_scheme=rx.cond(p.level == "ADMIN", "indigo", "gray"))),
        rx.table.cell(rx.badge(rx.cond(p.active, "Active", "Inactive"), color_scheme=rx.cond(p.active, "green", "red"))),
        rx.table.cell(p.subgroup),
        rx.table.cell(rx.hstack(
            rx.button(rx.cond(p.active, "Deactivate", "Activate"), size="1", variant="soft",
                      color_scheme=rx.cond(p.active, "red", "green"), loading=EnterpriseAdminState.busy == p.id,
                      on_click=EnterpriseAdminState.toggle_active(p.id, ~p.active)),
            rx.button(rx.cond(p.level == "ADMIN", "Make user", "Make admin"), size="1", variant="soft",
                      on_click=EnterpriseAdminState.set_level(p.id, rx.cond(p.level == "ADMIN", "USER", "ADMIN"))),
            spacing="2",
        )),
        class_name="enterprise-person", data_email=p.email,
    )


def _people() -> rx.Component:
    return card(
        card_header("People", "Who signs in with your group's provider, at which level."),
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in ("Person", "Level", "Status", "Subgroup", "")])),
            rx.table.body(rx.foreach(EnterpriseAdminState.people, _person)),
            width="100%", id="enterprise-people",
        ),
        rx.form(
            rx.grid(
                field("Work email", text_input("email", type="email", placeholder="name@company.com")),
                field("First name", text_input("first_name")),
                field("Last name", text_input("last_name")),
                field("Level", rx.select(["USER", "ADMIN"], name="level", default_value="USER", size="3")),
                rx.button("Add person", type="submit", size="3", loading=EnterpriseAdminState.busy == "add"),
                columns=rx.breakpoints(initial="1", md="5"), spacing="3", align="end", width="100%",
            ),
            on_submit=EnterpriseAdminState.add_person, reset_on_submit=True, id="add-person", width="100%",
        ),
    )


def _account(a: AccountRow) -> rx.Component:
    return rx.form(
        rx.flex(
            rx.text(a.name, weight="bold", min_width="140px"),
            rx.el.input(type="hidden", name="account_id", value=a.account_id),
            field("USER level acts as", rx.input(name="user_login_as", default_value=a.user_login_as, placeholder="staff email")),
            field("ADMIN level acts as", rx.input(name="admin_login_as", default_value=a.admin_login_as, placeholder="admin email")),
            rx.button("Save", type="submit", size="2", loading=EnterpriseAdminState.busy == "login-" + a.account_id),
            spacing="3", align="end", direction=rx.breakpoints(initial="column", md="row"), width="100%",
        ),
        on_submit=EnterpriseAdminState.save_login_as, class_name="enterprise-member-account", data_name=a.name, width="100%",
    )


def _accounts() -> rx.Component:
    return card(
        card_header("Accounts", "The group's accounts and the staff users people act as in each. Operators add accounts."),
        rx.vstack(rx.foreach(EnterpriseAdminState.accounts, _account), spacing="4", width="100%"),
    )


def _subgroups() -> rx.Component:
    return card(
        card_header("Subgroups", "A subgroup holds some of the accounts; its people reach only those."),
        rx.cond(
            EnterpriseAdminState.subgroups.length() > 0,
            rx.vstack(rx.foreach(EnterpriseAdminState.subgroups, lambda s: rx.hstack(
                rx.text(s.name, weight="bold"), rx.text(s.accounts, color_scheme="gray", size="2"), class_name="enterprise-subgroup",
                spacing="3")), spacing="2", width="100%"),
            rx.text("No subgroups: everyone reaches every account of the group.", size="2", color_scheme="gray"),
        ),
        rx.form(
            rx.flex(
                field("New subgroup", text_input("name", placeholder="e.g. North region")),
                rx.hstack(rx.foreach(EnterpriseAdminState.accounts, lambda a: rx.checkbox(a.name, name="account-" + a.account_id)),
                          spacing="4", wrap="wrap"),
                submit_button("Create subgroup", EnterpriseAdminState.busy == "subgroup"),
                spacing="3", direction="column", width="100%",
            ),
            on_submit=EnterpriseAdminState.add_subgroup, reset_on_submit=True, id="add-subgroup", width="100%",
        ),
    )


def _providers() -> rx.Component:
    return card(
        card_header("Sign-in providers", "Set up by your operator (read-only)."),
        rx.cond(
            EnterpriseAdminState.providers.length() > 0,
            rx.vstack(rx.foreach(EnterpriseAdminState.providers, lambda p: rx.vstack(
                rx.text(p.name, weight="bold"), rx.text(p.issuer, size="1", color_scheme="gray"),
                rx.text("Email domains: ", p.domains, size="1", color_scheme="gray"), spacing="0")), spacing="3", width="100%"),
            empty_state("key-round", "The deployment's default provider", "Your group signs in with the provider set up for everyone."),
        ),
    )


@rx.page(route=routes.ENTERPRISE_ADMIN, title="Group admin · Portico",
         on_load=[SessionState.require_session, EnterpriseAdminState.load])
def enterprise_admin() -> rx.Component:
    return app_shell(
        "Group admin",
        SessionState.enterprise_group_name,
        error_callout(EnterpriseAdminState.error),
        rx.cond(
            EnterpriseAdminState.loading,
            loading_block(),
            rx.cond(EnterpriseAdminState.error == "", rx.vstack(_people(), _subgroups(), _accounts(), _providers(), spacing="5", width="100%")),
        ),
    )
