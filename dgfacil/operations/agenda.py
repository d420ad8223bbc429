"""Agenda edits: add, change, delete, move an item. Each is one committed transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date as date_type
from datetime import time
from typing import TYPE_CHECKING, Any

from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.core.text import check_date, check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed, stored
from dgfacil.store import agenda as store
from dgfacil.store import convert
from dgfacil.store import days as day_store
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = [
    "AGENDA",
    "Snapshot",
    "add_item",
    "update_item",
    "delete_item",
    "restore_item",
    "move_item",
    "item_position",
    "add_day",
    "update_day",
    "delete_day",
]

AGENDA = Changes(agenda=True)
FIXED = ("id", "day_id", "position")  # set by where an item is, never by an edit


def add_item(session: Session, *, day_id: int, item: AgendaItem, position: int | None = None) -> Changes:
    """Insert `item` into a day at `position` (end of day when None)."""
    _check(item)
    start = store.day_start(day_id, session=session)
    item_id = store.insert_item(day_id, item, position=position, session=session)
    store.keep_day_start(day_id, start, session=session)
    return Changes(agenda=True, ids=(item_id,))


def _check(item: AgendaItem) -> None:
    check_fields(
        title=item.title, lead=item.lead, speakers=item.speakers, description=item.description, materials=item.materials
    )


def update_item(session: Session, *, item_id: int, seen: Mapping[str, Any] | None = None, **fields: Any) -> Changes:
    """Change some fields of an item (names as in AgendaItem). `seen`: those fields as the user saw
    them; if the item holds something else by now, the edit is refused (EditConflict)."""
    current = store.item(item_id, session=session)
    if seen is not None:
        refuse_if_changed(
            stored(convert.item_fields, current, seen),
            stored(convert.item_fields, replace(current, **seen), seen),
            table="agenda_item",
            row_id=item_id,
            what=f"“{current.title}”",
            session=session,
        )
    for name, value in fields.items():
        if not hasattr(current, name) or name in FIXED:
            raise AttributeError(f"an agenda item has no editable field {name!r}")
        setattr(current, name, value)
    if current.duration_min <= 0:
        raise ValueError("a duration must be at least one minute")
    _check(current)
    if current.min_duration_min is not None and int(current.min_duration_min) <= 0:
        raise ValueError("a shortest length must be at least one minute (or empty: the default)")
    store.write_item(item_id, current, session=session)
    return Changes(agenda=True, ids=(item_id,))


def delete_item(session: Session, *, item_id: int) -> Changes[Snapshot]:
    """Delete an item; notes and exercises on it are unlinked. The snapshot undoes it."""
    day_id, _ = store.item_position(item_id, session=session)
    start = store.day_start(day_id, session=session)
    snapshot = store.delete_item(item_id, session=session)
    store.keep_day_start(day_id, start, session=session)  # the next item takes over the day's start
    return Changes(agenda=True, ids=(item_id,), value=snapshot)


def restore_item(session: Session, *, deleted: Snapshot) -> Changes:
    """Put a deleted item back, with its id, so anything that pointed to it points again."""
    day_id = store.deleted_item_day(deleted)
    start = store.day_start(day_id, session=session)
    store.restore_item(deleted, session=session)
    store.keep_day_start(day_id, start, session=session)
    return Changes(
        agenda=True,
        notes=deleted.touched("note"),
        exercises=deleted.touched("exercise"),
        attendance=deleted.touched("attendance"),
        ids=deleted.ids,
    )


def move_item(session: Session, *, item_id: int, position: int, day_id: int | None = None) -> Changes:
    """Move an item to `position` within its day, or to another day. The day keeps its start
    whichever item comes first; the rest follow (see store.keep_day_start)."""
    source, _ = store.item_position(item_id, session=session)
    target = day_id if day_id is not None else source
    starts = {d: store.day_start(d, session=session) for d in {source, target}}
    store.move_item(item_id, position, day_id=day_id, session=session)
    for d, start in starts.items():
        store.keep_day_start(d, start, session=session)
    return Changes(agenda=True, ids=(item_id,))


def item_position(session: Session, *, item_id: int) -> tuple[int, int]:
    """(day id, position) of an item, for undoing a move."""
    return store.item_position(item_id, session=session)


def add_day(session: Session, *, workshop_id: int, on: date_type, title: str = "") -> Changes:
    """Append a day (with one opening item so the day has a start)."""
    check_fields(day_title=title)
    check_date("the day", on)
    opening = AgendaItem(title="Opening", kind=ItemKind.OPENING, duration_min=15, planned_start=time(9, 0))
    day_id = day_store.insert_day(
        workshop_id, on, title, [opening], session=session, position=day_store.day_count(workshop_id, session=session)
    )
    return Changes(agenda=True, ids=(day_id,))


def update_day(
    session: Session,
    *,
    day_id: int,
    on: date_type | None = None,
    title: str | None = None,
    seen: Mapping[str, Any] | None = None,
) -> Changes:
    """Rename or re-date a day. `seen`: {"title": …, "on": date} as the user saw them (the fields
    changed); if the day holds something else by now, the edit is refused (EditConflict)."""
    check_fields(day_title=title)
    check_date("the day", on)
    if seen is not None:
        row = day_store.day_row(day_id, session=session)
        shown = {
            ("date" if name == "on" else name): (value.isoformat() if name == "on" else value)
            for name, value in seen.items()
        }
        refuse_if_changed(
            {"title": row.title, "date": row.date},
            shown,
            table="day",
            row_id=day_id,
            what=f"The day “{row.title or row.date}”",
            session=session,
        )
    day_store.update_day(day_id, on=on, title=title, session=session)
    return Changes(agenda=True, ids=(day_id,))


def delete_day(session: Session, *, day_id: int) -> Changes:
    """Delete a day and its items (the UI asks first; attendance and notes of its items go too)."""
    day_store.delete_day(day_id, session=session)
    return Changes(agenda=True, ids=(day_id,))
