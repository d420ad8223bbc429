"""The link's writer under the app: phone input runs on the app's one database worker, and the
rooms hear of it through `changes_applied` — delivered on the GUI thread by a queued signal, as
`PhoneChanges`, which the screens that show phone input redraw off the GUI thread (ui/link/refresh.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from dgfacil.link.writer import GroupCommit
from dgfacil.operations.changes import Changes
from dgfacil.ui.link.refresh import from_phones
from dgfacil.ui.tasks import Tasks

COALESCE_MS = 100  # phone input is announced at most 10 times a second; screens read it off the GUI thread


class TasksWriter(QObject):
    """A `dgfacil.link.writer.Writer` over the app's Tasks; it is the initiator of phone changes."""

    _arrived = Signal(object)  # emitted on a link thread, received on the GUI thread (queued)

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._arrived.connect(self._announce)
        self._waiting: Changes | None = None
        self._flush = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._flush.timeout.connect(self._announce_now)
        self._group = GroupCommit(self._on_worker)

    async def _on_worker(self, fn: Callable[[Any], Any]) -> Any:
        # tasks.read runs fn in its own committed transaction on the one database worker; the
        # refusals a phone gets (no dots left, closed board) stay out of the app's status bar.
        return await asyncio.get_running_loop().run_in_executor(None, self.tasks.read, fn)

    async def read(self, fn: Callable[[Any], Any]) -> Any:
        return await self._on_worker(fn)

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        result = await self._group.write(fn)  # phone writes that arrive together share one commit
        if isinstance(result, Changes):
            self._arrived.emit(result)
        return result

    def _announce(self, changes: Changes) -> None:
        """Phone input arriving together is announced together: the rooms redraw once, not per note."""
        self._waiting = changes if self._waiting is None else self._waiting | changes
        if not self._flush.isActive():
            self._flush.start()

    def _announce_now(self) -> None:
        changes, self._waiting = self._waiting, None
        if changes is not None and not self.tasks.closed:
            self.tasks.changes_applied.emit(from_phones(changes), self)
