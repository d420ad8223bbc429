"""Where to win back lost time: a one-click suggestion, itself a `shorten` event when taken.

The "pressure" on a running day is how late it now ends plus how much the flexible items
before fixed ones are squeezed. Each upcoming flexible item is tried: a break may give all but
five minutes, any other item up to a quarter of its length. The try that relieves the most
pressure wins; breaks are preferred on a tie, then the earliest.
"""
from __future__ import annotations

from datetime import datetime

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import Day
from dgfacil.core.run import EventKind, RunEvent
from dgfacil.core.run_plan import RunState, Suggestion, derive_state, is_break

MIN_BREAK_MIN = 5  # a break shorter than this is no break
SESSION_SHARE = 4  # a session gives at most 1/4 of its length


def pressure(state: RunState) -> int:
    """Minutes the day is behind: late end plus squeezing before fixed items."""
    return max(state.day_delta_min, 0) + state.squeezed_min


def short_title(title: str, limit: int = 42) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def suggest(day: Day, zone: str, events: list[RunEvent], now: datetime, state: RunState) -> Suggestion | None:
    """The best single shortening of an upcoming item, or None when the day is on time."""
    behind = pressure(state)
    if behind <= 0:
        return None
    best: tuple[tuple, Suggestion] | None = None
    for position, row in enumerate(state.upcoming()):
        item = row.item
        if item.fixed_start or item.id is None:
            continue
        cap = row.minutes - MIN_BREAK_MIN if is_break(item) else row.minutes // SESSION_SHARE
        cut = min(behind, cap)
        if cut <= 0:
            continue
        trial_event = RunEvent(EventKind.SHORTEN, now, item.id, cut)
        trial = derive_state(day, zone, [*events, trial_event], now, suggest=False)
        gain = behind - pressure(trial)
        if gain <= 0:
            continue
        if trial.day_delta_min <= 0 and trial.squeezed_min == 0:
            outcome = "the day then ends on time"
        else:
            delta = trial.day_delta_min
            outcome = f"the day then ends {hhmm(trial.projected_end, zone)} ({delta:+d} min)"
            if trial.squeezed_min and delta <= 0:
                outcome = f"still {trial.squeezed_min} min squeezed before a fixed start"
        what = f"the break “{short_title(item.title)}”" if is_break(item) else f"“{short_title(item.title)}”"
        text = f"Shorten {what} by {cut} min — {outcome}"
        key = (-gain, not is_break(item), position)
        if best is None or key < best[0]:
            best = (key, Suggestion(item_id=item.id, minutes=cut, text=text))
    return best[1] if best else None
