"""Permissions as data, the small permission classes fields declare, and act-as containment.

A field says which permission it needs (`HasAccountPermission(Permission.USERS_MANAGE)`),
and its description says so too. Object-level checks (is this family mine?) live in the
domain services. Whether the field's account is the one an act-as session is limited to
is checked for every root field and every field with account arguments by the guard
`backend.core.scope.guard_schema` installs when the schema is built.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from backend.core import identity
from backend.core.errors import NotFound
from backend.core.globalid import pk_of
from backend.core.scope import ANY_ACCOUNT, OutsideActAsAccount

__all__ = [
    "ANY_ACCOUNT", "HasAccountPermission", "IsAuthenticated", "OutsideActAsAccount", "Permission",
    "needs", "signed_in",
]


@strawberry.enum(description="A permission a membership can hold in an account.")
class Permission(Enum):
    _value_: str  # strawberry.enum unwraps each enum_value to its string
    ACCOUNT_VIEW = strawberry.enum_value(
        "account.view", description="See the account (its name, members, subscriptions). Every member holds it."
    )
    USERS_MANAGE = strawberry.enum_value(
        "users.manage", description="Manage the account's users: invite, set modules, deactivate, remove; set the account's documents. User management module (admin only)."
    )
    AUDIT_VIEW = strawberry.enum_value(
        "audit.view", description="Read the account's audit log. User management module (admin only)."
    )
    PRICING_MANAGE = strawberry.enum_value(
        "pricing.manage", description="Manage pricing, in the host application. Pricing module (admin only)."
    )
    PAYMENTS_MANAGE = strawberry.enum_value(
        "payments.manage", description="Manage payments, in the host application. Payment module (admin only)."
    )
    FAMILIES_MANAGE = strawberry.enum_value(
        "families.manage", description="Manage the account's families and user accounts (students, guardians, staff sign-ins). Customers module."
    )
    SEATS_MANAGE = strawberry.enum_value(
        "seats.manage", description="Create and change the account's subscriptions (seats). Seats module."
    )
    REPORTS_VIEW = strawberry.enum_value("reports.view", description="Read reports on the account's members. Reports module.")
    DASHBOARD_VIEW = strawberry.enum_value(
        "dashboard.view", description="Use the dashboard, in the host application. Dashboard module."
    )
    SCHEDULING_MANAGE = strawberry.enum_value(
        "scheduling.manage", description="Manage scheduling, in the host application. Scheduling module."
    )
    COMMUNICATIONS_MANAGE = strawberry.enum_value(
        "communications.manage", description="Manage communications, in the host application. Communications module."
    )


class IsAuthenticated(BasePermission):
    message = "Sign in to do this."
    error_extensions = {"code": "UNAUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return await info.context.user() is not None


class HasAccountPermission(BasePermission):
    """The signed-in person holds `permission` in the account named by the `account_id`
    argument (the accounts domain decides what "holds" means, through the identity
    registry), and that account is inside an act-as session's scope."""

    error_extensions = {"code": "FORBIDDEN"}

    def __init__(self, permission: Permission, argument: str = "account_id") -> None:
        self.permission = permission
        self.argument = argument
        self.message = f"You need the {permission.value} permission in this account."

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        signed = await info.context.signed_in()
        try:
            account_id = pk_of(kwargs.get(self.argument, ""), "Account")
        except NotFound:
            return False
        if signed is None or (signed.account_scope is not None and signed.account_scope != account_id):
            return False
        return await identity.has_permission(user_id=signed.user.id, account_id=account_id, permission=self.permission)


def signed_in() -> list[FieldExtension]:
    """Field extensions for "any signed-in person" (fresh per field)."""
    return [PermissionExtension(permissions=[IsAuthenticated()])]


def needs(permission: Permission, argument: str = "account_id") -> list[FieldExtension]:
    """Field extensions for "signed in and holding `permission` in the account argument"."""
    return [PermissionExtension(permissions=[IsAuthenticated(), HasAccountPermission(permission, argument)])]
