"""Discoverability: F1 lists the Run room's and the projector's keys with a readable key column;
the projector's light/dark toggle is a menu item; Ctrl+1..5 mean one thing (a room) everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as note_ops
from dgfacil.ui.notes.entry import KeyMap
from dgfacil.ui.rooms import ROOMS
from dgfacil.ui.shortcuts_help import ShortcutsDialog

CTRL_DIGITS = {QKeySequence(f"Ctrl+{n}").toString() for n in range(1, 6)}


def _owners(window) -> dict[str, list[str]]:
    """Every binding of Ctrl+1..5 in the window, its menus and every room: key → who owns it."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(f"action {action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        for key in shortcut.keys():
            owners.setdefault(key.toString(), []).append(f"shortcut in {type(shortcut.parent()).__name__}")
    for keymap in window.findChildren(KeyMap):
        for key, mods in keymap.handlers:
            text = QKeySequence(Qt.KeyboardModifier(mods).value | key).toString()
            owners.setdefault(text, []).append(f"keymap of {type(keymap.parent()).__name__}")
    return {k: v for k, v in owners.items() if k in CTRL_DIGITS}


def test_ctrl_digits_switch_rooms_in_every_room_and_nothing_else(qtbot, demo_window):
    window = demo_window(1280, 720)
    for title, _ in ROOMS:  # build every room's lazy parts
        window.show_room(title)
        QApplication.processEvents()
    owners = _owners(window)
    assert sorted(owners) == sorted(CTRL_DIGITS)
    assert all(len(who) == 1 and who[0].startswith("action") for who in owners.values()), owners
    for start in range(len(ROOMS)):
        for n in range(1, 6):
            window.tabs.setCurrentIndex(start)
            window.activateWindow()  # shortcuts reach only the active window
            qtbot.waitUntil(window.isActiveWindow)
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_0 + n, Qt.ControlModifier)
            assert window.tabs.currentIndex() == n - 1, (ROOMS[start][0], n)


def test_ctrl_1_in_the_note_entry_switches_room_and_alt_3_tags(qtbot, demo_window):
    window = demo_window(1280, 720)
    notes = window.show_room("Notes")
    entry = notes.pane.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Send the toolkit to all participants")
    qtbot.keyClick(entry, Qt.Key_Return)
    qtbot.keyClick(entry, Qt.Key_3, Qt.AltModifier)  # empty entry: tags the last note
    found = window.ctx.tasks.read(lambda s: note_ops.search_notes(s, text="toolkit"))
    assert [n.tag for n in found] == [NoteTag.ACTION]
    qtbot.keyClick(entry, Qt.Key_1, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.room("Agenda")
    found = window.ctx.tasks.read(lambda s: note_ops.search_notes(s, text="toolkit"))
    assert [n.tag for n in found] == [NoteTag.ACTION]  # Ctrl+1 did not tag it as a key message


def test_f1_lists_run_and_projector_keys_with_a_readable_key_column(qtbot, demo_window, screenshots):
    window = demo_window(1280, 720)
    seen = {}

    def look():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
        try:
            read(dialog)
        finally:  # never leave a modal dialog open
            dialog.reject()

    def read(dialog):
        table = dialog.table
        rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
        seen["rows"] = rows
        metrics = table.fontMetrics()
        seen["cut"] = [key for _, key, _ in rows if metrics.horizontalAdvance(key) + 8 > table.columnWidth(1)]
        seen["width"] = sum(table.columnWidth(c) for c in range(3)) <= table.viewport().width()
        seen["fits"] = dialog.frameGeometry().height() <= 720 and dialog.width() <= 1280
        QApplication.processEvents()
        dialog.grab().save(str(screenshots / "f1_shortcuts.png"))

    QTimer.singleShot(100, look)
    qtbot.keyClick(window, Qt.Key_F1)
    where_key = {(where, key) for where, key, _ in seen["rows"]}
    assert {("Run", "Space"), ("Run", "S"), ("Run", "R"), ("Run", "F5")} <= where_key
    assert {("Projector", "T"), ("Projector", "Esc")} <= where_key
    assert ("Window", "Ctrl+1") in where_key and ("Notes", "Alt+1 … Alt+5") in where_key
    assert seen["cut"] == [] and seen["width"] and seen["fits"]


def test_the_projector_theme_is_a_menu_item(qtbot, demo_window):
    window = demo_window(1280, 720)
    run = window.room("Run")
    action = window.light_projector
    window.view_menu.aboutToShow.emit()
    assert not action.isChecked() and run.projector_theme == "dark"
    action.trigger()
    assert run.projector_theme == "light"
    run.toggle_projector()
    assert run.projector.theme.name == "light"
    run.projector.activateWindow()
    qtbot.waitUntil(run.projector.isActiveWindow)
    qtbot.keyClick(run.projector, Qt.Key_T)  # T on the projector, and the menu follows
    window.view_menu.aboutToShow.emit()
    assert run.projector_theme == "dark" and not action.isChecked()
    run.projector.close()
