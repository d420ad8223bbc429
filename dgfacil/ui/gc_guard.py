"""Run Python's cycle collector on the GUI thread only.

The collector runs on whichever thread happens to allocate. If it frees a cycle holding a Qt
object while the database worker is allocating, Qt deletes that object off the GUI thread and
the process crashes (seen here: a segfault inside SQLAlchemy on the worker). So automatic
collection is off and a timer on the GUI thread collects instead — the pattern PyQt
applications use (Fabio Zadrozny's GarbageCollector).
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    """Disables automatic collection and collects, generation by generation, on a GUI timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break
