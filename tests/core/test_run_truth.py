"""One measure everywhere (fake clock): the facilitator's webinar where Session 1 is extended past
the fixed Closing, lateness read off the shown clock times, and time to spare said as "ahead"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import AgendaItem, Day, ItemKind
from dgfacil.core.run.log import EventKind as K
from dgfacil.core.run.log import RunEvent
from dgfacil.core.run.plan import derive_state
from dgfacil.core.run.recovery import recovery_plan
from dgfacil.core.run.words import conflict_texts, day_end_text, row_remarks

ZONE = "Asia/Seoul"
DAY = date(2026, 11, 30)


def at(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime.combine(DAY, time(hh, mm, ss), tzinfo=ZoneInfo(ZONE))


def webinar() -> Day:
    spec = [  # id, title, minutes, kind, start, fixed
        (1, "Opening", 7, ItemKind.OPENING, time(14, 9), True),
        (2, "Session 1", 32, ItemKind.SESSION, None, False),
        (3, "Session 2", 15, ItemKind.SESSION, None, False),
        (4, "Session 3", 30, ItemKind.SESSION, None, False),
        (5, "Open Discussion/Q&A", 13, ItemKind.SESSION, None, False),
        (6, "Closing", 3, ItemKind.CLOSING, time(15, 46), True),
    ]
    items = [
        AgendaItem(title=t, duration_min=m, kind=k, planned_start=s, fixed_start=f, id=i, position=i)
        for i, t, m, k, s, f in spec
    ]
    return Day(date=DAY, items=items, id=1)


def session1_extended() -> tuple[list[RunEvent], datetime]:
    """Opening 14:04–14:09, then Session 1 extended by 75 min: it now runs to 15:56, past 15:46."""
    events = [
        RunEvent(K.START, at(14, 4), id=1),
        RunEvent(K.NEXT, at(14, 9), id=2),
        RunEvent(K.EXTEND, at(14, 10), minutes=75, id=3),
    ]
    return events, at(14, 10)


def test_a_running_item_past_the_fixed_closing_is_one_number_everywhere():
    events, now = session1_extended()
    state = derive_state(webinar(), ZONE, events, now)
    remarks = {r.item.title: row_remarks(r) for r in state.rows}
    assert state.unfit_min == state.behind_min == 68  # 10 of Session 1, then 15 + 30 + 13
    assert day_end_text(state, ZONE) == "Day ends 15:49 (as planned) — 1:08 h of content do not fit"
    assert remarks["Session 2"] == remarks["Session 3"] == remarks["Open Discussion/Q&A"] == "does not fit"
    assert state.current.unfit_min == 10
    assert [r.item.title for r in state.rows if r.unfit_whole] == ["Session 2", "Session 3", "Open Discussion/Q&A"]
    assert conflict_texts(state, ZONE)[0].startswith("Closing is fixed at 15:46 — 1:08 h of Session 1, ")


def test_the_plan_ends_the_running_item_by_the_fixed_start_and_touches_nothing_that_cannot_run():
    events, now = session1_extended()
    plan = recovery_plan(webinar(), ZONE, events, now)
    assert [(c.title, c.before_min, c.after_min, c.how) for c in plan.changes] == [("Session 1", 107, 97, "end")]
    assert not plan.recovers and plan.won_min == 10 and plan.after.behind_min == 58
    assert day_end_text(plan.after, ZONE) == "Day ends 15:49 (as planned) — 58 min of content do not fit"
    closing = plan.after.rows[-1]
    assert hhmm(plan.after.projected_end, ZONE) == hhmm(closing.end, ZONE) == "15:49"  # the rows agree


def test_no_skip_is_proposed_that_wins_nothing():
    """Session 1 ends at 15:40 exactly: 6 min remain before Closing, Session 2 cannot fit in them whole
    but Sessions 3 and the Q&A would not run at all: they are never trimmed or skipped."""
    events = [
        RunEvent(K.START, at(14, 9), id=1),
        RunEvent(K.NEXT, at(14, 16), id=2),
        RunEvent(K.EXTEND, at(14, 17), minutes=52, id=3),
    ]  # Session 1 to 15:40
    plan = recovery_plan(webinar(), ZONE, events, at(14, 17))
    state = plan.before
    assert state.unfit_min == 52
    touched = {c.title for c in plan.changes}
    assert touched <= {"Session 2"}, touched
    for change in plan.changes:
        row = next(r for r in plan.after.rows if r.item.id == change.item_id)
        assert not row.unfit_whole


def test_lateness_reads_off_the_shown_times():
    """Opening started 14:04:40 and extended by 23: it ends 14:34:40, shown 14:34; Session 1 was
    planned at 14:16, so it is 18 min late (not 19), and 18 min do not fit before 15:46."""
    events = [RunEvent(K.START, at(14, 4, 40), id=1), RunEvent(K.EXTEND, at(14, 5), minutes=23, id=2)]
    state = derive_state(webinar(), ZONE, events, at(14, 5, 10))
    session1 = state.rows[1]
    assert hhmm(session1.start, ZONE) == "14:34" and session1.late_min == 18
    assert row_remarks(session1) == "18 min late"
    assert state.unfit_min == 18 == state.behind_min


def test_time_to_spare_before_a_fixed_closing_is_said_as_ahead():
    events = [RunEvent(K.START, at(14, 2), id=1), RunEvent(K.NEXT, at(14, 9), id=2)]
    state = derive_state(webinar(), ZONE, events, at(14, 10))
    assert day_end_text(state, ZONE) == "Day ends 15:49 (on time) — 7 min ahead: Closing at 15:46 fixed"
    assert derive_state(webinar(), ZONE, events[:1], at(14, 3)).behind_min == 0
    assert timedelta(0) <= state.remaining
