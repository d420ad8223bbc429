"""The Notes room's agenda list follows the agenda and the run: its times are never stale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dgfacil.core.run.log import ordered_items
from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import run as run_ops
from dgfacil.ui.notes.agenda_list import TIME_ROLE

T0 = datetime(2023, 5, 30, 6, 0, tzinfo=UTC)  # 15:00 in Seoul


def times(room) -> list[str]:
    model = room.agenda_model
    return [model.item(r).data(TIME_ROLE) for r in range(model.rowCount())]


def test_agenda_list_times_follow_agenda_edits_and_the_run(ctx, qtbot, screenshots):
    from dgfacil.ui.notes.room import NotesRoom

    ctx.clock = lambda: T0 + timedelta(minutes=5)
    room = NotesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1280, 720)
    room.show()
    assert times(room)[:3] == ["15:00", "15:07", "15:39"]
    day = ctx.workshop().days[0]
    items = ordered_items(day)
    # the agenda room lengthens Session 1 by ten minutes: Session 2 moves at once
    ctx.tasks.run_sync(lambda s: agenda_ops.update_item(s, item_id=items[1].id, duration_min=42))
    assert times(room)[:3] == ["15:00", "15:07", "15:49"]
    assert room.pane.chooser.itemText(2).startswith("15:49")
    # the run starts late and the Opening gets +15: the list shows the re-planned starts
    ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind="start", at=T0 + timedelta(minutes=2)))
    ctx.tasks.run_sync(
        lambda s: run_ops.record_event(s, day_id=day.id, kind="extend", at=T0 + timedelta(minutes=3), minutes=15)
    )
    assert times(room)[:3] == ["15:02", "15:24", "16:06"]
    room.grab().save(str(screenshots / "notes_agenda_times_follow_run.png"))
