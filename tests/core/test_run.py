"""A whole workshop day driven by a fake clock: overrun pushes, conflict, recovery, pause, extend, skip;
and any log of presses replays without error into a consistent state."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import AgendaItem, Day, ItemKind
from dgfacil.core.run.log import EventKind, Phase, RunEvent
from dgfacil.core.run.log import EventKind as K
from dgfacil.core.run.outcome import actual_times
from dgfacil.core.run.plan import ItemStatus, derive_state, shares
from dgfacil.core.run.recovery import floor_min, recovery_plan
from dgfacil.core.run.words import conflict_texts, countdown_status, countdown_text, day_end_text

ZONE = "Asia/Bangkok"
TZ = ZoneInfo(ZONE)
DAY = date(2024, 5, 14)


def at(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime.combine(DAY, time(hh, mm, ss), tzinfo=TZ)


def make_day() -> Day:
    spec = [  # id, title, minutes, kind, start, fixed
        (1, "Opening", 15, ItemKind.OPENING, time(9, 0), True),
        (2, "Session A", 60, ItemKind.SESSION, None, False),
        (3, "Coffee break", 20, ItemKind.BREAK, None, False),
        (4, "Session B", 55, ItemKind.SESSION, None, False),
        (5, "Exercise", 60, ItemKind.EXERCISE, None, False),
        (6, "Lunch", 60, ItemKind.BREAK, time(12, 30), True),
        (7, "Session C", 90, ItemKind.SESSION, None, False),
        (8, "Tea", 15, ItemKind.BREAK, None, False),
        (9, "Closing", 30, ItemKind.CLOSING, time(15, 30), True),
    ]
    items = [
        AgendaItem(title=t, duration_min=m, kind=k, planned_start=s, fixed_start=f, id=i, position=i)
        for i, t, m, k, s, f in spec
    ]
    return Day(date=DAY, items=items, id=1)


class Log:
    """The facilitator's presses, each at a fake instant."""

    def __init__(self) -> None:
        self.events: list[RunEvent] = []

    def press(self, kind: K, when: datetime, item_id: int | None = None, minutes: int | None = None) -> None:
        self.events.append(RunEvent(kind, when, item_id, minutes, id=len(self.events) + 1))

    def state(self, now: datetime):
        return derive_state(make_day(), ZONE, self.events, now)


def row(state, item_id):
    return next(r for r in state.rows if r.item.id == item_id)


def test_before_the_start_everything_is_as_planned():
    state = Log().state(at(8, 30))
    assert state.phase is Phase.NOT_STARTED and state.current is None
    assert hhmm(state.projected_end, ZONE) == "16:00" and state.day_delta_min == 0
    assert state.conflicts == () and recovery_plan(make_day(), ZONE, [], at(8, 30)) is None
    assert [hhmm(r.start, ZONE) for r in state.rows][:3] == ["09:00", "09:15", "10:15"]
    assert countdown_status(state).words.startswith("Not started")


def test_a_whole_day_with_overrun_push_conflict_recovery_pause_extend_skip():
    log = Log()
    log.press(K.START, at(9, 0))
    state = log.state(at(9, 5))
    assert state.current.item.title == "Opening"
    assert countdown_text(state.remaining) == "10:00"
    assert countdown_status(state).words == "10 minutes left"

    # The opening overruns by 2 minutes: the morning is pushed at its planned lengths, the fixed
    # lunch holds, and the 2 minutes of the exercise that no longer fit are said in words.
    state = log.state(at(9, 16))
    assert countdown_status(state).words == "Time is up — 1 min over"
    log.press(K.NEXT, at(9, 17))
    state = log.state(at(9, 17))
    assert state.current.item.title == "Session A"
    assert hhmm(row(state, 3).start, ZONE) == "10:17"
    assert row(state, 6).start == at(12, 30)  # lunch holds
    assert [row(state, i).minutes for i in (3, 4, 5)] == [20, 55, 60]  # nothing shortened
    assert row(state, 5).end == at(12, 32) and row(state, 5).unfit_min == 2
    assert conflict_texts(state, ZONE) == ["Lunch is fixed at 12:30 — 2 min of Exercise do not fit"]
    assert day_end_text(state, ZONE) == "Day ends 16:00 (as planned) — 2 min of content do not fit"
    # Recovery: the plan takes the 2 minutes from the coffee break first.
    plan = recovery_plan(make_day(), ZONE, log.events, at(9, 18))
    assert [(c.item_id, c.before_min, c.after_min, c.how) for c in plan.changes] == [(3, 20, 18, "break")]
    assert plan.recovers and plan.after.conflicts == ()
    for event in plan.events(at(9, 18)):
        log.press(event.kind, event.at, event.item_id, event.minutes)
    state = log.state(at(9, 18))
    assert state.unfit_min == 0 and recovery_plan(make_day(), ZONE, log.events, at(9, 18)) is None
    assert row(state, 3).minutes == 18

    # Session A overruns by 3 minutes, gets 5 more, is paused for 5 minutes, then ends.
    state = log.state(at(10, 20))
    assert state.phase is Phase.RUNNING and state.overrun == timedelta(minutes=3)
    assert countdown_status(state).words == "Time is up — 3 min over" and countdown_text(state.remaining) == "+3:00"
    log.press(K.EXTEND, at(10, 20), minutes=5)
    assert countdown_text(log.state(at(10, 20)).remaining) == "2:00"
    assert countdown_status(log.state(at(10, 20)), 2).level.value == "warning"
    log.press(K.PAUSE, at(10, 21))
    paused = log.state(at(10, 25))
    assert paused.paused and countdown_text(paused.remaining) == "1:00"
    assert countdown_status(paused).words == "Paused — 1 minute left"
    # Paused time moves the rest of the day: A's projected end follows the clock.
    assert paused.current.end == at(10, 26)
    log.press(K.RESUME, at(10, 26))
    assert countdown_text(log.state(at(10, 26, 30)).remaining) == "0:30"
    log.press(K.NEXT, at(10, 27))

    # Session B is skipped from the plan: the exercise follows the (shortened) coffee break.
    log.press(K.SKIP, at(10, 30), item_id=4)
    state = log.state(at(10, 30))
    assert row(state, 4).status is ItemStatus.SKIPPED
    assert row(state, 5).start == at(10, 45) and row(state, 5).unfit_min == 0
    assert state.current.item.title == "Coffee break"
    log.press(K.NEXT, at(10, 45))
    log.press(K.NEXT, at(11, 50))  # exercise runs 5 over; lunch starts early (facilitator's call)
    state = log.state(at(12, 0))
    assert state.current.item.title == "Lunch"
    assert hhmm(row(state, 7).start, ZONE) == "12:50"  # C follows lunch's end
    assert row(state, 9).start == at(15, 30)  # closing holds

    log.press(K.NEXT, at(12, 50))
    log.press(K.NEXT, at(14, 35))  # C overran by 15; the 40-min gap before the closing absorbs it
    state = log.state(at(14, 35))
    assert row(state, 9).start == at(15, 30) and state.unfit_min == 0
    log.press(K.SKIP, at(14, 40))  # skip the tea while it runs: on to the closing
    state = log.state(at(14, 40))
    assert state.current.item.title == "Closing" and row(state, 8).status is ItemStatus.SKIPPED
    log.press(K.NEXT, at(15, 10))
    done = log.state(at(15, 30))
    assert done.phase is Phase.FINISHED
    assert day_end_text(done, ZONE) == "Day ended 15:10 (50 min early)"

    report = {a.item_id: a for a in actual_times(make_day(), ZONE, log.events, at(16, 0))}
    assert report[1].over_min == 2 and report[1].actual_start == at(9, 0)
    assert report[2].actual_min == 65 and report[2].over_min == 5  # pause excluded
    assert report[2].actual_end == at(10, 27)
    assert report[4].status == "skipped" and report[4].actual_start is None
    assert report[5].over_min == 5
    assert report[8].status == "skipped" and report[8].actual_min == 5


def test_previous_undoes_a_slip_of_next():
    log = Log()
    log.press(K.START, at(9, 0))
    log.press(K.NEXT, at(9, 10))
    log.press(K.PREVIOUS, at(9, 10, 5))
    state = log.state(at(9, 12))
    assert state.current.item.id == 1 and countdown_text(state.remaining) == "3:00"
    assert row(state, 2).status is ItemStatus.PENDING and row(state, 2).start is not None


def test_previous_after_a_real_item_resumes_it_later():
    log = Log()
    log.press(K.START, at(9, 0))
    log.press(K.NEXT, at(9, 10))  # opening used 10 min
    log.press(K.NEXT, at(9, 20))  # A used 10 min
    log.press(K.JUMP, at(9, 30), item_id=1)  # back to the opening from the coffee break
    state = log.state(at(9, 31))
    assert state.current.item.id == 1 and countdown_text(state.remaining) == "4:00"
    assert row(state, 3).status is ItemStatus.DONE


def test_a_fixed_item_holds_and_what_does_not_fit_is_counted():
    log = Log()
    log.press(K.START, at(9, 0))
    log.press(K.JUMP, at(9, 0), item_id=5)  # the exercise, 60 min
    state = log.state(at(12, 40))  # still running at 12:40: lunch cannot hold at 12:30
    assert row(state, 6).start == at(12, 40) and row(state, 6).late_min == 10
    log2 = Log()
    log2.press(K.START, at(9, 0))
    log2.press(K.NEXT, at(11, 40))  # opening ran 2h40; A (60 min) now runs past 12:30
    state = log2.state(at(11, 40))
    assert [row(state, i).minutes for i in (2, 3, 4, 5)] == [60, 20, 55, 60]  # pushed, not squeezed
    assert row(state, 6).start == at(12, 30) and row(state, 7).start == at(13, 30)  # lunch holds, C follows it
    assert [row(state, i).unfit_min for i in (2, 3, 4, 5)] == [10, 20, 55, 60]
    assert state.unfit_min == 145
    assert conflict_texts(state, ZONE) == [
        "Lunch is fixed at 12:30 — 2:25 h of Session A, Coffee break, Session B and Exercise do not fit"
    ]
    assert day_end_text(state, ZONE) == "Day ends 16:00 (as planned) — 2:25 h of content do not fit"


def test_late_start_shows_in_the_day_end():
    state = Log().state(at(9, 5))
    assert state.phase is Phase.NOT_STARTED
    assert state.day_delta_min == 0  # the fixed lunch and closing hold
    assert state.unfit_min == 5 and row(state, 1).start == at(9, 5)


@pytest.mark.parametrize(
    "caps,total,expected",
    [
        ([8, 22, 24], 2, [0, 1, 1]),
        ([9, 9], 100, [9, 9]),
        ([30], 0, [0]),
        ([0, 10], 4, [0, 4]),
    ],
)
def test_shares_split_in_proportion(caps, total, expected):
    assert shares(caps, total) == expected


def test_naive_instants_are_refused():
    with pytest.raises(ValueError):
        derive_state(make_day(), ZONE, [], datetime(2024, 5, 14, 9, 0))


events = st.lists(
    st.tuples(
        st.sampled_from(list(EventKind)),
        st.integers(min_value=0, max_value=8 * 3600),  # seconds after 09:00
        st.one_of(st.none(), st.integers(min_value=0, max_value=10)),  # item id (0 and 10 unknown)
        st.one_of(st.none(), st.integers(min_value=-5, max_value=90)),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(events, st.integers(min_value=-3600, max_value=10 * 3600))
def test_any_log_gives_a_consistent_state(log, now_offset):
    day = make_day()
    start = at(9, 0)
    presses = [
        RunEvent(k, start + timedelta(seconds=s), item, minutes, id=n) for n, (k, s, item, minutes) in enumerate(log, 1)
    ]
    now = start + timedelta(seconds=now_offset)
    state = derive_state(day, ZONE, presses, now)
    assert len(state.rows) == len(day.items)
    current = [r for r in state.rows if r.status is ItemStatus.CURRENT]
    assert len(current) == (1 if state.phase in (Phase.RUNNING, Phase.PAUSED) else 0)
    for row in state.rows:
        if row.status is ItemStatus.PENDING:
            assert row.start is not None and row.end >= row.start
            assert row.end - row.start == timedelta(minutes=row.minutes)  # pushed, never squeezed
            if row.item.fixed_start:
                assert row.start == max(row.planned_start, state.now)  # a fixed start holds
    plan = recovery_plan(day, ZONE, presses, now, state)
    if plan is not None:  # never a plan that changes nothing; never below an item's floor
        assert plan.changes and plan.after.behind_min < state.behind_min
        for change in plan.changes:
            item = next(it for it in day.items if it.id == change.item_id)
            if change.how == "end":  # the running item ends by a fixed start: the fixed start wins
                assert plan.before.current is not None and change.item_id == plan.before.current.item_id
                continue
            assert change.skip or change.after_min >= min(floor_min(item), change.before_min)
    countdown_text(state.remaining)
    countdown_status(state)
    # The same log in any order of storage gives the same state (replay sorts by instant).
    again = derive_state(day, ZONE, list(reversed(presses)), now)
    assert again.rows == state.rows and again.remaining == state.remaining


def test_core_and_headless_modules_do_not_load_qt():
    code = (
        "import sys, dgfacil.core.run.log, dgfacil.core.run.plan, dgfacil.core.run.words, dgfacil.core.run.recovery, "
        "dgfacil.core.run.outcome, dgfacil.operations.run, dgfacil.operations.ics, dgfacil.io.ics; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
