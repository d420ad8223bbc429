"""The Start field takes a time typed after a click or after Ctrl+A ("1407", "14:07"), as people type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from dgfacil.ui.agenda.room import AgendaRoom
from dgfacil.ui.agenda.time_field import parse_clock


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


def start_of(room, row: int) -> str:
    return room.model.index(row, 0).data()[:5]


@pytest.mark.parametrize(
    "typed, shown", [("1407", "14:07"), ("14:07", "14:07"), ("9", "09:00"), ("2:05 pm", "14:05"), ("14.30", "14:30")]
)
def test_parse_clock(typed, shown):
    assert parse_clock(typed).strftime("%H:%M") == shown


@pytest.mark.parametrize("typed", ["25:00", "14:7x", "", "12345", "13 pm"])
def test_parse_clock_refuses(typed):
    assert parse_clock(typed) is None


def test_click_then_type_and_select_all_then_type_set_the_start(room, qtbot, screenshots):
    room.table.setCurrentIndex(room.model.index(0, 0))  # the Opening: it has its own start
    field = room.editor.start
    assert field.isEnabled() and field.text() == "15:00"
    qtbot.mouseClick(field, Qt.LeftButton, pos=QPoint(field.width() - 12, field.height() // 2))  # on the minutes
    qtbot.waitUntil(lambda: field.selectedText() == field.text())  # the click selects it all, after placing the cursor
    qtbot.keyClicks(field, "1407")
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: start_of(room, 0) == "14:07")
    assert field.text() == "14:07"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(field, "14:30")
    qtbot.keyClick(field, Qt.Key_Tab)  # leaving the field reads it too
    qtbot.waitUntil(lambda: start_of(room, 0) == "14:30")
    qtbot.mouseClick(field, Qt.LeftButton, pos=QPoint(8, field.height() // 2))
    qtbot.waitUntil(lambda: field.selectedText() == field.text())
    qtbot.keyClicks(field, "25:99")
    qtbot.keyClick(field, Qt.Key_Return)
    assert start_of(room, 0) == "14:30" and "is not a time" in field.toolTip()
    room.grab().save(str(screenshots / "agenda_start_typed_bad.png"))
    qtbot.keyClick(field, Qt.Key_Escape)
    assert field.text() == "14:30" and "is not a time" not in field.toolTip()


def test_delete_keeps_the_row_and_the_footer_tells_the_real_end(room, qtbot, screenshots):
    from dgfacil.operations import agenda as agenda_ops

    titles = [s.item.title[:9] for s in room.model.slots]
    room.table.setCurrentIndex(room.model.index(2, 0))
    room.table.setFocus()
    qtbot.keyClick(room.table, Qt.Key_Delete)  # Session 2 goes; Session 3 takes its row and stays selected
    assert room.table.currentIndex().row() == 2 and room.selected_item().title[:9] == titles[3]
    qtbot.keyClick(room.table, Qt.Key_Delete)  # a second Delete removes Session 3, never the Opening
    remaining = [s.item.title[:9] for s in room.model.slots]
    assert remaining == [titles[0], titles[1], titles[4], titles[5]] and room.table.currentIndex().row() == 2
    # Session 1 grows by 80 min: it and the Q&A run past the fixed closing (16:37), the day ends 17:12
    item = room.model.slots[1].item
    room.ctx.tasks.run_sync(lambda s: agenda_ops.update_item(s, item_id=item.id, duration_min=112))
    assert "15:00–17:12 Seoul" in room.summary.text()
    assert "row 4 starts 35 min before rows 2–3 end" in room.summary.text()
    red = [
        r
        for r in range(4)
        if (room.model.index(r, 0).data(Qt.ForegroundRole) or None) is not None
        and room.model.index(r, 0).data(Qt.ForegroundRole).name() == "#b00020"
    ]
    assert red == [1, 2, 3]
    assert "past the fixed start of row 4" in room.model.index(1, 0).data(Qt.ToolTipRole)
    room.grab().save(str(screenshots / "agenda_overlap_rows.png"))
