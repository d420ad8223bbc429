"""The group timer: time left until the agenda item's planned end, derived from the clock.

It never counts ticks (docs/architecture.md, Time): each refresh asks the injected clock. When the Run room offers
a re-planned end (ctx.services["item_end"](item_id) -> aware datetime), that end is used.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from dgfacil.core.agenda import in_zone, plan_day


def planned_end(workshop, item_id: int | None) -> datetime | None:
    if item_id is None:
        return None
    for day in workshop.days:
        for slot in plan_day(day, workshop.timezone):
            if slot.item.id == item_id:
                return slot.end
    return None


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


class GroupTimer(QLabel):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text_size = "13pt"
        self.item_id: int | None = None
        self.end: datetime | None = None
        self.zone: str | None = None
        self.setTextFormat(Qt.PlainText)
        self.setObjectName("groupTimer")
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()

    def follow(self, item_id: int | None, workshop=None) -> None:
        """Follow an agenda item's end (re-read when the agenda changes)."""
        self.item_id = item_id
        workshop = workshop or self.ctx.workshop()
        self.zone = workshop.timezone or None
        hook = self.ctx.services.get("item_end")
        end = hook(item_id) if hook and item_id is not None else None
        self.end = end or planned_end(workshop, item_id)
        self.refresh()

    def refresh(self) -> None:
        now = self.ctx.clock()
        self.setText(remaining_text(self.end, now, self.zone))
        late = self.end is not None and now > self.end
        if late != self.property("late"):  # restyle only when it turns, not every second
            self.setProperty("late", late)
            self._restyle()

    def set_size(self, size: str) -> None:
        """The text size as a style sheet length ("13pt"; the projector's is larger)."""
        self.text_size = size
        self._restyle()

    def _restyle(self) -> None:
        self.setStyleSheet("#groupTimer { font-size: %s; font-weight: 600; padding: 0 8px; color: %s; }"
                           % (self.text_size, "#c62828" if self.property("late") else "#0b3d91"))
