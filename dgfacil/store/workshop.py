"""The workshop row, the whole workshop as a domain value, and the document as a whole (counts,
every table for the JSON export). Functions take the session as `*, session`."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from dgfacil.core.model import Workshop
from dgfacil.store import convert, exercises, tables
from dgfacil.store.tables import AgendaItemRow, DayRow, ExerciseRow, WorkshopRow

# The workshop row's own fields that the details dialog edits (see core.details.FIELDS).
DETAILS = ("title", "project_code", "organizers", "modality", "venue", "timezone", "display_zones", "description")


def workshop_row(*, session: Session) -> WorkshopRow:
    row = session.exec(select(WorkshopRow).order_by(col(WorkshopRow.id))).first()
    if row is None:
        raise LookupError("the document holds no workshop")
    return row


def workshop_id(*, session: Session) -> int:
    """The id of the document's workshop."""
    return convert.row_id(workshop_row(session=session))


def insert_workshop(workshop: Workshop, *, session: Session) -> int:
    """Write a whole new workshop (days, items, exercises) and return its id."""
    row = WorkshopRow(**convert.workshop_fields(workshop), created_at=convert.utc_now_iso())
    session.add(row)
    session.flush()
    wid = convert.row_id(row)
    item_ids: dict[tuple[int, int], int] = {}
    for d, day in enumerate(workshop.days):
        day_row = DayRow(workshop_id=wid, position=d, date=day.date.isoformat(), title=day.title)
        session.add(day_row)
        session.flush()
        for i, item in enumerate(day.items):
            item_row = AgendaItemRow(
                workshop_id=wid, day_id=convert.row_id(day_row), position=i, **convert.item_fields(item)
            )
            session.add(item_row)
            session.flush()
            item_ids[(d, i)] = convert.row_id(item_row)
    for position, ex in enumerate(workshop.exercises):
        session.add(
            ExerciseRow(
                workshop_id=wid,
                position=position,
                kind=ex.kind,
                title=ex.title,
                definition=ex.definition,
                agenda_item_id=item_ids.get(ex.item_ref) if ex.item_ref else ex.agenda_item_id,
            )
        )
    session.flush()
    return wid


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
    days = session.exec(
        select(DayRow).where(DayRow.workshop_id == row.id).order_by(col(DayRow.position), col(DayRow.id))
    )
    workshop.days = [convert.day_from_row(d, items_by_day[convert.row_id(d)]) for d in days]
    workshop.exercises = exercises.load_exercises(session=session)
    return workshop


def workshop_details(*, session: Session) -> dict[str, Any]:
    """The workshop row's own fields, by name (see core.details.FIELDS)."""
    row = workshop_row(session=session)
    return {name: getattr(row, name) for name in DETAILS}


def set_workshop_details(values: dict[str, Any], *, session: Session) -> None:
    row = workshop_row(session=session)
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)


def count_contents(*, session: Session) -> list[tuple[str, int]]:
    """How many of each thing the document holds, in the user's words."""
    counted: list[tuple[str, type[SQLModel]]] = [
        ("Days", tables.DayRow),
        ("Agenda items", tables.AgendaItemRow),
        ("Exercises", tables.ExerciseRow),
        ("Participants", tables.ParticipantRow),
        ("Groups", tables.GroupRow),
        ("Notes", tables.NoteRow),
        ("Attendance marks", tables.AttendanceRow),
        ("Evaluation responses", tables.EvaluationResponseRow),
    ]
    return [(label, session.exec(select(func.count()).select_from(row)).one()) for label, row in counted]


def dump_tables(*, session: Session) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, as plain dicts (for the JSON export)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, table in SQLModel.metadata.tables.items():
        rows = session.connection().execute(table.select().order_by(*table.primary_key.columns))
        out[name] = [dict(row._mapping) for row in rows]
    return dict(sorted(out.items()))
