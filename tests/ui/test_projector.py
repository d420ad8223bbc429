"""The projector view: opened with F5, mirrors the room, light and dark, survives an unplugged screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import run as run_ops

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def room(ctx, qtbot):
    from dgfacil.ui.run.room import RunRoom

    ctx.clock = FakeClock()
    widget = RunRoom(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    yield widget
    if widget.projector is not None:
        widget.projector.close()


def test_f5_opens_the_projector_and_it_mirrors_the_room(room, qtbot):
    qtbot.keyClick(room, Qt.Key_F5)
    projector = room.projector
    assert projector is not None and projector.isVisible()
    qtbot.waitUntil(projector.isFullScreen, timeout=2000)
    qtbot.keyClick(room, Qt.Key_Space)
    room.ctx.clock.now += timedelta(minutes=6, seconds=1)
    room.refresh()
    texts = projector.texts
    assert texts["countdown"] == room.panel.countdown.text() == "0:59"
    assert texts["words"] == "Less than a minute left"
    assert texts["title"] == "Opening"
    assert texts["next"].startswith("Next  15:07   Session 1:")
    assert projector.clocks == ["Seoul  15:06", "Bangkok  13:06", "Addis Ababa  09:06"]
    # The room's keys work from the projector window too (it is another top-level window).
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector, timeout=2000)
    qtbot.keyClick(projector, Qt.Key_Right)
    assert room.state.current.item.title.startswith("Session 1")
    qtbot.keyClick(projector, Qt.Key_T)  # light/dark, remembered in the document
    assert room.projector_theme == "light"
    qtbot.keyClick(projector, Qt.Key_Escape)
    assert not projector.isVisible()


def _break_state(ctx):
    day = ctx.workshop().days[0]
    brk = AgendaItem("Coffee break", 15, kind=ItemKind.BREAK)
    ctx.tasks.run_sync(lambda s: agenda_ops.add_item(s, day_id=day.id, item=brk, position=3))
    ctx.tasks.run_sync(
        lambda s: agenda_ops.update_item(s, item_id=day.items[3].id, planned_start=time(16, 9), duration_min=15)
    )
    for kind, minutes in (("start", 0), ("next", 7), ("next", 39), ("next", 54)):
        ctx.tasks.run_sync(
            lambda s, k=kind, m=minutes: run_ops.record_event(s, day_id=day.id, kind=k, at=T0 + timedelta(minutes=m))
        )


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_projector_screenshots(ctx, qtbot, screenshots, theme):
    from dgfacil.core.run.plan import derive_state
    from dgfacil.core.run.words import countdown_status
    from dgfacil.store import run_log
    from dgfacil.ui.run.projector import RunProjector

    _break_state(ctx)
    workshop = ctx.workshop()
    day = workshop.days[0]
    events = ctx.tasks.read(lambda s: run_log.load_events(session=s, day_id=day.id))
    window = RunProjector(workshop, theme=theme)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    now = T0 + timedelta(minutes=63, seconds=20)  # 16:03:20, break until 16:09
    state = derive_state(day, workshop.timezone, events, now)
    window.show_state(state, countdown_status(state))
    assert window.texts["back"] == "Back at 16:09"
    assert window.texts["zones"] == "14:09 Bangkok (GMT+7)   ·   10:09 Addis Ababa (GMT+3)"
    window.grab().save(str(screenshots / f"projector_break_{theme}.png"))
    later = T0 + timedelta(minutes=72, seconds=30)  # session 3 in its warning
    ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind="next", at=T0 + timedelta(minutes=69)))
    events = ctx.tasks.read(lambda s: run_log.load_events(session=s, day_id=day.id))
    state = derive_state(day, workshop.timezone, events, later + timedelta(minutes=10))
    window.show_state(state, countdown_status(state))
    assert window.texts["words"] == "2 minutes left" and window.level.value == "warning"
    window.grab().save(str(screenshots / f"projector_{theme}.png"))


SCREENS = {
    "screens": [
        {
            "name": "Laptop",
            "x": 0,
            "y": 0,
            "width": 1280,
            "height": 800,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "Projector",
            "x": 1280,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

CHILD = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    from dgfacil.core.model import Workshop
    from dgfacil.ui.run.projector import RunProjector, projector_screen
    app = QApplication([])
    laptop, beamer = app.screens()
    window = RunProjector(Workshop("W", "Asia/Seoul", display_zones=["Asia/Bangkok"]))
    window.show_on(projector_screen(laptop))
    app.processEvents()
    print("shown", window.screen().name(), window.geometry().x(), window.isFullScreen())
    app.screenRemoved.emit(beamer)   # what Qt says when the cable is pulled
    app.processEvents()
    print("moved", window.screen().name(), window.geometry().x(), window.isFullScreen())
    print("asked", window.return_to_projector(), window.screen().name(), window.geometry().x())
    print("again", window.return_to_projector())
""")


def test_unplugged_projector_moves_and_returns_when_asked(tmp_path):
    """Two offscreen screens (Qt's offscreen platform takes a screen layout from a file)."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines == ["shown Projector 1280 True", "moved Laptop 0 True", "asked True Projector 1280", "again False"]
