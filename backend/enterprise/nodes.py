"""`node(id:)` for enterprise groups, their people and subgroups: my own group (as
`myEnterpriseGroups`), and people and subgroups for the group's admins, within their
subgroup (as `enterprisePeople`, `enterpriseSubgroups`)."""

from __future__ import annotations

from typing import Any

from backend.core.graphql import Info, require_user
from backend.core.nodes import pick, row
from backend.enterprise import admin
from backend.enterprise.admin_schema import my_groups, subgroup_type
from backend.enterprise.models import EnterpriseSubgroup, EnterpriseUser
from backend.enterprise.types import EnterpriseGroupType, EnterpriseSubgroupType, EnterpriseUserType


async def group(info: Info, key: str) -> EnterpriseGroupType | None:
    return pick(await my_groups(info), key)


async def person(info: Info, key: str) -> EnterpriseUserType | None:
    p = await row(EnterpriseUser, key)
    if p is None:
        return None
    manager = await admin.group_admin(user=await require_user(info), group_id=p.group_id)  # type: ignore[attr-defined]
    return pick([EnterpriseUserType.of(x) for x in await admin.people(manager)], key)


async def subgroup(info: Info, key: str) -> EnterpriseSubgroupType | None:
    s = await row(EnterpriseSubgroup, key)
    if s is None:
        return None
    manager = await admin.group_admin(user=await require_user(info), group_id=s.group_id)  # type: ignore[attr-defined]
    return pick([subgroup_type(r, ids) for r, ids in await admin.subgroups(manager)], key)


LOADERS: dict[str, Any] = {"EnterpriseGroupType": group, "EnterpriseUserType": person, "EnterpriseSubgroupType": subgroup}
