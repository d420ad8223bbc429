"""Actual start and end of every item, for the outcome report: which sessions ran over, by how much."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dgfacil.core.model import Day
from dgfacil.core.run.log import RunEvent
from dgfacil.core.run.plan import ItemStatus, derive_state

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class ItemActual:
    """What happened to one item. Instants are UTC (None when it did not run)."""

    item_id: int
    title: str
    status: str  # done, current, pending, skipped, not run
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None  # None while it runs
    planned_min: int
    actual_min: int  # countdown time used, pauses excluded, rounded to the minute

    @property
    def over_min(self) -> int:
        """Minutes over plan (negative: under). 0 for items that did not run."""
        return self.actual_min - self.planned_min if self.actual_start else 0

    @property
    def start_late_min(self) -> int:
        if self.actual_start is None:
            return 0
        return round((self.actual_start - self.planned_start) / MINUTE)


def actual_times(day: Day, zone: str, events: list[RunEvent], now: datetime | None = None) -> list[ItemActual]:
    """One ItemActual per item of the day, in agenda order, from the run log.

    `now` matters only for an item still running (its time so far); it defaults to the real clock.
    """
    state = derive_state(day, zone, events, now or datetime.now(UTC), rehearse=False)
    out = []
    for row in state.rows:
        ran = row.status in (ItemStatus.DONE, ItemStatus.CURRENT) or (row.status is ItemStatus.SKIPPED and row.start)
        out.append(
            ItemActual(
                item_id=row.item_id,
                title=row.item.title,
                status=row.status.value,
                planned_start=row.planned_start,
                planned_end=row.planned_end,
                actual_start=row.start if ran else None,
                actual_end=row.end if ran and row.status is not ItemStatus.CURRENT else None,
                planned_min=row.item.duration_min,
                actual_min=round(row.ran / MINUTE),
            )
        )
    return out
