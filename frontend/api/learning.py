"""Learning modules and assignments of a subscription (seat admins only), and the learner's
own side (operations: graphql/learning.graphql)."""

from __future__ import annotations

from typing import Any

from frontend.api.client import api, checked, dump_all
from frontend.api.generated import AssignModuleInput, CreateLearningModuleInput


async def learning_modules(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """The first 100 modules, by name."""
    return dump_all((await api(token).learning_modules(sub=subscription_id)).learning_modules.nodes)


async def content_items(*, token: str, search: str = "") -> list[dict[str, Any]]:
    """The first 100 items of the catalogue (episodes, courses, labs) by title; `search` narrows it."""
    return dump_all((await api(token).content_items(search=search)).content_items.nodes)


async def create_learning_module(*, token: str, subscription_id: str, name: str, description: str,
                                 content_ids: list[str]) -> dict[str, Any]:
    """Refused with REQUIRED (no name, no content) or INVALID (unknown content); `field` says where."""
    module = CreateLearningModuleInput(name=name, description=description, contentIds=content_ids)
    return checked((await api(token).create_learning_module(sub=subscription_id, input=module)).create_learning_module)["module"]


async def assignments(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """The first 100, with completion metrics, by due date."""
    return dump_all((await api(token).assignments(sub=subscription_id)).assignments.nodes)


async def assign_module(*, token: str, module_id: str, due_on: str, team_ids: list[str], user_ids: list[str]) -> dict[str, Any]:
    assignment = AssignModuleInput(moduleId=module_id, dueOn=due_on, teamIds=team_ids, userIds=user_ids)
    return checked((await api(token).assign_module(input=assignment)).assign_module)["assignment"]


# The learner's side: anyone signed in, about themselves.
async def my_learning(*, token: str) -> list[dict[str, Any]]:
    """Each subscription I hold (or held) a seat on: dates, assignments with progress, the library."""
    return dump_all((await api(token).my_learning()).my_learning)


async def open_content(*, token: str, subscription_id: str, content_id: str) -> None:
    """Records a viewing (a lab start). Refused with NO_ACTIVE_SEAT or OUTSIDE_ACCESS_DATES."""
    checked((await api(token).open_content(sub=subscription_id, content=content_id)).open_content)


async def finish_content(*, token: str, subscription_id: str, content_id: str) -> None:
    """Records the item viewed completely (a lab completed)."""
    checked((await api(token).finish_content(sub=subscription_id, content=content_id)).finish_content)
