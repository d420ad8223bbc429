"""A running agenda: a log of events, replayed against an injected clock. No Qt, no SQL.

Nothing here counts timer ticks. The facilitator's actions (start, pause, next, extend...) are
stored with their UTC instants; `derive_state(day, zone, events, now)` replays them and returns
everything the screens show. The same log and the same `now` always give the same answer, so a
crash and restart resumes exactly, and tests drive a whole day with a fake clock.

Replay rules, in short:
- `start` opens the first item that is not skipped (or `item_id`).
- `next` closes the current item and opens the following one; after the last, the day is done.
- `previous` undoes a `next`: if the previous item ended the very instant the current one
  began, the current item's run is dropped and the previous one carries on as if never left.
- `pause`/`resume` freeze the current item's countdown; moving to another item resumes.
- `extend`/`shorten` change an item's length by `minutes` (the current item by default).
- `skip` marks an item skipped (the current one: and moves on); `jump` runs any item.
- `finish` ends the day.
The re-planned rest of the day is in `dgfacil.core.run.plan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum

from dgfacil.core.model import AgendaItem, Day


class EventKind(str, Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    PREVIOUS = "previous"
    EXTEND = "extend"
    SHORTEN = "shorten"
    SKIP = "skip"
    JUMP = "jump"
    FINISH = "finish"


class Phase(str, Enum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class RunEvent:
    """One thing the facilitator did, at an aware UTC instant."""

    kind: EventKind
    at: datetime
    item_id: int | None = None
    minutes: int | None = None
    id: int | None = None


@dataclass
class ItemTrack:
    """What happened to one item: its runs [start, end or None], length changes, skipped."""

    segments: list[list[datetime | None]] = field(default_factory=list)
    adjust_min: int = 0
    skipped: bool = False

    @property
    def started(self) -> bool:
        return bool(self.segments)

    @property
    def first_start(self) -> datetime | None:
        return self.segments[0][0] if self.segments else None

    @property
    def last_end(self) -> datetime | None:
        return self.segments[-1][1] if self.segments else None


@dataclass
class Replay:
    """The log replayed: phase, current item, each item's track and the pauses."""

    order: list[int]
    phase: Phase = Phase.NOT_STARTED
    current: int | None = None
    tracks: dict[int, ItemTrack] = field(default_factory=dict)
    pauses: list[list[datetime | None]] = field(default_factory=list)
    finished_at: datetime | None = None

    def running_time(self, item_id: int, now: datetime) -> timedelta:
        """Time the item's countdown has run: its runs, less any pause inside them, up to `now`."""
        total = timedelta(0)
        for start, end in self.tracks[item_id].segments:
            if start is None:  # never: a run always has its start (only its end may be open)
                continue
            stop = end or now
            total += max(stop - start, timedelta(0))
            for p_start, p_end in self.pauses:
                if p_start is None:  # never, as above
                    continue
                overlap = min(stop, p_end or now) - max(start, p_start)
                if overlap > timedelta(0):
                    total -= overlap
        return max(total, timedelta(0))


def as_utc(moment: datetime) -> datetime:
    """An aware instant in UTC; a naive one is refused (it would be read in the machine's zone)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; instants must be aware")
    return moment.astimezone(UTC)


def saved_id(item: AgendaItem) -> int:
    """The id of an item the log can name: only saved items run (an item has no id before it is saved)."""
    if item.id is None:
        raise ValueError(f"agenda item {item.title!r} is not saved: it has no id")
    return item.id


def ordered_items(day: Day) -> list[AgendaItem]:
    return sorted(day.items, key=lambda it: (it.position, it.id or 0))


def replay(day: Day, events: list[RunEvent]) -> Replay:
    """Replay the log in time order. Events that make no sense at that point are ignored."""
    order = [it.id for it in ordered_items(day) if it.id is not None]
    state = Replay(order=order, tracks={i: ItemTrack() for i in order})
    for event in sorted(events, key=lambda e: (as_utc(e.at), e.id or 0)):
        _apply(state, event, as_utc(event.at))
    return state


def _neighbour(state: Replay, item_id: int | None, step: int) -> int | None:
    """The next (step=1) or previous (step=-1) item that is not skipped."""
    if item_id is None:
        index = -1 if step > 0 else len(state.order)
    else:
        index = state.order.index(item_id)
    index += step
    while 0 <= index < len(state.order):
        candidate = state.order[index]
        if not state.tracks[candidate].skipped:
            return candidate
        index += step
    return None


def _end_pause(state: Replay, at: datetime) -> None:
    if state.pauses and state.pauses[-1][1] is None:
        state.pauses[-1][1] = at


def _close_current(state: Replay, at: datetime) -> None:
    if state.current is not None:
        segment = state.tracks[state.current].segments[-1]
        if segment[1] is None:
            segment[1] = at
    _end_pause(state, at)


def _open(state: Replay, item_id: int, at: datetime) -> None:
    _close_current(state, at)
    track = state.tracks[item_id]
    track.skipped = False
    track.segments.append([at, None])
    state.current, state.phase, state.finished_at = item_id, Phase.RUNNING, None


def _finish(state: Replay, at: datetime) -> None:
    _close_current(state, at)
    state.current, state.phase, state.finished_at = None, Phase.FINISHED, at


def _go_back(state: Replay, at: datetime) -> None:
    if state.phase is Phase.FINISHED:
        ran = [i for i in state.order if state.tracks[i].started]
        if not ran:
            return
        last = max(ran, key=lambda i: state.tracks[i].last_end or at)
        track = state.tracks[last]
        if track.last_end == state.finished_at:  # undo the finish: carry on as if never left
            track.segments[-1][1] = None
            state.current, state.phase, state.finished_at = last, Phase.RUNNING, None
        else:
            _open(state, last, at)
        return
    target = _neighbour(state, state.current, -1)
    if target is None or state.current is None:
        return
    here, there = state.tracks[state.current], state.tracks[target]
    if there.segments and there.last_end == here.segments[-1][0]:
        here.segments.pop()  # the `next` was a slip: forget it
        _end_pause(state, at)
        there.segments[-1][1] = None
        state.current, state.phase = target, Phase.RUNNING
    else:
        _open(state, target, at)


def _apply(state: Replay, event: RunEvent, at: datetime) -> None:
    kind = EventKind(event.kind)
    known = event.item_id in state.tracks
    if kind is EventKind.START:
        if state.phase is Phase.NOT_STARTED:
            target = event.item_id if known else _neighbour(state, None, 1)
            if target is not None:
                _open(state, target, at)
    elif kind is EventKind.PAUSE:
        if state.phase is Phase.RUNNING:
            state.pauses.append([at, None])
            state.phase = Phase.PAUSED
    elif kind is EventKind.RESUME:
        if state.phase is Phase.PAUSED:
            _end_pause(state, at)
            state.phase = Phase.RUNNING
    elif kind is EventKind.NEXT:
        if state.current is not None:
            target = _neighbour(state, state.current, 1)
            _open(state, target, at) if target is not None else _finish(state, at)
    elif kind is EventKind.PREVIOUS:
        _go_back(state, at)
    elif kind in (EventKind.EXTEND, EventKind.SHORTEN):
        target = event.item_id if known else state.current
        if target is not None and event.minutes:
            sign = 1 if kind is EventKind.EXTEND else -1
            state.tracks[target].adjust_min += sign * abs(int(event.minutes))
    elif kind is EventKind.SKIP:
        target = event.item_id if known else state.current
        if target is None:
            return
        if target == state.current:
            following = _neighbour(state, target, 1)
            state.tracks[target].skipped = True
            _open(state, following, at) if following is not None else _finish(state, at)
        elif not state.tracks[target].started:
            state.tracks[target].skipped = True
    elif kind is EventKind.JUMP:
        if event.item_id is not None and known and event.item_id != state.current:
            _open(state, event.item_id, at)
    elif kind is EventKind.FINISH:
        if state.phase in (Phase.RUNNING, Phase.PAUSED):
            _finish(state, at)
