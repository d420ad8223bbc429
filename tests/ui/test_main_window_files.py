"""File menu behaviour: recent files, a copy, backups on opening and on the timer, a damaged file restored."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dgfacil import __version__, settings
from dgfacil.operations.workshop import update_workshop, workshop_details
from dgfacil.store import backup
from dgfacil.ui.main_window import MainWindow


def _press_on_message_box(button) -> None:
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    _press_on_message_box.text = box.text()
    box.button(button).click() if box.button(button) else box.accept()


def test_recent_copy_and_backup_timer(qtbot, demo_window, tmp_path):
    window = demo_window(shown=False)
    path = window.ctx.doc.path
    assert settings.recent_files()[0] == path.resolve()
    window.recent_menu.aboutToShow.emit()  # as opening the menu does
    assert str(path.resolve()) in [a.text() for a in window.recent_menu.actions()]
    copy = window.ctx.doc.save_copy(tmp_path / "copy.dgfacil")
    assert copy.exists()
    assert window.backup_timer.isActive() and window.backup_timer.interval() == 10 * 60 * 1000
    window.backup_timer.timeout.emit()  # what the timer does every ten minutes
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: len(backup.list_backups(path)) == 2)  # the one taken on opening, and the timer's
    window.close_document()
    assert window.ctx is None and not window.copy_action.isEnabled()


def test_opening_backs_the_file_up_as_it_was_before_any_edit(qtbot, demo_doc):
    path = demo_doc.path
    demo_doc.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)  # the backup runs on the worker, behind the painted room
    tasks = window.ctx.tasks
    details = tasks.read(workshop_details)
    tasks.run(lambda session: update_workshop(session, details=replace(details, title="Edited at once")))
    tasks.wait()
    taken = window.ctx.doc.opened_as
    assert taken is not None and taken.name.endswith("-open.dgfacil")
    with sqlite3.connect(taken) as before:
        assert before.execute("SELECT title FROM workshop").fetchone()[0] == details.title != "Edited at once"
    window.close_document()


def test_damaged_file_offers_a_restored_copy(qtbot, demo_doc):
    path = demo_doc.path
    demo_doc.take_backup("manual")
    demo_doc.close()
    data = bytearray(path.read_bytes())
    data[8192:8392] = b"\xff" * 200
    path.write_bytes(bytes(data))
    window = MainWindow()
    qtbot.addWidget(window)
    QTimer.singleShot(100, lambda: _press_on_message_box(QMessageBox.Yes))
    assert window.open_path(path)
    assert "is damaged" in _press_on_message_box.text
    assert window.ctx.doc.path.name == "workshop (restored).dgfacil"
    assert window.room("Agenda").model.rowCount() == 6
    window.close_document()


def test_about_names_the_version(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    QTimer.singleShot(100, lambda: _press_on_message_box(QMessageBox.Ok))
    window.show_about()
    assert __version__ in _press_on_message_box.text
