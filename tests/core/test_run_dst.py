"""The running agenda across a daylight-saving change, in a displayed zone and in the venue's."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timezone

from dgfacil.core.agenda import hhmm, workshop_zones
from dgfacil.core.model import AgendaItem, Day, ItemKind, Workshop
from dgfacil.core.run.log import EventKind as K
from dgfacil.core.run.log import RunEvent
from dgfacil.core.run.plan import derive_state
from dgfacil.core.run.words import back_at, countdown_text, day_end_text


def utc(y, m, d, hh, mm):
    return datetime(y, m, d, hh, mm, tzinfo=UTC)


def test_back_at_in_new_york_across_its_spring_forward():
    """Seoul afternoon of 10 March 2024: New York springs forward at 07:00 UTC (16:00 in Seoul)."""
    day = Day(
        date=date(2024, 3, 10),
        id=1,
        items=[
            AgendaItem("Panel", 45, planned_start=time(15, 0), id=1, position=0),
            AgendaItem("Break", 20, kind=ItemKind.BREAK, id=2, position=1),
            AgendaItem("Discussion", 55, id=3, position=2),
        ],
    )
    workshop = Workshop("W", "Asia/Seoul", display_zones=["America/New_York", "Europe/London"], days=[day])
    zones = workshop_zones(workshop)
    events = [RunEvent(K.START, utc(2024, 3, 10, 6, 0), id=1), RunEvent(K.NEXT, utc(2024, 3, 10, 6, 50), id=2)]
    # The panel started at 01:00 EST and ran 5 minutes over; the break ends at 07:10 UTC.
    state = derive_state(day, "Asia/Seoul", events, utc(2024, 3, 10, 6, 55))
    assert hhmm(state.rows[0].start, "America/New_York") == "01:00"
    assert back_at(state, zones) == [
        "Back at 16:10",
        "03:10 New York (GMT-4)",  # EDT by then: not 02:10
        "07:10 London (GMT+0)",
    ]
    assert countdown_text(state.remaining) == "15:00"
    assert day_end_text(state, "America/New_York") == "Day ends 04:05 (planned 04:00, 5 min late)"


def test_countdown_across_the_venue_zones_own_change():
    """An overnight online session in London on 31 March 2024: clocks go 01:00 GMT -> 02:00 BST."""
    day = Day(
        date=date(2024, 3, 31),
        id=1,
        items=[
            AgendaItem("Night session", 60, planned_start=time(0, 30), id=1, position=0),
            AgendaItem("Wrap-up", 30, id=2, position=1),
        ],
    )
    events = [RunEvent(K.START, utc(2024, 3, 31, 0, 30), id=1)]
    state = derive_state(day, "Europe/London", events, utc(2024, 3, 31, 1, 15))  # 02:15 BST
    assert countdown_text(state.remaining) == "15:00"  # 45 real minutes have passed
    assert hhmm(state.current.end, "Europe/London") == "02:30"
    assert hhmm(state.rows[1].planned_start, "Europe/London") == "02:30"
    assert day_end_text(state, "Europe/London") == "Day ends 03:00 (on time)"
