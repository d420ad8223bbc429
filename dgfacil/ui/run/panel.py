"""The facilitator's big panel: what runs now, its countdown, and the words that go with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QVBoxLayout

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import ItemKind
from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import RunState
from dgfacil.core.run.words import CountdownStatus, Level, countdown_text
from dgfacil.ui.widgets import plain_label

COUNTDOWN_PT = 84
STARTS_AT_PT = 34  # "Starts at 15:00" before the start: a clock time, never mistaken for a countdown


class CountdownPanel(QFrame):
    """Current item, large countdown derived from the clock, status words, item progress."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self.setProperty("level", Level.IDLE.value)
        self.kind = plain_label(name="kindLabel", size=11)
        self.title = plain_label(name="itemTitle", size=17, bold=True, wrap=True)
        self.title.setMinimumHeight(48)
        self.title.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.countdown = plain_label(name="countdown", bold=True)
        font = self.countdown.font()
        font.setPointSize(COUNTDOWN_PT)
        font.setStyleHint(QFont.SansSerif)
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of one width: the number does not wobble
        self.countdown.setFont(font)
        self.countdown.setAlignment(Qt.AlignCenter)
        self.words = plain_label(name="statusWords", size=18)
        self.words.setAlignment(Qt.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.bar.setRange(0, 1000)
        self.times = plain_label(name="itemTimes", size=11)
        self.times.setAlignment(Qt.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.kind)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.words)
        layout.addStretch(1)
        layout.addWidget(self.bar)
        layout.addWidget(self.times)

    def show_state(self, state: RunState, status: CountdownStatus, zone: str, back: list[str] | None = None) -> None:
        """Update texts only where they changed (a repaint per second, not per tick)."""
        row = state.current
        if row is None:
            kind = "THE DAY IS OVER" if state.phase is Phase.FINISHED else "READY"
            nxt = state.next_row()
            title = f"Next: {' '.join(nxt.item.title.split())}" if nxt else "Nothing left to run today"
            digits = "—:—"
            times = ""
            if nxt and nxt.start:  # a time of day, in words and smaller type: not a countdown
                digits = f"Starts at {hhmm(nxt.start, zone)}"
            progress = 0
        else:
            kind = f"NOW · {ItemKind(row.item.kind).value.upper()}" + (" · FIXED START" if row.item.fixed_start else "")
            title = " ".join(row.item.title.split())
            digits = countdown_text(state.remaining)
            total = row.minutes * 60
            progress = 1000 if total <= 0 else min(1000, int(1000 * state.elapsed.total_seconds() / total))
            started = hhmm(row.start, zone) if row.start else "—"
            change = row.minutes - row.item.duration_min
            length = f"{row.minutes} min" + (f" ({change:+d})" if change else "")
            times = (
                f"Started {started} · {length} · planned {hhmm(row.planned_start, zone)}–{hhmm(row.planned_end, zone)}"
            )
            if back:
                times = "   ·   ".join(back)
        _set(self.kind, kind)
        _set(self.title, title)
        size = COUNTDOWN_PT if row is not None else STARTS_AT_PT
        if self.countdown.font().pointSize() != size:
            font = self.countdown.font()
            font.setPointSize(size)
            self.countdown.setFont(font)
        _set(self.countdown, digits)
        _set(self.words, status.words)
        _set(self.times, times)
        if self.bar.value() != progress:
            self.bar.setValue(progress)
        if self.property("level") != status.level.value:
            self.setProperty("level", status.level.value)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in self.findChildren(QLabel):
                child.style().unpolish(child)
                child.style().polish(child)


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
