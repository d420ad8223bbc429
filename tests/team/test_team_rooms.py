"""Team mode in the rooms: an edit made on what the check-in laptop has changed since is refused,
the message says who changed it, and the room shows the check-in's value. Typing in the agenda
editor survives news from another laptop: it is saved first (or refused, with the message)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import boards as board_ops
from dgfacil.operations import days as day_ops
from dgfacil.operations import notes as note_ops
from dgfacil.operations import workshop as workshop_ops
from dgfacil.operations.changes import Changes
from dgfacil.operations.document import open_workshop

pytestmark = pytest.mark.postgresql_only

AT = datetime(2026, 5, 4, 8, 42, tzinfo=UTC)
REFUSED = "changed on the check-in laptop at"


@pytest.fixture
def team(new_doc, qtbot, monkeypatch):
    """(ctx, checkin): this laptop's AppContext on a team workshop (no listener: the room stays on
    what it read until it reloads) and `checkin(op)`, a write from the check-in laptop."""
    from PySide6.QtGui import QUndoGroup

    from dgfacil.ui.context import AppContext
    from dgfacil.ui.tasks import Tasks

    doc = new_doc()
    other = open_workshop(doc.address)
    monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "facilitator")
    tasks = Tasks(doc)
    ctx = AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup())
    said: list[str] = []
    tasks.failed.connect(said.append)

    def checkin(op):
        monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "check-in")
        try:
            with other.session() as s:
                return op(s)
        finally:
            monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "facilitator")

    yield ctx, checkin, said
    tasks.wait()
    tasks.shutdown()
    other.close()


def _first_item(ctx):
    return ctx.workshop().days[0].items[0]


def test_notes_pane(team, qtbot):
    from dgfacil.ui.notes.pane import NotesPane

    ctx, checkin, _said = team
    item = _first_item(ctx)
    ctx.tasks.run_sync(lambda s: note_ops.add_note(s, item_id=item.id, text="Budget first", at=AT))
    pane = NotesPane(ctx)
    qtbot.addWidget(pane)
    pane.set_item(item.id)
    note = pane.model.notes[0]
    pane.edit_note(note)
    checkin(
        lambda s: note_ops.update_note(
            s, note_id=note.id, at=AT, text="Budget first, then staff", seen={"text": note.text}
        )
    )
    pane.entry.set_text("Budget last")
    pane.submit()
    assert REFUSED in pane.status.text() and pane.status.text().startswith("Not saved")
    assert [n.text for n in pane.model.notes] == ["Budget first, then staff"]
    assert not pane.undo_stack.canUndo()


def test_card_board(team, qtbot):
    from dgfacil.ui.exercises.commands import EditItems
    from dgfacil.ui.exercises.room import ExercisesRoom

    ctx, checkin, said = team
    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    room.resize(1400, 860)
    room.add_from_library(_first_item(ctx).id, "swot")
    room.show()
    board = room.board
    board.type_card("Silos", 0.3, 0.3)
    [cid] = board.cards
    checkin(lambda s: board_ops.move_items(s, moves={cid: (0.8, 0.8, "threats")}, seen={cid: (0.3, 0.3, "strengths")}))
    board.move_card(cid, 0.6, 0.2)
    assert REFUSED in said[-1]
    card = room.board.cards[cid].card
    assert (card.x, card.y, card.area) == (0.8, 0.8, "threats")
    # undo of my own text edit, over the check-in's newer text: refused, theirs stays
    room.board.push(EditItems(room.board, "Edit card", {cid: {"text": "Silos"}}, {cid: {"text": "Old silos"}}))
    checkin(
        lambda s: board_ops.update_items(
            s, values={cid: {"text": "Silos everywhere"}}, seen={cid: {"text": "Old silos"}}
        )
    )
    room.undo_stack.undo()
    assert REFUSED in said[-1] and room.board.cards[cid].card.text == "Silos everywhere"


def test_workshop_details_and_day_title_in_the_agenda_room(team, qtbot):
    from dgfacil.ui.agenda.commands import RenameDay
    from dgfacil.ui.agenda.room import AgendaRoom
    from dgfacil.ui.workshop_details import EditWorkshopDetails

    ctx, checkin, said = team
    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)
    room.reload()
    shown = ctx.tasks.read(lambda s: (workshop_ops.workshop_details(s), workshop_ops.zone_labels(s)))
    checkin(lambda s: workshop_ops.update_workshop(s, details=replace(shown[0], title="DG 2026"), seen=shown[0]))
    room.undo_stack.push(EditWorkshopDetails(ctx.tasks, replace(shown[0], title="Mine"), shown[1], shown=shown))
    assert REFUSED in said[-1] and room.heading.text() == "DG 2026"
    day = room.current_day()
    checkin(lambda s: day_ops.rename_day(s, day_id=day.id, title="Opening day", seen={"title": day.title}))
    room.undo_stack.push(RenameDay(ctx.tasks, day.id, day.title, "Day one"))
    assert REFUSED in said[-1] and room.current_day().title == "Opening day"


def test_news_while_typing_in_the_agenda_editor_keeps_the_typing(team, qtbot):
    from dgfacil.ui.agenda.room import AgendaRoom

    ctx, checkin, said = team
    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)
    room.reload()
    room.show()
    item = room.editor.item
    room.editor.description.setFocus()
    room.editor.description.setPlainText("Half typed, not saved yet")
    # another laptop changes another field of the same item; its news reloads the room
    checkin(lambda s: agenda_ops.update_item(s, item_id=item.id, seen={"lead": item.lead}, lead="Ms. Kim"))
    room.on_changes(Changes(agenda=True, ids=(item.id,)), object())
    now = ctx.workshop().item(item.id)
    assert (now.description, now.lead) == ("Half typed, not saved yet", "Ms. Kim")
    assert room.editor.description.toPlainText() == "Half typed, not saved yet"
    assert room.editor.lead.text() == "Ms. Kim"
    # the same field changed on the other laptop: the typing is refused with the message, theirs shown
    room.editor.title.clear()
    qtbot.keyClicks(room.editor.title, "My title, half typed")  # typed, the field not left: not saved yet
    checkin(lambda s: agenda_ops.update_item(s, item_id=item.id, seen={"title": item.title}, title="Their title"))
    room.on_changes(Changes(agenda=True, ids=(item.id,)), object())
    assert REFUSED in said[-1]
    assert ctx.workshop().item(item.id).title == "Their title" == room.editor.title.text()


def test_groups_panel_move_on_a_stale_group(team, qtbot):
    from dgfacil.core.model import Participant
    from dgfacil.operations import groups as group_ops
    from dgfacil.operations import participants as people_ops
    from dgfacil.ui.exercises.room import ExercisesRoom

    ctx, checkin, said = team
    for name in ("Ana Lima", "Sonam Dorji"):
        ctx.tasks.run_sync(lambda s, n=name: people_ops.add_participant(s, participant=Participant(full_name=n)))
    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)
    room.add_from_library(_first_item(ctx).id, "swot")
    room.groups_button.setChecked(True)
    room.groups_panel.create_groups(2, "exercise")
    g1, g2 = (g.id for g in room.groups)
    ana = next(p for p in ctx.tasks.read(people_ops.all_participants) if p.full_name == "Ana Lima").id
    checkin(lambda s: group_ops.move_member(s, participant_id=ana, group_id=g1, set_of=g1, seen={"group": None}))
    room.groups_panel.move_member(ana, g2)  # shown in no group: the check-in's placing is not undone unseen
    assert "Ana Lima's group" in said[-1]
    assert ana in room.groups[0].member_ids and ana not in room.groups[1].member_ids
