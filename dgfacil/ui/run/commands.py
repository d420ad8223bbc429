"""The Run room's undoable actions: a length change (+1, +5, −1, −5, a row's ±5 min) and a
recovery plan, on the room's undo stack.

Because they share one stack, a new adjustment clears what could be redone, as in any Qt app: a
plan undone before the day changed can never be re-applied to a day it no longer fits. A plan
redone later (time passes, Next is pressed) is checked again and refused if it wins nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from dgfacil.core.run.log import EventKind, RunEvent
from dgfacil.core.run.plan import derive_state
from dgfacil.core.run.recovery import RecoveryPlan, short_title
from dgfacil.core.run.words import span_words
from dgfacil.operations import run as run_ops


class RecordAdjust(QUndoCommand):
    """Extend or shorten one item by some minutes; Undo takes the press back out of the log."""

    def __init__(self, room, kind: EventKind, item_id: int, title: str, minutes: int, at) -> None:
        sign = "+" if kind is EventKind.EXTEND else "−"
        super().__init__(f"{sign}{minutes} min on {short_title(title, 40)}")
        self.room, self.kind, self.item_id, self.minutes, self.at = room, kind, item_id, minutes, at
        self.day_id = room.day_id
        self.event_id: int | None = None

    def redo(self) -> None:
        day_id, kind, item_id, minutes, at = self.day_id, self.kind, self.item_id, self.minutes, self.at
        changes = self.room.ctx.tasks.run_sync(
            lambda s: run_ops.record_event(s, day_id=day_id, kind=kind, at=at, item_id=item_id, minutes=minutes),
            initiator=self.room,
        )
        self.event_id = changes.ids[0] if changes and changes.ids else None
        self.room.after_plan_change()

    def undo(self) -> None:
        ids = [self.event_id] if self.event_id is not None else []
        self.room.ctx.tasks.run_sync(lambda s: run_ops.remove_events(s, ids=ids), initiator=self.room)
        self.room.after_plan_change()
        self.room.message.setText(f"Undone: {self.text()} — Ctrl+Y does it again.")


class ApplyPlan(QUndoCommand):
    """Store the plan's shortenings and skips together; Undo takes them all back."""

    def __init__(self, room, plan: RecoveryPlan, day_id: int, at) -> None:
        super().__init__(f"Recovery plan ({len(plan.changes)} change{'s' if len(plan.changes) != 1 else ''})")
        self.room, self.day_id, self.events = room, day_id, plan.events(at)
        self.ids: tuple[int, ...] = ()
        self.done_once = False

    def redo(self) -> None:
        if self.done_once:
            fresh = self._still_wins()
            if fresh is not None:
                self.events = fresh
        if self.done_once and fresh is None:
            self.setObsolete(True)  # Qt drops an obsolete command from the stack
            self.room.message.setText(
                "The recovery plan no longer wins anything here: not applied again. "
                "Press R for a plan for the day as it is now."
            )
            return
        day_id, events = self.day_id, self.events
        changes = self.room.ctx.tasks.run_sync(
            lambda s: run_ops.apply_plan(s, day_id=day_id, events=events), initiator=self.room
        )
        self.ids = tuple(changes.ids) if changes else ()
        self.done_once = True
        self.room.after_plan_change()

    def undo(self) -> None:
        ids = list(self.ids)
        self.room.ctx.tasks.run_sync(lambda s: run_ops.remove_events(s, ids=ids), initiator=self.room)
        self.room.after_plan_change()
        self.room.message.setText("Recovery plan undone — Ctrl+Y applies it again.")

    def _still_wins(self) -> list[RunEvent] | None:
        """Replay the plan on the day as it is now: its events stamped now if it still wins time
        back, else None (an item it changes has run or gone, or it wins nothing any more)."""
        day, room = self.room.day(), self.room
        if day is None or room.day_id != self.day_id:
            return None
        zone, now = room.workshop.timezone, room.ctx.clock()
        before = derive_state(day, zone, room.events, now)
        live = {r.item.id for r in before.rows if r.status.value in ("pending", "current")}
        if any(e.item_id not in live for e in self.events):
            return None
        events = [RunEvent(e.kind, now, e.item_id, e.minutes) for e in self.events]
        after = derive_state(day, zone, [*room.events, *events], now)
        won = before.behind_min - after.behind_min
        if won <= 0:
            return None
        room.message.setText(f"Recovery plan applied again: {span_words(won)} won back.")
        return events
