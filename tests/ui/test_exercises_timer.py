"""The group timer tells times on the workshop's clock, not in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dgfacil.core.agenda import plan_day
from dgfacil.ui.exercises.timer import GroupTimer, remaining_text


def test_remaining_text_uses_the_zone():
    end = datetime(2023, 5, 30, 6, 50, tzinfo=UTC)  # 15:50 in Tokyo
    assert remaining_text(end, end - timedelta(days=1), "Asia/Tokyo") == "Ends 30 May 15:50"
    assert remaining_text(end, end + timedelta(hours=2), "Asia/Tokyo") == "Ended 30 May 15:50"
    assert remaining_text(end, end - timedelta(minutes=3, seconds=5), "Asia/Tokyo") == "3:05 left"


def test_timer_in_a_tokyo_workshop_says_the_tokyo_end(new_doc, qtbot, screenshots):
    from PySide6.QtGui import QUndoGroup

    from dgfacil.ui.context import AppContext
    from dgfacil.ui.tasks import Tasks

    doc = new_doc(timezone="Asia/Tokyo")
    tasks = Tasks(doc)
    ctx = AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup())
    try:
        workshop = ctx.workshop()
        assert workshop.timezone == "Asia/Tokyo"
        slot = plan_day(workshop.days[0], workshop.timezone)[0]
        ctx.clock = lambda: slot.end - timedelta(days=2)
        timer = GroupTimer(ctx)
        qtbot.addWidget(timer)
        timer.follow(slot.item.id)
        tokyo = slot.start.astimezone(timezone(timedelta(hours=9)))
        assert timer.text() == f"Starts {tokyo:%d %b %H:%M}"  # two days ahead: with its date
        assert slot.start.astimezone(UTC).strftime("%H:%M") not in timer.text()
        timer.show()
        timer.grab().save(str(screenshots / "exercises_timer_tokyo.png"))
    finally:
        tasks.wait()
        tasks.shutdown()
