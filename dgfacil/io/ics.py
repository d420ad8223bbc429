"""The agenda as iCalendar (RFC 5545): one VEVENT per item, in the workshop's zone, and back.

Written with the `icalendar` package: it escapes text (commas, semicolons, backslashes, line
breaks), folds long lines and builds the VTIMEZONE from zoneinfo, so calendar programs place
each item right, DST included. Two private properties (X-DGFACIL-KIND, X-DGFACIL-FIXED) carry
what iCalendar has no word for, so an exported agenda imports back whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from dgfacil.core.atomic import atomic_write
from dgfacil.core.model import ItemKind, Workshop
from dgfacil.core.run.plan import planned_slots
from dgfacil.core.text import check_date, check_fields

PRODID = "-//dgfacil//Workshop agenda//EN"
MAX_BYTES = 5 * 1024 * 1024  # an agenda is small; a bigger file is not one


@dataclass(frozen=True)
class IcsItem:
    """One event read from a calendar file, as plain values."""

    title: str
    start: datetime  # aware
    end: datetime  # aware
    description: str = ""
    location: str = ""
    kind: str = ItemKind.SESSION.value
    fixed: bool = False
    lead: str = ""
    speakers: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        # in UTC: aware datetimes of one zone subtract as wall clocks, wrong across DST
        span = self.end.astimezone(UTC) - self.start.astimezone(UTC)
        return max(1, round(span / timedelta(minutes=1)))


def _description(item) -> str:
    parts = []
    if item.lead:
        parts.append(f"Lead: {item.lead}")
    if item.speakers:
        parts.append("Speakers:\n" + "\n".join(" ".join(s.split()) for s in item.speakers))
    if item.description:
        parts.append(item.description)
    if item.materials:
        parts.append("Materials:\n" + "\n".join(" ".join(m.split()) for m in item.materials))
    return "\n\n".join(parts)


def _split_description(text: str) -> dict:
    """Undo _description: 'Lead:', 'Speakers:' and 'Materials:' paragraphs back to fields."""
    fields: dict = {"lead": "", "speakers": (), "materials": ()}
    rest = []
    for part in text.split("\n\n"):
        if part.startswith("Lead: ") and not fields["lead"]:
            fields["lead"] = part[6:]
        elif part.startswith("Speakers:\n") and not fields["speakers"]:
            fields["speakers"] = tuple(p for p in part.split("\n")[1:] if p)
        elif part.startswith("Materials:\n") and not fields["materials"]:
            fields["materials"] = tuple(p for p in part.split("\n")[1:] if p)
        else:
            rest.append(part)
    fields["description"] = "\n\n".join(rest)
    return fields


def build_calendar(workshop: Workshop, *, stamp: datetime | None = None) -> icalendar.Calendar:
    """The workshop's agenda as a Calendar: every item of every day, in the venue zone."""
    zone = ZoneInfo(workshop.timezone)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", workshop.title)
    cal.add("x-wr-timezone", workshop.timezone)
    uid_base = re.sub(r"[^A-Za-z0-9.-]+", "-", workshop.project_code or f"workshop-{workshop.id or 0}")
    for d, day in enumerate(workshop.days):
        for i, (item, start, end) in enumerate(planned_slots(day, workshop.timezone)):
            key = item.id if item.id is not None else f"{d}-{i}"
            event = icalendar.Event()
            event.add("uid", f"{uid_base}-{key}@dgfacil")
            event.add("dtstamp", stamp)
            event.add("dtstart", start.astimezone(zone))
            event.add("dtend", end.astimezone(zone))
            event.add("summary", item.title)
            text = _description(item)
            if text:
                event.add("description", text)
            if workshop.venue:
                event.add("location", workshop.venue)
            event.add("categories", [ItemKind(item.kind).value])
            event.add("x-dgfacil-kind", ItemKind(item.kind).value)
            event.add("x-dgfacil-fixed", "TRUE" if item.fixed_start else "FALSE")
            cal.add_component(event)
    first, last = workshop.start_date or date.today(), workshop.end_date or date.today()
    cal.add_missing_timezones(first_date=first - timedelta(days=366), last_date=last + timedelta(days=366))
    return cal


def ics_bytes(workshop: Workshop, *, stamp: datetime | None = None) -> bytes:
    return build_calendar(workshop, stamp=stamp).to_ical()


def write_ics(workshop: Workshop, path: Path, *, stamp: datetime | None = None) -> Path:
    """Write the agenda to `path` (whole or not at all). Returns the path."""
    data = ics_bytes(workshop, stamp=stamp)
    with atomic_write(Path(path), "wb") as handle:
        handle.write(data)
    return Path(path)


def _aware(value, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)  # floating: venue time
    return None  # an all-day entry is not an agenda item


def read_ics(data: bytes, *, zone: str = "UTC") -> list[IcsItem]:
    """The timed events of a calendar file, by start. Floating times are read in `zone`.

    Raises ValueError with a sentence when the bytes are not a calendar.
    """
    if len(data) > MAX_BYTES:
        raise ValueError(f"the file is {len(data) // 1024} KiB; an agenda calendar is far smaller")
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as err:  # the parser raises several kinds; all mean "not a calendar"
        raise ValueError(f"not an iCalendar file ({err})") from None
    tz = ZoneInfo(zone)
    items: list[IcsItem] = []
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            try:
                item = _item(event, tz)
            except (OverflowError, ValueError, TypeError, KeyError) as err:
                # a date at the end of time, a duration of a million years, a value of the wrong kind
                title = " ".join(str(event.get("summary", "")).split())[:60] or "an event"
                raise ValueError(f"{title!r}: {err}") from None
            if item is not None:
                items.append(item)
    if not items:
        raise ValueError("the calendar holds no timed events")
    return sorted(items, key=lambda it: it.start)


def _item(event, tz: ZoneInfo) -> IcsItem | None:
    """One VEVENT as an IcsItem; None for an all-day entry. Raises ValueError for a date out of range."""
    start = _aware(event.decoded("dtstart", None), tz)
    if start is None:
        return None
    end = _aware(event.decoded("dtend", None), tz)
    if end is None:
        duration = event.decoded("duration", None)
        end = start + (duration if isinstance(duration, timedelta) else timedelta(0))
    for moment in (start, end):  # far enough from the ends of time for any zone shift
        check_date("the date", moment.date())
    title = str(event.get("summary", "")).strip() or "Untitled"
    kind = str(event.get("x-dgfacil-kind", ItemKind.SESSION.value)).lower()
    fields = _split_description(str(event.get("description", "")))
    check_fields(title=title, **fields)
    return IcsItem(
        title=title,
        start=start,
        end=end,
        **fields,
        location=str(event.get("location", "")),
        kind=kind if kind in {k.value for k in ItemKind} else ItemKind.SESSION.value,
        fixed=str(event.get("x-dgfacil-fixed", "")).upper() == "TRUE",
    )
