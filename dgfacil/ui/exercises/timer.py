"""The group timer: when the exercise's own agenda item starts, or the time left until it ends.

It never counts ticks (docs/architecture.md, Time): each refresh asks the injected clock and derives the
re-planned day from the agenda and the run log, as the Run room does, so a "+5" or a late start there
moves the group timer and the board projector's at once. It re-reads both whenever an operation
changes the agenda or the run (it listens to the document's Changes, like the rooms).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from dgfacil.core.agenda import in_zone
from dgfacil.core.run.plan import ItemStatus, derive_state
from dgfacil.operations import run as run_ops


def remaining_text(end: datetime | None, now: datetime, zone: str | None = None) -> str:
    """Time left, or when the item ends/ended as a wall-clock time in the workshop's zone."""
    if end is None:
        return "Not on the agenda"
    seconds = int((end - now).total_seconds())
    # the end is an aware instant (often UTC from the store): the room reads the workshop's clock
    local = in_zone(end, zone) if zone else end
    if seconds > 3 * 3600:  # not running yet: say when it ends rather than count hours
        return f"Ends {local:%d %b %H:%M}"
    if seconds >= 0:
        minutes, secs = divmod(seconds, 60)
        return f"{minutes}:{secs:02d} left"
    if seconds < -3600:
        return f"Ended {local:%d %b %H:%M}"
    minutes, secs = divmod(-seconds, 60)
    return f"Time is up (+{minutes}:{secs:02d})"


def _wall(moment: datetime, now: datetime, zone: str | None) -> str:
    """A wall-clock time in the workshop's zone; with the date when it is not today."""
    local, today = (in_zone(moment, zone), in_zone(now, zone)) if zone else (moment, now)
    return f"{local:%H:%M}" if local.date() == today.date() else f"{local:%d %b %H:%M}"


def item_text(row, now: datetime, zone: str | None) -> tuple[str, bool]:
    """What the timer says about its item's row of the re-planned day, and whether it is over time."""
    if row is None:
        return "Not on the agenda", False
    if row.status is ItemStatus.CURRENT:
        return remaining_text(row.end, now, zone), now > row.end
    if row.status is ItemStatus.PENDING:  # not started: a time of day, never a countdown
        return f"Starts {_wall(row.start or row.planned_start, now, zone)}", False
    if row.status is ItemStatus.DONE and row.end is not None:
        return f"Ended {_wall(row.end, now, zone)}", False
    return ("Skipped" if row.status is ItemStatus.SKIPPED else "Not run"), False


class GroupTimer(QLabel):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text_size = "13pt"
        self.item_id: int | None = None
        self.day = None
        self.events: list = []
        self.zone: str | None = None
        self.setTextFormat(Qt.PlainText)
        self.setObjectName("groupTimer")
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        ctx.tasks.changes_applied.connect(self.on_changes)

    def follow(self, item_id: int | None, workshop=None) -> None:
        """Follow an agenda item: its day and that day's run log are re-read on each change."""
        self.item_id = item_id
        workshop = workshop or self.ctx.workshop()
        self.zone = workshop.timezone or None
        self.day = next((d for d in workshop.days for it in d.items if item_id is not None and it.id == item_id), None)
        day_id = self.day.id if self.day is not None else None
        self.events = self.ctx.tasks.read(lambda s: run_ops.day_events(s, day_id=day_id)) if day_id else []
        self.refresh()

    def on_changes(self, changes, _initiator) -> None:
        if changes.run or changes.agenda or changes.workshop:
            self.follow(self.item_id)

    def row(self, now: datetime):
        if self.day is None or not self.zone:
            return None
        state = derive_state(self.day, self.zone, self.events, now, rehearse=bool(self.events))
        row = next((r for r in state.rows if r.item.id == self.item_id), None)
        if row is None or self.events:
            return row
        # no run on that day (yet): the agenda's own times against the clock, no projection from "now"
        if now < row.planned_start:
            return replace(row, status=ItemStatus.PENDING, start=None)
        status = ItemStatus.CURRENT if now < row.planned_end else ItemStatus.DONE
        return replace(row, status=status, start=row.planned_start, end=row.planned_end)

    def refresh(self) -> None:
        now = self.ctx.clock()
        text, late = item_text(self.row(now), now, self.zone) if self.item_id is not None else ("", False)
        if self.text() != text:
            self.setText(text)
        if late != self.property("late"):  # restyle only when it turns, not every second
            self.setProperty("late", late)
            self._restyle()

    def set_size(self, size: str) -> None:
        """The text size as a style sheet length ("13pt"; the projector's is larger)."""
        self.text_size = size
        self._restyle()

    def _restyle(self) -> None:
        colour = "#c62828" if self.property("late") else "#0b3d91"
        self.setStyleSheet(
            f"#groupTimer {{ font-size: {self.text_size}; font-weight: 600; padding: 0 8px; color: {colour}; }}"
        )
