"""The facilitator's unrecoverable overrun, with real keys: Session 1 extended by 75 min runs past
the fixed Closing. Every figure on screen is the same number, nothing is timed after Closing, and R
proposes the one change that helps: end Session 1 by Closing's start."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_run_undo import T0, open_run_room


def settle() -> None:
    """Lay out what the last key changed before taking a picture (no event loop spin: keys stay put)."""
    QApplication.sendPostedEvents(None, QEvent.LayoutRequest)


def test_session_1_past_the_fixed_closing_says_one_number_and_proposes_ending_it(demo_doc, qtbot, screenshots):
    window, room, clock = open_run_room(demo_doc, qtbot)
    qtbot.keyClick(room, Qt.Key_Space)
    clock.now = T0 + timedelta(minutes=7)
    qtbot.keyClick(room, Qt.Key_Right)  # Session 1 starts 15:07 as planned
    for _ in range(15):
        qtbot.keyClick(room, Qt.Key_Plus, Qt.ControlModifier)  # +75: it now ends 16:54, Closing is 16:37
    clock.now += timedelta(seconds=20)
    room.refresh()
    # 17 min of Session 1, then 15 + 30 + 13: one figure in the bar, the day end and the conflict
    assert room.suggestion_button.text().startswith("Behind by 1:15 h")
    assert room.day_end_label.text() == "Day ends 16:40 (as planned) — 1:15 h of content do not fit"
    assert "fixed at 16:37 — 1:15 h of Session 1" in room.conflict.text()
    times = [room.model.data(room.model.index(r, 0)) for r in range(room.model.rowCount())]
    notes = [room.model.data(room.model.index(r, 3)) for r in range(room.model.rowCount())]
    assert times[2:5] == ["—", "—", "—"] and notes[2:5] == ["does not fit"] * 3
    assert notes[1] == "now · +75 min · 17 min do not fit"
    settle()
    window.grab().save(str(screenshots / "run_room_unrecoverable_1366.png"))

    qtbot.keyClick(room, Qt.Key_R)
    heading = room.preview.heading.text()
    assert room.preview.texts() == [
        [
            "Session 1: Recent trends in Digital Government…",
            "15:07–16:54 · 107 min",
            "15:07–16:37 · 90 min",
            "ends by the fixed start",
        ]
    ]
    assert heading.startswith(
        "Session 1: Recent trends in Dig… runs past Closing: Summary and Way Forward, "
        "fixed at 16:37: nothing after it fits. The best it can do: end"
    )
    left = re.search(r"; (\S+ \S+) still do not fit", heading).group(1)
    assert left == "58 min" and "After: Day ends 16:40 (as planned) — 58 min of content do not fit" in heading
    settle()
    window.grab().save(str(screenshots / "run_room_unrecoverable_plan_1366.png"))
    qtbot.keyClick(room, Qt.Key_Return)
    assert room.suggestion_button.text().startswith("Behind by 58 min")
    assert room.day_end_label.text() == "Day ends 16:40 (as planned) — 58 min of content do not fit"
    settle()
    window.grab().save(str(screenshots / "run_room_unrecoverable_applied_1366.png"))
    qtbot.keyClick(room, Qt.Key_R)  # nothing more a plan can win: said, with what the facilitator can do
    assert room.preview.plan is None and not room.preview.apply_button.isEnabled()
    assert room.preview.heading.text().startswith(
        "No recovery plan: nothing left before Closing: Summary and Way Forward (fixed at 16:37) fits any more — "
        "58 min of content do not fit. To win time back, shorten Session 1"
    )
    window.close_document()
