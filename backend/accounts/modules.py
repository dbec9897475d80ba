"""The module catalogue and what each module allows.

Every module maps to at least one permission, and every permission is checked by someone:
Portico's own fields for the modules Portico implements (Customers, Reports, Seats, User
management), the host application for the modules it implements (Dashboard, Scheduling,
Communications, Pricing, Payment), which asks Portico through `can` / `myPermissions` or
reads the access token's `perms` claim. A test walks this mapping.

Admins hold every module. The User type can never hold an admin-only module: asking for
one is refused with MODULE_NOT_ALLOWED (naming it), never silently dropped.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from backend.accounts.models import MembershipRole
from backend.core.errors import DomainError, ErrorCode
from backend.core.permissions import Permission


@strawberry.enum(description="A part of the product a member may use.")
class Module(Enum):
    _value_: str  # strawberry.enum unwraps each enum_value to its string
    DASHBOARD = strawberry.enum_value("dashboard", description="The dashboard, in the host application (DASHBOARD_VIEW).")
    CUSTOMERS = strawberry.enum_value("customers", description="Families and user accounts: the Office Portal (FAMILIES_MANAGE).")
    SCHEDULING = strawberry.enum_value("scheduling", description="Scheduling, in the host application (SCHEDULING_MANAGE).")
    COMMUNICATIONS = strawberry.enum_value(
        "communications", description="Communications, in the host application (COMMUNICATIONS_MANAGE)."
    )
    REPORTS = strawberry.enum_value("reports", description="Reports on the account's members (REPORTS_VIEW).")
    SEATS = strawberry.enum_value("seats", description="Subscriptions and their seats (SEATS_MANAGE).")
    PRICING = strawberry.enum_value("pricing", description="Pricing, in the host application (PRICING_MANAGE). Admins only.")
    PAYMENT = strawberry.enum_value("payment", description="Payments, in the host application (PAYMENTS_MANAGE). Admins only.")
    USER_MANAGEMENT = strawberry.enum_value(
        "user_management", description="The account's users and audit log (USERS_MANAGE, AUDIT_VIEW). Admins only."
    )


ADMIN_ONLY_MODULES = frozenset({Module.PRICING, Module.PAYMENT, Module.USER_MANAGEMENT})

# Modules whose screens live in the host application: Portico only answers "may they?".
HOST_APP_MODULES = frozenset({Module.DASHBOARD, Module.SCHEDULING, Module.COMMUNICATIONS, Module.PRICING, Module.PAYMENT})

MODULE_PERMISSIONS: dict[Module, frozenset[Permission]] = {
    Module.DASHBOARD: frozenset({Permission.DASHBOARD_VIEW}),
    Module.CUSTOMERS: frozenset({Permission.FAMILIES_MANAGE}),
    Module.SCHEDULING: frozenset({Permission.SCHEDULING_MANAGE}),
    Module.COMMUNICATIONS: frozenset({Permission.COMMUNICATIONS_MANAGE}),
    Module.REPORTS: frozenset({Permission.REPORTS_VIEW}),
    Module.SEATS: frozenset({Permission.SEATS_MANAGE}),
    Module.PRICING: frozenset({Permission.PRICING_MANAGE}),
    Module.PAYMENT: frozenset({Permission.PAYMENTS_MANAGE}),
    Module.USER_MANAGEMENT: frozenset({Permission.USERS_MANAGE, Permission.AUDIT_VIEW}),
}

# Every member holds this one: it is what makes an account visible at all.
MEMBER_PERMISSIONS = frozenset({Permission.ACCOUNT_VIEW})

HOST_APP_PERMISSIONS = frozenset(p for m in HOST_APP_MODULES for p in MODULE_PERMISSIONS[m])


def _parse(requested: list[str] | list[Module]) -> set[Module]:
    return {Module(m) if isinstance(m, str) else m for m in requested}


def check_modules(role: MembershipRole, requested: list[str] | list[Module]) -> list[str]:
    """The modules to store for `role`, in catalogue order; a USER asking for an admin-only
    module is refused with MODULE_NOT_ALLOWED naming it (nothing is dropped in silence)."""
    if role == MembershipRole.ADMIN:
        return [m.value for m in Module]
    wanted = _parse(requested)
    forbidden = [m for m in Module if m in wanted and m in ADMIN_ONLY_MODULES]
    if forbidden:
        names = ", ".join(m.name for m in forbidden)
        raise DomainError(
            ErrorCode.MODULE_NOT_ALLOWED,
            f"The {role.name} type cannot hold {names}: only admins may use {'them' if len(forbidden) > 1 else 'it'}.",
            "modules",
        )
    return [m.value for m in Module if m in wanted]


def allowed_modules(role: MembershipRole, requested: list[str] | list[Module]) -> list[str]:
    """The modules a role may hold out of those stored (admin: all of them). Used when reading
    old rows; writes go through `check_modules`."""
    if role == MembershipRole.ADMIN:
        return [m.value for m in Module]
    wanted = _parse(requested)
    return [m.value for m in Module if m in wanted and m not in ADMIN_ONLY_MODULES]


def permissions_for(role: MembershipRole, modules: list[str]) -> frozenset[Permission]:
    if role == MembershipRole.ADMIN:
        return frozenset(Permission)
    granted = set(MEMBER_PERMISSIONS)
    for name in allowed_modules(role, modules):
        granted |= MODULE_PERMISSIONS[Module(name)]
    return frozenset(granted)
