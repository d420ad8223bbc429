"""Agenda to and from iCalendar: export the whole agenda, import a calendar as a new day."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.io.ics import read_ics, write_ics
from dgfacil.operations.changes import Changes
from dgfacil.store import convert, queries
from dgfacil.store.tables import AgendaItemRow, DayRow

IMPORTED_TITLE = "Imported from calendar"


def export_ics(session: Session, *, path: Path) -> Path:
    """Write the document's agenda to `path` as an .ics file (one event per item)."""
    return write_ics(queries.load_workshop(session=session), Path(path))


def import_ics_as_day(session: Session, *, data: bytes, title: str = IMPORTED_TITLE) -> Changes:
    """Add the calendar's timed events as a new day after the last one, in the venue zone.

    Events on several dates make one new day per date. Each item gets its start time written
    (so it holds where the calendar put it) and its length; kind and fixed start come back
    when the file was exported by dgfacil. Returns Changes(agenda) with the new days' ids.
    Raises ValueError when the bytes are not a calendar with timed events.
    """
    row = queries.workshop_row(session=session)
    zone = ZoneInfo(row.timezone)
    events = read_ics(data, zone=row.timezone)
    by_date: dict[date, list] = defaultdict(list)
    for event in events:
        by_date[event.start.astimezone(zone).date()].append(event)
    last = session.exec(select(DayRow).where(DayRow.workshop_id == row.id).order_by(DayRow.position.desc())).first()
    position = (last.position + 1) if last else 0
    day_ids = []
    for offset, (on, day_events) in enumerate(sorted(by_date.items())):
        day = DayRow(workshop_id=row.id, position=position + offset, date=on.isoformat(), title=title)
        session.add(day)
        session.flush()
        for index, event in enumerate(day_events):
            item = AgendaItem(
                title=event.title[:500], duration_min=min(event.minutes, 24 * 60), kind=ItemKind(event.kind),
                planned_start=event.start.astimezone(zone).time().replace(second=0, microsecond=0),
                fixed_start=event.fixed, description=event.description, lead=event.lead,
                speakers=list(event.speakers), materials=list(event.materials),
            )
            session.add(AgendaItemRow(workshop_id=row.id, day_id=day.id, position=index, **convert.item_fields(item)))
        day_ids.append(day.id)
    session.flush()
    return Changes(agenda=True, ids=tuple(day_ids))
