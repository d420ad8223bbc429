"""Run adjustments are undoable on the Run room's one undo stack (real keys, main window): +1, +5,
−1 and −5 are taken back with Ctrl+Z; a new adjustment clears the redo of an undone recovery plan,
so Ctrl+Y can never re-apply a stale plan; a plan redone after the day moved on is checked again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from dgfacil.core.run.log import EventKind
from dgfacil.ui.main_window import MainWindow

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul: the webinar opens


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def open_run_room(demo_doc, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    path = demo_doc.path
    demo_doc.close()
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_path(path)
    clock = FakeClock(T0)
    window.ctx.clock = clock
    room = window.show_room("Run")
    room.refresh()
    return window, room, clock


def adjustments(room):
    return [(e.kind, e.minutes) for e in room.events if e.kind in (EventKind.EXTEND, EventKind.SHORTEN)]


def test_plus_and_minus_presses_are_undone_and_redone(demo_doc, qtbot):
    window, room, clock = open_run_room(demo_doc, qtbot)
    qtbot.keyClick(room, Qt.Key_Space)
    qtbot.keyClick(room, Qt.Key_Plus)
    qtbot.keyClick(room, Qt.Key_Plus, Qt.ControlModifier)
    qtbot.keyClick(room, Qt.Key_Minus, Qt.ControlModifier)  # −5
    assert adjustments(room) == [(EventKind.EXTEND, 1), (EventKind.EXTEND, 5), (EventKind.SHORTEN, 5)]
    assert room.state.current.minutes == 7 + 1
    assert room.controls.buttons["minus5"].text() == "−5 min\nCtrl −"
    qtbot.keyClick(room, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(room, Qt.Key_Z, Qt.ControlModifier)
    assert adjustments(room) == [(EventKind.EXTEND, 1)] and room.state.current.minutes == 8
    assert room.message.text().startswith("Undone: +5 min on Opening")
    qtbot.keyClick(room, Qt.Key_Y, Qt.ControlModifier)
    assert adjustments(room) == [(EventKind.EXTEND, 1), (EventKind.EXTEND, 5)]
    window.close_document()


def test_a_new_adjustment_clears_the_redo_of_an_undone_plan(demo_doc, qtbot):
    window, room, clock = open_run_room(demo_doc, qtbot)
    qtbot.keyClick(room, Qt.Key_Space)
    clock.now = T0 + timedelta(minutes=37)  # the 7-minute opening ran 30 over
    qtbot.keyClick(room, Qt.Key_Right)
    qtbot.keyClick(room, Qt.Key_R)
    qtbot.keyClick(room, Qt.Key_Return)
    planned = len(room.events)
    assert planned > 2
    qtbot.keyClick(room, Qt.Key_Z, Qt.ControlModifier)
    assert len(room.events) == 2
    qtbot.keyClick(room, Qt.Key_Plus)  # the situation changes: Session 1 gets a minute more
    assert not room.undo_stack.canRedo()
    qtbot.keyClick(room, Qt.Key_Y, Qt.ControlModifier)  # nothing stale to re-apply
    assert len(room.events) == 3 and adjustments(room) == [(EventKind.EXTEND, 1)]
    window.close_document()


def test_a_plan_redone_after_the_day_moved_on_is_refused_when_it_wins_nothing(demo_doc, qtbot):
    window, room, clock = open_run_room(demo_doc, qtbot)
    qtbot.keyClick(room, Qt.Key_Space)
    clock.now = T0 + timedelta(minutes=37)
    qtbot.keyClick(room, Qt.Key_Right)
    qtbot.keyClick(room, Qt.Key_R)
    qtbot.keyClick(room, Qt.Key_Return)
    qtbot.keyClick(room, Qt.Key_Z, Qt.ControlModifier)
    for _ in range(3):  # Next is not on the undo stack: the items the plan changed run and end
        clock.now += timedelta(minutes=1)
        qtbot.keyClick(room, Qt.Key_Right)
    before = len(room.events)
    qtbot.keyClick(room, Qt.Key_Y, Qt.ControlModifier)
    assert len(room.events) == before
    assert room.message.text().startswith("The recovery plan no longer wins anything here")
    assert not room.undo_stack.canRedo()
    window.close_document()
