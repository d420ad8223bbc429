"""The projector's facilitator strip is the facilitator's to show or hide (Shift+F5, View menu),
remembered per workshop and worded as a plain note; the projector never announces a start time
already past; and a restart mid-run reopens on the Run room (real keys, main window)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from dgfacil.core.run.log import EventKind
from dgfacil.operations import run as run_ops
from dgfacil.ui.main_window import MainWindow
from dgfacil.ui.shortcuts_help import help_rows

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul: the webinar opens


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def open_window(path, qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_path(path)
    return window


def test_shift_f5_hides_the_facilitator_strip_and_the_workshop_remembers(demo_doc, qtbot, screenshots):
    path = demo_doc.path
    demo_doc.close()
    window = open_window(path, qtbot)
    clock = window.ctx.clock = FakeClock(T0)
    room = window.show_room("Run")
    qtbot.keyClick(room, Qt.Key_Space)
    clock.now = T0 + timedelta(minutes=37)  # the opening ran 30 over: Closing's start is in conflict
    qtbot.keyClick(room, Qt.Key_Right)
    qtbot.keyClick(room, Qt.Key_F5)
    projector = room.projector
    assert projector.texts["alert"] == "Closing: Summary and Way Forward at 16:37 (fixed) · 30 min to re-plan before it"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(room, Qt.Key_F5, Qt.ShiftModifier)
    assert projector.texts["alert"] == "" and not room.strip_action.isChecked()
    assert window.ctx.tasks.read(lambda s: run_ops.projector_strip(s)) is False
    assert room.strip_action in window.view_menu.actions()
    projector.resize(1366, 768)
    projector.grab().save(str(screenshots / "projector_strip_hidden.png"))
    assert ("Run", "Shift+F5", "Facilitator strip on the projector") in help_rows(window)
    assert ("Run", "Ctrl+- or _", "−5 min") in help_rows(window)
    window.close_document()

    window = open_window(path, qtbot)  # reopened: still hidden
    assert not window.room("Run").strip_action.isChecked()
    window.room("Run").strip_action.trigger()  # the View menu item shows it again
    assert window.ctx.tasks.read(lambda s: run_ops.projector_strip(s)) is True
    window.close_document()


def test_the_projector_never_announces_a_next_start_already_past(demo_doc, qtbot):
    path = demo_doc.path
    demo_doc.close()
    window = open_window(path, qtbot)
    clock = window.ctx.clock = FakeClock(T0)
    room = window.show_room("Run")
    qtbot.keyClick(room, Qt.Key_Space)
    qtbot.keyClick(room, Qt.Key_F5)
    assert room.projector.texts["next"].startswith("Next  15:07   Session 1")
    clock.now = T0 + timedelta(minutes=8, seconds=30)  # the 7-minute opening is 1:30 over
    room.refresh()
    assert room.projector.texts["next"].startswith("Next   Session 1"), room.projector.texts["next"]
    room.projector.close()
    window.close_document()


def test_a_restart_mid_run_reopens_on_the_run_room(demo_doc, qtbot):
    now = datetime.now(UTC)
    with demo_doc.session() as session:
        from dgfacil.store.workshop import load_workshop

        day_id = load_workshop(session=session).days[0].id
        run_ops.record_event(session, day_id=day_id, kind=EventKind.START, at=now - timedelta(minutes=3))

    path = demo_doc.path
    demo_doc.close()
    window = open_window(path, qtbot)
    assert window.tabs.currentWidget() is window.room("Run")
    window.close_document()


def test_a_finished_or_old_run_opens_as_usual(demo_doc, qtbot):
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with demo_doc.session() as session:
        from dgfacil.store.workshop import load_workshop

        day_id = load_workshop(session=session).days[0].id
        run_ops.record_event(session, day_id=day_id, kind=EventKind.START, at=yesterday)

    path = demo_doc.path
    demo_doc.close()
    window = open_window(path, qtbot)
    assert window.tabs.currentIndex() == 0
    window.close_document()
