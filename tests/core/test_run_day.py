"""A rehearsal on another date runs the plan's times of day on that date."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import AgendaItem, Day
from dgfacil.core.run import EventKind, RunEvent
from dgfacil.core.run_plan import derive_state, run_date


def test_a_rehearsal_on_another_date_runs_the_plan_on_that_date():
    """Started a week before, the day is planned on the rehearsal date: no 'x thousand min early'."""
    day = Day(date=date(2023, 5, 30), items=[
        AgendaItem(id=1, title="Opening", duration_min=10, planned_start=time(15, 0), position=0),
        AgendaItem(id=2, title="Session", duration_min=30, position=1),
    ])
    start = datetime(2023, 5, 23, 6, 5, tzinfo=timezone.utc)  # 15:05 Seoul, a week early
    events = [RunEvent(at=start, kind=EventKind.START, item_id=None)]
    state = derive_state(day, "Asia/Seoul", events, datetime(2023, 5, 23, 6, 10, tzinfo=timezone.utc))
    assert run_date(day, "Asia/Seoul", events) == date(2023, 5, 23)
    assert hhmm(state.projected_end, "Asia/Seoul") == "15:45" and state.day_delta_min == 5


def test_without_events_the_day_keeps_its_date():
    day = Day(date=date(2023, 5, 30), items=[AgendaItem(id=1, title="Opening", duration_min=10,
                                                         planned_start=time(15, 0))])
    assert run_date(day, "Asia/Seoul", []) == date(2023, 5, 30)
