"""Sorting and paging the portal's lists, and the My learning rows."""

from frontend.components import list_controls as lists
from frontend.pages.learning.rows import LearningRow
from frontend.pages.seats.rows import SeatUserRow
from frontend.pages.seats.state import SORT_KEYS


def _person(name: str, email: str, status: str, last: str | None) -> SeatUserRow:
    first, _, family = name.partition(" ")
    return SeatUserRow.of({"user": {"id": email}, "firstName": first, "lastName": family, "email": email, "status": status,
                           "isAdmin": False, "teams": [], "invitation": None, "lastSignInAt": last})


def test_people_sort_by_each_column_and_page_by_25() -> None:
    rows = [_person("Cy Out", "cy@x.io", "DEACTIVATED", None), _person("Ann Lee", "zed@x.io", "ACTIVE", "2026-03-01T10:00:00+00:00"),
            _person("Bob Ray", "bob@x.io", "ACTIVE", "2026-03-05T09:00:00+00:00")]
    assert [r.name for r in lists.sorted_by(rows, "name", SORT_KEYS)] == ["Ann Lee", "Bob Ray", "Cy Out"]
    assert [r.email for r in lists.sorted_by(rows, "email", SORT_KEYS)] == ["bob@x.io", "cy@x.io", "zed@x.io"]
    assert [r.name for r in lists.sorted_by(rows, "-last_sign_in", SORT_KEYS)] == ["Bob Ray", "Ann Lee", "Cy Out"]
    assert rows[0].last_sign_in == "Never" and rows[2].last_sign_in == "5 Mar 2026, 09:00"
    many = list(range(60))
    assert lists.page_of(many, 0) == list(range(25)) and lists.page_of(many, 2) == list(range(50, 60))
    assert lists.page_of(many, 9) == list(range(50, 60))  # past the end: the last page
    assert (lists.summary(60, 1), lists.summary(25, 0)) == ("26–50 of 60", "")


def test_learning_rows_say_why_nothing_opens() -> None:
    sub = {"id": "1", "name": "Plan", "startsOn": "2026-01-01", "endsOn": "2026-12-31", "withinAccessDates": True}
    item = {"content": {"id": "9", "kind": "LAB", "title": "VLAN lab", "minutes": 30}, "started": True, "done": False}
    a = {"id": "4", "moduleName": "Basics", "moduleDescription": "", "dueOn": "2026-03-02", "state": "DUE_SOON",
         "completedItems": 1, "totalItems": 2, "completedAt": None, "items": [item]}
    row = LearningRow.of({"status": "DEACTIVATED", "canOpen": False, "subscription": sub, "assignments": [a], "library": []})
    assert row.why_not.startswith("Your seat on this subscription was deactivated")
    [assignment] = row.assignments
    assert (assignment.state_label, assignment.percent, assignment.due) == ("Due soon", 50, "2 Mar 2026")
    assert (assignment.parts[0].kind_label, assignment.parts[0].can_open) == ("Lab", False)
    ok = LearningRow.of({"status": "ACTIVE", "canOpen": True, "subscription": sub, "assignments": [], "library": []})
    assert ok.why_not == "" and ok.dates == "1 Jan 2026 – 31 Dec 2026"
