"""A rehearsal on another date runs the plan's times of day on that date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timezone

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import AgendaItem, Day
from dgfacil.core.run.log import EventKind, RunEvent
from dgfacil.core.run.plan import derive_state, run_date
from dgfacil.core.run.words import day_end_text


def test_a_rehearsal_on_another_date_runs_the_plan_from_its_start():
    """Started a week before, the day is a rehearsal: its plan starts when the rehearsal does,
    so lateness is lateness against the plan (no 'x thousand min early')."""
    day = Day(
        date=date(2023, 5, 30),
        items=[
            AgendaItem(id=1, title="Opening", duration_min=10, planned_start=time(15, 0), position=0),
            AgendaItem(id=2, title="Session", duration_min=30, position=1),
        ],
    )
    start = datetime(2023, 5, 23, 6, 5, tzinfo=UTC)  # 15:05 Seoul, a week early
    events = [RunEvent(at=start, kind=EventKind.START, item_id=None)]
    state = derive_state(day, "Asia/Seoul", events, datetime(2023, 5, 23, 6, 10, tzinfo=UTC))
    assert run_date(day, "Asia/Seoul", events) == date(2023, 5, 23)
    assert state.rehearsal_on == date(2023, 5, 23)
    assert hhmm(state.projected_end, "Asia/Seoul") == "15:45" and state.day_delta_min == 0
    late = derive_state(day, "Asia/Seoul", events, datetime(2023, 5, 23, 6, 20, tzinfo=UTC))
    assert late.day_delta_min == 5  # the opening ran 5 over: the rehearsal ends 5 min late


def test_opened_on_another_date_it_is_a_rehearsal_before_any_press():
    """The bundled demo on first start: today is not its date. Never '1843038 min late'."""
    day = Day(
        date=date(2023, 5, 30),
        items=[
            AgendaItem(id=1, title="Opening", duration_min=10, planned_start=time(15, 0), position=0),
            AgendaItem(id=2, title="Session", duration_min=30, position=1),
            AgendaItem(id=3, title="Closing", duration_min=5, planned_start=time(15, 40), fixed_start=True, position=2),
        ],
    )
    now = datetime(2026, 11, 30, 4, 8, tzinfo=UTC)  # 13:08 Seoul, three years on
    state = derive_state(day, "Asia/Seoul", [], now)
    assert state.rehearsal_on == date(2026, 11, 30)
    assert [r.late_min for r in state.rows] == [0, 0, 0] and state.day_delta_min == 0
    assert [hhmm(r.start, "Asia/Seoul") for r in state.rows] == ["13:08", "13:18", "13:48"]
    assert day_end_text(state, "Asia/Seoul") == "Day ends 13:53 (on time)"


def test_without_events_the_day_keeps_its_date():
    day = Day(
        date=date(2023, 5, 30), items=[AgendaItem(id=1, title="Opening", duration_min=10, planned_start=time(15, 0))]
    )
    assert run_date(day, "Asia/Seoul", []) == date(2023, 5, 30)
