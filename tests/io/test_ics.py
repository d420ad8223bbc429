"""Agenda as iCalendar: zone and VTIMEZONE, UTC stamps, RFC 5545 escaping, atomic write, round trip."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import icalendar
import pytest

from dgfacil.core.model import AgendaItem, Day, ItemKind, Workshop
from dgfacil.io.ics import ics_bytes, read_ics, write_ics
from dgfacil.operations.ics import import_ics_as_day
from dgfacil.store.workshop import load_workshop

STAMP = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
HOSTILE = 'Panel: "a, b; c" \\ back\nslash'


def ny_workshop() -> Workshop:
    """A New York day across the spring-forward night (2024-03-10 02:00 EST -> 03:00 EDT)."""
    day = Day(
        date(2024, 3, 10),
        id=1,
        items=[
            AgendaItem(
                "Night shift",
                90,
                planned_start=time(1, 0),
                fixed_start=True,
                id=1,
                position=0,
                lead="Ms. Lead",
                speakers=["A, B", "C; D"],
            ),
            AgendaItem(HOSTILE, 30, kind=ItemKind.BREAK, id=2, position=1),
        ],
    )
    return Workshop("NY, night", "America/New_York", id=7, project_code="P 1/2", venue="Room 1, HQ", days=[day])


def test_events_carry_the_zone_a_vtimezone_and_utc_stamps(tmp_path):
    path = write_ics(ny_workshop(), tmp_path / "out" / "agenda.ics", stamp=STAMP)
    raw = path.read_bytes()
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind
    text = raw.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:America/New_York" in text
    assert "DTSTART;TZID=America/New_York:20240310T010000" in text
    # 01:00 EST + 90 real minutes = 03:30 EDT (the 02:00-03:00 hour does not exist that night)
    assert "DTEND;TZID=America/New_York:20240310T033000" in text
    assert "DTSTAMP:20240102T030405Z" in text
    unfolded = text.replace("\r\n ", "")
    assert 'SUMMARY:Panel: "a\\, b\\; c" \\\\ back\\nslash' in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2 and str(events[1]["summary"]) == HOSTILE
    assert events[0].decoded("dtend").astimezone(UTC) == datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
    assert len({str(e["uid"]) for e in events}) == 2


def test_read_back_gives_plain_items_with_their_fields():
    items = read_ics(ics_bytes(ny_workshop(), stamp=STAMP))
    assert [i.title for i in items] == ["Night shift", HOSTILE]
    first = items[0]
    assert first.minutes == 90 and first.fixed and first.lead == "Ms. Lead"
    assert first.speakers == ("A, B", "C; D") and first.location == "Room 1, HQ"
    assert items[1].kind == "break" and not items[1].fixed


def test_foreign_calendars_floating_times_and_all_day_entries():
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\n"
        b"BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240501\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240502T093000\r\nDURATION:PT45M\r\n"
        b"SUMMARY:Floating\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:3\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240502T020000Z\r\n"
        b"DTEND:20240502T023000Z\r\nSUMMARY:In UTC\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    items = read_ics(data, zone="Asia/Bangkok")
    assert [i.title for i in items] == ["In UTC", "Floating"]
    assert items[1].start == datetime(2024, 5, 2, 9, 30, tzinfo=ZoneInfo("Asia/Bangkok")) and items[1].minutes == 45


@pytest.mark.parametrize("data", [b"", b"hello", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", b"\xff\xfe\x00garbage"])
def test_not_a_calendar_is_a_sentence(data):
    with pytest.raises(ValueError):
        read_ics(data)


def test_export_then_import_adds_the_same_day_again(demo_doc, tmp_path):
    with demo_doc.session() as s:
        before = load_workshop(session=s)
    data = write_ics(before, tmp_path / "demo.ics").read_bytes()
    with demo_doc.session() as s:
        changes = import_ics_as_day(s, data=data)
    with demo_doc.session() as s:
        after = load_workshop(session=s)
    assert changes.agenda and len(changes.ids) == 1 and len(after.days) == 2
    old, new = after.days
    assert new.date == old.date and new.position == 1
    pairs = list(zip(old.items, new.items, strict=True))
    assert len(pairs) == 6
    for a, b in pairs:
        assert (a.title, a.duration_min, a.planned_start, a.fixed_start, a.kind, a.lead, a.speakers) == (
            b.title,
            b.duration_min,
            b.planned_start,
            b.fixed_start,
            b.kind,
            b.lead,
            b.speakers,
        )


def test_cli_writes_the_ics(demo_doc, tmp_path):
    demo_doc.close()
    out = tmp_path / "agenda.ics"
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", "agenda", str(demo_doc.path), "--ics", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert len(read_ics(out.read_bytes())) == 6
