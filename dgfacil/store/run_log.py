"""The run log (table run_event). Functions take `*, session`.

An event of a kind this version does not know (written by a newer one) is left out when the log
is read, so an older version can still show and report the day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlmodel import Session, col, select

from dgfacil.core.run.log import EventKind, RunEvent, as_utc
from dgfacil.store import convert
from dgfacil.store.tables import DayRow, RunEventRow


def _known(rows: Iterable[RunEventRow]) -> Iterator[tuple[int, RunEvent]]:
    """(day id, event) of each row whose kind this version knows."""
    known = {k.value for k in EventKind}
    for row in rows:
        if row.kind in known:
            yield (
                row.day_id,
                RunEvent(
                    kind=EventKind(row.kind),
                    at=as_utc(datetime.fromisoformat(row.at)),
                    item_id=row.item_id,
                    minutes=row.minutes,
                    id=row.id,
                ),
            )


def load_all_events(*, session: Session) -> dict[int, list[RunEvent]]:
    """Every day's run log, oldest first, keyed by day id."""
    out: dict[int, list[RunEvent]] = defaultdict(list)
    for day_id, event in _known(session.exec(select(RunEventRow).order_by(col(RunEventRow.at), col(RunEventRow.id)))):
        out[day_id].append(event)
    return dict(out)


def load_events(*, session: Session, day_id: int) -> list[RunEvent]:
    """One day's run log, oldest first."""
    query = select(RunEventRow).where(RunEventRow.day_id == day_id).order_by(col(RunEventRow.at), col(RunEventRow.id))
    return [event for _, event in _known(session.exec(query))]


def add_event(
    *,
    session: Session,
    day_id: int,
    kind: EventKind,
    at: datetime,
    item_id: int | None = None,
    minutes: int | None = None,
) -> int:
    day = session.get(DayRow, day_id)
    if day is None:
        raise LookupError(f"no day {day_id}")
    row = RunEventRow(
        workshop_id=day.workshop_id,
        day_id=day_id,
        at=as_utc(at).isoformat(timespec="microseconds"),
        kind=EventKind(kind).value,
        item_id=item_id,
        minutes=minutes,
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


def delete_events(*, session: Session, day_id: int) -> list[int]:
    rows = list(session.exec(select(RunEventRow).where(RunEventRow.day_id == day_id)))
    for row in rows:
        session.delete(row)
    session.flush()
    return [convert.row_id(r) for r in rows]


def delete_event_ids(*, session: Session, ids: list[int]) -> list[int]:
    """Delete these events (undoing a recovery plan); returns the ids that were there."""
    rows = [row for row in (session.get(RunEventRow, i) for i in ids) if row is not None]
    for row in rows:
        session.delete(row)
    session.flush()
    return [convert.row_id(r) for r in rows]
