"""What a running day looks like now: the current item's countdown and the re-planned rest.

`derive_state(day, zone, events, now)` is a pure function of the log and the clock.
Re-planning rules (as stage timers and session planners do it):
- items that are done keep their actual times; the current item ends when its countdown does
  (or now, if it is already over);
- a delay PUSHES the following flexible items later at their planned lengths; nothing is
  shortened unless the facilitator decides it (a recovery plan, `recovery.recovery_plan`);
- an item written with a start time does not start earlier than that time (the gap absorbs delay);
- an item with a fixed start holds its time. When the items before it no longer fit, that is a
  `Conflict`: "Closing is fixed at 16:37 — 23 min of Session 3 and Q&A do not fit";
- the day's end is honest: planned end, projected end, and the minutes that do not fit;
- a day run on another date than its own is a rehearsal: its plan moves to start when the
  rehearsal starts (or now, before it starts), so lateness means lateness against the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from dgfacil.core.agenda import plan_day
from dgfacil.core.model import AgendaItem, Day, ItemKind
from dgfacil.core.run.log import Phase, Replay, RunEvent, as_utc, ordered_items, replay, saved_id

MINUTE = timedelta(minutes=1)


def on_minute(moment: datetime) -> datetime:
    """The instant as a clock shows it: seconds dropped (every zone in use is whole minutes off UTC)."""
    return moment.replace(second=0, microsecond=0)


def clock_min(early: datetime, late: datetime) -> int:
    """Whole minutes from one shown clock time to another: lateness reads off the times on screen
    ("14:34" against a planned "14:16" is 18 min late, whatever the seconds)."""
    return round((on_minute(late) - on_minute(early)) / MINUTE)


class ItemStatus(str, Enum):
    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"
    SKIPPED = "skipped"
    MISSED = "not run"  # passed over by a jump, never run


@dataclass(frozen=True)
class Row:
    """One item of the re-planned day. Instants are UTC; show them with agenda.hhmm(x, zone)."""

    item: AgendaItem
    status: ItemStatus
    planned_start: datetime
    planned_end: datetime
    start: datetime | None  # actual when started, projected when pending, None when not run
    end: datetime | None
    minutes: int  # planned length, extended or shortened
    ran: timedelta = timedelta(0)  # countdown time used (pauses excluded)
    unfit_min: int = 0  # minutes of it that fall after the next fixed start: they do not fit

    @property
    def item_id(self) -> int:
        return saved_id(self.item)

    @property
    def late_min(self) -> int:
        """Start against plan, in minutes of the shown clock times (negative: early)."""
        return clock_min(self.planned_start, self.start) if self.start else 0

    @property
    def unfit_whole(self) -> bool:
        """A pending item that falls wholly after a fixed start: it does not run, so it has no time."""
        return self.status is ItemStatus.PENDING and self.unfit_min > 0 and self.unfit_min >= self.minutes

    @property
    def ran_min(self) -> int:
        return round(self.ran / MINUTE)

    @property
    def over_min(self) -> int:
        """How much longer than planned it ran (done items), in whole minutes."""
        return self.ran_min - self.item.duration_min if self.status is ItemStatus.DONE else 0


@dataclass(frozen=True)
class Conflict:
    """A fixed start that the items before it no longer fit in front of."""

    item: AgendaItem  # the fixed item
    hold: datetime  # its start, which holds
    minutes: int  # how much of the content before it does not fit
    titles: tuple[str, ...]  # the items (in part) past its start


Ahead = tuple[AgendaItem, datetime, int]  # a fixed item, its start, and the minutes to spare before it


@dataclass(frozen=True)
class RunState:
    now: datetime
    phase: Phase
    rows: list[Row]
    current: Row | None
    elapsed: timedelta  # the current item's countdown time used
    remaining: timedelta  # negative when over time
    planned_end: datetime | None
    projected_end: datetime | None
    conflicts: tuple[Conflict, ...] = ()
    ahead: tuple[Ahead, ...] = ()
    rehearsal_on: date | None = None  # the date of a rehearsal (run on another date than the day's)
    replayed: Replay | None = field(default=None, repr=False, compare=False)

    @property
    def overrun(self) -> timedelta:
        return max(-self.remaining, timedelta(0))

    @property
    def paused(self) -> bool:
        return self.phase is Phase.PAUSED

    @property
    def day_delta_min(self) -> int:
        """How much later than planned the day now ends, in whole minutes."""
        if self.planned_end is None or self.projected_end is None:
            return 0
        return clock_min(self.planned_end, self.projected_end)

    @property
    def unfit_min(self) -> int:
        """Minutes of content that do not fit before fixed starts."""
        return sum(c.minutes for c in self.conflicts)

    @property
    def behind_min(self) -> int:
        """What a recovery plan has to win back: a late end plus content that does not fit."""
        return max(self.day_delta_min, 0) + self.unfit_min

    def upcoming(self) -> list[Row]:
        return [r for r in self.rows if r.status is ItemStatus.PENDING]

    def next_row(self) -> Row | None:
        upcoming = self.upcoming()
        return upcoming[0] if upcoming else None


def planned_slots(day: Day, zone: str) -> list[tuple[AgendaItem, datetime, datetime]]:
    """Every item with its planned (start, end) as UTC instants, in agenda order.

    Items with a written start are placed by plan_day in the venue zone; followers are counted
    in UTC from the previous end, so an item across a DST change keeps its real length.
    """
    out: list[tuple[AgendaItem, datetime, datetime]] = []
    cursor: datetime | None = None
    for slot in plan_day(day, zone):
        start = as_utc(slot.start) if slot.item.planned_start is not None or cursor is None else cursor
        end = start + timedelta(minutes=slot.item.duration_min)
        out.append((slot.item, start, end))
        cursor = end
    return out


def planned_instants(day: Day, zone: str) -> dict[int, tuple[datetime, datetime]]:
    """Planned (start, end) UTC instants by item id."""
    return {item.id: (start, end) for item, start, end in planned_slots(day, zone) if item.id is not None}


def run_date(day: Day, zone: str, events: list[RunEvent], now: datetime | None = None) -> date:
    """The date the day is run on: the date of its first event; before any event, today (`now`),
    so a day opened on another date is a rehearsal from the start. Without either, its own date."""
    moments = [as_utc(e.at) for e in events] or ([as_utc(now)] if now is not None else [])
    if not moments:
        return day.date
    return min(moments).astimezone(ZoneInfo(zone)).date()


def derive_state(day: Day, zone: str, events: list[RunEvent], now: datetime, *, rehearse: bool = True) -> RunState:
    """Everything the run screens show, from the day, the log and the clock.

    `rehearse=False` keeps the day's own dates even before any event (the outcome report)."""
    now = as_utc(now)
    on = run_date(day, zone, events, now if rehearse else None)
    rehearsal = on != day.date
    planned = planned_instants(replace(day, date=on) if rehearsal else day, zone)
    items = [it for it in ordered_items(day) if it.id is not None]
    if rehearsal and items:  # the plan moves to start when the rehearsal does
        anchor = min((as_utc(e.at) for e in events), default=now)
        shift = anchor - planned[saved_id(items[0])][0]
        planned = {k: (s + shift, e + shift) for k, (s, e) in planned.items()}
    log = replay(day, events)
    minutes = {saved_id(it): max(0, it.duration_min + log.tracks[saved_id(it)].adjust_min) for it in items}
    current_id = log.current
    elapsed = log.running_time(current_id, now) if current_id is not None else timedelta(0)
    remaining = timedelta(minutes=minutes[current_id]) - elapsed if current_id is not None else timedelta(0)

    rows: dict[int, Row] = {}
    position = {saved_id(it): n for n, it in enumerate(items)}
    current_pos = position[current_id] if current_id is not None else None
    for it in items:
        iid = saved_id(it)
        track, (p_start, p_end) = log.tracks[iid], planned[iid]
        row = partial(Row, item=it, planned_start=p_start, planned_end=p_end, minutes=minutes[iid])
        if iid == current_id:
            end = now + max(remaining, timedelta(0))
            rows[iid] = row(status=ItemStatus.CURRENT, start=track.first_start, end=end, ran=elapsed)
        elif track.started:
            status = ItemStatus.SKIPPED if track.skipped else ItemStatus.DONE
            rows[iid] = row(status=status, start=track.first_start, end=track.last_end, ran=log.running_time(iid, now))
        elif track.skipped:
            rows[iid] = row(status=ItemStatus.SKIPPED, start=None, end=None)
        elif log.phase is Phase.FINISHED or (current_pos is not None and position[iid] < current_pos):
            rows[iid] = row(status=ItemStatus.MISSED, start=None, end=None)
        else:
            rows[iid] = row(status=ItemStatus.PENDING, start=None, end=None)

    pending = [it for it in items if rows[saved_id(it)].status is ItemStatus.PENDING]
    lead = [rows[current_id]] if current_id is not None else []
    cursor = (rows[current_id].end or now) if current_id is not None else now  # a current row always has an end
    placed, conflicts, ahead, chain_end = _push(
        pending, lead, planned, minutes, cursor, now, first_id=saved_id(items[0]) if items else None
    )
    for item_id, fields in placed.items():
        rows[item_id] = replace(rows[item_id], **fields)

    ordered = [rows[saved_id(it)] for it in items]
    planned_end = max((planned[saved_id(it)][1] for it in items), default=None)
    ends = [r.end for r in ordered if r.end is not None and r.status is not ItemStatus.PENDING]
    # With items still to run, the day ends where their chain ends: a fixed start holds, and what
    # runs past it (the current item too) is counted as not fitting, never as a later day end.
    projected_end = chain_end if pending else (max(ends) if ends else planned_end)
    return RunState(
        now=now,
        phase=log.phase,
        rows=ordered,
        current=rows.get(current_id) if current_id else None,
        elapsed=elapsed,
        remaining=remaining,
        planned_end=planned_end,
        projected_end=projected_end,
        conflicts=tuple(conflicts),
        ahead=tuple(ahead),
        rehearsal_on=on if rehearsal else None,
        replayed=log,
    )


def _push(
    pending: list[AgendaItem],
    lead: list[Row],
    planned: dict[int, tuple[datetime, datetime]],
    minutes: dict[int, int],
    cursor: datetime,
    now: datetime,
    *,
    first_id: int | None,
) -> tuple[dict[int, dict[str, Any]], list[Conflict], list[Ahead], datetime]:
    """Place pending items from `cursor` at their full lengths; fixed items hold their start.

    Returns the fields per item id, the conflicts, the time to spare before fixed starts (what the
    last item before one ends ahead of its plan), and where the chain of items ends (a fixed item
    resets it to its own end: what does not fit before it is counted, not pushed past it).
    """
    placed: dict[int, dict[str, Any]] = {}
    conflicts: list[Conflict] = []
    ahead: list[Ahead] = []
    run: list[tuple[int, str, datetime, datetime]] = [  # (item id, title, start, end) since the last hold
        (r.item_id, r.item.title, r.start or cursor, r.end) for r in lead if r.end is not None
    ]
    for item in pending:
        item_id = saved_id(item)
        length = timedelta(minutes=minutes[item_id])
        if item.fixed_start:
            hold = max(planned[item_id][0], now)
            if clock_min(hold, cursor) > 0:
                titles = []
                for run_id, title, start, end in run:
                    past = clock_min(max(start, hold), end)
                    if past > 0:
                        titles.append(" ".join(title.split()))
                        placed.setdefault(run_id, {})["unfit_min"] = past
                conflicts.append(Conflict(item, hold, clock_min(hold, cursor), tuple(titles)))
            elif run:  # the gap in front of it, beyond any gap the plan had there
                spare = clock_min(cursor, hold) - max(0, clock_min(planned[run[-1][0]][1], planned[item_id][0]))
                if spare > 0:
                    ahead.append((item, hold, spare))
            placed[item_id] = dict(start=hold, end=hold + length)
            cursor, run = hold + length, []
            continue
        anchored = item.planned_start is not None or item_id == first_id
        start = max(cursor, planned[item_id][0]) if anchored else cursor
        placed[item_id] = dict(start=start, end=start + length)
        run.append((item_id, item.title, start, start + length))
        cursor = start + length
    return placed, conflicts, ahead, cursor


def shares(caps: list[int], total: int) -> list[int]:
    """Split `total` minutes of cuts over items that can give at most `caps` minutes each, in
    proportion to what each can give (largest remainder). Returns the cut per item."""
    total = max(0, min(total, sum(caps)))
    if total == 0:
        return [0] * len(caps)
    weight = sum(caps)
    exact = [total * c / weight for c in caps]
    cut = [int(x) for x in exact]
    rest = total - sum(cut)
    for i in sorted(range(len(caps)), key=lambda i: exact[i] - cut[i], reverse=True):
        if rest == 0:
            break
        if cut[i] < caps[i]:
            cut[i] += 1
            rest -= 1
    return cut


def is_break(item: AgendaItem) -> bool:
    return ItemKind(item.kind) is ItemKind.BREAK
