"""What every board (one exercise, one group) shares: where it pushes undo steps, how it reports.

A board is built for (exercise, group). The host is the room (or a projector window's room): it
owns the undo stack and the status line, and is the initiator of the board's changes.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from dgfacil.core.model import Exercise
from dgfacil.operations.changes import Changes


class BoardHost(Protocol):
    """What a board asks of the room that shows it (the Exercises room)."""

    undo_stack: QUndoStack

    def show_status(self, text: str) -> None:
        """One line under the board ("No dots left")."""

    def board_changed(self, board: BoardBase, changes: Changes) -> None:
        """The board's own command committed: the other views of the same board follow."""


class BoardBase(QWidget):
    """Base of the five board kinds. Subclasses implement load() and paint_export()."""

    def __init__(
        self, ctx, host: BoardHost, exercise: Exercise, group_id: int | None, group_name: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.host, self.exercise = ctx, host, exercise
        self.group_id, self.group_name = group_id, group_name or "Whole room"
        self.tasks = ctx.tasks
        self.setObjectName("board")

    @property
    def initiator(self) -> object:
        return self.host

    def push(self, command: QUndoCommand) -> None:
        self.host.undo_stack.push(command)

    def status(self, text: str) -> None:
        self.host.show_status(text)

    def read(self, fn):
        return self.tasks.read(fn)

    def set_exercise(self, exercise: Exercise) -> None:
        """The definition changed (e.g. the vote rule): keep the board, redraw."""
        self.exercise = exercise
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Save what is being typed now (the board is about to go); most boards save as they go."""

    def apply(self, changes: Changes) -> None:
        """Redraw after a committed change; a board with cheap redraws simply reloads."""
        if changes.boards or changes.groups:
            self.load()

    def show_readable(self, text_px: int) -> None:
        """On the projector: make the board's text at least `text_px` pixels high. A card
        board sizes itself against its window instead (card_projection)."""

    # -- export ---------------------------------------------------------------------------
    def export_size(self) -> QSize:
        return self.size()

    def paint_export(self, painter: QPainter, target: QRectF) -> None:
        """Paint the board into `target` (PNG and SVG export). Widgets render themselves."""
        size = self.export_size()
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / max(1, size.width()), target.height() / max(1, size.height()))
        self.render(painter, QPoint())
        painter.restore()
