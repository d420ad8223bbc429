"""Group operations: create per exercise or per day, random balanced assignment, drag one person."""

from __future__ import annotations

import pytest
from sqlmodel import select

from dgfacil.operations import exercises as ex_ops
from dgfacil.operations import groups as ops
from dgfacil.store import groups as store
from dgfacil.store.tables import AgendaItemRow, DayRow, ParticipantRow

ROSTER = [
    ("Ana Lima", "Brazil", "Ministry of Economy"),
    ("Tanvir Ahmed", "Bangladesh", "a2i Programme"),
    ("Sonam Dorji", "Bhutan", "GovTech Agency"),
    ("Nilufar Yasmin", "Bangladesh", "a2i Programme"),
    ("Joao Silva", "Brazil", "Ministry of Economy"),
    ("Pema Wangmo", "Bhutan", "GovTech Agency"),
    ("Rahim Uddin", "Bangladesh", "ICT Division"),
    ("Karma Tshering", "Bhutan", "Ministry of Finance"),
    ("Lucia Costa", "Brazil", "Serpro"),
    ("Facilitator", "Republic of Korea", "UNPOG"),
]


def add_roster(doc) -> list[int]:
    with doc.session() as s:
        wid = doc.workshop_id
        rows = [
            ParticipantRow(
                workshop_id=wid,
                full_name=n,
                country=c,
                organization=o,
                role="facilitator" if n == "Facilitator" else "participant",
            )
            for n, c, o in ROSTER
        ]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


@pytest.fixture
def exercise(demo_doc):
    with demo_doc.session() as s:
        item = s.exec(select(AgendaItemRow.id)).first()
        return ex_ops.add_exercise(s, agenda_item_id=item, use="swot").ids[0]


def test_create_assign_balanced_and_undo(demo_doc, exercise):
    ids = add_roster(demo_doc)
    with demo_doc.session() as s:
        groups = list(ops.create_groups(s, count=3, exercise_id=exercise).ids)
    with demo_doc.session() as s:
        before = ops.assign_random(s, group_ids=groups, seed=4).value
    with demo_doc.session() as s:
        made = store.groups_for_exercise(exercise, session=s)
    assert [g.name for g in made] == ["Group 1", "Group 2", "Group 3"]
    members = [g.member_ids for g in made]
    assert sorted(sum(members, [])) == ids[:-1]  # the facilitator is not dealt into a group
    for country in ("Brazil", "Bangladesh", "Bhutan"):
        people = {i for i, (_, c, _) in zip(ids, ROSTER, strict=True) if c == country}
        assert [len(people & set(m)) for m in members] == [1, 1, 1]
    with demo_doc.session() as s:
        ops.set_members(s, members=before)
        assert all(not g.member_ids for g in store.groups_for_exercise(exercise, session=s))


def test_move_member_between_groups_of_one_set(demo_doc, exercise):
    ids = add_roster(demo_doc)
    with demo_doc.session() as s:
        g1, g2 = ops.create_groups(s, count=2, exercise_id=exercise).ids
        ops.set_members(s, members={g1: [ids[0]], g2: []})
    with demo_doc.session() as s:
        previous = ops.move_member(s, participant_id=ids[0], group_id=g2, set_of=g1).value
    assert previous == g1
    with demo_doc.session() as s:
        assert [g.member_ids for g in store.groups_for_exercise(exercise, session=s)] == [[], [ids[0]]]
        with pytest.raises(ValueError):
            ops.set_members(s, members={g1: [ids[1]], g2: [ids[1]]})


def test_day_groups_serve_every_exercise_of_the_day(demo_doc, exercise):
    with demo_doc.session() as s:
        day = s.exec(select(DayRow.id)).first()
        ops.create_groups(s, count=4, day_id=day)
    with demo_doc.session() as s:
        assert len(store.groups_for_exercise(exercise, session=s)) == 4
        own = ops.create_groups(s, count=2, exercise_id=exercise).ids
    with demo_doc.session() as s:
        assert [g.id for g in store.groups_for_exercise(exercise, session=s)] == list(own)
        with pytest.raises(ValueError):
            ops.create_groups(s, count=2)


def test_delete_groups_and_restore(demo_doc, exercise):
    ids = add_roster(demo_doc)
    with demo_doc.session() as s:
        g = ops.create_groups(s, count=2, exercise_id=exercise).ids
        ops.set_members(s, members={g[0]: ids[:2]})
        ops.rename_group(s, group_id=g[0], name="  Team   Thimphu ")
    with demo_doc.session() as s:
        snap = ops.delete_groups(s, group_ids=[g[0]]).value
    with demo_doc.session() as s:
        ops.restore_groups(s, deleted=snap)
    with demo_doc.session() as s:
        first = store.groups_for_exercise(exercise, session=s)[0]
    assert (first.name, first.member_ids) == ("Team Thimphu", ids[:2])
