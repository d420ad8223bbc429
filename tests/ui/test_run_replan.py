"""The Run room as a facilitator meets it: the demo opened on another date is a rehearsal; the
webinar's opening runs 30 minutes over with a fixed closing — the conflict is said, R previews a
recovery plan, Enter applies it as one action and Ctrl+Z takes it back (real keys, main window)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from PySide6.QtCore import Qt

from dgfacil.core.run.log import EventKind
from dgfacil.ui.main_window import MainWindow

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul: the webinar opens


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def rows(room) -> list[str]:
    model = room.model
    return [
        " | ".join(model.data(model.index(r, c)) or "" for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_demo_opened_on_another_date_is_a_rehearsal_from_the_start(ctx, qtbot, screenshots):
    from dgfacil.ui.run.room import RunRoom

    ctx.clock = FakeClock(datetime(2026, 11, 30, 4, 8, tzinfo=UTC))  # the demo's first start, today
    room = RunRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1280, 760)
    room.show()
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)  # shortcuts reach only the active window
    assert room.agenda_title.text().startswith("Rehearsal on Mon 30 Nov (planned for Tue 30 May 2023)")
    assert not any("late" in line for line in rows(room)), rows(room)
    assert room.day_end_label.text() == "Day ends 14:48 (on time)"  # 100 min from now, 13:08 Seoul
    assert room.panel.countdown.text() == "Starts at 13:08"
    room.grab().save(str(screenshots / "run_room_rehearsal.png"))
    qtbot.keyClick(room, Qt.Key_Space)
    ctx.clock.now += timedelta(minutes=9)  # the opening runs 2 over
    qtbot.keyClick(room, Qt.Key_Right)
    assert rows(room)[0] == "13:08–13:17 | Opening | 9 | ran 9 min, +2"
    assert room.day_end_label.text().startswith("Day ends 14:48 (as planned) — 2 min of content do not fit")


def test_webinar_opening_30_over_plan_enter_and_ctrl_z(demo_doc, qtbot, screenshots):
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
    qtbot.keyClick(room, Qt.Key_Space)
    clock.now = T0 + timedelta(minutes=37)  # the 7-minute opening ran 30 over
    qtbot.keyClick(room, Qt.Key_Right)
    assert rows(room) == [
        "15:00–15:37 | Opening | 37 | ran 37 min, +30",
        "15:37–16:09 | Session 1: Recent trends in Digital Government Transformation: Challenges, Approaches "
        "and Strategies, and Required Competencies of Government Officials | 32 | now",
        "16:09–16:24 | Session 2: Overview Introduction of the Toolkit | 15 | 30 min late",
        "16:24–16:54 | Session 3: Interactive Discussions – Recommendations and Commitments by Representatives "
        "from the Global Network of Schools of Public Administration | 30 | 30 min late · 17 min do not fit",
        "— | Open Discussion/Q&A | 13 | does not fit",  # wholly past the fixed start: not timed after it
        "16:37–16:40 | Closing: Summary and Way Forward | 3 | fixed start",
    ]
    assert room.conflict.text() == (
        "Closing: Summary and Way Forward is fixed at 16:37 — 30 min of "
        "Session 3: Interactive Discussi… and Open Discussion/Q&A do not fit"
    )
    assert room.day_end_label.text() == "Day ends 16:40 (as planned) — 30 min of content do not fit"
    window.grab().save(str(screenshots / "run_room_conflict_1366.png"))
    qtbot.keyClick(room, Qt.Key_F5)  # the projector: its facilitator strip says the conflict too
    assert room.projector.texts["alert"] == (
        "Closing: Summary and Way Forward at 16:37 (fixed) · 30 min to re-plan before it"
    )
    room.projector.resize(1366, 768)
    room.projector.grab().save(str(screenshots / "projector_conflict.png"))
    room.projector.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(room, Qt.Key_R)
    assert room.preview.texts() == [
        ["Session 2: Overview Introduction of the Toolkit", "16:09–16:24 · 15 min", "16:09–16:19 · 10 min", "trimmed"],
        [
            "Session 3: Interactive Discussions – Recommenda…",
            "16:24–16:54 · 30 min",
            "16:19–16:37 · 18 min",
            "shorter Q&A / discussion",
        ],
        ["Open Discussion/Q&A", "16:54–17:07 · 13 min", "skipped", "left out"],
    ]
    assert "After: Day ends 16:40 (on time)" in room.preview.heading.text()
    window.grab().save(str(screenshots / "run_room_plan_1366.png"))
    qtbot.keyClick(room, Qt.Key_Return)
    assert [e.kind for e in room.events[2:]] == [EventKind.SHORTEN, EventKind.SHORTEN, EventKind.SKIP]
    assert room.conflict.isHidden() and room.day_end_label.text() == "Day ends 16:40 (on time)"
    assert rows(room)[4] == "— | Open Discussion/Q&A | 13 | skipped"
    print("\n".join(rows(room)))
    window.grab().save(str(screenshots / "run_room_plan_applied_1366.png"))

    qtbot.keyClick(room, Qt.Key_Z, Qt.ControlModifier)  # Edit > Undo: the whole plan, in one step
    assert len(room.events) == 2 and room.conflict.isVisible()
    assert room.message.text().startswith("Recovery plan undone")
    assert room.day_end_label.text() == "Day ends 16:40 (as planned) — 30 min of content do not fit"
    qtbot.keyClick(room, Qt.Key_Y, Qt.ControlModifier)  # and Redo takes it again
    assert len(room.events) == 5 and room.conflict.isHidden()
    window.close_document()
