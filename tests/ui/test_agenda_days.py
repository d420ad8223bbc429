"""Days in the Agenda room: add, rename, delete and import a calendar, each undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dgfacil.io.ics import write_ics
from dgfacil.ui.agenda.room import AgendaRoom


def _answer_yes() -> None:
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    box.button(QMessageBox.Yes).click()


def test_add_rename_delete_day_with_undo(qtbot, ctx):
    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    room.add_day()
    assert room.days.count() == 2 and room.days.currentIndex() == 1
    room.day_title.setText("Field visit")
    qtbot.keyClick(room.day_title, Qt.Key_Return)
    assert room.days.currentText().endswith("— Field visit")
    QTimer.singleShot(100, _answer_yes)
    room.delete_day()
    assert room.days.count() == 1
    room.undo_stack.undo()  # the day comes back, with its title
    assert room.days.count() == 2 and ctx.workshop().days[1].title == "Field visit"
    room.undo_stack.undo()  # the title
    room.undo_stack.undo()  # the day itself
    assert room.days.count() == 1
    room.undo_stack.redo()
    assert room.days.count() == 2 and ctx.workshop().days[1].items[0].title == "Opening"


def test_import_calendar_asks_and_can_be_undone(qtbot, ctx, tmp_path, monkeypatch):
    ics = tmp_path / "agenda.ics"
    write_ics(ctx.workshop(), ics)
    room = AgendaRoom(ctx)
    qtbot.addWidget(room)
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ics), ""))  # Qt's dialog, not ours
    QTimer.singleShot(100, _answer_yes)
    room.transfer.import_ics()
    assert room.days.count() == 2 and len(ctx.workshop().days[1].items) == 6
    room.undo_stack.undo()
    assert room.days.count() == 1
