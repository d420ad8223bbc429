"""The main window, driven as a facilitator would: new from a template, edit, close, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dgfacil.ui.dialogs import NewWorkshopDialog
from dgfacil.ui.main_window import MainWindow


def _fill_new_dialog(qtbot, path: Path) -> None:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NewWorkshopDialog) and w.isVisible())
    names = [dialog.list.item(i).data(Qt.UserRole) for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(names.index("undesa-escap-webinar-2023"))
    dialog.start.setDate(dialog.start.date().fromString("2027-03-02", "yyyy-MM-dd"))
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_new_edit_close_reopen(qtbot, tmp_path, screenshots):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 820)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    path = tmp_path / "seoul.dgfacil"
    QTimer.singleShot(200, lambda: _fill_new_dialog(qtbot, path))
    window.new_from_template()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.ctx is not None and window.ctx.doc.path == path
    agenda = window.room("Agenda")
    assert agenda.model.rowCount() == 6
    assert agenda.days.currentText().startswith("Tue 02 Mar 2027")
    header = [agenda.model.headerData(c, Qt.Horizontal) for c in range(3)]
    assert header == ["Seoul (GMT+9)", "Bangkok (GMT+7)", "Addis Ababa (GMT+3)"]
    assert agenda.model.index(0, 0).data() == "15:00–15:07"
    assert [agenda.model.index(0, c).data() for c in (1, 2)] == ["13:00", "09:00"]

    # Edit the second item's title in the side editor, with the keyboard.
    agenda.table.setCurrentIndex(agenda.model.index(1, 0))
    agenda.editor.title.setFocus()
    agenda.editor.title.selectAll()
    qtbot.keyClicks(agenda.editor.title, "Trends and competencies")
    qtbot.keyClick(agenda.editor.title, Qt.Key_Return)
    assert agenda.model.slots[1].item.title == "Trends and competencies"
    # Lengthen it with "]" from the table: the next item follows? No: it has a start, so it holds.
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key_BracketRight)
    assert agenda.model.slots[1].item.duration_min == 37
    assert agenda.summary.text().startswith("6 items · 105 min planned")
    window.grab().save(str(screenshots / "main_window_agenda.png"))

    # Undo and redo the duration from the Edit menu's shortcuts.
    qtbot.keyClick(agenda.table, Qt.Key_Z, Qt.ControlModifier)
    assert agenda.model.slots[1].item.duration_min == 32
    qtbot.keyClick(agenda.table, Qt.Key_Y, Qt.ControlModifier)
    assert agenda.model.slots[1].item.duration_min == 37

    window.close_document()
    assert window.ctx is None
    assert window.open_path(path)
    agenda = window.room("Agenda")
    assert agenda.model.slots[1].item.title == "Trends and competencies"
    assert agenda.model.slots[1].item.duration_min == 37
    window.close_document()


def test_add_delete_move_and_fixed_with_keys(qtbot, demo_doc):
    window = MainWindow()
    qtbot.addWidget(window)
    path = demo_doc.path
    demo_doc.close()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_path(path)
    agenda = window.room("Agenda")
    table = agenda.table
    table.setFocus()
    table.setCurrentIndex(agenda.model.index(2, 0))
    qtbot.keyClick(table, Qt.Key_Insert)
    assert agenda.model.rowCount() == 7 and agenda.model.slots[3].item.title == "New session"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Up, Qt.ControlModifier)
    assert agenda.model.slots[2].item.title == "New session"
    qtbot.keyClick(table, Qt.Key_F)
    assert agenda.model.slots[2].item.fixed_start
    qtbot.keyClick(table, Qt.Key_Delete)
    assert agenda.model.rowCount() == 6
    for _ in range(4):  # undo delete, fixed, move, add
        window.undo_group.undo()
    assert agenda.model.rowCount() == 6 and "New session" not in [s.item.title for s in agenda.model.slots]
    window.undo_group.redo()
    assert agenda.model.rowCount() == 7
    window.close_document()


def test_drag_drop_reorders(qtbot, ctx):
    from dgfacil.ui.agenda.room import AgendaRoom

    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    model = room.model
    first = model.slots[0].item.title
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.MoveAction, 3, 0, model.index(-1, -1))
    assert [s.item.title for s in model.slots].index(first) == 2


def test_past_day_end_is_flagged(qtbot, ctx):
    from dgfacil.ui.agenda.room import AgendaRoom

    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    room.show()
    room.day_end.setFocus()
    room.day_end.selectAll()
    qtbot.keyClicks(room.day_end, "16:30")
    qtbot.keyClick(room.day_end, Qt.Key_Return)
    assert room.day_end.text() == "16:30"
    assert "2 items past the day's end" in room.summary.text()
    room.day_end.selectAll()
    qtbot.keyClicks(room.day_end, "2575")  # not a time: refused, the old value stays
    qtbot.keyClick(room.day_end, Qt.Key_Return)
    assert room.day_end.text() == "16:30"
