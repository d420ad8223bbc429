"""Exercise definitions: every library definition is valid, bad ones say where and why; derived values."""

from __future__ import annotations

import pytest

from dgfacil.core import exercises as ex
from dgfacil.core.exercises import BoardItem, DefinitionError

SWOT = {
    "columns": 2,
    "row_labels": ["Internal", "External"],
    "column_labels": ["Helpful", "Harmful"],
    "zones": [{"key": k, "title": k.title()} for k in ("strengths", "weaknesses", "opportunities", "threats")],
}
PLANE = {
    "x_axis": {"title": "Interest"},
    "y_axis": {"title": "Influence"},
    "quadrants": [
        {"key": "manage", "title": "Manage closely", "corner": "top-right"},
        {"key": "satisfy", "title": "Keep satisfied", "corner": "top-left"},
        {"key": "inform", "title": "Keep informed", "corner": "bottom-right"},
        {"key": "monitor", "title": "Monitor", "corner": "bottom-left"},
    ],
    "tags": {"title": "IAP2", "values": ["Inform", "Consult"]},
}


def test_every_library_definition_is_valid():
    from dgfacil.operations.templates import exercise_library

    library = exercise_library()
    assert {"swot", "pestle", "stakeholder-map", "action-plan", "nine-pillars"} <= set(library)
    for name, entry in library.items():
        assert ex.problems_in(entry["kind"], entry["definition"]) == [], name


@pytest.mark.parametrize(
    "kind, definition, where",
    [
        ("zones", {"zones": []}, "zones"),
        ("zones", {**SWOT, "row_labels": ["Internal"]}, "row_labels"),
        ("zones", {"zones": [{"key": "a", "title": "A"}, {"key": "a", "title": "B"}]}, "zones.1.key"),
        ("plane", {**PLANE, "quadrants": [{"key": "q", "title": "Q", "corner": "middle"}]}, "quadrants.0.corner"),
        ("plane", {**PLANE, "x_axis": {}}, "x_axis.title"),
        ("plane", {**PLANE, "tags": {"values": ["A"], "descriptions": ["a", "b"]}}, "tags.descriptions"),
        ("table", {"columns": [{"key": "action"}]}, "columns.0.title"),
        (
            "rubric",
            {
                "levels": [{"key": "a", "title": "A"}, {"key": "b", "title": "B"}],
                "dimensions": [{"key": "d", "title": "D", "descriptors": ["only one"]}],
            },
            "dimensions.0.descriptors",
        ),
        (
            "prompts",
            {"questions": [{"key": "q", "text": "Pick", "kind": "choice", "options": ["a", "b"], "answer": 5}]},
            "questions.0.answer",
        ),
        ("prompts", {"questions": [{"key": "q", "text": "?"}], "votes": {"dots": 0}}, "votes.dots"),
        ("prompts", {"questions": [{"key": [], "text": "?"}]}, "questions.0.key"),  # the fuzz test found it
        ("mural", {}, "kind"),
    ],
)
def test_bad_definitions_name_the_field(kind, definition, where):
    with pytest.raises(DefinitionError) as err:
        ex.check_definition(kind, definition, "My exercise")
    assert where in [p[0] for p in err.value.problems]
    assert str(err.value).startswith("My exercise: ")


def test_swot_zones_leave_room_for_labels_and_tile_the_board():
    rects = ex.zone_rects(SWOT)
    assert list(rects) == ["strengths", "weaknesses", "opportunities", "threats"]
    assert rects["strengths"].x == pytest.approx(ex.LABEL_BAND)
    assert rects["threats"].x + rects["threats"].w == pytest.approx(1.0)
    assert rects["threats"].y + rects["threats"].h == pytest.approx(1.0)
    assert ex.area_at("zones", SWOT, 0.9, 0.9) == "threats"
    assert ex.area_at("zones", SWOT, 0.01, 0.01) == "strengths"  # the label band: the nearest zone


def test_short_last_row_is_stretched():
    five = {"columns": 3, "zones": [{"key": str(i), "title": str(i)} for i in range(5)]}
    rects = ex.zone_rects(five)
    assert rects["3"].w == pytest.approx(0.5) and rects["0"].w == pytest.approx(1 / 3)


def test_plane_quadrants_follow_corners():
    assert ex.area_at("plane", PLANE, 0.8, 0.2) == "manage"  # high interest, high influence
    assert ex.area_at("plane", PLANE, 0.2, 0.8) == "monitor"


def test_votes_sort_and_layout():
    items = [
        BoardItem("a", "strengths", id=1, position=1, votes=1),
        BoardItem("b", "strengths", id=2, position=2, votes=4),
        BoardItem("c", "threats", id=3, position=3, votes=0),
    ]
    assert [i.text for i in ex.by_votes(items)] == ["b", "a", "c"]
    layout = ex.sorted_layout("zones", SWOT, items)
    assert layout[2][1] == layout[1][1] and layout[2][0] < layout[1][0]  # most voted first, same row
    assert ex.zone_rects(SWOT)["threats"].contains(*layout[3])
    assert ex.dots_left({"votes": {"dots": 3}}, "g1", [("g1", 1), ("g2", 1), ("g1", 1)]) == 1


def test_clusters_group_by_heading_per_area():
    items = [
        BoardItem("x", "s", cluster="Data", id=1, votes=2),
        BoardItem("y", "s", cluster="Data", id=2),
        BoardItem("z", "s", cluster="People", id=3, votes=5),
        BoardItem("w", "s", id=4),
    ]
    found = ex.clusters(items)
    assert [(c.heading, c.item_ids, c.votes) for c in found] == [("People", (3,), 5), ("Data", (1, 2), 2)]


def test_rubric_gaps_and_average():
    definition = {"dimensions": [{"key": "lead", "title": "Leadership"}, {"key": "data", "title": "Data"}]}
    gaps = ex.rubric_gaps(definition, {"lead": {"current": 1, "target": 3}, "data": {"current": 2}})
    assert [(g.key, g.gap) for g in gaps] == [("lead", 2), ("data", None)]
    other = ex.rubric_gaps(definition, {"lead": {"current": 0, "target": 2}})
    assert ex.average_levels([gaps, other])["lead"] == (0.5, 2.5)


def test_free_spot_avoids_taken_places():
    rect = ex.zone_rects(SWOT)["strengths"]
    first = ex.free_spot(rect, [])
    second = ex.free_spot(rect, [first])
    assert first != second and rect.contains(*second)


def test_table_groups_keep_goal_order():
    rows = [
        BoardItem("1", "Goal B", position=1, id=1),
        BoardItem("2", "Goal A", position=2, id=2),
        BoardItem("3", "Goal B", position=3, id=3),
    ]
    assert [(g, [r.id for r in rs]) for g, rs in ex.table_groups(rows)] == [("Goal B", [1, 3]), ("Goal A", [2])]


def test_a_voter_for_the_whole_room_has_the_dots_of_everyone_in_it():
    votes = [("group:room", 5)]
    assert ex.dots_left({"votes": {"dots": 3}}, "group:room", votes, people=4) == 7
    assert ex.dots_left({"votes": {"dots": 3}}, "group:room", votes, people=0) == -2  # never fewer than one person
