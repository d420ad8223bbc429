"""The exercise's group timer follows the run live, in the room and on the board projector, and
counts to the end of the exercise's own agenda item ("Starts 15:39" before it runs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from dgfacil.core.run.log import ordered_items
from dgfacil.operations import run as run_ops

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul: the demo webinar opens


def _room_on_session_2(ctx, qtbot):
    from dgfacil.ui.exercises.room import ExercisesRoom

    now = [T0 + timedelta(minutes=3, seconds=20)]
    ctx.clock = lambda: now[0]
    day = ctx.workshop().days[0]
    items = ordered_items(day)
    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1366, 768)
    room.add_from_library(items[2].id, "swot")  # Session 2, planned 15:39-15:54
    room.show()
    return room, day, items, now


def _record(ctx, day, kind, at, **kw):
    ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind=kind, at=at, **kw))


def test_timer_says_when_its_own_item_starts_and_follows_the_run(ctx, qtbot, screenshots):
    room, day, items, now = _room_on_session_2(ctx, qtbot)
    assert room.timer.text() == "Starts 15:39"  # not "50:40 left" while the Opening runs
    _record(ctx, day, "start", T0)
    projector = room.project()
    qtbot.addWidget(projector)
    # the Run room adds 15 minutes to the Opening: both timers move at once, no re-open needed
    _record(ctx, day, "extend", T0 + timedelta(minutes=3), minutes=15)
    assert room.timer.text() == "Starts 15:54"
    assert projector.timer.text() == "Starts 15:54"
    # Session 2 runs: the countdown is to its own re-planned end, the same in both places
    now[0] = T0 + timedelta(minutes=40)
    _record(ctx, day, "jump", now[0], item_id=items[2].id)
    qtbot.waitUntil(lambda: room.timer.text() == projector.timer.text() == "15:00 left")  # their next tick
    _record(ctx, day, "extend", now[0], minutes=5)
    assert room.timer.text() == projector.timer.text() == "20:00 left"
    room.grab().save(str(screenshots / "exercises_timer_follows_run.png"))
    projector.close()


def test_board_projector_opens_full_screen_and_f11_toggles(ctx, qtbot, screenshots):
    room, *_ = _room_on_session_2(ctx, qtbot)
    projector = room.project()
    qtbot.addWidget(projector)
    screen = projector.screen() or QGuiApplication.primaryScreen()
    qtbot.waitUntil(lambda: projector.geometry() == screen.geometry())
    assert projector.isFullScreen()
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    qtbot.keyClick(projector, Qt.Key_F11)
    qtbot.waitUntil(lambda: not projector.isFullScreen())
    assert projector.geometry().size() == screen.availableGeometry().size()
    qtbot.keyClick(projector, Qt.Key_F11)
    qtbot.waitUntil(lambda: projector.isFullScreen() and projector.geometry() == screen.geometry())
    projector.grab().save(str(screenshots / "exercises_projector_full_screen.png"))
    qtbot.keyClick(projector, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not projector.isVisible())
