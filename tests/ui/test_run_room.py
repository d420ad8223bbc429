"""The Run room with a fake clock: real key presses and clicks, warning words, chime, notes key."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.core.run.log import EventKind
from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import run as run_ops
from dgfacil.store import run_log

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul: the demo webinar opens


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(ctx):
    fake = FakeClock()
    ctx.clock = fake
    return fake


@pytest.fixture
def room(ctx, clock, qtbot):
    from dgfacil.ui.run.room import RunRoom

    widget = RunRoom(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    return widget


def key(qtbot, room, k, modifier=Qt.NoModifier):
    qtbot.keyClick(room, k, modifier)


def kinds(room):
    return [e.kind for e in room.events]


def test_space_starts_and_the_countdown_follows_the_clock(room, clock, qtbot):
    assert room.title == "Run"
    assert room.panel.countdown.text() == "Starts at 15:00"  # a time of day in words, not a countdown
    assert room.panel.countdown.font().pointSize() < 84
    key(qtbot, room, Qt.Key_Space)
    assert kinds(room) == [EventKind.START]
    assert room.panel.countdown.text() == "7:00" and room.panel.title.text() == "Opening"
    clock.advance(minutes=3, seconds=10)
    qtbot.waitUntil(lambda: room.panel.countdown.text() == "3:50", timeout=2000)  # the timer repaints
    assert room.panel.words.text() == "4 minutes left"
    assert room.controls.buttons["toggle"].text() == "Pause\nSpace"
    key(qtbot, room, Qt.Key_Space)
    clock.advance(minutes=2)
    room.refresh()
    assert room.panel.countdown.text() == "3:50" and room.panel.words.text() == "Paused — 4 minutes left"
    assert room.panel.property("level") == "paused"
    key(qtbot, room, Qt.Key_Space)
    assert kinds(room)[-2:] == [EventKind.PAUSE, EventKind.RESUME]


def test_arrows_plus_minus_and_skip(room, clock, qtbot):
    key(qtbot, room, Qt.Key_Right)  # Right before the start starts too
    clock.advance(minutes=1)
    key(qtbot, room, Qt.Key_Right)
    assert room.panel.title.text().startswith("Session 1") and room.panel.countdown.text() == "32:00"
    key(qtbot, room, Qt.Key_Left)
    assert room.panel.title.text() == "Opening" and room.panel.countdown.text() == "6:00"
    key(qtbot, room, Qt.Key_Plus)
    assert room.panel.countdown.text() == "7:00"
    key(qtbot, room, Qt.Key_Plus, Qt.ControlModifier)
    assert room.panel.countdown.text() == "12:00"
    key(qtbot, room, Qt.Key_Minus)
    assert room.panel.countdown.text() == "11:00"
    key(qtbot, room, Qt.Key_S)
    assert room.panel.title.text().startswith("Session 1")
    assert kinds(room) == [
        EventKind.START,
        EventKind.NEXT,
        EventKind.PREVIOUS,
        EventKind.EXTEND,
        EventKind.EXTEND,
        EventKind.SHORTEN,
        EventKind.SKIP,
    ]
    assert [e.minutes for e in room.events][3:6] == [1, 5, 1]


def test_buttons_show_their_keys_and_work(room, clock, qtbot):
    shown = {name: b.text().split("\n")[1] for name, b in room.controls.buttons.items()}
    assert shown["toggle"] == "Space" and shown["next"] == "→" and shown["previous"] == "←"
    assert shown["plus1"] == "+" and shown["minus1"] == "−" and shown["projector"] == "F5"
    assert not room.controls.buttons["plus5"].isEnabled()
    qtbot.mouseClick(room.controls.buttons["toggle"], Qt.LeftButton)
    qtbot.mouseClick(room.controls.buttons["plus5"], Qt.LeftButton)
    assert room.panel.countdown.text() == "12:00"


def test_warning_and_time_up_in_colour_and_words(ctx, room, clock, qtbot, screenshots):
    key(qtbot, room, Qt.Key_Space)
    clock.advance(minutes=4, seconds=30)
    room.refresh()
    assert room.panel.property("level") == "ok"
    plays = room.chime.plays
    clock.advance(seconds=40)  # 1:50 left: inside the 2-minute lead
    room.refresh()
    assert room.panel.property("level") == "warning" and room.panel.words.text() == "2 minutes left"
    assert room.chime.plays == plays + 1
    clock.advance(minutes=4, seconds=50)  # 3 min over
    room.refresh()
    assert room.panel.property("level") == "over"
    assert room.panel.words.text() == "Time is up — 3 min over" and room.panel.countdown.text() == "+3:00"
    assert room.chime.plays == plays + 2
    # The fixed closing holds; the 3 minutes that no longer fit before it are said, not squeezed.
    assert room.day_end_label.text() == "Day ends 16:40 (as planned) — 3 min of content do not fit"
    assert room.conflict.isVisible()
    assert room.conflict.text() == (
        "Closing: Summary and Way Forward is fixed at 16:37 — 3 min of Open Discussion/Q&A do not fit"
    )
    notes = [room.model.data(room.model.index(r, 3)) for r in range(room.model.rowCount())]
    assert notes[-2] == "3 min late · 3 min do not fit" and notes[-1] == "fixed start"
    assert [room.model.data(room.model.index(r, 2)) for r in range(6)] == ["7", "32", "15", "30", "13", "3"]
    assert room.suggestion_button.isVisible() and "Behind by 3 min" in room.suggestion_button.text()
    key(qtbot, room, Qt.Key_R)  # the plan's preview: nothing is stored yet
    assert room.side_stack.currentWidget() is room.preview and len(room.events) == 1
    assert [row[0][:9] for row in room.preview.texts()] == ["Session 3", "Open Disc"]
    key(qtbot, room, Qt.Key_Escape)  # closed, nothing taken
    assert room.side_stack.currentWidget() is room.table and len(room.events) == 1
    key(qtbot, room, Qt.Key_R)
    key(qtbot, room, Qt.Key_Return)  # taken: one shortening per changed item, in one action
    assert [(e.kind, e.minutes) for e in room.events[1:]] == [(EventKind.SHORTEN, 2), (EventKind.SHORTEN, 1)]
    assert room.day_end_label.text() == "Day ends 16:40 (on time)" and not room.conflict.isVisible()
    assert room.undo_stack.count() == 1


def test_warning_lead_is_a_document_setting(ctx, room, clock, qtbot):
    room.lead_box.setValue(5)
    assert ctx.tasks.read(lambda s: run_ops.warning_lead(s)) == 5
    key(qtbot, room, Qt.Key_Space)
    clock.advance(minutes=2, seconds=30)
    room.refresh()
    assert room.panel.property("level") == "warning" and room.panel.words.text() == "5 minutes left"


def test_notes_key_opens_notes_on_the_current_item(ctx, room, qtbot):
    opened = []
    ctx.open_notes = opened.append
    key(qtbot, room, Qt.Key_Space)
    key(qtbot, room, Qt.Key_N)
    assert opened == [room.state.current.item.id]


def test_running_screenshot_and_reopen_resumes(ctx, clock, qtbot, screenshots):
    """Events already in the document (a restart): the new room shows the run where it is."""
    from dgfacil.ui.run.room import RunRoom

    day = ctx.workshop().days[0]
    ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind="start", at=T0))
    ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind="next", at=T0 + timedelta(minutes=7)))
    clock.advance(minutes=12, seconds=5)
    room = RunRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1280, 760)
    room.show()
    assert room.panel.title.text().startswith("Session 1")
    assert room.panel.countdown.text() == "26:55"  # 32 min from 15:07, at 15:12:05
    room.grab().save(str(screenshots / "run_room_running.png"))


def test_break_screenshot(ctx, clock, qtbot, screenshots):
    from dgfacil.ui.run.room import RunRoom

    day = ctx.workshop().days[0]
    brk = AgendaItem("Coffee break", 15, kind=ItemKind.BREAK)
    ctx.tasks.run_sync(lambda s: agenda_ops.add_item(s, day_id=day.id, item=brk, position=3))
    ctx.tasks.run_sync(
        lambda s: agenda_ops.update_item(s, item_id=day.items[3].id, planned_start=time(16, 9), duration_min=15)
    )
    for kind, minutes in (("start", 0), ("next", 7), ("next", 40), ("next", 56)):
        ctx.tasks.run_sync(
            lambda s, k=kind, m=minutes: run_ops.record_event(s, day_id=day.id, kind=k, at=T0 + timedelta(minutes=m))
        )
    clock.advance(minutes=60)
    room = RunRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1280, 760)
    room.show()
    assert room.panel.title.text() == "Coffee break" and room.panel.countdown.text() == "11:00"
    assert room.panel.times.text().startswith("Back at 16:11   ·   14:11 Bangkok (GMT+7)")
    assert room.clocks.text() == "Seoul 16:00   Bangkok 14:00   Addis Ababa 10:00"
    room.grab().save(str(screenshots / "run_room_break.png"))
    assert ctx.tasks.read(lambda s: len(run_log.load_events(session=s, day_id=day.id))) == 4


def test_double_click_runs_an_item_and_reset_forgets_the_run(room, qtbot):
    view = room.table
    rect = view.visualRect(room.model.index(2, 1))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())  # Qt 6: a press must precede
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert room.events[-1].kind is EventKind.START and room.events[-1].item_id == room.model.row_at(2).item.id
    assert room.panel.title.text().startswith("Session 2")
    rect = view.visualRect(room.model.index(4, 1))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())  # Qt 6: a press must precede
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert room.events[-1].kind is EventKind.JUMP and room.panel.title.text() == "Open Discussion/Q&A"
    room.reset_run()
    assert room.events == [] and room.state.phase.value == "not started"


def test_chime_is_off_without_qtmultimedia(room):
    try:
        import PySide6.QtMultimedia  # noqa: F401

        importable = True
    except ImportError:
        importable = False
    assert room.chime.available is importable
    room.chime.play()  # never raises, with or without sound
