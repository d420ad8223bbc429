"""Run something once a widget has been painted, not merely shown.

`show()` only asks for a paint: Qt paints on a later turn of the event loop, after a zero-delay
timer has already fired. Work started from such a timer (opening a document, ~0.5 s) would run
before the first paint and leave an empty window on screen. The bench's probe
(`DGFACIL_STARTUP_PROBE`, bench/cold_start.py) uses the same hook to say when the user sees what.

The widget and the widgets already inside it are watched, not the whole application: a filter on
the application hands every event of every object to Python, and each Qt class met that way makes
PySide create its enums (~180 of them, ~15 ms before the window's first paint).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000  # a window that is never painted (minimized, no screen) still gets its work done


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int | None) -> None:
        super().__init__(widget)
        self.widget, self.then, self.done = widget, then, False
        self.watched = [widget, *widget.findChildren(QWidget)]  # a child's paint counts too (a room's)
        for watched in self.watched:
            watched.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Paint and not self.done:
            self._unwatch()
            # the rest of this paint pass (the other widgets, the flush) runs before a zero timer
            QTimer.singleShot(0, self, self._fire)
        return False

    def _unwatch(self) -> None:
        for watched in self.watched:
            if shiboken6.isValid(watched):  # a placeholder replaced meanwhile is gone
                watched.removeEventFilter(self)
        self.watched = []

    def _fire(self) -> None:
        if self.done:
            return
        self.done = True
        self._unwatch()
        self.then()
        self.deleteLater()


def after_first_paint(widget: QWidget, then: Callable[[], None], fallback_ms: int | None = FALLBACK_MS) -> None:
    """Call `then()` once, just after the first paint of `widget` or of a widget inside it (or
    after `fallback_ms` if it is never painted; None waits for the paint however long it takes)."""
    _AfterPaint(widget, then, fallback_ms)


def print_mark(name: str) -> None:
    """The probe's line: `name <seconds since the epoch> <the packages loaded so far> <CPU seconds>`
    (bench/cold_start.py reads the times; tests/ui/test_start_up_imports.py the packages). The CPU
    seconds the process has used (all its threads) vary less than the clock on a busy machine."""
    packages = sorted(
        {module.partition(".")[0] for module in sys.modules} | {m for m in sys.modules if m.startswith("dgfacil.")}
    )
    print(f"{name} {time.time():.6f} {','.join(packages)} {time.process_time():.6f}", flush=True)
