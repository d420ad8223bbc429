"""Keyboard shortcuts of the Exercises, People and Evaluation rooms work inside the real main
window: none is bound to a key the window's menus own (a key bound twice is "ambiguous" in Qt and
does nothing), and the board's own keys add cards and select them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu
from sqlmodel import select

from dgfacil.store.tables import AgendaItemRow
from dgfacil.ui.main_window import MainWindow

# The window's keys on every platform (Close and Quit are Ctrl+W/Ctrl+Q on Linux desktops even
# where the offscreen platform binds them differently).
WINDOW_KEYS = {
    "Ctrl+N",
    "Ctrl+O",
    "Ctrl+Shift+S",
    "Ctrl+W",
    "Ctrl+Q",
    "Ctrl+Z",
    "Ctrl+Y",
    "Ctrl+Shift+Z",
    "F1",
    *(f"Ctrl+{n}" for n in range(1, 8)),
}


def _window_keys(window: MainWindow) -> set[str]:
    return WINDOW_KEYS | {
        k.toString() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions() for k in a.shortcuts()
    }


def _room_keys(room) -> dict[str, str]:
    keys = {}
    for action in room.findChildren(QAction):
        for k in action.shortcuts():
            keys[k.toString()] = action.text()
    for shortcut in room.findChildren(QShortcut):
        for k in shortcut.keys():
            keys[k.toString()] = type(shortcut.parent()).__name__
    return keys


def _add_swot(window):
    room = window.show_room("Exercises")
    ctx = window.ctx
    item = ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())
    room.add_from_library(item, "swot")
    return room


def test_no_room_key_clashes_with_the_window(qtbot, demo_window):
    window = demo_window(1280, 800)
    _add_swot(window)  # a card board, with its toolbar actions
    owned = _window_keys(window)
    assert {"Ctrl+N", "Ctrl+Shift+S", "Ctrl+1", "Ctrl+7", "F1"} <= owned
    for title in ("Exercises", "People", "Evaluation"):
        clashes = {k: what for k, what in _room_keys(window.room(title)).items() if k in owned}
        assert clashes == {}, f"{title}: {clashes}"
        # Help ▸ Keyboard shortcuts lists the room's keys, and names none of the window's
        helped = [
            k for key, _ in window.room(title).shortcuts_help() for part in key.split(" / ") for k in part.split(" or ")
        ]
        assert helped and not set(helped) & owned, title
    window.close_document()


def test_board_keys_work_inside_the_main_window(qtbot, demo_window, screenshots):
    window = demo_window(1280, 800)
    room = _add_swot(window)
    board = room.board
    board.view.setFocus()
    qtbot.waitUntil(board.view.hasFocus)
    qtbot.keyClick(board.view, Qt.Key_Insert)
    assert board.editor is not None, "Ins opens a new card"
    qtbot.keyClicks(board.view.viewport(), "Clear mandate")
    qtbot.keyClick(board.view.viewport(), Qt.Key_Return)
    assert [n.card.text for n in board.cards.values()] == ["Clear mandate"]
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key_N)
    assert board.editor is not None, "N opens a new card too"
    qtbot.keyClicks(board.view.viewport(), "No budget")  # the N inside the text must stay text
    qtbot.keyClick(board.view.viewport(), Qt.Key_Return)
    assert sorted(n.card.text for n in board.cards.values()) == ["Clear mandate", "No budget"]
    board.view.setFocus()
    board.scene.clearSelection()
    qtbot.keyClick(board.view, Qt.Key_A, Qt.ControlModifier)
    assert len(board.selected()) == 2, "Ctrl+A selects every card"
    qtbot.keyClick(board.view, Qt.Key_2, Qt.AltModifier)
    qtbot.waitUntil(lambda: all(n.card.colour == "#F8BBD0" for n in board.cards.values()))
    tip = board.card_actions.add.toolTip()
    assert "Ctrl+N" not in tip and "Ins" in tip
    window.grab().save(str(screenshots / "exercises_shortcuts_in_window.png"))
    # the window's own keys still work from the board: View ▸ People
    qtbot.keyClick(board.view, Qt.Key_4, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.room("People")
    window.close_document()


def test_people_and_evaluation_tabs_switch_with_alt_digits(qtbot, demo_window):
    window = demo_window(1280, 800)
    people = window.show_room("People")
    people.view.setFocus()
    qtbot.keyClick(people.view, Qt.Key_2, Qt.AltModifier)
    assert people.tabs.currentIndex() == 1
    evaluation = window.show_room("Evaluation")
    evaluation.table.setFocus()
    qtbot.keyClick(evaluation.table, Qt.Key_3, Qt.AltModifier)
    assert evaluation.tabs.currentIndex() == 2
    qtbot.keyClick(evaluation.tabs, Qt.Key_6, Qt.ControlModifier)  # View ▸ Evaluation still owned by the window
    assert window.tabs.currentWidget() is evaluation
    qtbot.keyClick(evaluation.tabs, Qt.Key_1, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.room("Agenda")
    assert QKeySequence("Alt+1").toString() == "Alt+1"
    window.close_document()
