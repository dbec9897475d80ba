"""Demo seats for Riverside Gymnastics: a 10-seat subscription with people, teams,
modules, an assignment and four weeks of activity. Safe to run twice."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta, timezone

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.seats import service
from backend.seats.models import SeatHolder, SeatStatus, Subscription, Team, TeamMember

NAME = "Riverside Staff Learning"
CATALOGUE = [
    ("safeguarding-101", ContentKind.EPISODE, "Safeguarding young athletes", 18),
    ("first-aid-basics", ContentKind.EPISODE, "First aid at the gym", 22),
    ("spotting-technique", ContentKind.EPISODE, "Spotting technique on the beam", 15),
    ("coaching-course", ContentKind.COURSE, "Coaching fundamentals", 240),
    ("excel-basics", ContentKind.EPISODE, "Spreadsheets for the front desk", 25),
    ("customer-service", ContentKind.COURSE, "Customer service essentials", 120),
    ("incident-report-lab", ContentKind.LAB, "Writing an incident report", 30),
    ("booking-system-lab", ContentKind.LAB, "Booking system practice", 20),
]
PEOPLE = [  # email local part, first, last, team, active
    ("jordan.coach", "Jordan", "Reyes", "Coaches", True),
    ("priya.coach", "Priya", "Shah", "Coaches", True),
    ("mateo.coach", "Mateo", "Silva", "Coaches", True),
    ("lena.coach", "Lena", "Fischer", "Coaches", True),
    ("omar.desk", "Omar", "Haddad", "Front desk", True),
    ("grace.desk", "Grace", "Kim", "Front desk", True),
    ("tom.former", "Tom", "Baker", "Front desk", False),
]


async def _content() -> dict[str, ContentItem]:
    items = {}
    for slug, kind, title, minutes in CATALOGUE:
        items[slug], _ = await ContentItem.get_or_create(slug=slug, defaults={"kind": kind, "title": title, "minutes": minutes})
    return items


async def _person(local: str, first: str, last: str, password: str) -> User:
    email = f"{local}@demo.portico.dev"
    return await accounts.get_by_email(email=email) or await accounts.create_user(
        email=email, password=password, first_name=first, last_name=last
    )


async def _activity(sub: Subscription, people: list[User], content: dict[str, ContentItem]) -> None:
    """Four weeks of plausible history: most weekdays a login, then some viewing or a lab."""
    rng = random.Random(2026)
    today = utcnow().date()
    events = []
    for person in people:
        keen = rng.uniform(0.35, 0.9)
        for back in range(28, 0, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5 or rng.random() > keen:
                continue
            at = datetime.combine(day, time(hour=rng.randint(7, 18), minute=rng.randint(0, 59)), tzinfo=timezone.utc)
            events.append(ActivityEvent(subscription=sub, user=person, kind=ActivityKind.LOGIN, occurred_at=at))
            item = rng.choice(list(content.values()))
            lab = item.kind == ContentKind.LAB
            start, done = (ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED) if lab else (ActivityKind.VIEWING_STARTED, ActivityKind.VIEWED_COMPLETELY)
            events.append(ActivityEvent(subscription=sub, user=person, kind=start, content=item, occurred_at=at + timedelta(minutes=2)))
            if rng.random() < 0.7:
                events.append(ActivityEvent(subscription=sub, user=person, kind=done, content=item, occurred_at=at + timedelta(minutes=2 + item.minutes)))
    await ActivityEvent.bulk_create(events)


async def seed(*, admin_email: str, password: str) -> None:
    """Caller owns the transaction. Does nothing when the demo subscription exists."""
    gym = await Account.get_or_none(name="Riverside Gymnastics")
    admin = await accounts.get_by_email(email=admin_email)
    if gym is None or admin is None or await Subscription.exists(account_id=gym.id, name=NAME):
        return
    today = utcnow().date()
    sub = await service.create_subscription(
        account=gym, actor=admin, name=NAME, seat_count=10, starts_on=today - timedelta(days=60), ends_on=today + timedelta(days=305),
        features=["Video library", "Courses", "Practice labs", "Activity reports", "Assignments"],
    )
    content = await _content()
    teams = {n: await Team.create(subscription=sub, name=n, description=d) for n, d in (
        ("Coaches", "Floor and apparatus coaches"), ("Front desk", "Bookings and customer service"))}
    people = []
    for local, first, last, team, active in PEOPLE:
        person = await _person(local, first, last, password)
        await service.take_seat(subscription_id=sub.id, user_id=person.id)
        await TeamMember.create(team=teams[team], user=person)
        if not active:
            await SeatHolder.filter(subscription_id=sub.id, user_id=person.id).update(seat_status=SeatStatus.DEACTIVATED, deactivated_at=utcnow())
        people.append(person)
    await _activity(sub, people, content)
    safety = await LearningModule.create(subscription=sub, name="Safety essentials", description="What every coach must know")
    for pos, slug in enumerate(("safeguarding-101", "first-aid-basics", "incident-report-lab")):
        await ModuleItem.create(module=safety, content=content[slug], position=pos)
    desk = await LearningModule.create(subscription=sub, name="Front desk skills", description="Bookings, spreadsheets and service")
    for pos, slug in enumerate(("excel-basics", "customer-service", "booking-system-lab")):
        await ModuleItem.create(module=desk, content=content[slug], position=pos)
    assignment = await Assignment.create(subscription=sub, module=safety, due_on=today + timedelta(days=14), created_by=admin)
    await AssignmentTarget.create(assignment=assignment, team=teams["Coaches"])
    await AssignmentTarget.create(assignment=assignment, user=people[4])
