"""Calendars at the ends of time, broken text, and a bounded fuzz: a sentence (ValueError), never a crash."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dgfacil.io.ics import read_ics
from dgfacil.operations.ics import import_ics_as_day
from dgfacil.store.workshop import load_workshop


def _calendar(*lines: str) -> bytes:
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//t//t//EN",
            "BEGIN:VEVENT",
            "UID:1",
            "SUMMARY:Edge",
            *lines,
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    return body.encode()


EDGES = [
    ("DTSTART:99991231T230000Z", "DTEND:99991231T233000Z"),  # east of UTC this is year 10,000
    ("DTSTART:00010101T000000Z", "DTEND:00010101T010000Z"),  # west of UTC this is year 0
    ("DTSTART:00010101T090000", "DTEND:00010101T100000"),
    ("DTSTART:20240101T090000Z", "DURATION:P99999999W"),  # ends past the calendar
    ("DTSTART:20240101T090000Z", "DTEND:99991231T000000Z"),
]


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC"])
@pytest.mark.parametrize("start, end", EDGES)
def test_dates_at_the_ends_of_time_are_a_sentence(start, end, zone):
    with pytest.raises(ValueError, match="^'Edge': "):
        read_ics(_calendar(start, end), zone=zone)


def test_importing_the_end_of_time_east_of_utc_changes_nothing(new_doc):
    doc = new_doc(timezone="Asia/Seoul")
    with doc.session() as s:
        before = len(load_workshop(session=s).days)
    with pytest.raises(ValueError, match="out of range"):
        with doc.session() as s:
            import_ics_as_day(s, data=_calendar(*EDGES[0]))
    with doc.session() as s:
        assert len(load_workshop(session=s).days) == before


def test_cli_new_refuses_a_start_at_the_end_of_time(tmp_path):
    target = tmp_path / "far.dgfacil"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "dgfacil",
            "new",
            str(target),
            "--template",
            "apo-data-governance-2021",
            "--start",
            "9999-12-31",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and not target.exists()
    assert "9999-12-31 is out of range" in run.stderr


LINES = st.sampled_from(
    [
        "DTSTART:20240101T090000Z",
        "DTEND:20240101T100000Z",
        "DTSTART;TZID=Asia/Seoul:20240101T090000",
        "DTSTART;VALUE=DATE:20240101",
        "DURATION:PT1H",
        "DURATION:-P1D",
        "SUMMARY:\\,;\\n",
        "DESCRIPTION:Lead: x",
        "X-DGFACIL-KIND:break",
        "X-DGFACIL-FIXED:TRUE",
        "DTSTART:99991231T235959Z",
        "DTSTART:00010101T000000",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "BEGIN:VTIMEZONE",
        "TZID:Nowhere/None",
        "RRULE:FREQ=DAILY;COUNT=99999",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=12),
    st.sampled_from(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]),
)
def test_fuzz_calendars_read_or_refuse(lines, zone):
    """Any mix of real and random lines: timed items in range, or a ValueError, nothing else."""
    data = _calendar(*lines)
    try:
        items = read_ics(data, zone=zone)
    except ValueError as err:
        assert str(err)
        return
    for item in items:
        item.start.astimezone(item.start.tzinfo)
        assert 1900 <= item.start.year <= 2999 and item.minutes >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_fuzz_bytes_read_or_refuse(data):
    try:
        read_ics(b"BEGIN:VCALENDAR\r\n" + data)
    except ValueError:
        pass
