"""The seat dashboard's module and assignment shaping (pure functions, no browser)."""

from frontend.pages.seats.rows import ContentRow, Option, chosen, content_groups


def _item(id: str, kind: str, title: str) -> ContentRow:
    return ContentRow.of({"id": id, "kind": kind, "title": title, "minutes": 10})


CATALOGUE = [_item("1", "LAB", "Mat setup lab"), _item("2", "EPISODE", "First aid"), _item("3", "COURSE", "Spotting"),
             _item("4", "EPISODE", "Spotting drills")]


def test_content_is_grouped_by_kind_and_empty_groups_are_left_out() -> None:
    groups = content_groups(CATALOGUE, "")
    assert [(g.label, [i.id for i in g.members]) for g in groups] == [("Courses", ["3"]), ("Episodes", ["2", "4"]), ("Labs", ["1"])]
    assert [(g.label, [i.id for i in g.members]) for g in content_groups(CATALOGUE, " SPOT ")] == [("Courses", ["3"]),
                                                                                                   ("Episodes", ["4"])]
    assert content_groups(CATALOGUE, "nothing like it") == []


def test_chosen_teams_and_people_keep_their_order_and_drop_the_unknown() -> None:
    teams, people = [Option(id="5", name="Coaches")], [Option(id="5", name="Ana Active")]
    targets = chosen(["u5", "t5", "u9"], teams, people)
    assert [(t.name, t.is_team) for t in targets] == [("Ana Active", False), ("Coaches", True)]
