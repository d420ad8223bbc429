"""A start-time field that takes a time as people type it: "1407", "14:07", "14.07", "9", "930", "2:07 pm".

A QTimeEdit edits one section at a time: after a click its cursor sits in the minutes, so "1407"
typed there sets nothing and the edit is silently lost. This field is a line edit: a click or Tab
selects the whole time so typing replaces it; Enter or leaving the field reads it; Up/Down step by 5
minutes; Esc puts back the last good time; a time it cannot read turns red with a one-line reason.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import QLineEdit

_CLOCK = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*(am|pm|a|p)?\s*$", re.IGNORECASE)


def parse_clock(text: str) -> time | None:
    """The time in `text`, or None when it is not one ("25:00", "14:7x")."""
    match = _CLOCK.match(text.replace("\u202f", " "))
    if match is None:
        digits = re.sub(r"\s", "", text)
        if not (digits.isdigit() and len(digits) in (3, 4)):
            return None
        match = _CLOCK.match(f"{digits[:-2]}:{digits[-2:]}")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower()[:1]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeField(QLineEdit):
    STEP_MIN = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._time = QTime(9, 0)
        self.setPlaceholderText("HH:MM")
        self.setMaxLength(12)
        self.setToolTip("Type a time: 14:07, 1407 or 2:07 pm; Up/Down change it by 5 minutes")
        self.editingFinished.connect(self._read)
        self.setText(self._time.toString("HH:mm"))

    # the QTimeEdit interface the editor uses
    def time(self) -> QTime:
        return QTime(self._time)

    def setTime(self, value: QTime) -> None:  # noqa: N802 (Qt)
        self._time = QTime(value.hour(), value.minute())
        self._show_ok()
        self.setText(self._time.toString("HH:mm"))

    def _read(self) -> None:
        parsed = parse_clock(self.text())
        if parsed is None:
            self.setStyleSheet("QLineEdit { border: 1px solid #c62828; }")
            self.setToolTip(
                f"“{self.text()}” is not a time: type 14:07, 1407 or 2:07 pm (Esc puts back "
                f"{self._time.toString('HH:mm')})"
            )
            return
        self.setTime(QTime(parsed.hour, parsed.minute))

    def _show_ok(self) -> None:
        self.setStyleSheet("")
        self.setToolTip("Type a time: 14:07, 1407 or 2:07 pm; Up/Down change it by 5 minutes")

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)  # after the click has placed the cursor: typing replaces

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key_Up, Qt.Key_Down):
            step = self.STEP_MIN if event.key() == Qt.Key_Up else -self.STEP_MIN
            self.setTime(self._time.addSecs(step * 60))
            self.selectAll()
            self.editingFinished.emit()
            return
        if event.key() == Qt.Key_Escape and self.text() != self._time.toString("HH:mm"):
            self.setTime(self._time)
            self.selectAll()
            return
        super().keyPressEvent(event)
