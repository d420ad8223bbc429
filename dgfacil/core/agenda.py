"""Agenda maths: when each item starts and ends, in the venue zone and in any other zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dgfacil.core.model import AgendaItem, Day, Workshop

DEFAULT_DAY_START = time(9, 0)


@dataclass(frozen=True)
class Slot:
    """An item placed in time: aware datetimes in the workshop's zone."""

    item: AgendaItem
    start: datetime
    end: datetime
    gap_before: timedelta = timedelta(0)  # idle time before a fixed start
    overlap: timedelta = timedelta(0)  # how much the previous item runs into this fixed start

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


def plan_day(day: Day, zone: str) -> list[Slot]:
    """Planned slots of a day: an item with a start time starts then; others follow the previous."""
    tz = ZoneInfo(zone)
    slots: list[Slot] = []
    cursor: datetime | None = None
    for item in sorted(day.items, key=lambda it: it.position):
        if item.planned_start is not None:
            start = datetime.combine(day.date, item.planned_start, tzinfo=tz)
        elif cursor is not None:
            start = cursor
        else:
            start = datetime.combine(day.date, DEFAULT_DAY_START, tzinfo=tz)
        gap = overlap = timedelta(0)
        if cursor is not None:
            gap = max(start - cursor, timedelta(0))
            overlap = max(cursor - start, timedelta(0))
        end = start + timedelta(minutes=item.duration_min)
        slots.append(Slot(item, start, end, gap, overlap))
        cursor = end
    return slots


def following_starts(items: list[tuple[time | None, int, bool]]) -> list[time | None]:
    """The starts a contiguous programme keeps, from (written start, minutes, fixed) per item:
    only the first item, a fixed one, or one after a gap or an overlap keeps its time; a start
    equal to the previous end becomes "follows", so lengthening an item moves what comes after."""
    out: list[time | None] = []
    cursor: datetime | None = None
    for n, (start, minutes, fixed) in enumerate(items):
        moment = datetime.combine(date.min, start) if start is not None else cursor
        keep = n == 0 or fixed or (start is not None and moment != cursor)
        out.append(start if keep else None)
        cursor = moment + timedelta(minutes=minutes) if moment is not None else None
    return out


def day_end(day: Day, zone: str) -> datetime | None:
    slots = plan_day(day, zone)
    return slots[-1].end if slots else None


def total_minutes(day: Day) -> int:
    return sum(item.duration_min for item in day.items)


def in_zone(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def hhmm(moment: datetime, zone: str | None = None) -> str:
    return (in_zone(moment, zone) if zone else moment).strftime("%H:%M")


def zone_label(zone: str, on: date | None = None, name: str | None = None) -> str:
    """'Bangkok (GMT+7)': the city (or `name`, the city the user typed: "Geneva") and the offset
    on that date (DST-aware)."""
    tz = ZoneInfo(zone)
    moment = datetime.combine(on or date.today(), time(12), tzinfo=tz)
    offset = moment.utcoffset() or timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    text = f"GMT{sign}{hours}" + (f":{minutes:02d}" if minutes else "")
    city = name or zone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} ({text})"


def workshop_zones(workshop: Workshop, extra: list[str] | None = None) -> list[str]:
    """The venue zone first, then the display zones, then any asked for, without repeats."""
    zones = [workshop.timezone, *workshop.display_zones, *(extra or [])]
    return list(dict.fromkeys(zones))


def day_label(number: int, title: str, sep: str = ": ") -> str:
    """ "Day 2: Field visit"; just "Day 2" when the title says no more than that ("Day 2")."""
    title = (title or "").strip()
    if not title or title.casefold() == f"day {number}":
        return f"Day {number}"
    return f"Day {number}{sep}{title}"
