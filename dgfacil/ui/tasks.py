"""One serialized database worker, and long work with progress and cancel.

Every database action runs on a single worker thread, one at a time (Anki's taskman): a write
`run(op)` emits `changes_applied(changes, initiator)` on the GUI thread when it is committed; a
read `read(fn)` waits for its answer (reads are short and must see every earlier write).
Long work (`run_long`) runs on its own thread with a `Progress` it reports to and checks.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from dgfacil.operations.changes import Changes

if TYPE_CHECKING:  # the store (sqlmodel) loads after the window shows
    from dgfacil.operations.document import Document


class Progress:
    """Given to long work: `report(done, total, text)` and `cancelled` (set by the Cancel button)."""

    def __init__(self, on_report: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_report = on_report

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._on_report:
            self._on_report(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class DocumentClosed(RuntimeError):
    """The document was closed; its worker takes no more work."""

    def __init__(self) -> None:
        super().__init__("the workshop was closed")


class Tasks(QObject):
    """The document's worker. One per open document."""

    changes_applied = Signal(object, object)
    """Fires on the GUI thread after an operation committed: (Changes, initiator)."""
    failed = Signal(str)
    """Fires on the GUI thread when an operation raised: a sentence for the status bar."""
    _finished = Signal(object)  # internal: a callable to run on the GUI thread
    _progressed = Signal(object, int, int, str)  # internal: (callback, done, total, text)

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._closed = False
        self._running: set[Progress] = set()
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dgfacil-db")
        self._long = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dgfacil-long")
        self._finished.connect(lambda fn: fn())
        self._progressed.connect(lambda fn, done, total, text: None if self._closed else fn(done, total, text))

    # -- database -------------------------------------------------------------------------
    def _in_session(self, fn: Callable, write: bool = True) -> Any:
        with self.doc.session(write=write) as session:
            return fn(session)

    def _check_open(self) -> None:
        if self._closed:
            raise DocumentClosed()

    def read(self, fn: Callable[[Any], Any]) -> Any:
        """Run `fn(session)` on the worker and return its answer (waits; reads are short)."""
        self._check_open()
        if threading.current_thread().name.startswith("dgfacil-db"):
            return self._in_session(fn, False)
        return self._db.submit(self._in_session, fn, False).result()  # a read never waits for a writer

    def run(
        self,
        op: Callable[[Any], Any],
        *,
        initiator: object = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        """Run a write `op(session)` returning Changes in its own transaction."""
        self._check_open()
        future = self._db.submit(self._in_session, op)

        def finished(fut: Future) -> None:
            def on_gui() -> None:
                if self._closed:  # the rooms that asked are gone; the write itself is committed
                    return
                error = fut.exception()
                if error is not None:
                    traceback.print_exception(error)
                    if on_error:
                        on_error(error)
                    self.failed.emit(str(error) or type(error).__name__)
                    return
                result = fut.result()
                if isinstance(result, Changes):
                    self.changes_applied.emit(result, initiator)
                if on_done:
                    on_done(result)

            self._finished.emit(on_gui)

        future.add_done_callback(finished)
        return future

    def run_sync(self, op: Callable[[Any], Any], *, initiator: object = None) -> Any:
        """Run a write and wait for it; changes_applied fires before this returns."""
        self._check_open()
        try:
            result = self._db.submit(self._in_session, op).result()
        except Exception as error:
            self._reload_after_conflict(error)
            raise
        if isinstance(result, Changes):
            self.changes_applied.emit(result, initiator)
        return result

    def _reload_after_conflict(self, error: Exception) -> None:
        """An edit refused because someone else changed the row (team mode): every room shows the
        current value again; the caller still hears the error (the window says who and when)."""
        if type(error).__name__ == "EditConflict":  # the class lives in the store, loaded by now
            from dgfacil.operations.team import everything

            self.changes_applied.emit(everything(), None)

    def wait(self) -> None:
        """Block until every queued database action has run (tests, closing)."""
        if not self._closed:
            self._db.submit(lambda: None).result()

    # -- long work ------------------------------------------------------------------------
    def run_long(
        self,
        work: Callable[[Progress], Any],
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> tuple[Future, Progress]:
        """Run `work(progress)` off the GUI thread; callbacks arrive on the GUI thread."""
        self._check_open()
        progress = Progress((lambda d, t, s: self._progressed.emit(on_progress, d, t, s)) if on_progress else None)
        self._running.add(progress)
        future = self._long.submit(work, progress)

        def finished(fut: Future) -> None:
            self._running.discard(progress)

            def on_gui() -> None:
                if self._closed:
                    return
                error = fut.exception()
                if error is not None:
                    if on_error:
                        on_error(error)
                    else:
                        self.failed.emit(str(error))
                elif on_done:
                    on_done(fut.result())

            self._finished.emit(on_gui)

        future.add_done_callback(finished)
        return future, progress

    @property
    def closed(self) -> bool:
        """True once the document's worker has shut down (a deferred redraw should then do nothing)."""
        return self._closed

    def shutdown(self) -> None:
        """Cancel long work, finish every queued write, then take no more."""
        self._closed = True
        for progress in list(self._running):
            progress.cancel()
        self._db.shutdown(wait=True)
        self._long.shutdown(wait=True, cancel_futures=True)
