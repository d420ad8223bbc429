"""The table view of a table exercise: Tab and Shift+Tab walk the cells as in a spreadsheet.

Tab goes along the row and on to the next row; a goal cell that spans several rows is visited
once, at its first row. Tab in the very last cell asks for a new row (`grow`), at once, so that
keys typed right after the Tab land in the new row. The view
also knows the editor it has open, so a reload under it can keep what is being typed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QTableView,
)
from shiboken6 import isValid


class CellDelegate(QStyledItemDelegate):
    """Plain line editing; remembers the open editor."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editor = None

    def createEditor(self, parent, option, index):
        self.editor = super().createEditor(parent, option, index)
        return self.editor

    def open_editor(self):
        return self.editor if self.editor is not None and isValid(self.editor) and self.editor.isVisible() else None


class CellWalkView(QTableView):
    def __init__(self, covered, grow, parent=None) -> None:
        super().__init__(parent)
        self.covered = covered  # (row, column) -> True when a span from a row above hides the cell
        self.grow = grow  # () -> the cell to type in next, after Tab in the last cell of the last row
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        if action not in (QAbstractItemView.MoveNext, QAbstractItemView.MovePrevious):
            return super().moveCursor(action, modifiers)
        model, current = self.model(), self.currentIndex()
        rows, columns = model.rowCount(), model.columnCount()
        if not rows or not columns:
            return QModelIndex()
        if not current.isValid():
            return model.index(0, 0)
        step = 1 if action == QAbstractItemView.MoveNext else -1
        row, column = current.row(), current.column()
        while True:
            column += step
            if column >= columns:
                row, column = row + 1, 0
            elif column < 0:
                row, column = row - 1, columns - 1
            if row >= rows:
                return self.grow() if action == QAbstractItemView.MoveNext else QModelIndex()
            if row < 0:
                return QModelIndex()
            if not self.covered(row, column):
                return model.index(row, column)

    def editing(self) -> tuple[QModelIndex, str] | None:
        """(index, text) of the cell being typed in, if any."""
        editor = self.delegate.open_editor()
        if editor is None or self.state() != QAbstractItemView.EditingState:
            return None
        return self.currentIndex(), editor.text()

    def drop_editor(self) -> None:
        """Close the open editor without committing (its text is kept by the caller)."""
        editor = self.delegate.open_editor()
        if editor is not None:
            self.closeEditor(editor, QAbstractItemDelegate.NoHint)
