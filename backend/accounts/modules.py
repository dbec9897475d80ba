"""The module catalogue and what each module allows.

Admins hold every module. The User type can never hold an admin-only module, even if
asked: `allowed_modules` drops them.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from backend.accounts.models import MembershipRole
from backend.core.permissions import Permission


@strawberry.enum(description="A part of the product a member may use.")
class Module(Enum):
    DASHBOARD = "dashboard"
    CUSTOMERS = "customers"
    SCHEDULING = "scheduling"
    COMMUNICATIONS = "communications"
    REPORTS = "reports"
    SEATS = "seats"
    PRICING = "pricing"
    PAYMENT = "payment"
    USER_MANAGEMENT = "user_management"


ADMIN_ONLY_MODULES = frozenset({Module.PRICING, Module.PAYMENT, Module.USER_MANAGEMENT})

MODULE_PERMISSIONS: dict[Module, frozenset[Permission]] = {
    Module.DASHBOARD: frozenset(),
    Module.CUSTOMERS: frozenset({Permission.FAMILIES_MANAGE}),
    Module.SCHEDULING: frozenset(),
    Module.COMMUNICATIONS: frozenset(),
    Module.REPORTS: frozenset({Permission.REPORTS_VIEW}),
    Module.SEATS: frozenset({Permission.SEATS_MANAGE}),
    Module.PRICING: frozenset({Permission.PRICING_MANAGE}),
    Module.PAYMENT: frozenset({Permission.PAYMENTS_MANAGE}),
    Module.USER_MANAGEMENT: frozenset({Permission.USERS_MANAGE, Permission.AUDIT_VIEW}),
}


def allowed_modules(role: MembershipRole, requested: list[str] | list[Module]) -> list[str]:
    """The modules a role may hold out of those requested (admin: all of them)."""
    if role == MembershipRole.ADMIN:
        return [m.value for m in Module]
    wanted = {Module(m) if isinstance(m, str) else m for m in requested}
    return [m.value for m in Module if m in wanted and m not in ADMIN_ONLY_MODULES]


def permissions_for(role: MembershipRole, modules: list[str]) -> frozenset[Permission]:
    if role == MembershipRole.ADMIN:
        return frozenset(Permission)
    granted = {Permission.ACCOUNT_VIEW}
    for name in allowed_modules(role, modules):
        granted |= MODULE_PERMISSIONS[Module(name)]
    return frozenset(granted)
