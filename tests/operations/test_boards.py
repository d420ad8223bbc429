"""Board operations on a real document: cards, moves, votes, clusters, answers; undo snapshots; reopen."""

from __future__ import annotations

import pytest
from sqlmodel import select

from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as ops
from dgfacil.operations import exercises as ex_ops
from dgfacil.store import boards as store
from dgfacil.store import exercises as exercise_store
from dgfacil.store.document import open_document
from dgfacil.store.groups import groups_for_exercise
from dgfacil.store.tables import AgendaItemRow


def _first_item(doc) -> int:
    with doc.session() as s:
        return s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first()


@pytest.fixture
def swot(demo_doc):
    with demo_doc.session() as s:
        changes = ex_ops.add_exercise(s, agenda_item_id=_first_item(demo_doc), use="swot")
    return demo_doc, changes.ids[0]


def test_add_from_library_and_refuse_bad_inline(demo_doc):
    item = _first_item(demo_doc)
    with demo_doc.session() as s:
        ex_id = ex_ops.add_exercise(s, agenda_item_id=item, use="stakeholder-map").ids[0]
    with demo_doc.session() as s:
        exercise = exercise_store.exercise(ex_id, session=s)
    assert exercise.kind == "plane" and exercise.definition["tags"]["values"][0] == "Inform"
    with pytest.raises(ex_ops.DefinitionError):
        with demo_doc.session() as s:
            ex_ops.add_exercise(s, agenda_item_id=item, kind="zones", title="Broken", definition={"zones": []})
    with pytest.raises(KeyError, match="swot"):
        with demo_doc.session() as s:
            ex_ops.add_exercise(s, agenda_item_id=item, use="no-such")


def test_cards_move_vote_cluster_delete_restore_and_reopen(swot, tmp_path):
    doc, ex_id = swot
    with doc.session() as s:
        a = ops.add_item(
            s, exercise_id=ex_id, group_id=None, item=BoardItem("Strong leadership", "strengths", 0.2, 0.2)
        ).ids[0]
        b = ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem("Silos", "weaknesses", 0.7, 0.2)).ids[0]
    with doc.session() as s:
        ops.move_items(s, moves={a: (0.3, 0.8, "opportunities")})
        ops.add_vote(s, item_id=b, voter="g1")
        ops.add_vote(s, item_id=b, voter="g1")
        ops.set_cluster(s, item_ids=[a, b], heading="  Governance ")
    with doc.session() as s:
        items = {i.id: i for i in store.board_items(ex_id, None, session=s)}
    assert (items[a].x, items[a].y, items[a].area) == (0.3, 0.8, "opportunities")
    assert items[b].votes == 2 and items[a].cluster == "Governance"
    with doc.session() as s:
        deleted = ops.delete_items(s, item_ids=[b]).value
    with doc.session() as s:
        assert [i.id for i in store.board_items(ex_id, None, session=s)] == [a]
        ops.restore_items(s, deleted=deleted)
    path = doc.address
    doc.close()
    reopened = open_document(path)
    try:
        with reopened.session() as s:
            again = {i.id: i for i in store.board_items(ex_id, None, session=s)}
        assert again[b].votes == 2 and again[b].text == "Silos" and again[a].area == "opportunities"
    finally:
        reopened.engine.dispose()


def test_dots_run_out_per_voter(swot):
    doc, ex_id = swot
    with doc.session() as s:
        ex_ops.set_vote_rule(s, exercise_id=ex_id, dots=2, per="participant")
        card = ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem("Open data", "opportunities")).ids[0]
    with doc.session() as s:
        ops.add_vote(s, item_id=card, voter="p1")
        ops.add_vote(s, item_id=card, voter="p1")
        ops.add_vote(s, item_id=card, voter="p2")
    with pytest.raises(ValueError, match="all 2 dots"):
        with doc.session() as s:
            ops.add_vote(s, item_id=card, voter="p1")
    with doc.session() as s:
        ops.remove_vote(s, item_id=card, voter="p1")
        assert store.board_item(card, session=s).votes == 2


def test_sort_by_votes_returns_old_places(swot):
    doc, ex_id = swot
    with doc.session() as s:
        low = ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem("low", "strengths", 0.1, 0.1)).ids[0]
        high = ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem("high", "strengths", 0.4, 0.4)).ids[0]
        ops.add_vote(s, item_id=high, voter="g")
    with doc.session() as s:
        old = ops.sort_by_votes(s, exercise_id=ex_id, group_id=None).value
    with doc.session() as s:
        placed = {i.id: i for i in store.board_items(ex_id, None, session=s)}
    assert placed[high].x < placed[low].x and placed[high].y == placed[low].y
    assert old[low] == (0.1, 0.1, "strengths")


def test_answers_set_change_clear(demo_doc):
    with demo_doc.session() as s:
        ex_id = ex_ops.add_exercise(s, agenda_item_id=_first_item(demo_doc), use="nine-pillars").ids[0]
    with demo_doc.session() as s:
        ops.set_answer(s, exercise_id=ex_id, group_id=None, key="resources", value={"current": 0, "target": 2})
        ops.set_answer(s, exercise_id=ex_id, group_id=None, key="resources", value={"current": 1, "target": 2})
        ops.set_answer(s, exercise_id=ex_id, group_id=None, key="data-management", value={"current": 1})
        ops.set_answer(s, exercise_id=ex_id, group_id=None, key="data-management", value=None)
    with demo_doc.session() as s:
        assert store.answers(ex_id, None, session=s) == {"resources": {"current": 1, "target": 2}}


def test_delete_exercise_and_restore_everything(swot):
    doc, ex_id = swot
    from dgfacil.operations import groups as group_ops

    with doc.session() as s:
        g = group_ops.create_groups(s, count=2, exercise_id=ex_id).ids
        ops.add_item(s, exercise_id=ex_id, group_id=g[0], item=BoardItem("Champion", "strengths"))
        ops.set_answer(s, exercise_id=ex_id, group_id=g[1], key="k", value={"text": "x"})
    with doc.session() as s:
        snap = ex_ops.delete_exercise(s, exercise_id=ex_id).value
    with doc.session() as s:
        assert exercise_store.load_exercises(session=s) == []
        ex_ops.restore_exercise(s, deleted=snap)
    with doc.session() as s:
        assert [gr.id for gr in groups_for_exercise(ex_id, session=s)] == list(g)
        assert [i.text for i in store.board_items(ex_id, g[0], session=s)] == ["Champion"]
        assert store.answers(ex_id, g[1], session=s) == {"k": {"text": "x"}}
