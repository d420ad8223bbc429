"""Table exercises (the action plan): rows under named columns, grouped by goal. Model/view editing.

Rows are board items: area = the goal, data["cells"] = {column key: text}. Rows of one goal sit
together and the goal cell spans them, as on the toolkit's printed action plan.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QToolBar, QVBoxLayout

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as board_ops
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.exercises.table_view import CellWalkView
from dgfacil.ui.widgets import plain_tooltip

GOAL_FILL = QColor("#eef3fb")


class RowsModel(QAbstractTableModel):
    """Rows of a table exercise; column 0 is the goal when the definition groups by one."""

    def __init__(self, board: TableBoard) -> None:
        super().__init__(board)
        self.board = board
        self.rows: list[BoardItem] = []
        self.columns = []

    def reset(self, definition: dict, rows: list[BoardItem]) -> None:
        self.beginResetModel()
        group = definition.get("group_by")
        self.columns = (
            [{"key": "", "title": group.get("title", "Goal"), "hint": "The goal these steps serve"}] if group else []
        )
        self.columns += list(definition.get("columns", []))
        self.rows = [r for _, rows_ in core.table_groups(rows) for r in rows_]
        self.endResetModel()

    def update_rows(self, found: dict[int, BoardItem]) -> bool:
        """Take changed rows in place (the open editor and the current cell stay) when the table
        keeps its shape: same rows, same order, same goal spans. False: it needs a reset."""
        if not found or any(i not in {r.id for r in self.rows} for i in found):
            return False
        updated = [found.get(r.id, r) for r in self.rows]
        shape = [[r.id for r in members] for _, members in core.table_groups(self.rows)]
        if [[r.id for r in members] for _, members in core.table_groups(updated)] != shape:
            return False
        self.rows = updated
        for i, row in enumerate(self.rows):
            if row.id in found:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
        return True

    def covered(self, row: int, column: int) -> bool:
        """A goal cell under the first row of its goal: the span above shows it."""
        return (
            column == 0
            and bool(self.columns)
            and not self.columns[0]["key"]
            and row > 0
            and self.rows[row - 1].area == self.rows[row].area
        )

    def row_of(self, item_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.columns)

    def _value(self, row: BoardItem, column: dict) -> str:
        return row.area if not column["key"] else row.data.get("cells", {}).get(column["key"], "")

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return self._value(row, column)
        if role == Qt.BackgroundRole and not column["key"]:
            return GOAL_FILL
        if role == Qt.FontRole and not column["key"]:
            f = self.board.table.font()  # the table's own size (larger on the projector)
            f.setBold(True)
            return f
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignTop)
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Horizontal:
            if role == Qt.DisplayRole:
                return self.columns[section]["title"]
            if role == Qt.ToolTipRole:
                return plain_tooltip(self.columns[section].get("hint", ""))
        elif role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:  # noqa: N802 (Qt)
        if role != Qt.EditRole:
            return False
        row, column = self.rows[index.row()], self.columns[index.column()]
        value = str(value).strip()
        if value == self._value(row, column):
            return False
        if not column["key"]:
            # renaming a goal renames it for every row under it (the cell spans them)
            ids = [r.id for r in self.rows if r.area == row.area]
            self.board.push(
                cmd.EditItems(
                    self.board, "Rename goal", {i: {"area": row.area} for i in ids}, {i: {"area": value} for i in ids}
                )
            )
        else:
            cells = dict(row.data.get("cells", {}))
            new = {**row.data, "cells": {**cells, column["key"]: value}}
            self.board.push(
                cmd.EditItems(
                    self.board, f"Edit {column['title']}", {row.id: {"data": row.data}}, {row.id: {"data": new}}
                )
            )
        return True


GOAL_WIDTH = 170  # the goal column at the room's text size; it grows with the projector's text


class TableBoard(BoardBase):
    def __init__(
        self,
        ctx,
        host,
        exercise,
        group_id,
        group_name="",
        parent=None,
        *,
        toolbar: bool = True,
        projected: bool = False,
    ) -> None:
        super().__init__(ctx, host, exercise, group_id, group_name, parent)
        self.goal_width = GOAL_WIDTH
        self.model = RowsModel(self)
        self.table = CellWalkView(self.model.covered, self.step_after_last)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        # long column titles ("Key Performance Indicators (KPIs)") wrap instead of being cut
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.fit_header())
        bar = QToolBar()
        for text, slot, key in (
            ("Add step", lambda: self.start_typing(self.add_row(), 1), "Ins"),
            ("Add goal", lambda: self.start_typing(self.add_goal(), 0), "Ctrl+Shift+N"),
            ("Delete step", self.delete_rows, "Ctrl+Delete"),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({key})")
            action.triggered.connect(lambda _=False, fn=slot: fn())
            self.addAction(action)
            bar.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if toolbar:
            layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        self.load()

    def apply(self, changes) -> None:
        if not (changes.boards or changes.groups):
            return
        if changes.boards and changes.ids and not changes.groups:
            found = self.read(lambda s: board_ops.items_by_ids(s, item_ids=list(changes.ids)))
            mine = {i: r for i, r in found.items() if r.exercise_id == self.exercise.id and r.group_id == self.group_id}
            if len(mine) == len(changes.ids) and self.model.update_rows(mine):
                self.table.resizeRowsToContents()
                return
        self.load()

    def load(self) -> None:
        """Read the rows again; the current cell, and any text being typed, stay where they were."""
        ex_id, group = self.exercise.id, self.group_id
        rows = self.read(lambda s: board_ops.board_items(s, exercise_id=ex_id, group_id=group))
        typing = self.table.editing()
        current = self.table.currentIndex()
        where = (
            (self.model.rows[current.row()].id, current.column())
            if current.isValid() and current.row() < len(self.model.rows)
            else None
        )
        self.table.drop_editor()
        self.model.reset(self.exercise.definition, rows)
        self.table.clearSpans()
        if self.exercise.definition.get("group_by"):
            start = 0
            for _, members in core.table_groups(self.model.rows):
                if len(members) > 1:
                    self.table.setSpan(start, 0, len(members), 1)
                start += len(members)
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
            self.table.setColumnWidth(0, self.goal_width)
        self.table.resizeRowsToContents()
        self.fit_header()
        if where is not None and self.model.row_of(where[0]) >= 0:
            self.table.setCurrentIndex(self.model.index(self.model.row_of(where[0]), where[1]))
            if typing is not None:
                self.start_typing(where[0], where[1], typing[1])

    def fit_header(self) -> None:
        """As high as the longest wrapped column title (Qt sizes a header for one line)."""
        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        lines = [
            metrics.boundingRect(
                0,
                0,
                max(20, header.sectionSize(i) - 14),
                10000,
                Qt.TextWordWrap,
                str(self.model.headerData(i, Qt.Horizontal)),
            ).height()
            for i in range(self.model.columnCount())
        ]
        header.setFixedHeight(max(lines, default=metrics.height()) + 12)

    def show_readable(self, text_px: int) -> None:
        f = self.table.font()
        f.setPixelSize(text_px)
        self.table.setFont(f)
        # the window's style sheet draws the header sections: their size is set the same way
        self.table.setStyleSheet(f"QHeaderView {{ font-size: {text_px}px; }}")
        self.goal_width = round(GOAL_WIDTH * text_px / 13)
        self.load()

    def start_typing(self, item_id: int | None, column: int, text: str | None = None) -> None:
        """Open the editor on a row's cell (a new step's first cell, a new goal's name)."""
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, column)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.delegate.open_editor()
        if editor is not None and text is not None:
            editor.setText(text)

    def step_after_last(self) -> QModelIndex:
        """Tab in the last cell: a new step under the last goal; the view types in its first cell."""
        if not self.model.rows:
            return QModelIndex()
        row = self.model.row_of(self.add_row(self.model.rows[-1].area))
        return self.model.index(row, 1) if row >= 0 else QModelIndex()

    def current_goal(self) -> str:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()].area
        return self.model.rows[-1].area if self.model.rows else "Goal 1"

    def add_row(self, goal: str | None = None, cells: dict | None = None) -> int | None:
        goal = self.current_goal() if goal is None else goal
        after = [r.position for r in self.model.rows if r.area == goal]
        item = BoardItem("", goal, data={"cells": dict(cells or {})})
        if after:
            item.position = max(after)  # stays with its goal; ties resolve by id (after the others)
        command = cmd.AddItem(self, item, "step")
        self.push(command)
        return command.item_id

    def add_goal(self, name: str | None = None) -> int | None:
        goals = {r.area for r in self.model.rows}
        n = len(goals) + 1
        while name is None and f"Goal {n}" in goals:
            n += 1
        return self.add_row(name or f"Goal {n}")

    def delete_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        ids = [self.model.rows[r].id for r in rows]
        if ids:
            self.push(cmd.DeleteItems(self, ids, "step"))

    def export_size(self) -> QSize:
        height = (
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
            + 4
        )
        return QSize(self.table.width(), max(height, 200))

    def paint_export(self, painter, target) -> None:
        size = self.export_size()
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / size.width(), target.height() / size.height())
        old = self.table.size()
        self.table.resize(size)
        self.table.render(painter, self.table.rect().topLeft())
        self.table.resize(old)
        painter.restore()
