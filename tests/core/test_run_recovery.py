"""Recovery plans with a fake clock: every kind (break, Q&A, proportional trim, skip), the floor,
"do not shorten", the best a plan can do, and no plan when nothing can be won back."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dgfacil.core.model import AgendaItem, Day, ItemKind
from dgfacil.core.run.log import EventKind as K
from dgfacil.core.run.log import RunEvent
from dgfacil.core.run.plan import derive_state
from dgfacil.core.run.recovery import recovery_plan
from dgfacil.core.run.words import conflict_texts, day_end_text, span_words

ZONE = "Europe/Zurich"
DAY = date(2025, 3, 4)


def at(hh: int, mm: int) -> datetime:
    return datetime.combine(DAY, time(hh, mm), tzinfo=ZoneInfo(ZONE))


def make_day(overrides: dict | None = None) -> Day:
    overrides = overrides or {}
    spec = [  # id, title, minutes, kind, start, fixed
        (1, "Opening", 10, ItemKind.OPENING, time(9, 0), True),
        (2, "Session A", 60, ItemKind.SESSION, None, False),
        (3, "Coffee", 20, ItemKind.BREAK, None, False),
        (4, "Q&A", 20, ItemKind.SESSION, None, False),
        (5, "Session B", 40, ItemKind.SESSION, None, False),
        (6, "Closing", 10, ItemKind.CLOSING, time(11, 30), True),
    ]
    items = [
        AgendaItem(
            title=t, duration_min=m, kind=k, planned_start=s, fixed_start=f, id=i, position=i, **overrides.get(i, {})
        )
        for i, t, m, k, s, f in spec
    ]
    return Day(date=DAY, items=items, id=1)


def opening_over(minutes: int) -> tuple[list[RunEvent], datetime]:
    """The opening, planned 10 min, still runs `minutes` over: the log and the instant."""
    return [RunEvent(K.START, at(9, 0), id=1)], at(9, 10) + timedelta(minutes=minutes)


def plan_for(minutes: int, day: Day | None = None):
    events, now = opening_over(minutes)
    return recovery_plan(day or make_day(), ZONE, events, now)


def changes(plan) -> list[tuple[str, int, int, str]]:
    return [(c.title, c.before_min, c.after_min, c.how) for c in plan.changes]


def test_a_delay_pushes_and_the_fixed_closing_conflict_is_said():
    events, now = opening_over(15)
    state = derive_state(make_day(), ZONE, events, now)
    assert [r.minutes for r in state.rows] == [10, 60, 20, 20, 40, 10]
    assert conflict_texts(state, ZONE) == ["Closing is fixed at 11:30 — 15 min of Session B do not fit"]
    assert day_end_text(state, ZONE) == "Day ends 11:40 (as planned) — 15 min of content do not fit"


def test_breaks_give_first_down_to_their_floor():
    plan = plan_for(6)
    assert changes(plan) == [("Coffee", 20, 14, "break")]
    assert plan.recovers and plan.after.conflicts == ()


def test_then_q_and_a():
    plan = plan_for(15)
    assert changes(plan) == [("Coffee", 20, 10, "break"), ("Q&A", 20, 15, "discussion")]
    assert plan.recovers


def test_then_sessions_in_proportion_down_to_60_percent():
    plan = plan_for(30)
    assert changes(plan) == [
        ("Session A", 60, 53, "trim"),
        ("Coffee", 20, 10, "break"),
        ("Q&A", 20, 12, "discussion"),
        ("Session B", 40, 35, "trim"),
    ]
    assert plan.recovers and plan.won_min == 30


def test_an_items_own_floor_and_do_not_shorten_are_kept():
    day = make_day({2: {"min_duration_min": 58}, 5: {"shorten": False}})
    plan = plan_for(30, day)
    # Trimming gives 10 + 8 + 2 = 20 of 30, so the Q&A is skipped and the break gives the rest;
    # Session A keeps its own floor and Session B, "do not shorten", is left whole.
    assert changes(plan) == [("Coffee", 20, 10, "break"), ("Q&A", 20, 0, "skip")]
    assert plan.recovers


def test_a_skip_when_trimming_is_not_enough_and_q_and_a_goes_before_the_break():
    plan = plan_for(60)
    assert ("Q&A", 20, 0, "skip") in changes(plan)
    assert all(not c.skip for c in plan.changes if c.title != "Q&A")
    assert plan.recovers
    skipped = next(r for r in plan.after.rows if r.item.title == "Q&A")
    assert skipped.status.value == "skipped"


def test_when_no_plan_recovers_it_shows_the_best_it_can_do():
    plan = plan_for(100)
    assert not plan.recovers and plan.won_min > 0
    assert plan.after.behind_min == 100 - plan.won_min == plan.after.unfit_min  # one number
    assert (
        day_end_text(plan.after, ZONE)
        == f"Day ends 11:40 (as planned) — {plan.won_min and 6} min of content do not fit"
    )


def test_when_nothing_can_fit_any_more_there_is_no_plan_and_nothing_is_timed_after_the_fixed_start():
    events, now = opening_over(150)  # 11:40: the closing, fixed at 11:30, cannot wait any more
    state = derive_state(make_day(), ZONE, events, now)
    assert recovery_plan(make_day(), ZONE, events, now) is None
    wholly = [r.item.title for r in state.rows if r.unfit_whole]
    assert wholly == ["Session A", "Coffee", "Q&A", "Session B"]


def test_no_plan_when_nothing_can_be_shortened():
    day = make_day({i: {"shorten": False} for i in (2, 3, 4, 5)})
    assert plan_for(30, day) is None
    assert plan_for(0) is None  # on time: nothing to recover


def test_a_late_day_end_is_recovered_after_the_last_fixed_item():
    day = make_day()
    day.items[-1].fixed_start = False  # the closing follows: the day simply ends late
    events, now = opening_over(12)
    state = derive_state(day, ZONE, events, now)
    assert day_end_text(state, ZONE) == "Day ends 11:52 (planned 11:40, 12 min late)"
    plan = recovery_plan(day, ZONE, events, now)
    assert plan.recovers and day_end_text(plan.after, ZONE) == "Day ends 11:40 (on time)"


def test_lateness_is_minutes_up_to_an_hour_then_h_mm():
    assert [span_words(m) for m in (1, 59, 60, 61, 125)] == ["1 min", "59 min", "60 min", "1:01 h", "2:05 h"]


def test_an_items_own_floor_is_where_its_trim_stops():
    day = make_day({2: {"min_duration_min": 50}, 5: {"shorten": False}})
    plan = plan_for(28, day)
    assert changes(plan) == [("Session A", 60, 50, "trim"), ("Coffee", 20, 10, "break"), ("Q&A", 20, 12, "discussion")]
    assert plan.recovers


def test_an_overrun_past_an_hour_reads_in_hours():
    from dgfacil.core.run.words import countdown_status

    events, now = opening_over(75)
    state = derive_state(make_day(), ZONE, events, now)
    assert countdown_status(state).words == "Time is up — 1:15 h over"
    assert conflict_texts(state, ZONE)[0].startswith("Closing is fixed at 11:30 — 1:15 h of")
