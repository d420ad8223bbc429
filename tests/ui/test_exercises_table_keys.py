"""The action-plan table typed with the keyboard only: Tab and Shift+Tab walk the cells, Enter
keeps, Esc cancels, "Add goal" starts typing the goal, and nothing typed is lost or overwritten."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlmodel import select

from dgfacil.operations import boards as board_ops
from dgfacil.store.tables import AgendaItemRow

from .test_exercises_screens import ACTION_PLAN, styled_room

STEP_KEYS = ["action", "responsibility", "ownership", "timeframe", "resources", "kpis", "information-sharing"]


def table_room(ctx, qtbot):
    room = styled_room(ctx, qtbot)
    qtbot.addWidget(room)
    room.resize(1366, 768)
    item = ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())
    room.add_from_library(item, "action-plan")
    room.show()
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    return room


def editor() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), f"no cell is being edited (focus: {widget!r})"
    return widget


def type_cell(qtbot, text: str, then=Qt.Key_Tab, modifier=Qt.NoModifier) -> None:
    qtbot.keyClicks(editor(), text)
    qtbot.keyClick(editor(), then, modifier)
    if then == Qt.Key_Return:  # Qt commits on Enter from the event loop, right after the key
        qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QLineEdit))


def stored_rows(ctx, room):
    ex, group = room.exercise.id, room.board.group_id
    rows = ctx.tasks.read(lambda s: board_ops.board_items(s, exercise_id=ex, group_id=group))
    return [
        (r.area, {k: v for k, v in r.data.get("cells", {}).items() if v})
        for r in sorted(rows, key=lambda r: (r.position, r.id))
    ]


def test_a_whole_action_plan_typed_with_the_keyboard_only(ctx, qtbot, qtlog, screenshots):
    room = table_room(ctx, qtbot)
    board = room.board
    board.table.setFocus()
    for i, (goal, cells) in enumerate(ACTION_PLAN):
        first_of_goal = i == 0 or ACTION_PLAN[i - 1][0] != goal
        if first_of_goal:
            qtbot.keyClick(board.table, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)  # Add goal
            assert editor().text() == "" or editor().selectedText() == editor().text()
            type_cell(qtbot, goal)  # Goal, then Tab onto the action step
        assert board.table.currentIndex().column() == 1
        for key in STEP_KEYS[:-1]:
            type_cell(qtbot, cells[key])
        last_of_goal = i + 1 == len(ACTION_PLAN) or ACTION_PLAN[i + 1][0] != goal
        # Tab in the last cell goes on to a new step of the same goal; Enter ends the goal
        type_cell(qtbot, cells[STEP_KEYS[-1]], Qt.Key_Return if last_of_goal else Qt.Key_Tab)
    assert stored_rows(ctx, room) == [(goal, cells) for goal, cells in ACTION_PLAN]
    assert not [r for r in qtlog.records if "commitData" in r.message or "editor" in r.message]
    room.grab().save(str(screenshots / "exercises_action_plan_keyboard.png"))


def test_shift_tab_goes_back_esc_cancels_and_enter_keeps(ctx, qtbot, qtlog):
    room = table_room(ctx, qtbot)
    board = room.board
    board.table.setFocus()
    qtbot.keyClick(board.table, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    type_cell(qtbot, "Goal 1: Interoperable services")
    type_cell(qtbot, "Adopt a framework")
    type_cell(qtbot, "CIO office")
    assert board.table.currentIndex().column() == 3  # Ownership, being edited
    qtbot.keyClick(editor(), Qt.Key_Backtab, Qt.ShiftModifier)  # back to Responsibility
    assert board.table.currentIndex().column() == 2 and editor().text() == "CIO office"
    qtbot.keyClick(editor(), Qt.Key_End)
    qtbot.keyClicks(editor(), "; ICT Authority")
    qtbot.keyClick(editor(), Qt.Key_Escape)  # cancels the change to this cell only
    assert stored_rows(ctx, room) == [
        ("Goal 1: Interoperable services", {"action": "Adopt a framework", "responsibility": "CIO office"})
    ]
    qtbot.keyClick(board.table, Qt.Key_F2)
    qtbot.keyClick(editor(), Qt.Key_End)
    type_cell(qtbot, "; ICT Authority", Qt.Key_Return)
    assert stored_rows(ctx, room)[0][1]["responsibility"] == "CIO office; ICT Authority"
    assert board.table.currentIndex().column() == 2
    # typing on a selected cell (no editor open) replaces it, as in a spreadsheet; undo brings it back
    qtbot.keyClicks(board.table, "I")  # the first key opens the editor and is typed in it
    type_cell(qtbot, "CT Authority", Qt.Key_Return)
    assert stored_rows(ctx, room)[0][1]["responsibility"] == "ICT Authority"
    room.undo_stack.undo()
    assert stored_rows(ctx, room)[0][1]["responsibility"] == "CIO office; ICT Authority"
    assert not [r for r in qtlog.records if "commitData" in r.message]
