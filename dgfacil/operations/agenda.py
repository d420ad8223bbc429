"""Agenda edits: add, change, delete, move an item. Each is one committed transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as date_type

from sqlmodel import Session, select

from dgfacil.core.model import AgendaItem
from dgfacil.operations.changes import Changes
from dgfacil.store import convert
from dgfacil.store.tables import AgendaItemRow, AttendanceRow, DayRow, ExerciseRow, NoteRow

AGENDA = Changes(agenda=True)


@dataclass(frozen=True)
class DeletedItem:
    """Everything needed to put a deleted item back where it was (for undo)."""

    id: int
    workshop_id: int
    day_id: int
    position: int
    fields: dict
    # what pointed to the item: notes and exercises are unlinked, attendance marks go with it
    note_ids: tuple[int, ...] = ()
    exercise_ids: tuple[int, ...] = ()
    attendance: tuple[dict, ...] = ()


def _day_items(session: Session, day_id: int) -> list[AgendaItemRow]:
    return list(session.exec(
        select(AgendaItemRow).where(AgendaItemRow.day_id == day_id).order_by(AgendaItemRow.position, AgendaItemRow.id)
    ))


def _renumber(rows: list[AgendaItemRow]) -> None:
    for position, row in enumerate(rows):
        row.position = position


def _day(session: Session, day_id: int) -> DayRow:
    day = session.get(DayRow, day_id)
    if day is None:
        raise LookupError(f"no day {day_id}")
    return day


def add_item(session: Session, *, day_id: int, item: AgendaItem, position: int | None = None) -> Changes:
    """Insert `item` into a day at `position` (end of day when None)."""
    day = _day(session, day_id)
    rows = _day_items(session, day_id)
    row = AgendaItemRow(workshop_id=day.workshop_id, day_id=day_id, **convert.item_fields(item))
    session.add(row)
    rows.insert(len(rows) if position is None else max(0, min(position, len(rows))), row)
    _renumber(rows)
    session.flush()
    return Changes(agenda=True, ids=(row.id,))


def update_item(session: Session, *, item_id: int, **fields) -> Changes:
    """Change some fields of an item (names as in AgendaItem)."""
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise LookupError(f"no agenda item {item_id}")
    current = convert.item_from_row(row)
    for name, value in fields.items():
        if not hasattr(current, name) or name in ("id", "day_id", "position"):
            raise AttributeError(f"an agenda item has no editable field {name!r}")
        setattr(current, name, value)
    if current.duration_min <= 0:
        raise ValueError("a duration must be at least one minute")
    for name, value in convert.item_fields(current).items():
        setattr(row, name, value)
    return Changes(agenda=True, ids=(item_id,))


def delete_item(session: Session, *, item_id: int) -> tuple[Changes, DeletedItem]:
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise LookupError(f"no agenda item {item_id}")
    snapshot = DeletedItem(
        row.id, row.workshop_id, row.day_id, row.position, convert.item_fields(convert.item_from_row(row)),
        note_ids=tuple(session.exec(select(NoteRow.id).where(NoteRow.agenda_item_id == item_id))),
        exercise_ids=tuple(session.exec(select(ExerciseRow.id).where(ExerciseRow.agenda_item_id == item_id))),
        attendance=tuple(
            a.model_dump(exclude={"id"})
            for a in session.exec(select(AttendanceRow).where(AttendanceRow.agenda_item_id == item_id))
        ),
    )
    session.delete(row)
    session.flush()
    _renumber(_day_items(session, snapshot.day_id))
    return Changes(agenda=True, ids=(item_id,)), snapshot


def restore_item(session: Session, *, deleted: DeletedItem) -> Changes:
    """Put a deleted item back, with its id, so anything that pointed to it points again."""
    rows = _day_items(session, deleted.day_id)
    row = AgendaItemRow(id=deleted.id, workshop_id=deleted.workshop_id, day_id=deleted.day_id, **deleted.fields)
    session.add(row)
    rows.insert(min(deleted.position, len(rows)), row)
    _renumber(rows)
    session.flush()
    for note in deleted.note_ids:
        if (found := session.get(NoteRow, note)) is not None and found.agenda_item_id is None:
            found.agenda_item_id = deleted.id
    for exercise in deleted.exercise_ids:
        if (found := session.get(ExerciseRow, exercise)) is not None and found.agenda_item_id is None:
            found.agenda_item_id = deleted.id
    for mark in deleted.attendance:
        session.add(AttendanceRow(**mark))
    return Changes(agenda=True, notes=bool(deleted.note_ids), exercises=bool(deleted.exercise_ids),
                   attendance=bool(deleted.attendance), ids=(deleted.id,))


def move_item(session: Session, *, item_id: int, position: int, day_id: int | None = None) -> Changes:
    """Move an item to `position` within its day, or to another day."""
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise LookupError(f"no agenda item {item_id}")
    source_day = row.day_id
    target_day = day_id if day_id is not None else source_day
    _day(session, target_day)
    if target_day != source_day:
        row.day_id = target_day
        session.flush()
        _renumber(_day_items(session, source_day))
    rows = [r for r in _day_items(session, target_day) if r.id != row.id]
    rows.insert(max(0, min(position, len(rows))), row)
    _renumber(rows)
    return Changes(agenda=True, ids=(item_id,))


def item_position(session: Session, *, item_id: int) -> tuple[int, int]:
    """(day id, position) of an item, for undoing a move."""
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise LookupError(f"no agenda item {item_id}")
    return row.day_id, row.position


def add_day(session: Session, *, workshop_id: int, on: date_type, title: str = "") -> Changes:
    """Append a day (with one opening item so the day has a start)."""
    from datetime import time

    days = list(session.exec(select(DayRow).where(DayRow.workshop_id == workshop_id).order_by(DayRow.position)))
    row = DayRow(workshop_id=workshop_id, position=len(days), date=on.isoformat(), title=title)
    session.add(row)
    session.flush()
    session.add(AgendaItemRow(
        workshop_id=workshop_id, day_id=row.id, position=0,
        **convert.item_fields(AgendaItem(title="Opening", kind="opening", duration_min=15, planned_start=time(9, 0))),
    ))
    session.flush()
    return Changes(agenda=True, ids=(row.id,))


def update_day(session: Session, *, day_id: int, on: date_type | None = None, title: str | None = None) -> Changes:
    day = _day(session, day_id)
    if on is not None:
        day.date = on.isoformat()
    if title is not None:
        day.title = title
    return Changes(agenda=True, ids=(day_id,))


def delete_day(session: Session, *, day_id: int) -> Changes:
    """Delete a day and its items (the UI asks first; attendance and notes of its items go too)."""
    day = _day(session, day_id)
    for item in _day_items(session, day_id):
        session.delete(item)
    session.delete(day)
    session.flush()
    rest = session.exec(select(DayRow).where(DayRow.workshop_id == day.workshop_id).order_by(DayRow.position))
    for position, other in enumerate(rest):
        other.position = position
    return Changes(agenda=True, ids=(day_id,))
