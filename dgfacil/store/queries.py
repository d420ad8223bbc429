"""Reading and writing the workshop as domain values. Functions take the session as `*, session`."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone

from sqlmodel import Session, select

from dgfacil.core.model import Group, Note, Participant, Workshop
from dgfacil.store import convert
from dgfacil.store.tables import (
    AgendaItemRow, DayRow, ExerciseRow, GroupMemberRow, GroupRow, NoteRow, ParticipantRow, WorkshopRow,
)


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def insert_workshop(workshop: Workshop, *, session: Session) -> int:
    """Write a whole new workshop (days, items, exercises) and return its id."""
    row = WorkshopRow(**convert.workshop_fields(workshop), created_at=utc_now_iso())
    session.add(row)
    session.flush()
    item_ids: dict[tuple[int, int], int] = {}
    for d, day in enumerate(workshop.days):
        day_row = DayRow(workshop_id=row.id, position=d, date=day.date.isoformat(), title=day.title)
        session.add(day_row)
        session.flush()
        for i, item in enumerate(day.items):
            item_row = AgendaItemRow(workshop_id=row.id, day_id=day_row.id, position=i, **convert.item_fields(item))
            session.add(item_row)
            session.flush()
            item_ids[(d, i)] = item_row.id
    for position, ex in enumerate(workshop.exercises):
        session.add(ExerciseRow(
            workshop_id=row.id, position=position, kind=ex.kind, title=ex.title, definition=ex.definition,
            agenda_item_id=item_ids.get(ex.item_ref) if ex.item_ref else ex.agenda_item_id,
        ))
    session.flush()
    return row.id


def workshop_row(*, session: Session) -> WorkshopRow:
    row = session.exec(select(WorkshopRow).order_by(WorkshopRow.id)).first()
    if row is None:
        raise LookupError("the document holds no workshop")
    return row


def workshop_info(*, session: Session) -> Workshop:
    """The workshop's own fields (id, title, time zone...) without its days and exercises."""
    return convert.workshop_from_row(workshop_row(session=session))


def load_workshop(*, session: Session) -> Workshop:
    """The whole workshop: metadata, days with their items, exercises."""
    row = workshop_row(session=session)
    workshop = convert.workshop_from_row(row)
    items_by_day: dict[int, list[AgendaItemRow]] = defaultdict(list)
    for item in session.exec(select(AgendaItemRow).where(AgendaItemRow.workshop_id == row.id)):
        items_by_day[item.day_id].append(item)
    days = session.exec(select(DayRow).where(DayRow.workshop_id == row.id).order_by(DayRow.position, DayRow.id))
    workshop.days = [convert.day_from_row(d, items_by_day[d.id]) for d in days]
    exercises = session.exec(
        select(ExerciseRow).where(ExerciseRow.workshop_id == row.id).order_by(ExerciseRow.position, ExerciseRow.id)
    )
    workshop.exercises = [convert.exercise_from_row(e) for e in exercises]
    return workshop


def load_participants(*, session: Session) -> list[Participant]:
    rows = session.exec(select(ParticipantRow).order_by(ParticipantRow.id))
    return [convert.participant_from_row(r) for r in rows]


def load_groups(*, session: Session) -> list[Group]:
    members: dict[int, list[int]] = defaultdict(list)
    for m in session.exec(select(GroupMemberRow).order_by(GroupMemberRow.id)):
        members[m.group_id].append(m.participant_id)
    rows = session.exec(select(GroupRow).order_by(GroupRow.position, GroupRow.id))
    return [convert.group_from_row(r, members[r.id]) for r in rows]


def load_notes(*, session: Session, agenda_item_id: int | None = None) -> list[Note]:
    query = select(NoteRow).order_by(NoteRow.created_at, NoteRow.id)
    if agenda_item_id is not None:
        query = query.where(NoteRow.agenda_item_id == agenda_item_id)
    return [convert.note_from_row(r) for r in session.exec(query)]


def dump_tables(*, session: Session) -> dict[str, list[dict]]:
    """Every row of every table, as plain dicts (for the JSON export)."""
    from sqlmodel import SQLModel

    out: dict[str, list[dict]] = {}
    for name, table in SQLModel.metadata.tables.items():
        rows = session.connection().execute(table.select().order_by(*table.primary_key.columns))
        out[name] = [dict(row._mapping) for row in rows]
    return dict(sorted(out.items()))


def count_contents(*, session: Session) -> list[tuple[str, int]]:
    """How many of each thing the document holds, in the user's words."""
    from sqlmodel import func

    from dgfacil.store import tables as t

    counted = [
        ("Days", t.DayRow), ("Agenda items", t.AgendaItemRow), ("Exercises", t.ExerciseRow),
        ("Participants", t.ParticipantRow), ("Groups", t.GroupRow), ("Notes", t.NoteRow),
        ("Attendance marks", t.AttendanceRow), ("Evaluation responses", t.EvaluationResponseRow),
    ]
    return [(label, session.exec(select(func.count()).select_from(row)).one()) for label, row in counted]


def workshop_details(*, session: Session) -> dict:
    """The workshop row's own fields, by name (see core.details.FIELDS)."""
    row = workshop_row(session=session)
    return {name: getattr(row, name) for name in ("title", "project_code", "organizers", "modality", "venue",
                                                  "timezone", "display_zones", "description")}


def set_workshop_details(values: dict, *, session: Session) -> None:
    row = workshop_row(session=session)
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)
