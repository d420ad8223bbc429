"""Deleting a day takes everything hanging off it; undo puts every row back with its id."""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone

from sqlmodel import select

from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import days
from dgfacil.store.tables import (
    AttendanceRow,
    ExerciseRow,
    GroupMemberRow,
    GroupRow,
    NoteRow,
    ParticipantRow,
    RunEventRow,
)
from dgfacil.store.workshop import dump_tables, load_workshop


def _dump(session):
    return dump_tables(session=session)


def test_delete_day_and_restore_everything(demo_doc):
    with demo_doc.session() as s:
        w = load_workshop(session=s)
        day = w.days[0]
        item = day.items[1]
        person = ParticipantRow(workshop_id=w.id, full_name="Aigerim Sadykova")
        s.add(person)
        s.flush()
        group = GroupRow(workshop_id=w.id, day_id=day.id, name="Group 1")
        s.add(group)
        s.flush()
        s.add(GroupMemberRow(group_id=group.id, participant_id=person.id))
        s.add(AttendanceRow(workshop_id=w.id, participant_id=person.id, agenda_item_id=item.id))
        s.add(
            NoteRow(
                workshop_id=w.id,
                agenda_item_id=item.id,
                created_at=datetime.now(UTC).isoformat(),
                text="Decision: pilot the toolkit",
                tag="decision",
            )
        )
        s.add(ExerciseRow(workshop_id=w.id, agenda_item_id=item.id, kind="prompts", title="Reflection"))
        s.add(RunEventRow(workshop_id=w.id, day_id=day.id, at="2023-05-30T06:00:00+00:00", kind="start"))
    with demo_doc.session() as s:
        before = _dump(s)
        snapshots = days.delete_days(s, day_ids=[day.id]).value
    with demo_doc.session() as s:
        assert load_workshop(session=s).days == []
        assert s.exec(select(RunEventRow)).all() == [] and s.exec(select(GroupRow)).all() == []
        assert s.exec(select(NoteRow)).one().agenda_item_id is None  # the note itself is kept
        assert s.exec(select(ParticipantRow)).one().full_name == "Aigerim Sadykova"
        days.restore_days(s, snapshots=snapshots)
    with demo_doc.session() as s:
        assert _dump(s) == before


def test_an_added_day_can_be_deleted_and_renamed(demo_doc):
    with demo_doc.session() as s:
        w = load_workshop(session=s)
        changes = agenda_ops.add_day(s, workshop_id=w.id, on=date(2023, 5, 31))
    new_day = changes.ids[0]
    with demo_doc.session() as s:
        days.rename_day(s, day_id=new_day, title="Field visit")
    with demo_doc.session() as s:
        assert load_workshop(session=s).days[1].title == "Field visit"
        days.delete_days(s, day_ids=[new_day])
    with demo_doc.session() as s:
        assert len(load_workshop(session=s).days) == 1
