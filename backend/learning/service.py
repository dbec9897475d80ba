"""Learning modules and assignments, with completion metrics.

A person completes a content item by viewing it completely (episodes, courses) or
completing it (labs) on the subscription; a module is complete when all its items are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from tortoise.transactions import in_transaction

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.pagination import Page, PageRequest, paginate
from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.seats import service as seats
from backend.seats.models import SeatHolder, Team, TeamMember

DONE = (ActivityKind.VIEWED_COMPLETELY, ActivityKind.LAB_COMPLETED)


async def content(*, request: PageRequest, kind: ContentKind | None = None, search: str = "") -> Page[ContentItem]:
    """A page of the catalogue by title (then id)."""
    q = ContentItem.all()
    if kind is not None:
        q = q.filter(kind=kind)
    if search.strip():
        q = q.filter(title__icontains=search.strip())
    return await paginate(q.order_by("title", "id"), request)


async def library(limit: int = 200) -> list[ContentItem]:
    """The learner's library: the catalogue by title (then id), at most `limit` items."""
    return await ContentItem.all().order_by("title", "id").limit(limit)


async def create_module(*, actor: User, subscription_id: int, name: str, description: str, content_ids: list[int]) -> LearningModule:
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the module a name.", "name")
    if not content_ids:
        raise DomainError(ErrorCode.REQUIRED, "Add at least one content item.", "contentIds")
    found = set(await ContentItem.filter(id__in=content_ids).values_list("id", flat=True))
    if missing := set(content_ids) - found:
        raise DomainError(ErrorCode.INVALID, f"No such content: {sorted(missing)}", "contentIds")
    async with in_transaction():
        module = await LearningModule.create(subscription_id=subscription_id, name=name.strip(), description=description.strip())
        for pos, cid in enumerate(dict.fromkeys(content_ids)):
            await ModuleItem.create(module=module, content_id=cid, position=pos)
    return module


async def modules(*, actor: User, subscription_id: int, request: PageRequest) -> Page[LearningModule]:
    """A page of modules by name (then id), with their content read for the page."""
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    query = LearningModule.filter(subscription_id=subscription_id).order_by("name", "id").prefetch_related("items__content")
    return await paginate(query, request)


async def assign(
    *, actor: User, module_id: int, user_ids: list[int], team_ids: list[int], due_on: date
) -> Assignment:
    module = await LearningModule.get_or_none(id=module_id)
    if module is None:
        raise NotFound("No such module.")
    sub_id = module.subscription_id  # type: ignore[attr-defined]
    await seats.require_seat_admin(subscription_id=sub_id, user=actor)
    if not user_ids and not team_ids:
        raise DomainError(ErrorCode.REQUIRED, "Assign the module to at least one person or team.", "userIds")
    if set(user_ids) - set(await SeatHolder.filter(subscription_id=sub_id, user_id__in=user_ids).values_list("user_id", flat=True)):
        raise DomainError(ErrorCode.INVALID, "Everyone assigned must be on this subscription.", "userIds")
    if set(team_ids) - set(await Team.filter(subscription_id=sub_id, id__in=team_ids).values_list("id", flat=True)):
        raise DomainError(ErrorCode.INVALID, "No such team on this subscription.", "teamIds")
    async with in_transaction():
        a = await Assignment.create(subscription_id=sub_id, module=module, due_on=due_on, created_by=actor)
        for uid in dict.fromkeys(user_ids):
            await AssignmentTarget.create(assignment=a, user_id=uid)
        for tid in dict.fromkeys(team_ids):
            await AssignmentTarget.create(assignment=a, team_id=tid)
    return a


@dataclass
class PersonProgress:
    user: User
    completed_items: int
    total_items: int
    completed_at: datetime | None

    @property
    def complete(self) -> bool:
        return self.total_items > 0 and self.completed_items >= self.total_items


@dataclass
class AssignmentReport:
    assignment: Assignment
    module: LearningModule
    user_ids: list[int]
    team_names: list[str]
    people: list[PersonProgress]

    @property
    def completed(self) -> int:
        return sum(1 for p in self.people if p.complete)

    @property
    def not_started(self) -> int:
        return sum(1 for p in self.people if p.completed_items == 0)


async def assignment_reports(*, subscription_id: int, assignment_ids: list[int] | None = None, user_id: int | None = None) -> list[AssignmentReport]:
    """Assignments with who they reach (people and current team members) and each
    person's completion, in a fixed number of queries."""
    q = Assignment.filter(subscription_id=subscription_id)
    if assignment_ids is not None:
        q = q.filter(id__in=assignment_ids)
    found = await q.select_related("module").order_by("due_on", "id")
    targets = await AssignmentTarget.filter(assignment_id__in=[a.id for a in found]).select_related("team")
    team_ids = [t.team_id for t in targets if t.team_id]  # type: ignore[attr-defined]
    members: dict[int, list[int]] = defaultdict(list)
    for tid, uid in await TeamMember.filter(team_id__in=team_ids).values_list("team_id", "user_id"):
        members[tid].append(uid)
    items: dict[int, set[int]] = defaultdict(set)
    for mid, cid in await ModuleItem.filter(module_id__in=[a.module_id for a in found]).values_list("module_id", "content_id"):  # type: ignore[attr-defined]
        items[mid].add(cid)
    reach: dict[int, list[int]] = defaultdict(list)
    names: dict[int, list[str]] = defaultdict(list)
    for t in targets:
        aid = t.assignment_id  # type: ignore[attr-defined]
        for uid in ([t.user_id] if t.user_id else members[t.team_id]):  # type: ignore[attr-defined]
            if uid not in reach[aid]:
                reach[aid].append(uid)
        if t.team_id:  # type: ignore[attr-defined]
            names[aid].append(t.team.name if t.team else "")
    everyone = {u for us in reach.values() for u in us}
    people = {u.id: u for u in await User.filter(id__in=everyone)}
    done: dict[tuple[int, int], datetime] = {}
    all_content = {c for cs in items.values() for c in cs}
    for uid, cid, at in await ActivityEvent.filter(
        subscription_id=subscription_id, kind__in=list(DONE), user_id__in=everyone, content_id__in=all_content
    ).values_list("user_id", "content_id", "occurred_at"):
        if (uid, cid) not in done or at < done[(uid, cid)]:
            done[(uid, cid)] = at
    reports = []
    for a in found:
        want = items[a.module_id]  # type: ignore[attr-defined]
        progress = []
        for uid in reach[a.id]:
            if user_id is not None and uid != user_id:
                continue
            times = [done[(uid, c)] for c in want if (uid, c) in done]
            progress.append(PersonProgress(
                user=people[uid], completed_items=len(times), total_items=len(want),
                completed_at=max(times) if len(times) == len(want) and want else None,
            ))
        if user_id is not None and not progress:
            continue
        progress.sort(key=lambda p: (p.user.first_name.lower(), p.user.last_name.lower(), p.user.email))
        reports.append(AssignmentReport(a, a.module, reach[a.id], sorted(names[a.id]), progress))
    return reports


async def assignments(*, actor: User, subscription_id: int, request: PageRequest) -> Page[AssignmentReport]:
    """A page of assignments by due date (then id); completion is counted for the page's assignments only."""
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    found = await paginate(Assignment.filter(subscription_id=subscription_id).order_by("due_on", "id"), request)
    reports = await assignment_reports(subscription_id=subscription_id, assignment_ids=[a.id for a in found.rows]) if found.rows else []
    return Page(kind=found.kind, rows=reports, offset=found.offset, total_count=found.total_count)
