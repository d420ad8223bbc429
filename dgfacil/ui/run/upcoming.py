"""The re-planned rest of the day as a table model: time, item, length, remarks."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from dgfacil.core.agenda import hhmm
from dgfacil.core.run.plan import ItemStatus, Row, RunState
from dgfacil.core.run.words import done_remarks, row_remarks, span_words
from dgfacil.ui.widgets import plain_tooltip

HEADERS = ("Time", "Item", "Min", "Note")


class UpcomingModel(QAbstractTableModel):
    """Rows of the day: done (greyed), current (bold), pending with re-planned times."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.zone = "UTC"
        self._rows: list[Row] = []
        self._keys: list[tuple] = []

    def set_state(self, state: RunState | None, zone: str) -> None:
        rows = list(state.rows) if state else []
        keys = [self._key(r, zone) for r in rows]
        if keys == self._keys and zone == self.zone:
            return  # same texts: no repaint, no view reset
        self.beginResetModel()
        self._rows, self._keys, self.zone = rows, keys, zone
        self.endResetModel()

    @staticmethod
    def _key(row: Row, zone: str) -> tuple:
        return (row.item.id, row.status, _times(row, zone), row.minutes, _remark(row))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return _times(row, self.zone)
            if col == 1:
                return " ".join(row.item.title.split())
            if col == 2:
                return str(row.ran_min if row.status is ItemStatus.DONE else row.minutes)
            return _remark(row)
        if role == Qt.ToolTipRole and col == 1:
            return plain_tooltip(row.item.title)
        if role == Qt.FontRole and row.status is ItemStatus.CURRENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ForegroundRole:
            if row.status in (ItemStatus.DONE, ItemStatus.SKIPPED, ItemStatus.MISSED):
                return QColor("#64748B")
            if row.status is ItemStatus.PENDING and row.unfit_min:
                return QColor("#B91C1C")
            if col == 3 and row.late_min > 0:
                return QColor("#9A3412")
        if role == Qt.BackgroundRole and row.status is ItemStatus.CURRENT:
            return QColor("#DBEAFE")
        if role == Qt.TextAlignmentRole and col == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


def _times(row: Row, zone: str) -> str:
    if row.start is None or row.unfit_whole:  # an item past a fixed start is not timed after it
        return "—"
    end = hhmm(row.end, zone) if row.end else "…"
    return f"{hhmm(row.start, zone)}–{end}"


def _remark(row: Row) -> str:
    if row.status is ItemStatus.CURRENT:
        change = f" · {row.minutes - row.item.duration_min:+d} min" if row.minutes != row.item.duration_min else ""
        return "now" + change + (f" · {span_words(row.unfit_min)} do not fit" if row.unfit_min else "")
    if row.status is ItemStatus.DONE:
        return done_remarks(row)
    if row.status is ItemStatus.SKIPPED:
        return "skipped"
    if row.status is ItemStatus.MISSED:
        return "not run"
    return row_remarks(row)
