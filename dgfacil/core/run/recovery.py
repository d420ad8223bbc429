"""A recovery plan: where to win back lost time, as a facilitator would, shown before it is taken.

The time to win back is counted per stretch of the day: the content that does not fit before each
fixed start, and after the last one how late the day ends. Within a stretch the plan takes, in
this order and only as much as still needed:
1. breaks, down to their floor;
2. Q&A and open discussion, down to their floor;
3. the other flexible items, in proportion to what each can give, down to their floor;
4. if that is not enough, it skips the shortest item (a break last) that lets the rest cover what
   is left, and trims the others for the remainder only.
An item's floor is its own shortest length (`min_duration_min`), else 60 % of its planned
length (a break: half, at least 5 min); "do not shorten" (`shorten=False`) leaves it whole.
Items already shorter than their floor are left alone. The plan is checked by replaying it:
`after` is what the day would really look like, and a plan that wins nothing is no plan: a change
to an item that would not run anyway (it falls wholly after a fixed start) is never proposed.
When the running item itself runs past a fixed start, nothing after it can fit: the plan says so
and proposes the one change that helps, ending the running item by that start.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from dgfacil.core.model import AgendaItem, Day
from dgfacil.core.run.log import EventKind, RunEvent
from dgfacil.core.run.plan import Row, RunState, derive_state, is_break, shares

FLOOR_SHARE = 0.6  # a trimmed session keeps at least 60 % of its planned length
BREAK_SHARE = 0.5
MIN_BREAK_MIN = 5  # a break shorter than this is no break
DISCUSSION = re.compile(r"\b(q\s*&\s*a|questions?|discussions?|open floor|debate)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Change:
    """One item in the plan: its length before and after (0: skipped)."""

    item_id: int
    title: str
    before_min: int
    after_min: int
    how: str  # "break", "discussion", "trim", "skip", "end" (the running item ends by a fixed start)

    @property
    def skip(self) -> bool:
        return self.after_min == 0

    def event(self, at: datetime) -> RunEvent:
        if self.skip:
            return RunEvent(EventKind.SKIP, at, self.item_id)
        return RunEvent(EventKind.SHORTEN, at, self.item_id, self.before_min - self.after_min)


@dataclass(frozen=True)
class RecoveryPlan:
    changes: tuple[Change, ...]
    before: RunState
    after: RunState

    @property
    def recovers(self) -> bool:
        return self.after.behind_min == 0

    @property
    def ends_current(self) -> Change | None:
        """The change that ends the running item by a fixed start, if the plan has one."""
        return next((c for c in self.changes if c.how == "end"), None)

    @property
    def won_min(self) -> int:
        return self.before.behind_min - self.after.behind_min

    def events(self, at: datetime) -> list[RunEvent]:
        return [c.event(at) for c in self.changes]


def short_title(title: str, limit: int = 42) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def is_discussion(item: AgendaItem) -> bool:
    return bool(DISCUSSION.search(item.title))


def floor_min(item: AgendaItem) -> int:
    """The shortest a plan may make this item."""
    if not item.shorten:
        return item.duration_min
    if item.min_duration_min is not None:
        return max(1, int(item.min_duration_min))
    if is_break(item):
        return max(MIN_BREAK_MIN, math.ceil(item.duration_min * BREAK_SHARE))
    return max(1, math.ceil(item.duration_min * FLOOR_SHARE))


def stretches(state: RunState) -> list[tuple[list[Row], int]]:
    """The pending flexible rows between fixed starts, each with the minutes it must give back.
    When the running item already runs past the first fixed start, the rows before that start
    cannot be helped by trimming them: that stretch is left out (see `recovery_plan`)."""
    out: list[tuple[list[Row], int]] = []
    run: list[Row] = []
    conflicts = {c.item.id: c.minutes for c in state.conflicts}
    for row in state.upcoming():
        if row.item.fixed_start:
            out.append((run, conflicts.get(row.item_id, 0)))
            run = []
        else:
            run.append(row)
    if run:
        out.append((run, max(state.day_delta_min, 0)))
    if state.current is not None and state.current.unfit_min > 0:
        out = out[1:]
    return [(rows, need) for rows, need in out if need > 0 and rows]


def _stage(rows: list[Row], lengths: dict[int, int], need: int, how: dict[int, str], label: str) -> int:
    """Cut up to `need` from `rows` in proportion, down to their floors. Returns what was cut."""
    caps = [max(0, lengths[r.item_id] - floor_min(r.item)) for r in rows]
    cuts = shares(caps, need)
    for row, cut in zip(rows, cuts, strict=True):
        if cut:
            lengths[row.item_id] -= cut
            how[row.item_id] = label
    return sum(cuts)


def _trim(rows: list[Row], need: int) -> tuple[dict[int, int], dict[int, str], int]:
    """Lengths after the three trimming stages, how each was changed, and what is still missing."""
    lengths = {r.item_id: r.minutes for r in rows}
    how: dict[int, str] = {}
    breaks = [r for r in rows if is_break(r.item)]
    talks = [r for r in rows if not is_break(r.item) and is_discussion(r.item)]
    others = [r for r in rows if r not in breaks and r not in talks]
    for group, label in ((breaks, "break"), (talks, "discussion"), (others, "trim")):
        need -= _stage(group, lengths, need, how, label)
    return lengths, how, need


def _plan_stretch(rows: list[Row], need: int) -> list[Change]:
    lengths, how, missing = _trim(rows, need)
    skipped: Row | None = None
    if missing > 0:  # skip the item that best covers what is left, then trim the rest for the remainder
        best = None
        for candidate in (r for r in rows if r.item.shorten and r.minutes > 0):
            rest = [r for r in rows if r is not candidate]
            trial = _trim(rest, max(0, need - candidate.minutes))
            trimmed = sum(r.minutes - trial[0][r.item_id] for r in rest)
            key = (trial[2], is_break(candidate.item), candidate.minutes, trimmed)
            if best is None or key < best[0]:
                best = (key, candidate, trial)
        if best is not None and best[0][0] < missing:
            _, skipped, (lengths, how, missing) = best
    changes = []
    for row in rows:
        if row is skipped:
            changes.append(Change(row.item_id, row.item.title, row.minutes, 0, "skip"))
        elif lengths[row.item_id] < row.minutes:
            changes.append(Change(row.item_id, row.item.title, row.minutes, lengths[row.item_id], how[row.item_id]))
    return changes


def recovery_plan(
    day: Day, zone: str, events: list[RunEvent], now: datetime, state: RunState | None = None
) -> RecoveryPlan | None:
    """The plan that wins back the most time, or None when the day is not behind or nothing can
    be won back (every flexible item is at its floor or marked "do not shorten")."""
    before = state or derive_state(day, zone, events, now)
    if before.behind_min <= 0:
        return None
    changes = [c for rows, need in stretches(before) for c in _plan_stretch(rows, need)]
    current = before.current
    if current is not None and current.unfit_min > 0:  # it runs past a fixed start: end it by then
        cut = min(current.unfit_min, current.minutes)
        changes.insert(0, Change(current.item_id, current.item.title, current.minutes, current.minutes - cut, "end"))
    after = _replay(day, zone, events, now, changes)
    kept = [c for c in changes if _wins(c, after, day, zone, events, now, changes)]
    if not kept:
        return None
    if len(kept) < len(changes):
        after = _replay(day, zone, events, now, kept)
    if after.behind_min >= before.behind_min:
        return None  # never a proposal that changes nothing
    return RecoveryPlan(tuple(kept), before, after)


def _replay(day: Day, zone: str, events: list[RunEvent], now: datetime, changes: list[Change]) -> RunState:
    return derive_state(day, zone, [*events, *(c.event(now) for c in changes)], now)


def _wins(
    change: Change, after: RunState, day: Day, zone: str, events: list[RunEvent], now: datetime, changes: list[Change]
) -> bool:
    """Whether a change makes room: not when its item would not run anyway (wholly past a fixed
    start): trimming or skipping it only hides that it does not fit."""
    if change.how == "end":
        return True
    if not change.skip:
        row = next(r for r in after.rows if r.item_id == change.item_id)
        return not row.unfit_whole
    without = _replay(day, zone, events, now, [c for c in changes if c is not change])
    row = next(r for r in without.rows if r.item_id == change.item_id)
    return not row.unfit_whole or _stretch_fits(after, change.item_id)


def _stretch_fits(state: RunState, item_id: int) -> bool:
    """Whether everything kept up to the next fixed start (or the day's end) fits: then leaving out an
    item that would not have fitted anyway is what makes the plan whole, and it is said as a skip."""
    ids = [r.item_id for r in state.rows]
    fixed = next((r.item_id for r in state.rows[ids.index(item_id) :] if r.item.fixed_start), None)
    if fixed is None:
        return state.day_delta_min <= 0
    return all(c.item.id != fixed for c in state.conflicts)
