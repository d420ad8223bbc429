"""Agenda edits through operations, on a real document."""

from __future__ import annotations

from datetime import UTC, date, time

import pytest
from sqlmodel import select

from dgfacil.core.agenda import hhmm, plan_day
from dgfacil.core.model import AgendaItem
from dgfacil.operations import agenda as ops
from dgfacil.store.workshop import load_workshop


def _day(doc, index=0):
    with doc.session() as s:
        return load_workshop(session=s).days[index]


def test_add_update_move_delete_restore(demo_doc):
    day = _day(demo_doc)
    with demo_doc.session() as s:
        added = ops.add_item(
            s, day_id=day.id, item=AgendaItem(title="Coffee", duration_min=10, kind="break"), position=2
        )
    new_id = added.ids[0]
    titles = [i.title for i in _day(demo_doc).items]
    assert titles[2] == "Coffee" and len(titles) == 7
    with demo_doc.session() as s:
        ops.update_item(s, item_id=new_id, duration_min=15, lead="Ms. Kee")
    with demo_doc.session() as s:
        ops.move_item(s, item_id=new_id, position=0)
    items = _day(demo_doc).items
    assert items[0].title == "Coffee" and items[0].duration_min == 15 and items[0].lead == "Ms. Kee"
    assert [i.position for i in items] == list(range(7))
    with demo_doc.session() as s:
        deleted = ops.delete_item(s, item_id=new_id).value
    assert "Coffee" not in [i.title for i in _day(demo_doc).items]
    with demo_doc.session() as s:
        ops.restore_item(s, deleted=deleted)
    items = _day(demo_doc).items
    assert items[0].id == new_id and items[0].title == "Coffee"


def test_following_items_shift_and_fixed_items_hold(demo_doc):
    day = _day(demo_doc)
    session1 = day.items[1]
    with demo_doc.session() as s:  # session 1 follows the opening and runs 10 min longer
        ops.update_item(s, item_id=session1.id, planned_start=None, duration_min=42)
        ops.update_item(s, item_id=day.items[2].id, planned_start=None)
    slots = plan_day(_day(demo_doc), "Asia/Seoul")
    assert [hhmm(s.start) for s in slots] == ["15:00", "15:07", "15:49", "16:04", "16:34", "16:37"]
    assert slots[5].overlap.total_seconds() == 10 * 60  # the fixed closing holds: the overlap is kept


def test_bad_edits_are_refused(demo_doc):
    item = _day(demo_doc).items[0]
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            ops.update_item(s, item_id=item.id, duration_min=0)
    with pytest.raises(AttributeError):
        with demo_doc.session() as s:
            ops.update_item(s, item_id=item.id, colour="red")
    assert _day(demo_doc).items[0].duration_min == 7  # nothing half-written


def test_days_are_added_moved_between_and_deleted(demo_doc):
    with demo_doc.session() as s:
        w = load_workshop(session=s)
        ops.add_day(s, workshop_id=w.id, on=date(2023, 5, 31), title="Follow-up")
    with demo_doc.session() as s:
        days = load_workshop(session=s).days
    assert [d.title for d in days] == ["Webinar", "Follow-up"]
    assert days[1].items[0].planned_start == time(9, 0)
    closing = days[0].items[-1]
    with demo_doc.session() as s:
        ops.move_item(s, item_id=closing.id, position=1, day_id=days[1].id)
    with demo_doc.session() as s:
        days = load_workshop(session=s).days
    assert [i.title for i in days[1].items][1].startswith("Closing") and len(days[0].items) == 5
    with demo_doc.session() as s:
        ops.delete_day(s, day_id=days[1].id)
    with demo_doc.session() as s:
        assert len(load_workshop(session=s).days) == 1


def test_undoing_a_delete_brings_back_its_notes_exercises_and_attendance(demo_doc):
    from datetime import datetime, timezone

    from dgfacil.store.tables import AttendanceRow, ExerciseRow, NoteRow, ParticipantRow

    item = _day(demo_doc).items[1]
    with demo_doc.session() as s:
        person = ParticipantRow(workshop_id=1, full_name="Kim Min-jun")
        s.add(person)
        s.flush()
        s.add(AttendanceRow(workshop_id=1, participant_id=person.id, agenda_item_id=item.id))
        s.add(
            NoteRow(
                workshop_id=1,
                agenda_item_id=item.id,
                created_at=datetime.now(UTC).isoformat(),
                text="Data integration is key",
                tag="key message",
            )
        )
        s.add(ExerciseRow(workshop_id=1, agenda_item_id=item.id, kind="prompts", title="Reflection"))
    with demo_doc.session() as s:
        deleted = ops.delete_item(s, item_id=item.id).value
    with demo_doc.session() as s:
        assert s.exec(select(NoteRow)).one().agenda_item_id is None
        assert s.exec(select(AttendanceRow)).all() == []
        ops.restore_item(s, deleted=deleted)
    with demo_doc.session() as s:
        assert s.exec(select(NoteRow)).one().agenda_item_id == item.id
        assert s.exec(select(ExerciseRow)).one().agenda_item_id == item.id
        assert s.exec(select(AttendanceRow)).one().agenda_item_id == item.id
