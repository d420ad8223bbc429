"""Phone input redrawn later and together: read on the database worker, shown on the GUI thread.

A room of phones writes hundreds of times a minute. A screen that read the document on the GUI
thread for each of them would wait behind the phones' commits (the one worker runs them in turn)
and the window would stall. Screens that show phone input instead ask a `CoalescedRead`: the read
runs on the worker while the GUI thread goes on, its answer is applied on the GUI thread, and
requests that come while one is waiting or running make one more read, at most every `interval_ms`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from dgfacil.operations.changes import Changes
from dgfacil.ui.tasks import DocumentClosed, Tasks

REFRESH_MS = 100  # a burst of phone input redraws a screen at most ten times a second

# Threads that only wait for the worker's answer (Tasks.read blocks its caller), so the GUI need not.
_waiters = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dgfacil-wait")


@dataclass(frozen=True)
class PhoneChanges(Changes):
    """Changes the room's phones made (announced by the link's writer): a screen may redraw them a
    little later and together, off the GUI thread, instead of at once."""


def from_phones(changes: Changes) -> PhoneChanges:
    return PhoneChanges(**{k: getattr(changes, k) for k in Changes.__dataclass_fields__})


class CoalescedRead(QObject):
    """`request()` as often as you like: `prepare()` (GUI thread) gives the read for what is asked
    now, the worker runs it, and `show(answer)` gets its answer on the GUI thread."""

    _answered = Signal(object, object)  # (answer, error) from a waiting thread, queued to the GUI

    def __init__(
        self,
        tasks: Tasks,
        prepare: Callable[[], Callable[[Any], Any] | None],
        show: Callable[[Any], None],
        parent: QObject | None = None,
        *,
        interval_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.prepare, self.show = tasks, prepare, show
        self.interval_ms = interval_ms
        self._running = False
        self._again = False
        self._started = 0.0
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._start)
        self._answered.connect(self._done)

    @property
    def busy(self) -> bool:
        """A read is asked for, waiting or running (tests wait for this to end)."""
        return self._running or self._timer.isActive()

    def request(self) -> None:
        if self._running:
            self._again = True
        elif not self._timer.isActive():
            since_ms = (time.monotonic() - self._started) * 1000
            self._timer.start(max(0, int(self.interval_ms - since_ms)))

    def _start(self) -> None:
        if self.tasks.closed:
            return
        read = self.prepare()
        if read is None:
            return
        self._running, self._again, self._started = True, False, time.monotonic()
        _waiters.submit(self._wait, read)

    def _wait(self, read: Callable[[Any], Any]) -> None:
        try:
            answer, error = self.tasks.read(read), None
        except Exception as err:  # noqa: BLE001 - reported on the GUI thread (unless the workshop closed)
            answer, error = None, err
        try:
            self._answered.emit(answer, error)
        except RuntimeError:  # this object is gone with its screen
            pass

    def _done(self, answer: Any, error: BaseException | None) -> None:
        self._running = False
        if self.tasks.closed or isinstance(error, DocumentClosed):
            return
        if error is not None:
            self.tasks.failed.emit(str(error) or type(error).__name__)
        else:
            self.show(answer)
        if self._again:
            self.request()
