"""The base of every undoable edit: when the document refuses an operation, say so and drop the
command, so the undo stack never holds an edit that did not happen."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack

from dgfacil.ui.tasks import DocumentClosed


class OperationCommand(QUndoCommand):
    """Subclasses write `do_redo()` / `do_undo()`, running operations through `self.tasks.run_sync`.

    An error in either marks the command obsolete (Qt then removes it from the stack) and is
    reported through `tasks.failed`, which the window shows as "Not saved: …".
    """

    tasks = None  # set by the subclass: the document's Tasks

    def redo(self) -> None:
        self._guard(self.do_redo)

    def undo(self) -> None:
        self._guard(self.do_undo)

    def do_redo(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError

    def _guard(self, step) -> None:
        try:
            step()
        except DocumentClosed:
            self.setObsolete(True)
        except Exception as error:  # noqa: BLE001 — the user hears why; the stack stays sane
            self.setObsolete(True)
            if self.tasks is not None:
                self.tasks.failed.emit(str(error) or type(error).__name__)


@contextmanager
def macro(stack: QUndoStack, text: str):
    """beginMacro/endMacro that always ends, even when a command inside fails."""
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()
