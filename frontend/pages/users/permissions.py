"""Editing one member's type, modules and sub-accounts (setUserPermissions)."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import members as members_api
from frontend.components.feedback import error_callout
from frontend.pages.users.access import access_fields
from frontend.pages.users.state import UsersState, allowed_modules, toggled


class PermissionsState(UsersState):
    edit_user_id: str = ""
    edit_name: str = ""
    edit_role: str = "USER"
    edit_modules: list[str] = []
    edit_subs: list[str] = []
    saving: bool = False
    edit_error: str = ""

    @rx.event
    def open_editor(self, user_id: str):
        row = next((m for m in self.members if m.user_id == user_id), None)
        if row is None:
            return
        self.edit_user_id, self.edit_name, self.edit_error = row.user_id, row.name, ""
        self.edit_role = "ADMIN" if row.role == "ADMIN" else "USER"
        self.edit_modules, self.edit_subs = list(row.modules), list(row.sub_account_ids)

    @rx.event
    def close_editor(self, open_: bool = False):
        if not open_:
            self.edit_user_id = ""

    @rx.event
    def set_edit_role(self, role: str | list[str]):
        self.edit_role = role if isinstance(role, str) else role[0]
        self.edit_modules = allowed_modules(self.edit_role, self.edit_modules)

    @rx.event
    def toggle_edit_module(self, module: str, on: bool):
        self.edit_modules = allowed_modules(self.edit_role, toggled(self.edit_modules, module, on))

    @rx.event
    def toggle_edit_sub(self, sub_id: str, on: bool):
        self.edit_subs = toggled(self.edit_subs, sub_id, on)

    @rx.event
    async def save(self):
        self.saving, self.edit_error = True, ""
        yield
        try:
            await self._authed(
                members_api.set_user_permissions, account_id=self.active_account_id, user_id=self.edit_user_id,
                role=self.edit_role, modules=allowed_modules(self.edit_role, self.edit_modules), sub_account_ids=self.edit_subs,
            )
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.edit_error = exc.message
            return
        finally:
            self.saving = False
        name, self.edit_user_id = self.edit_name, ""
        yield rx.toast.success(f"Access for {name} updated.")


def permissions_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(f"Access for {PermissionsState.edit_name}"),
            rx.dialog.description("Choose what this person can use in the account.", size="2", color_scheme="gray", margin_bottom="16px"),
            rx.vstack(
                error_callout(PermissionsState.edit_error),
                access_fields(PermissionsState.edit_role, PermissionsState.edit_modules, PermissionsState.edit_subs,
                              UsersState.sub_accounts, PermissionsState.set_edit_role, PermissionsState.toggle_edit_module,
                              PermissionsState.toggle_edit_sub, "edit"),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                    rx.button("Save access", on_click=PermissionsState.save, loading=PermissionsState.saving),
                    justify="end", width="100%",
                ),
                spacing="4",
            ),
            max_width="560px",
        ),
        open=PermissionsState.edit_user_id != "",
        on_open_change=PermissionsState.close_editor,
    )
