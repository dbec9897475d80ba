"""Enterprise groups: member accounts, the people who may act in them, and as whom."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from backend.accounts.models import Account, User


class EnterpriseLevel(str, Enum):
    ADMIN = "admin"
    USER = "user"


class EnterpriseGroup(Model):
    """A group of accounts of one customer, signed in to through one OpenID provider."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    issuer = fields.CharField(max_length=500, description="OpenID issuer its people sign in with")
    provider_name = fields.CharField(max_length=100, default="Google", description="Shown on the sign-in button")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise_groups"


class EnterpriseGroupAccount(Model):
    """A member account of a group, with the staff users enterprise people act as in it.

    One for USER level, one for ADMIN level (each must hold a membership in the account)."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[EnterpriseGroup] = fields.ForeignKeyField(
        "models.EnterpriseGroup", related_name="accounts", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="enterprise_groups", on_delete=fields.CASCADE
    )
    user_login_as: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="enterprise_user_logins", null=True, on_delete=fields.SET_NULL
    )
    admin_login_as: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="enterprise_admin_logins", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "enterprise_group_accounts"
        unique_together = (("group_id", "account_id"),)


class EnterpriseUser(Model):
    """A person of an enterprise group.

    Registered by a group admin by email. The identity link (issuer + subject) is filled on
    their first sign-in, when the ID token's email is verified and matches. Afterwards only
    issuer + subject identify them."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[EnterpriseGroup] = fields.ForeignKeyField(
        "models.EnterpriseGroup", related_name="people", on_delete=fields.CASCADE
    )
    # The Portico sign-in their enterprise session runs under (no password: SSO only).
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="enterprise_user", on_delete=fields.CASCADE
    )
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100, default="")
    email = fields.CharField(max_length=254, description="Lower-cased, matched once: on first sign-in")
    level = fields.CharEnumField(EnterpriseLevel, max_length=16, default=EnterpriseLevel.USER)
    active = fields.BooleanField(default=True)
    # Null: the whole group. Else only the subgroup's accounts (and, for an admin, its people).
    subgroup: fields.ForeignKeyNullableRelation[EnterpriseSubgroup] = fields.ForeignKeyField(
        "models.EnterpriseSubgroup", related_name="people", null=True, on_delete=fields.RESTRICT
    )
    issuer = fields.CharField(max_length=500, null=True)
    subject = fields.CharField(max_length=255, null=True)
    linked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise_users"
        unique_together = (("issuer", "subject"), ("group_id", "email"))


class IdentityProvider(Model):
    """An OpenID provider one enterprise group signs in with (Google, Microsoft Entra, ...).

    Several per group, side by side. The client secret is stored encrypted (Fernet, key from
    the settings). `issuer` may contain `{tenantid}` (Entra multi-tenant, `common` or
    `organizations`): the ID token's `iss` must then be it with the token's own `tid`, and
    `tid` must be in `tenant_ids` when that list is not empty."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[EnterpriseGroup] = fields.ForeignKeyField(
        "models.EnterpriseGroup", related_name="providers", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=64, unique=True, description="URL name: /sso/login?provider=<key>")
    display_name = fields.CharField(max_length=100, description="Shown on the sign-in button")
    issuer = fields.CharField(max_length=500)
    discovery_url = fields.CharField(max_length=500)
    client_id = fields.CharField(max_length=255)
    client_secret_encrypted = fields.TextField()
    allowed_domains: Any = fields.JSONField(default=list, description="Lower-case email domains (empty: any)")
    tenant_ids: Any = fields.JSONField(default=list, description="Allowed Entra tenants (multi-tenant issuers)")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise_identity_providers"


class EnterpriseSubgroup(Model):
    """A part of a group holding a subset of its accounts: its people reach only those."""

    id = fields.IntField(primary_key=True)
    group: fields.ForeignKeyRelation[EnterpriseGroup] = fields.ForeignKeyField(
        "models.EnterpriseGroup", related_name="subgroups", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise_subgroups"
        unique_together = (("group_id", "name"),)


class EnterpriseSubgroupAccount(Model):
    """A member account of the group that a subgroup holds."""

    id = fields.IntField(primary_key=True)
    subgroup: fields.ForeignKeyRelation[EnterpriseSubgroup] = fields.ForeignKeyField(
        "models.EnterpriseSubgroup", related_name="accounts", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="enterprise_subgroups", on_delete=fields.CASCADE
    )

    class Meta:
        table = "enterprise_subgroup_accounts"
        unique_together = (("subgroup_id", "account_id"),)
