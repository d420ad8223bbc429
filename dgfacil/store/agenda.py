"""Agenda rows: days and their items, kept in position order. Functions take `*, session`.

An item's `position` is its place in its day, 0..n-1 with no gaps; every function that adds,
removes or moves an item renumbers the day(s) it touched.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from dgfacil.core.model import AgendaItem
from dgfacil.store import convert
from dgfacil.store.tables import AgendaItemRow, AttendanceRow, DayRow, ExerciseRow, NoteRow


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


def day_start(day_id: int, *, session: Session) -> str | None:
    """The written start ("HH:MM") of a day's first item, or None."""
    rows = _day_items(session, day_id)
    return rows[0].planned_start if rows else None


def keep_day_start(day_id: int, start: str | None, *, session: Session) -> None:
    """After a move, delete, insert or restore: the first item carries the day's start `start`,
    and a flexible item further down that still carries it (the former first) follows again."""
    rows = _day_items(session, day_id)
    if not rows or start is None:
        return
    if rows[0].planned_start is None:
        rows[0].planned_start = start
    for row in rows[1:]:
        if not row.fixed_start and row.planned_start == start:
            row.planned_start = None
    session.flush()


def _renumber(rows: list) -> None:
    for position, row in enumerate(rows):
        row.position = position


def _day(session: Session, day_id: int) -> DayRow:
    day = session.get(DayRow, day_id)
    if day is None:
        raise LookupError(f"no day {day_id}")
    return day


def _item(session: Session, item_id: int) -> AgendaItemRow:
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise LookupError(f"no agenda item {item_id}")
    return row


def item(item_id: int, *, session: Session) -> AgendaItem:
    """One agenda item as a domain value (LookupError when it is not there)."""
    return convert.item_from_row(_item(session, item_id))


def item_workshop_id(item_id: int, *, session: Session) -> int:
    """The workshop an agenda item belongs to (LookupError when there is no such item)."""
    return _item(session, item_id).workshop_id


def insert_item(day_id: int, item: AgendaItem, *, session: Session, position: int | None = None) -> int:
    """Insert `item` into a day at `position` (end of day when None, clamped); returns its id."""
    day = _day(session, day_id)
    rows = _day_items(session, day_id)
    row = AgendaItemRow(workshop_id=day.workshop_id, day_id=day_id, **convert.item_fields(item))
    session.add(row)
    rows.insert(len(rows) if position is None else max(0, min(position, len(rows))), row)
    _renumber(rows)
    session.flush()
    return row.id


def write_item(item_id: int, item: AgendaItem, *, session: Session) -> None:
    """Store the editable fields of `item` on the item `item_id` (day and position stay)."""
    row = _item(session, item_id)
    for name, value in convert.item_fields(item).items():
        setattr(row, name, value)


def delete_item(item_id: int, *, session: Session) -> DeletedItem:
    """Delete an item, renumber its day, and return what puts it back."""
    row = _item(session, item_id)
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
    return snapshot


def restore_item(deleted: DeletedItem, *, session: Session) -> None:
    """Put a deleted item back, with its id, and re-link the notes and exercises still unlinked."""
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


def move_item(item_id: int, position: int, *, session: Session, day_id: int | None = None) -> None:
    """Move an item to `position` (clamped) within its day, or to another day."""
    row = _item(session, item_id)
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


def item_position(item_id: int, *, session: Session) -> tuple[int, int]:
    """(day id, position) of an item."""
    row = _item(session, item_id)
    return row.day_id, row.position


def day_count(workshop_id: int, *, session: Session) -> int:
    return len(list(session.exec(select(DayRow).where(DayRow.workshop_id == workshop_id).order_by(DayRow.position))))


def last_day_position(workshop_id: int, *, session: Session) -> int | None:
    """The highest day position of the workshop (None when it has no day)."""
    last = session.exec(select(DayRow).where(DayRow.workshop_id == workshop_id)
                        .order_by(DayRow.position.desc())).first()
    return last.position if last else None


def insert_day(workshop_id: int, on: date, title: str, items: list[AgendaItem], *, session: Session,
               position: int) -> int:
    """Add a day at `position` with `items` in order; returns the day's id."""
    row = DayRow(workshop_id=workshop_id, position=position, date=on.isoformat(), title=title)
    session.add(row)
    session.flush()
    for index, item in enumerate(items):
        session.add(AgendaItemRow(workshop_id=workshop_id, day_id=row.id, position=index,
                                  **convert.item_fields(item)))
    session.flush()
    return row.id


def update_day(day_id: int, *, session: Session, on: date | None = None, title: str | None = None) -> None:
    day = _day(session, day_id)
    if on is not None:
        day.date = on.isoformat()
    if title is not None:
        day.title = title


def delete_day(day_id: int, *, session: Session) -> None:
    """Delete a day and its items, then renumber the workshop's other days."""
    day = _day(session, day_id)
    for row in _day_items(session, day_id):
        session.delete(row)
    session.delete(day)
    session.flush()
    rest = session.exec(select(DayRow).where(DayRow.workshop_id == day.workshop_id).order_by(DayRow.position))
    for position, other in enumerate(rest):
        other.position = position
