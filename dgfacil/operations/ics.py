"""Agenda to and from iCalendar: export the whole agenda, import a calendar as a new day."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dgfacil.core.agenda import following_starts
from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.io.ics import IcsItem, read_ics, write_ics
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.store import days as store
from dgfacil.store.workshop import load_workshop, workshop_info

if TYPE_CHECKING:
    from sqlmodel import Session

IMPORTED_TITLE = "Imported from calendar"


def export_ics(session: Session, *, path: Path) -> Path:
    """Write the document's agenda to `path` as an .ics file (one event per item)."""
    return write_ics(load_workshop(session=session), Path(path))


def import_ics_as_day(session: Session, *, data: bytes, title: str = IMPORTED_TITLE) -> Changes:
    """Add the calendar's timed events as a new day after the last one, in the venue zone.

    Events on several dates make one new day per date. Each item gets its start time written
    (so it holds where the calendar put it) and its length; kind and fixed start come back
    when the file was exported by dgfacil. Returns Changes(agenda) with the new days' ids.
    Raises ValueError when the bytes are not a calendar with timed events.
    """
    workshop = workshop_info(session=session)
    zone = ZoneInfo(workshop.timezone)
    events = read_ics(data, zone=workshop.timezone)
    by_date: dict[date, list[IcsItem]] = defaultdict(list)
    for event in events:
        by_date[event.start.astimezone(zone).date()].append(event)
    workshop_id = saved_id(workshop.id)
    last = store.last_day_position(workshop_id, session=session)
    position = (last + 1) if last is not None else 0
    day_ids = []
    for offset, (on, day_events) in enumerate(sorted(by_date.items())):
        items = [
            AgendaItem(
                title=event.title[:500],
                duration_min=min(event.minutes, 24 * 60),
                kind=ItemKind(event.kind),
                planned_start=event.start.astimezone(zone).time().replace(second=0, microsecond=0),
                fixed_start=event.fixed,
                description=event.description,
                lead=event.lead,
                speakers=list(event.speakers),
                materials=list(event.materials),
            )
            for event in day_events
        ]
        starts = following_starts([(it.planned_start, it.duration_min, it.fixed_start) for it in items])
        for item, start in zip(items, starts, strict=True):
            item.planned_start = start  # a contiguous calendar comes back as items that follow each other
        day_ids.append(store.insert_day(workshop_id, on, title, items, session=session, position=position + offset))
    return Changes(agenda=True, ids=tuple(day_ids))


def calendar_events(data: bytes, *, zone: str) -> list[IcsItem]:
    """The timed events of a calendar file (to confirm before importing); ValueError if not a calendar."""
    return read_ics(data, zone=zone)
