"""Agenda items, kept in position order within their day. Functions take `*, session`.

Days themselves are in store/days.py. An item's `position` is its place in its day, 0..n-1 with
no gaps; every function that adds, removes or moves an item renumbers the day(s) it touched.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dgfacil.core.model import AgendaItem
from dgfacil.store import convert
from dgfacil.store.days import day_row
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import AgendaItemRow


def _day_items(session: Session, day_id: int) -> list[AgendaItemRow]:
    query = select(AgendaItemRow).where(AgendaItemRow.day_id == day_id)
    return list(session.exec(query.order_by(col(AgendaItemRow.position), col(AgendaItemRow.id))))


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


def _renumber(rows: Sequence[AgendaItemRow]) -> None:
    for position, row in enumerate(rows):
        row.position = position


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
    day = day_row(day_id, session=session)
    rows = _day_items(session, day_id)
    row = AgendaItemRow(workshop_id=day.workshop_id, day_id=day_id, **convert.item_fields(item))
    session.add(row)
    rows.insert(len(rows) if position is None else max(0, min(position, len(rows))), row)
    _renumber(rows)
    session.flush()
    return convert.row_id(row)


def write_item(item_id: int, item: AgendaItem, *, session: Session) -> None:
    """Store the editable fields of `item` on the item `item_id` (day and position stay)."""
    row = _item(session, item_id)
    for name, value in convert.item_fields(item).items():
        setattr(row, name, value)


def delete_item(item_id: int, *, session: Session) -> Snapshot:
    """Delete an item with its attendance marks (notes and exercises on it are unlinked), renumber
    its day, and return what puts it back."""
    day_id = _item(session, item_id).day_id
    snapshot = delete_with_snapshot("agenda_item", [item_id], session=session)
    _renumber(_day_items(session, day_id))
    session.flush()
    return snapshot


def deleted_item_day(deleted: Snapshot) -> int:
    """The day a deleted item was in."""
    return int(deleted.deleted()[0]["day_id"])


def restore_item(deleted: Snapshot, *, session: Session) -> None:
    """Put a deleted item back where it was, with its id and marks, and re-link the notes and
    exercises still unlinked."""
    restore_snapshot(deleted, session=session)
    [back] = deleted.deleted()
    rows = [r for r in _day_items(session, back["day_id"]) if r.id != back["id"]]
    rows.insert(min(back["position"], len(rows)), _item(session, back["id"]))
    _renumber(rows)
    session.flush()


def move_item(item_id: int, position: int, *, session: Session, day_id: int | None = None) -> None:
    """Move an item to `position` (clamped) within its day, or to another day."""
    row = _item(session, item_id)
    source_day = row.day_id
    target_day = day_id if day_id is not None else source_day
    day_row(target_day, session=session)
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
