"""Days of the agenda, kept in position order. Functions take `*, session`.

Their items are in store/agenda.py. Deleting a day for good (with undo) goes through
store/snapshot.py, which takes its items, run log, groups and marks with it.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from dgfacil.core.model import AgendaItem
from dgfacil.store import convert
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import AgendaItemRow, DayRow


def day_row(day_id: int, *, session: Session) -> DayRow:
    day = session.get(DayRow, day_id)
    if day is None:
        raise LookupError(f"no day {day_id}")
    return day


def day_count(workshop_id: int, *, session: Session) -> int:
    return len(
        list(session.exec(select(DayRow).where(DayRow.workshop_id == workshop_id).order_by(col(DayRow.position))))
    )


def last_day_position(workshop_id: int, *, session: Session) -> int | None:
    """The highest day position of the workshop (None when it has no day)."""
    last = session.exec(
        select(DayRow).where(DayRow.workshop_id == workshop_id).order_by(col(DayRow.position).desc())
    ).first()
    return last.position if last else None


def insert_day(
    workshop_id: int, on: date, title: str, items: list[AgendaItem], *, session: Session, position: int
) -> int:
    """Add a day at `position` with `items` in order; returns the day's id."""
    row = DayRow(workshop_id=workshop_id, position=position, date=on.isoformat(), title=title)
    session.add(row)
    session.flush()
    for index, item in enumerate(items):
        session.add(
            AgendaItemRow(
                workshop_id=workshop_id, day_id=convert.row_id(row), position=index, **convert.item_fields(item)
            )
        )
    session.flush()
    return convert.row_id(row)


def update_day(day_id: int, *, session: Session, on: date | None = None, title: str | None = None) -> None:
    day = day_row(day_id, session=session)
    if on is not None:
        day.date = on.isoformat()
    if title is not None:
        day.title = title


def delete_day(day_id: int, *, session: Session) -> None:
    """Delete a day and its items, then renumber the workshop's other days."""
    day = day_row(day_id, session=session)
    for row in _items(day_id, session=session):
        session.delete(row)
    session.delete(day)
    session.flush()
    rest = session.exec(select(DayRow).where(DayRow.workshop_id == day.workshop_id).order_by(col(DayRow.position)))
    for position, other in enumerate(rest):
        other.position = position


def _items(day_id: int, *, session: Session) -> list[AgendaItemRow]:
    return list(session.exec(select(AgendaItemRow).where(AgendaItemRow.day_id == day_id)))


def delete_days(day_ids: list[int], *, session: Session) -> list[Snapshot]:
    """Delete days with everything they hold; one snapshot per day puts it back."""
    return [delete_with_snapshot("day", [day_id], session=session) for day_id in day_ids]


def restore_days(deleted: list[Snapshot], *, session: Session) -> None:
    for snapshot in deleted:
        restore_snapshot(snapshot, session=session)
