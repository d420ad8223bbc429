"""What a running day looks like now: the current item's countdown and the re-planned rest.

`derive_state(day, zone, events, now)` is a pure function of the log and the clock.
Re-planning rules:
- items that are done keep their actual times; the current item ends when its countdown does
  (or now, if it is already over);
- a flexible item follows the one before; one written with a start time does not start earlier
  than that time (the gap absorbs delay);
- an item with a fixed start holds its time; the flexible items before it that no longer fit
  are shown squeezed, in whole minutes, in proportion to their length (each keeps a minute);
  only when even that cannot fit does the fixed item start late;
- the day's end is compared with the planned end ("day ends 16:47 (+7 min)"), and a recovery
  suggestion (`run_suggest.suggest`) says where to win the time back.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo
from enum import Enum

from dgfacil.core.agenda import plan_day
from dgfacil.core.model import AgendaItem, Day, ItemKind
from dgfacil.core.run import Phase, Replay, RunEvent, as_utc, ordered_items, replay

MINUTE = timedelta(minutes=1)


class Status(str, Enum):
    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"
    SKIPPED = "skipped"
    MISSED = "not run"  # passed over by a jump, never run


@dataclass(frozen=True)
class Row:
    """One item of the re-planned day. Instants are UTC; show them with agenda.hhmm(x, zone)."""

    item: AgendaItem
    status: Status
    planned_start: datetime
    planned_end: datetime
    start: datetime | None  # actual when started, projected when pending, None when not run
    end: datetime | None
    minutes: int  # planned length, extended or shortened
    squeezed_min: int = 0  # shown shorter than `minutes` so a fixed item can hold
    ran: timedelta = timedelta(0)  # countdown time used (pauses excluded)

    @property
    def late_min(self) -> int:
        """Start against plan, in whole minutes (negative: early)."""
        return round((self.start - self.planned_start) / MINUTE) if self.start else 0

    @property
    def over_min(self) -> int:
        """How much longer than planned it ran (done items), in whole minutes."""
        planned = self.item.duration_min
        return round(self.ran / MINUTE) - planned if self.status is Status.DONE else 0


@dataclass(frozen=True)
class Suggestion:
    """A one-click recovery: shorten `item_id` by `minutes` (recorded as a `shorten` event)."""

    item_id: int
    minutes: int
    text: str


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
    suggestion: Suggestion | None = None
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
        return round((self.projected_end - self.planned_end) / MINUTE)

    @property
    def squeezed_min(self) -> int:
        return sum(r.squeezed_min for r in self.rows)

    def upcoming(self) -> list[Row]:
        return [r for r in self.rows if r.status is Status.PENDING]

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


def run_date(day: Day, zone: str, events: list[RunEvent]) -> date:
    """The date the day is run on: its own, or the date of its first event for a rehearsal on
    another day — the plan's times of day then apply to that date."""
    if not events:
        return day.date
    first = min(as_utc(e.at) for e in events)
    return first.astimezone(ZoneInfo(zone)).date()


def derive_state(day: Day, zone: str, events: list[RunEvent], now: datetime, *, suggest: bool = True) -> RunState:
    """Everything the run screens show, from the day, the log and the clock."""
    now = as_utc(now)
    on = run_date(day, zone, events)
    if on != day.date:  # a rehearsal (or a day moved): plan it on the date it is run
        day = replace(day, date=on)
    items = [it for it in ordered_items(day) if it.id is not None]
    planned = planned_instants(day, zone)
    log = replay(day, events)
    minutes = {it.id: max(0, it.duration_min + log.tracks[it.id].adjust_min) for it in items}
    current_id = log.current
    elapsed = log.running_time(current_id, now) if current_id is not None else timedelta(0)
    remaining = timedelta(minutes=minutes[current_id]) - elapsed if current_id is not None else timedelta(0)

    rows: dict[int, Row] = {}
    position = {it.id: n for n, it in enumerate(items)}
    current_pos = position[current_id] if current_id is not None else None
    for it in items:
        track, (p_start, p_end) = log.tracks[it.id], planned[it.id]
        base = dict(item=it, planned_start=p_start, planned_end=p_end, minutes=minutes[it.id])
        if it.id == current_id:
            end = now + max(remaining, timedelta(0))
            rows[it.id] = Row(status=Status.CURRENT, start=track.first_start, end=end, ran=elapsed, **base)
        elif track.started:
            status = Status.SKIPPED if track.skipped else Status.DONE
            rows[it.id] = Row(status=status, start=track.first_start, end=track.last_end,
                              ran=log.running_time(it.id, now), **base)
        elif track.skipped:
            rows[it.id] = Row(status=Status.SKIPPED, start=None, end=None, **base)
        elif log.phase is Phase.FINISHED or (current_pos is not None and position[it.id] < current_pos):
            rows[it.id] = Row(status=Status.MISSED, start=None, end=None, **base)
        else:
            rows[it.id] = Row(status=Status.PENDING, start=None, end=None, **base)

    pending = [it for it in items if rows[it.id].status is Status.PENDING]
    cursor = rows[current_id].end if current_id is not None else now
    for placed in _project(pending, planned, minutes, cursor, first_id=items[0].id if items else None):
        rows[placed.item.id] = replace(rows[placed.item.id], **placed.fields)

    ordered = [rows[it.id] for it in items]
    planned_end = max((planned[it.id][1] for it in items), default=None)
    ends = [r.end for r in ordered if r.end is not None]
    projected_end = max(ends) if ends else planned_end
    state = RunState(
        now=now, phase=log.phase, rows=ordered, current=rows.get(current_id) if current_id else None,
        elapsed=elapsed, remaining=remaining, planned_end=planned_end, projected_end=projected_end,
        replayed=log,
    )
    if suggest and log.phase is not Phase.FINISHED:
        from dgfacil.core.run_suggest import suggest as make_suggestion

        state = replace(state, suggestion=make_suggestion(day, zone, events, now, state))
    return state


@dataclass
class _Placed:
    item: AgendaItem
    fields: dict


def _project(pending: list[AgendaItem], planned: dict, minutes: dict, cursor: datetime,
             *, first_id: int | None) -> list[_Placed]:
    """Place pending items from `cursor`: fixed items hold, flexible ones before them squeeze."""
    placed: list[_Placed] = []
    run: list[AgendaItem] = []  # flexible items since the last fixed one
    run_start = cursor
    for item in pending:
        if item.fixed_start:
            out, end = _place_flexible(run, planned, minutes, run_start, first_id)
            hold = planned[item.id][0]
            if end > hold:
                out, end = _squeeze(run, minutes, run_start, hold)
            placed += out
            start = max(hold, end)
            finish = start + timedelta(minutes=minutes[item.id])
            placed.append(_Placed(item, dict(start=start, end=finish)))
            run, run_start = [], finish
        else:
            run.append(item)
    out, _ = _place_flexible(run, planned, minutes, run_start, first_id)
    return placed + out


def _place_flexible(run, planned, minutes, cursor, first_id) -> tuple[list[_Placed], datetime]:
    out = []
    for item in run:
        anchored = item.planned_start is not None or item.id == first_id
        start = max(cursor, planned[item.id][0]) if anchored else cursor
        cursor = start + timedelta(minutes=minutes[item.id])
        out.append(_Placed(item, dict(start=start, end=cursor)))
    return out, cursor


def _squeeze(run, minutes, cursor, limit) -> tuple[list[_Placed], datetime]:
    """Back to back from `cursor`, shortened in proportion so the run ends by `limit`."""
    lengths = [minutes[it.id] for it in run]
    room = max(int((limit - cursor) // MINUTE), 0)
    cut = shares(lengths, sum(lengths) - room, floor=1)
    out = []
    for item, length, less in zip(run, lengths, cut):
        end = cursor + timedelta(minutes=length - less)
        out.append(_Placed(item, dict(start=cursor, end=end, squeezed_min=less)))
        cursor = end
    return out, cursor


def shares(lengths: list[int], total: int, *, floor: int = 1) -> list[int]:
    """Split `total` minutes of cuts over `lengths` in proportion (largest remainder), each
    length keeping at least `floor`. Returns the cut per length."""
    caps = [max(n - floor, 0) for n in lengths]
    total = max(0, min(total, sum(caps)))
    if total == 0:
        return [0] * len(lengths)
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
