"""The run log (table run_event). Functions take `*, session`."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlmodel import Session, select

from dgfacil.core.run.log import EventKind, RunEvent, as_utc
from dgfacil.store.tables import DayRow, RunEventRow


def event_from_row(row: RunEventRow) -> RunEvent:
    return RunEvent(kind=EventKind(row.kind), at=as_utc(datetime.fromisoformat(row.at)),
                    item_id=row.item_id, minutes=row.minutes, id=row.id)


def load_events(*, session: Session, day_id: int) -> list[RunEvent]:
    """The day's run log, oldest first."""
    rows = session.exec(select(RunEventRow).where(RunEventRow.day_id == day_id).order_by(RunEventRow.at, RunEventRow.id))
    return [event_from_row(r) for r in rows]


def load_all_events(*, session: Session) -> dict[int, list[RunEvent]]:
    """Every day's run log, keyed by day id (for the outcome report)."""
    out: dict[int, list[RunEvent]] = defaultdict(list)
    for row in session.exec(select(RunEventRow).order_by(RunEventRow.at, RunEventRow.id)):
        out[row.day_id].append(event_from_row(row))
    return dict(out)


def add_event(*, session: Session, day_id: int, kind: EventKind, at: datetime,
              item_id: int | None = None, minutes: int | None = None) -> int:
    day = session.get(DayRow, day_id)
    if day is None:
        raise LookupError(f"no day {day_id}")
    row = RunEventRow(workshop_id=day.workshop_id, day_id=day_id, at=as_utc(at).isoformat(timespec="microseconds"),
                      kind=EventKind(kind).value, item_id=item_id, minutes=minutes)
    session.add(row)
    session.flush()
    return row.id


def delete_events(*, session: Session, day_id: int) -> list[int]:
    rows = list(session.exec(select(RunEventRow).where(RunEventRow.day_id == day_id)))
    for row in rows:
        session.delete(row)
    session.flush()
    return [r.id for r in rows]




def delete_event_ids(*, session: Session, ids: list[int]) -> list[int]:
    """Delete these events (undoing a recovery plan); returns the ids that were there."""
    rows = [row for row in (session.get(RunEventRow, i) for i in ids) if row is not None]
    for row in rows:
        session.delete(row)
    session.flush()
    return [r.id for r in rows]
