"""`node(id:)` for enterprise groups, their people and subgroups: my own group (as
`myEnterpriseGroups`), and people and subgroups for the group's admins, within their
subgroup (as `enterprisePeople`, `enterpriseSubgroups`)."""

from __future__ import annotations

from typing import Any

from backend.core.graphql import Info, require_user
from backend.core.nodes import pick, row
from backend.enterprise import admin
from backend.enterprise.admin_schema import my_groups, subgroup_type
from backend.enterprise.models import EnterpriseSubgroup, EnterpriseSubgroupAccount, EnterpriseUser
from backend.enterprise.types import EnterpriseGroupType, EnterpriseSubgroupType, EnterpriseUserType


async def group(info: Info, key: str) -> EnterpriseGroupType | None:
    return pick(await my_groups(info), key)


async def person(info: Info, key: str) -> EnterpriseUserType | None:
    p = await row(EnterpriseUser, key)
    if p is None:
        return None
    manager = await admin.group_admin(user=await require_user(info), group_id=p.group_id)  # type: ignore[attr-defined]
    if not manager.whole_group and p.subgroup_id != manager.subgroup_id:  # type: ignore[attr-defined]
        return None  # the rule of `enterprisePeople`: a subgroup admin sees the subgroup's people
    await p.fetch_related("subgroup")
    return EnterpriseUserType.of(p)


async def subgroup(info: Info, key: str) -> EnterpriseSubgroupType | None:
    s = await row(EnterpriseSubgroup, key)
    if s is None:
        return None
    manager = await admin.group_admin(user=await require_user(info), group_id=s.group_id)  # type: ignore[attr-defined]
    if not manager.whole_group and s.id != manager.subgroup_id:
        return None  # the rule of `enterpriseSubgroups`: a subgroup admin sees their own subgroup
    held: list[Any] = list(await EnterpriseSubgroupAccount.filter(subgroup_id=s.id).values_list("account_id", flat=True))
    return subgroup_type(s, sorted(int(a) for a in held))


LOADERS: dict[str, Any] = {"EnterpriseGroupType": group, "EnterpriseUserType": person, "EnterpriseSubgroupType": subgroup}
