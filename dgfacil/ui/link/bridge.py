"""The link's writer under the app: phone input runs on the app's one database worker, and the
rooms hear of it through `changes_applied` — delivered on the GUI thread by a queued signal."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from dgfacil.operations.changes import Changes
from dgfacil.ui.tasks import Tasks


class TasksWriter(QObject):
    """A `dgfacil.link.writer.Writer` over the app's Tasks; it is the initiator of phone changes."""

    _arrived = Signal(object)  # emitted on a link thread, received on the GUI thread (queued)

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._arrived.connect(self._announce)

    async def read(self, fn: Callable[[Any], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, self.tasks.read, fn)

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        # tasks.read runs fn in its own committed transaction on the one database worker; the
        # refusals a phone gets (no dots left, closed board) stay out of the app's status bar.
        result = await asyncio.get_running_loop().run_in_executor(None, self.tasks.read, fn)
        changes = result[0] if isinstance(result, tuple) else result
        if isinstance(changes, Changes):
            self._arrived.emit(changes)
        return result

    def _announce(self, changes: Changes) -> None:
        if not self.tasks.closed:
            self.tasks.changes_applied.emit(changes, self)
