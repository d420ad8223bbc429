"""When each agenda item starts, as the Notes room lists it: the agenda's planned time, or, on a day
whose run has begun, the re-planned one (actual for items run, projected for the rest)."""

from __future__ import annotations

from datetime import datetime

from dgfacil.core.agenda import plan_day
from dgfacil.core.run.plan import derive_state
from dgfacil.operations import run as run_ops


def item_starts(ctx, workshop, now: datetime) -> list[tuple[object, datetime]]:
    """(item, start) for every item of every day, in agenda order."""
    out = []
    for day in workshop.days:
        slots = plan_day(day, workshop.timezone)
        events = ctx.tasks.read(lambda s, d=day.id: run_ops.day_events(s, day_id=d)) if day.id else []
        rows = {}
        if events:
            state = derive_state(day, workshop.timezone, events, now)
            rows = {r.item.id: r.start for r in state.rows if r.start is not None}
        out += [(slot.item, rows.get(slot.item.id, slot.start)) for slot in slots]
    return out
