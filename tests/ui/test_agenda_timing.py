"""Agenda times move as a facilitator expects: lengthen, shorten, insert, delete and reorder re-time
everything after (live, with the real keys); a gap or an overlap is said; the recovery floor of an
item is set in its editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dgfacil.ui.agenda.room import AgendaRoom


@pytest.fixture
def room(ctx, qtbot):
    widget = AgendaRoom(ctx)
    qtbot.addWidget(widget)
    ctx.tasks.changes_applied.connect(widget.on_changes)  # as the main window does
    widget.resize(1366, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def starts(room) -> list[str]:
    return [room.model.index(r, 0).data()[:5] for r in range(room.model.rowCount())]


def select(room, row: int) -> None:
    room.table.setCurrentIndex(room.model.index(row, 0))
    room.table.setFocus()


def test_lengthen_shorten_insert_delete_reorder_re_time_what_follows(room, qtbot):
    assert starts(room) == ["15:00", "15:07", "15:39", "15:54", "16:24", "16:37"]
    select(room, 1)
    qtbot.keyClick(room.table, Qt.Key_BracketRight)  # Session 1: 32 -> 37 min
    assert starts(room) == ["15:00", "15:07", "15:44", "15:59", "16:29", "16:37"]  # the fixed closing holds
    assert "row 6 starts 5 min before row 5 ends" in room.summary.text()
    assert room.model.index(5, 0).data(Qt.ForegroundRole).name() == "#b00020"
    qtbot.keyClick(room.table, Qt.Key_BracketLeft)
    qtbot.keyClick(room.table, Qt.Key_BracketLeft)  # 27 min: a gap opens before the closing
    assert starts(room) == ["15:00", "15:07", "15:34", "15:49", "16:19", "16:37"]
    assert "5 min gap before row 6" in room.summary.text()
    qtbot.keyClick(room.table, Qt.Key_BracketRight)  # back to 32: no note
    assert "gap" not in room.summary.text() and "before row" not in room.summary.text()

    select(room, 2)
    qtbot.keyClick(room.table, Qt.Key_Down, Qt.ControlModifier)  # Session 2 after Session 3
    assert [room.model.slots[r].item.title[:9] for r in (2, 3)] == ["Session 3", "Session 2"]
    assert starts(room) == ["15:00", "15:07", "15:39", "16:09", "16:24", "16:37"]
    select(room, 1)
    qtbot.keyClick(room.table, Qt.Key_Insert)  # a new 30-min session after Session 1
    assert starts(room)[:4] == ["15:00", "15:07", "15:39", "16:09"]
    assert "row 7 starts 30 min before rows 4–6 end" in room.summary.text()  # every row past 16:37
    select(room, 2)
    qtbot.keyClick(room.table, Qt.Key_Delete)
    assert starts(room) == ["15:00", "15:07", "15:39", "16:09", "16:24", "16:37"]


def test_the_recovery_floor_and_do_not_shorten_are_set_in_the_editor(room, ctx, qtbot):
    select(room, 3)  # Session 3, 30 min
    editor = room.editor
    assert editor.floor.text() == "default (60 %)"
    editor.floor.setFocus()
    editor.floor.selectAll()
    qtbot.keyClicks(editor.floor, "25")
    qtbot.keyClick(editor.floor, Qt.Key_Return)
    item = ctx.workshop().days[0].items[3]
    assert item.min_duration_min == 25 and item.shorten
    qtbot.mouseClick(editor.keep_whole, Qt.LeftButton)
    item = ctx.workshop().days[0].items[3]
    assert not item.shorten and not editor.floor.isEnabled()
    room.undo_stack.undo()
    room.undo_stack.undo()
    item = ctx.workshop().days[0].items[3]
    assert item.min_duration_min is None and item.shorten


def test_moving_or_deleting_the_first_item_keeps_the_days_start(room, qtbot):
    select(room, 0)
    qtbot.keyClick(room.table, Qt.Key_Down, Qt.ControlModifier)  # the opening after Session 1
    assert [s.item.title[:9] for s in room.model.slots[:2]] == ["Session 1", "Opening"]
    assert starts(room)[:2] == ["15:00", "15:00"]  # the fixed opening holds: an overlap, said
    assert "row 2 starts 32 min before row 1 ends" in room.summary.text()
    room.undo_stack.undo()
    assert starts(room) == ["15:00", "15:07", "15:39", "15:54", "16:24", "16:37"]
    assert room.model.slots[1].item.planned_start is None  # Session 1 follows again
    select(room, 0)
    qtbot.keyClick(room.table, Qt.Key_Delete)
    assert starts(room) == ["15:00", "15:32", "15:47", "16:17", "16:37"]  # the day still starts at 15:00
    room.undo_stack.undo()
    assert starts(room) == ["15:00", "15:07", "15:39", "15:54", "16:24", "16:37"]
