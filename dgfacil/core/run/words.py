"""The words of the run screens: countdown digits, warnings, "day ends 16:47 (+7 min)".

Warnings are always words as well as colour, so a colour-blind facilitator (or a grey
projector) loses nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from dgfacil.core.agenda import hhmm, in_zone, zone_label
from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import Row, RunState, is_break
from dgfacil.core.run.recovery import short_title

DEFAULT_WARNING_LEAD_MIN = 2
WARNING_LEAD_KEY = "run.warning_lead_min"


class Level(str, Enum):
    IDLE = "idle"  # not started, or the day is over
    OK = "ok"
    WARNING = "warning"  # within the warning lead
    OVER = "over"  # time is up
    PAUSED = "paused"


@dataclass(frozen=True)
class CountdownStatus:
    level: Level
    words: str


def display_seconds(remaining: timedelta) -> int:
    """Whole seconds shown: counting down, rounded up (0:00 only when time is up);
    over time, rounded down (+0:01 after a full second over)."""
    seconds = remaining.total_seconds()
    return math.ceil(seconds - 1e-9) if seconds > 0 else -math.floor(-seconds + 1e-9)


def countdown_text(remaining: timedelta) -> str:
    """'12:05', '1:02:03', or '+3:05' when over time."""
    shown = display_seconds(remaining)
    sign = "+" if shown < 0 else ""
    hours, rest = divmod(abs(shown), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


def minutes_words(minutes: int) -> str:
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def countdown_status(state: RunState, warning_lead_min: int = DEFAULT_WARNING_LEAD_MIN) -> CountdownStatus:
    """The level (for colour) and the words (always shown) of the current countdown."""
    if state.phase is Phase.NOT_STARTED:
        return CountdownStatus(Level.IDLE, "Not started — press Space to start")
    if state.phase is Phase.FINISHED:
        return CountdownStatus(Level.IDLE, "The day is over")
    remaining = state.remaining
    if remaining <= timedelta(0):
        over = math.floor(-remaining.total_seconds() / 60 + 1e-9)
        words = "Time is up" + (f" — {span_words(over)} over" if over >= 1 else "")
        level = Level.OVER
    else:
        left = math.ceil(remaining.total_seconds() / 60 - 1e-9)
        words = "Less than a minute left" if remaining < timedelta(minutes=1) else f"{minutes_words(left)} left"
        level = Level.WARNING if remaining <= timedelta(minutes=warning_lead_min) else Level.OK
    if state.paused:
        return CountdownStatus(Level.PAUSED, f"Paused — {words[0].lower()}{words[1:]}")
    return CountdownStatus(level, words)


def span_words(minutes: int) -> str:
    """Lateness as people say it: '45 min' up to an hour, '1:05 h' above."""
    minutes = abs(int(minutes))
    if minutes <= 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours}:{rest:02d} h"


def day_end_text(state: RunState, zone: str) -> str:
    """The honest end of the day: when it ends, against plan, and what does not fit.

    'Day ends 16:40 (on time)', 'Day ends 17:10 (planned 16:40, 30 min late)',
    'Day ends 16:40 as planned — 30 min of content do not fit'."""
    if state.projected_end is None:
        return "No items today"
    delta = state.day_delta_min
    verb = "Day ended" if state.phase is Phase.FINISHED else "Day ends"
    when = hhmm(state.projected_end, zone)
    planned = hhmm(state.planned_end, zone) if state.planned_end else when
    if delta > 0:
        text = f"{verb} {when} (planned {planned}, {span_words(delta)} late)"
    elif delta < 0:
        text = f"{verb} {when} ({span_words(delta)} early)"
    else:
        text = f"{verb} {when} ({'as planned' if state.unfit_min else 'on time'})"
    if state.unfit_min and state.phase is not Phase.FINISHED:
        text += f" — {span_words(state.unfit_min)} of content do not fit"
    elif state.ahead and state.phase is not Phase.FINISHED:  # time to spare before a fixed start: say so
        item, hold, spare = state.ahead[0]
        text += f" — {span_words(spare)} ahead: {short_title(item.title, 32)} at {hhmm(hold, zone)} fixed"
    return text


def conflict_texts(state: RunState, zone: str, *, brief: bool = False) -> list[str]:
    """'Closing is fixed at 16:37 — 23 min of Session 3 and Q&A do not fit', one per conflict
    (brief, for the projector's facilitator strip: 'Closing at 16:37 (fixed) · 23 min to re-plan before it')."""
    out = []
    for conflict in state.conflicts:
        if brief:  # the audience may read it too: a plain remark, no alarm
            out.append(
                f"{short_title(conflict.item.title, 32)} at {hhmm(conflict.hold, zone)} (fixed) · "
                f"{span_words(conflict.minutes)} to re-plan before it"
            )
            continue
        names = [short_title(t, 32) for t in conflict.titles]
        what = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names) or "the items before it"
        title = short_title(conflict.item.title, 32)
        out.append(
            f"{title} is fixed at {hhmm(conflict.hold, zone)} — {span_words(conflict.minutes)} of {what} do not fit"
        )
    return out


def lateness_words(minutes: int) -> str:
    return f"{span_words(minutes)} late" if minutes > 0 else f"{span_words(minutes)} early"


def row_remarks(row: Row) -> str:
    """Short remarks on an upcoming item: fixed, changed length, late, does not fit."""
    remarks = []
    if row.item.fixed_start:
        remarks.append("fixed start")
    change = row.minutes - row.item.duration_min
    if change:
        remarks.append(f"{'+' if change > 0 else '−'}{abs(change)} min")
    if row.unfit_whole:  # it does not run at all: no time, no lateness
        remarks.append("does not fit")
        return " · ".join(remarks)
    if row.start is not None and row.late_min > 0 and not row.item.fixed_start:
        remarks.append(lateness_words(row.late_min))
    if row.unfit_min:
        remarks.append(f"{span_words(row.unfit_min)} do not fit")
    return " · ".join(remarks)


def done_remarks(row: Row) -> str:
    """'ran 9 min, +2' against its planned length ('ran 7 min' when on plan)."""
    over = row.over_min
    return f"ran {row.ran_min} min" + (f", {over:+d}" if over else "")


def back_at(state: RunState, zones: list[str]) -> list[str] | None:
    """During a break: 'Back at 10:45' in the venue zone first, then each other zone.

    Returns None when the current item is not a break.
    """
    row = state.current
    if row is None or not is_break(row.item) or row.end is None:
        return None
    lines = [f"Back at {hhmm(row.end, zones[0])}"]
    for zone in zones[1:]:
        lines.append(f"{hhmm(row.end, zone)} {zone_label(zone, in_zone(row.end, zone).date())}")
    return lines


def progress_text(state: RunState) -> str:
    """'Item 3 of 6' (counting what is not skipped)."""
    live = [r for r in state.rows if r.status.value != "skipped"]
    if state.current is None:
        done = sum(1 for r in live if r.status.value == "done")
        return f"{done} of {len(live)} items done"
    index = next(i for i, r in enumerate(live) if r.item.id == state.current.item.id) + 1
    return f"Item {index} of {len(live)}"
