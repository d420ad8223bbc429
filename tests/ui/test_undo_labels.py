"""The Undo menu names a long agenda title in full words with "…", and F1 shows portable redo keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dgfacil.ui.agenda.commands import quoted
from dgfacil.ui.shortcuts_help import help_rows


def test_quoted_titles_are_cut_at_a_word():
    assert quoted("Opening") == "“Opening”"
    assert quoted("Session 2: Overview Introduction of the Toolkit") == "“Session 2: Overview Introduction of…”"
    assert len(quoted("x" * 80)) == 42


def test_undo_item_and_f1_redo_keys(qtbot, demo_window):
    window = demo_window(1280, 720)
    room = window.show_room("Agenda")
    room.table.setCurrentIndex(room.model.index(2, 0))
    room.table.setFocus()
    qtbot.keyClick(room.table, Qt.Key_Delete)
    undo = next(
        a
        for m in window.menuBar().actions()
        for a in m.menu().actions()
        if a.text().startswith("&Undo") or a.text().startswith("Undo")
    )
    assert undo.text().replace("&", "") == "Undo Delete “Session 2: Overview Introduction of…”"
    keys = {what.split(" ")[0]: key for where, key, what in help_rows(window) if where == "Window"}
    assert keys["Redo"] == "Ctrl+Shift+Z or Ctrl+Y"
    assert keys["Undo"] == "Ctrl+Z"
