"""Running the agenda: each press of a run button is one event, committed at once.

A crash loses nothing that was pressed: the log is the run (see dgfacil.core.run.log).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dgfacil.core.agenda import in_zone
from dgfacil.core.run.log import EventKind, RunEvent
from dgfacil.core.run.words import DEFAULT_WARNING_LEAD_MIN, WARNING_LEAD_KEY
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.store import run_log
from dgfacil.store.settings import get_setting, put_setting

if TYPE_CHECKING:
    from sqlmodel import Session

CHIME_KEY = "run.chime"
THEME_KEY = "run.projector_theme"
STRIP_KEY = "run.projector_strip"
NEEDS_MINUTES = (EventKind.EXTEND, EventKind.SHORTEN)
NEEDS_ITEM = (EventKind.JUMP,)


def record_event(
    session: Session,
    *,
    day_id: int,
    kind: EventKind | str,
    at: datetime,
    item_id: int | None = None,
    minutes: int | None = None,
) -> Changes:
    """Store one run event (start, pause, next, extend...) with its instant `at` (aware)."""
    kind = EventKind(kind)
    if kind in NEEDS_MINUTES and (minutes is None or int(minutes) <= 0):
        raise ValueError(f"{kind.value} needs a positive number of minutes")
    if kind in NEEDS_ITEM and item_id is None:
        raise ValueError(f"{kind.value} needs an agenda item")
    event_id = run_log.add_event(
        session=session,
        day_id=day_id,
        kind=kind,
        at=at,
        item_id=item_id,
        minutes=int(minutes) if minutes is not None else None,
    )
    return Changes(run=True, ids=(event_id,))


def apply_plan(session: Session, *, day_id: int, events: list[RunEvent]) -> Changes:
    """Store a recovery plan's shortenings and skips together: one action, undone as one."""
    ids = []
    for event in events:
        if event.kind is EventKind.SHORTEN and (event.minutes is None or event.minutes <= 0):
            raise ValueError("a plan shortens by a positive number of minutes")
        ids.append(
            run_log.add_event(
                session=session,
                day_id=day_id,
                kind=event.kind,
                at=event.at,
                item_id=event.item_id,
                minutes=event.minutes,
            )
        )
    return Changes(run=True, ids=tuple(ids))


def remove_events(session: Session, *, ids: list[int]) -> Changes:
    """Take back stored events (Undo of a recovery plan)."""
    return Changes(run=True, ids=tuple(run_log.delete_event_ids(session=session, ids=list(ids))))


def reset_run(session: Session, *, day_id: int) -> Changes:
    """Forget a day's run (after a rehearsal): the agenda is as planned again."""
    return Changes(run=True, ids=tuple(run_log.delete_events(session=session, day_id=day_id)))


def warning_lead(session: Session) -> int:
    """Minutes before the end at which the countdown warns (setting run.warning_lead_min)."""
    value = get_setting(WARNING_LEAD_KEY, DEFAULT_WARNING_LEAD_MIN, session=session)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_WARNING_LEAD_MIN


def set_warning_lead(session: Session, *, minutes: int) -> Changes:
    if int(minutes) < 0 or int(minutes) > 60:
        raise ValueError("the warning lead is between 0 and 60 minutes")
    put_setting(WARNING_LEAD_KEY, int(minutes), session=session)
    return Changes(run=True)


def day_events(session: Session, *, day_id: int) -> list[RunEvent]:
    """The run log of one day, oldest first."""
    return run_log.load_events(session=session, day_id=day_id)


def chime_on(session: Session) -> bool:
    """Whether the Run room chimes at the warning and at the end (setting run.chime; on by default)."""
    return bool(get_setting(CHIME_KEY, True, session=session))


def set_chime(session: Session, *, on: bool) -> Changes:
    put_setting(CHIME_KEY, bool(on), session=session)
    return Changes(run=True)


def projector_theme(session: Session) -> str:
    """The projector's colours (setting run.projector_theme; "dark" by default)."""
    return str(get_setting(THEME_KEY, "dark", session=session))


def set_projector_theme(session: Session, *, theme: str) -> Changes:
    put_setting(THEME_KEY, theme, session=session)
    return Changes(run=True)


def projector_strip(session: Session) -> bool:
    """Whether the projector shows the facilitator's strip (fixed starts in conflict) at its top:
    the facilitator's choice per workshop (setting run.projector_strip; shown by default)."""
    return bool(get_setting(STRIP_KEY, True, session=session))


def set_projector_strip(session: Session, *, on: bool) -> Changes:
    put_setting(STRIP_KEY, bool(on), session=session)
    return Changes(run=True)


def live_run_day(session: Session, *, now: datetime) -> int | None:
    """The day whose run is in progress today (started or paused on today's date in the venue
    zone, not finished), or None: the app reopens on the Run room then."""
    from dgfacil.core.run.plan import derive_state, run_date
    from dgfacil.store.workshop import load_workshop

    workshop = load_workshop(session=session)
    logs = run_log.load_all_events(session=session)
    for day in workshop.days:
        events = logs.get(saved_id(day.id))
        if not events or run_date(day, workshop.timezone, events) != in_zone(now, workshop.timezone).date():
            continue
        if derive_state(day, workshop.timezone, events, now).current is not None:
            return day.id
    return None


def running_item_id(session: Session, *, now: datetime) -> int | None:
    """The agenda item running at `now` on any day (for notes taken against it), or None."""
    from dgfacil.core.run.plan import derive_state
    from dgfacil.store.workshop import load_workshop

    workshop = load_workshop(session=session)
    logs = run_log.load_all_events(session=session)
    for day in workshop.days:
        events = logs.get(saved_id(day.id))
        if events:
            state = derive_state(day, workshop.timezone, events, now)
            if state.current is not None:
                return state.current.item.id
    return None
