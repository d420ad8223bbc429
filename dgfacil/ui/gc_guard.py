"""Run Python's cycle collector on the GUI thread only, and never over the whole app mid-work.

The collector runs on whichever thread happens to allocate. If it frees a cycle holding a Qt
object while the database worker is allocating, Qt deletes that object off the GUI thread and
the process crashes (seen here: a segfault inside SQLAlchemy on the worker). So automatic
collection is off and a timer on the GUI thread collects instead — the pattern PyQt
applications use (Fabio Zadrozny's GarbageCollector).

A full collection walks every live object: ~140 ms with a workshop open (~127,000 objects),
a visible stall whenever one fell during a long print. Most of those objects live as long as the
document (its rooms, widgets, the ORM's classes), so `settle()`, run once a document has loaded,
collects everything and then freezes the survivors (gc.freeze): later collections, full ones
included, only walk what was made since. The next `settle()` (the next document) unfreezes
first, so the previous document's cycles are collected then and nothing accumulates.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    """Disables automatic collection and collects, generation by generation, on a GUI timer."""

    SETTLE_DELAY_MS = 2000  # after a document opens, its rooms finish loading in the background

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.timeout.connect(self.settle)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break

    def settle(self) -> None:
        """Collect everything (the frozen objects of an earlier document too), then freeze what
        survives: it is what the open document keeps, and need not be walked again."""
        self.settle_timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def settle_soon(self, *_args) -> None:
        """`settle()` once the document just opened has loaded (connect to document_opened)."""
        self.settle_timer.start(self.SETTLE_DELAY_MS)
