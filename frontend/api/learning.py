"""Learning modules and assignments of a subscription. Seat admins only."""

from __future__ import annotations

from typing import Any

from frontend.api.client import checked, execute

ASSIGNMENT_FIELDS = "id moduleName dueOn overdue teamNames assignedCount completedCount inProgressCount notStartedCount completionRate"
ERRORS = "errors { code message field }"

LEARNING_MODULES = "query Modules($sub: ID!) { learningModules(subscriptionId: $sub, first: 100) { nodes { id name description items { id } } } }"
ASSIGNMENTS = f"query Assignments($sub: ID!) {{ assignments(subscriptionId: $sub, first: 100) {{ nodes {{ {ASSIGNMENT_FIELDS} }} }} }}"
CONTENT_ITEMS = "query ContentItems($search: String!) { contentItems(search: $search, first: 100) { nodes { id kind title minutes } } }"
CREATE_LEARNING_MODULE = f"""mutation CreateLearningModule($sub: ID!, $input: CreateLearningModuleInput!) {{
  createLearningModule(subscriptionId: $sub, input: $input) {{ module {{ id name description items {{ id }} }} {ERRORS} }} }}"""
ASSIGN_MODULE = f"""mutation AssignModule($input: AssignModuleInput!) {{
  assignModule(input: $input) {{ assignment {{ {ASSIGNMENT_FIELDS} }} {ERRORS} }} }}"""


async def learning_modules(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """The first 100 modules, by name."""
    return (await execute(LEARNING_MODULES, {"sub": subscription_id}, token=token))["learningModules"]["nodes"]


async def content_items(*, token: str, search: str = "") -> list[dict[str, Any]]:
    """The first 100 items of the catalogue (episodes, courses, labs) by title; `search` narrows it."""
    return (await execute(CONTENT_ITEMS, {"search": search}, token=token))["contentItems"]["nodes"]


async def create_learning_module(*, token: str, subscription_id: str, name: str, description: str,
                                 content_ids: list[str]) -> dict[str, Any]:
    """Refused with REQUIRED (no name, no content) or INVALID (unknown content); `field` says where."""
    payload = {"name": name, "description": description, "contentIds": content_ids}
    variables = {"sub": subscription_id, "input": payload}
    return checked((await execute(CREATE_LEARNING_MODULE, variables, token=token))["createLearningModule"])["module"]


async def assignments(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """The first 100, with completion metrics, by due date."""
    return (await execute(ASSIGNMENTS, {"sub": subscription_id}, token=token))["assignments"]["nodes"]


async def assign_module(*, token: str, module_id: str, due_on: str, team_ids: list[str], user_ids: list[str]) -> dict[str, Any]:
    payload = {"moduleId": module_id, "dueOn": due_on, "teamIds": team_ids, "userIds": user_ids}
    return checked((await execute(ASSIGN_MODULE, {"input": payload}, token=token))["assignModule"])["assignment"]


# The learner's side: anyone signed in, about themselves.
LEARNER_ITEM = "content { id kind title minutes } started done"
MY_LEARNING = f"""query MyLearning {{ myLearning {{ status canOpen
  subscription {{ id name startsOn endsOn withinAccessDates }}
  assignments {{ id moduleName moduleDescription dueOn state completedItems totalItems completedAt items {{ {LEARNER_ITEM} }} }}
  library {{ {LEARNER_ITEM} }} }} }}"""
OPEN_CONTENT = f"""mutation OpenContent($sub: ID!, $content: ID!) {{
  openContent(subscriptionId: $sub, contentId: $content) {{ event {{ kind }} {ERRORS} }} }}"""
FINISH_CONTENT = f"""mutation FinishContent($sub: ID!, $content: ID!) {{
  finishContent(subscriptionId: $sub, contentId: $content) {{ event {{ kind }} {ERRORS} }} }}"""


async def my_learning(*, token: str) -> list[dict[str, Any]]:
    """Each subscription I hold (or held) a seat on: dates, assignments with progress, the library."""
    return (await execute(MY_LEARNING, token=token))["myLearning"]


async def open_content(*, token: str, subscription_id: str, content_id: str) -> None:
    """Records a viewing (a lab start). Refused with NO_ACTIVE_SEAT or OUTSIDE_ACCESS_DATES."""
    checked((await execute(OPEN_CONTENT, {"sub": subscription_id, "content": content_id}, token=token))["openContent"])


async def finish_content(*, token: str, subscription_id: str, content_id: str) -> None:
    """Records the item viewed completely (a lab completed)."""
    checked((await execute(FINISH_CONTENT, {"sub": subscription_id, "content": content_id}, token=token))["finishContent"])
