"""Table exercises (the action plan): rows under named columns, grouped by goal. Model/view editing.

Rows are board items: area = the goal, data["cells"] = {column key: text}. Rows of one goal sit
together and the goal cell spans them, as on the toolkit's printed action plan.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolBar, QVBoxLayout

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as board_ops
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.widgets import plain_tooltip

GOAL_FILL = QColor("#eef3fb")


class RowsModel(QAbstractTableModel):
    """Rows of a table exercise; column 0 is the goal when the definition groups by one."""

    def __init__(self, board: "TableBoard") -> None:
        super().__init__(board)
        self.board = board
        self.rows: list[BoardItem] = []
        self.columns = []

    def reset(self, definition: dict, rows: list[BoardItem]) -> None:
        self.beginResetModel()
        group = definition.get("group_by")
        self.columns = ([{"key": "", "title": group.get("title", "Goal"), "hint": "The goal these steps serve"}] if group else [])
        self.columns += list(definition.get("columns", []))
        self.rows = [r for _, rows_ in core.table_groups(rows) for r in rows_]
        self.endResetModel()

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
            f = QFont()
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
            self.board.push(cmd.EditNote(self.board, "Rename goal", {i: {"area": row.area} for i in ids},
                                         {i: {"area": value} for i in ids}))
        else:
            cells = dict(row.data.get("cells", {}))
            new = {**row.data, "cells": {**cells, column["key"]: value}}
            self.board.push(cmd.EditNote(self.board, f"Edit {column['title']}", {row.id: {"data": row.data}}, {row.id: {"data": new}}))
        return True


class TableBoard(BoardBase):
    def __init__(self, ctx, host, exercise, group_id, group_name="", parent=None, *, toolbar: bool = True) -> None:
        super().__init__(ctx, host, exercise, group_id, group_name, parent)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        bar = QToolBar()
        for text, slot, key in (("Add step", self.add_row, "Ins"), ("Add goal", self.add_goal, "Ctrl+Shift+N"),
                                ("Delete step", self.delete_rows, "Ctrl+Delete")):
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

    def load(self) -> None:
        ex_id, group = self.exercise.id, self.group_id
        rows = self.read(lambda s: board_ops.board_items(s, exercise_id=ex_id, group_id=group))
        self.model.reset(self.exercise.definition, rows)
        self.table.clearSpans()
        if self.exercise.definition.get("group_by"):
            start = 0
            for _, members in core.table_groups(self.model.rows):
                if len(members) > 1:
                    self.table.setSpan(start, 0, len(members), 1)
                start += len(members)
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
            self.table.setColumnWidth(0, 170)
        self.table.resizeRowsToContents()

    def current_goal(self) -> str:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.rows[index.row()].area
        return self.model.rows[-1].area if self.model.rows else "Goal 1"

    def add_row(self, goal: str | None = None, cells: dict | None = None) -> None:
        goal = self.current_goal() if goal is None else goal
        after = [r.position for r in self.model.rows if r.area == goal]
        item = BoardItem("", goal, data={"cells": dict(cells or {})})
        if after:
            item.position = max(after)  # stays with its goal; ties resolve by id (after the others)
        self.push(cmd.AddNote(self, item, "step"))

    def add_goal(self, name: str | None = None) -> None:
        goals = {r.area for r in self.model.rows}
        n = len(goals) + 1
        while name is None and f"Goal {n}" in goals:
            n += 1
        self.add_row(name or f"Goal {n}")

    def delete_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        ids = [self.model.rows[r].id for r in rows]
        if ids:
            self.push(cmd.DeleteNotes(self, ids, "step"))

    def export_size(self) -> QSize:
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(self.model.rowCount())) + 4
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
