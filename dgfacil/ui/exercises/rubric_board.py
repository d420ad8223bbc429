"""Rubric exercises (the nine pillars): dimensions x levels with descriptors; current and target.

A group selects a descriptor and marks it current (C) or target (T); the gap per dimension and a
radar chart of current vs target follow at once. Answers: exercise_answer key = dimension key,
value {"current": level index, "target": level index}.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from dgfacil.core import exercises as core
from dgfacil.operations import boards as board_ops
from dgfacil.ui.exercises import commands as cmd
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.exercises.graphics import font, pixel_font
from dgfacil.ui.exercises.radar import CURRENT, TARGET, RadarChart, paint_radar
from dgfacil.ui.widgets import plain_tooltip

MARK_ROLE = Qt.UserRole + 1  # (is current, is target)


class RubricModel(QAbstractTableModel):
    """Rows: dimensions. Columns: the dimension, one per level, the gap."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.definition: dict = {}
        self.answers: dict[str, dict] = {}

    def reset(self, definition: dict, answers: dict[str, dict]) -> None:
        self.beginResetModel()
        self.definition, self.answers = definition, answers
        self.endResetModel()

    @property
    def dims(self) -> list[dict]:
        return self.definition.get("dimensions", [])

    @property
    def levels(self) -> list[dict]:
        return self.definition.get("levels", [])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.dims)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.levels) + 2

    def level_of(self, index: QModelIndex) -> int | None:
        return index.column() - 1 if 1 <= index.column() <= len(self.levels) else None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        dim = self.dims[index.row()]
        answer = self.answers.get(dim["key"], {})
        level = self.level_of(index)
        if role == Qt.DisplayRole:
            if index.column() == 0:
                return dim.get("title", dim["key"])
            if level is not None:
                return dim.get("descriptors", [""] * len(self.levels))[level]
            gap = core.Gap(dim["key"], "", answer.get("current"), answer.get("target")).gap
            return "" if gap is None else (f"+{gap}" if gap > 0 else str(gap))
        if role == MARK_ROLE and level is not None:
            return (answer.get("current") == level, answer.get("target") == level)
        if role == Qt.ToolTipRole and index.column() == 0:
            return plain_tooltip(dim.get("hint", ""))
        if role == Qt.ToolTipRole and level is not None:
            return plain_tooltip(dim.get("descriptors", [""] * len(self.levels))[level])
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            if section == 0:
                return "Pillar"
            if section <= len(self.levels):
                return self.levels[section - 1].get("title", "")
            return "Gap"
        return None

    def flags(self, index: QModelIndex):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable


class MarkDelegate(QStyledItemDelegate):
    """Descriptor text with the group's marks: blue = current, orange = target."""

    BAND = 18

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text_px: int | None = None  # the projector's text size; other text scales with it

    @property
    def compact(self) -> bool:
        """On the projector a level cell shows the group's marks, not the descriptor's paragraph
        (nine pillars of four paragraphs cannot be read from the back of a room)."""
        return self.text_px is not None

    def font_of(self, points: float, bold: bool = False) -> QFont:
        return pixel_font(self.text_px * points / 8.5, bold) if self.text_px else font(points, bold)

    def k(self) -> float:
        return self.text_px / (8.5 * 96 / 72) if self.text_px else 1.0

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        marks = index.data(MARK_ROLE)
        rect = QRectF(option.rect)
        selected = bool(option.state & option.state.State_Selected)
        painter.save()
        fill = QColor("white")
        if marks and marks[0] and marks[1]:
            fill = QColor("#efe3f7")
        elif marks and marks[0]:
            fill = QColor("#dcebfd")
        elif marks and marks[1]:
            fill = QColor("#fde9d6")
        painter.fillRect(rect, fill)
        if index.column() == 0:
            painter.fillRect(rect, QColor("#eef1f5"))
        if selected:
            painter.setPen(QColor("#0b3d91"))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        k = self.k()
        x, y = rect.left() + 5, rect.top() + 4
        for on, text, colour in ((marks and marks[0], "CURRENT", CURRENT), (marks and marks[1], "TARGET", TARGET)):
            if on:
                painter.setFont(self.font_of(7, True))
                w = QFontMetrics(painter.font()).horizontalAdvance(text) + 10 * k
                painter.setPen(Qt.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(x, y, w, 13 * k), 6 * k, 6 * k)
                painter.setPen(QColor("white"))
                painter.drawText(QRectF(x, y, w, 13 * k), Qt.AlignCenter, text)
                if self.compact:
                    y += 13 * k + 4
                else:
                    x += w + 4
        if self.compact and self.is_level(index):
            painter.restore()
            return
        top = self.BAND * k if self.is_level(index) else 4
        painter.setPen(QColor("#1b2a41"))
        painter.setFont(self.text_font(index))
        align = Qt.AlignCenter if index.column() == index.model().columnCount() - 1 else Qt.AlignLeft | Qt.AlignTop
        painter.drawText(rect.adjusted(6, top, -6, -3), align | Qt.TextWordWrap, self.text(index))
        painter.restore()

    def text_font(self, index: QModelIndex) -> QFont:
        if index.column() == index.model().columnCount() - 1:
            return self.font_of(11 if self.compact else 13, True)  # the gap
        if index.column() == 0:  # the dimension: on the projector as large as the rest, numbered
            return self.font_of(8.5 if self.compact else 10, True)
        return self.font_of(8.5)

    def text(self, index: QModelIndex) -> str:
        text = str(index.data() or "")
        return f"{index.row() + 1}. {text}" if self.compact and index.column() == 0 else text

    def is_level(self, index: QModelIndex) -> bool:
        return 0 < index.column() < index.model().columnCount() - 1

    def sizeHint(self, option, index: QModelIndex) -> QSize:  # noqa: N802 (Qt)
        width = max(60, option.rect.width() or 180)
        if self.compact and self.is_level(index):
            return QSize(width, round(2 * (13 + 4) * self.k()) + 8)
        text_rect = QFontMetrics(self.text_font(index)).boundingRect(
            0, 0, width - 12, 10000, Qt.TextWordWrap, self.text(index)
        )
        band = round(self.BAND * self.k()) if self.is_level(index) else 0
        return QSize(width, text_rect.height() + band + 8)


class RubricBoard(BoardBase):
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
        self.model = RubricModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = MarkDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.first_width = 170
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda index: self.mark_index(index, "current"))
        self.radar = RadarChart()
        bar = QToolBar()
        for text, which, key in (("Mark current", "current", "C"), ("Mark target", "target", "T")):
            action = QAction(text, self)
            action.setToolTip(f"{text}: the selected stage ({key}; double-click marks current)")
            action.triggered.connect(lambda _=False, w=which: self.mark_index(self.table.currentIndex(), w))
            self.addAction(action)
            bar.addAction(action)
        self.table.installEventFilter(self)
        self.split = split = QSplitter(Qt.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.radar)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([860, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if toolbar:
            layout.addWidget(bar)
        layout.addWidget(split, 1)
        self.load()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        # C and T mark the selected stage; handled here, not as shortcuts, so they work wherever
        # the table has focus and never fire twice
        if watched is self.table and event.type() == QEvent.KeyPress and not event.modifiers() & ~Qt.KeypadModifier:
            which = {Qt.Key_C: "current", Qt.Key_T: "target"}.get(event.key())
            if which:
                self.mark_index(self.table.currentIndex(), which)
                return True
        return super().eventFilter(watched, event)

    def load(self) -> None:
        ex_id, group = self.exercise.id, self.group_id
        answers = self.read(lambda s: board_ops.board_answers(s, exercise_id=ex_id, group_id=group))
        self.model.reset(self.exercise.definition, answers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.Fixed)
        self.table.setColumnWidth(0, self.first_width)
        self.table.setColumnWidth(self.model.columnCount() - 1, round(self.first_width / 3))
        self.table.resizeRowsToContents()
        self.radar.set_data(self.gaps(), [lv.get("title", "") for lv in self.model.levels])

    def show_readable(self, text_px: int) -> None:
        self.delegate.text_px = self.radar.text_px = text_px
        self.radar.numbered = True  # the spokes carry the rows' numbers: the names are in the table
        self.table.setStyleSheet(f"QHeaderView {{ font-size: {text_px}px; }}")
        self.first_width = round(132 * self.delegate.k())
        self.split.setSizes([600, 400])
        self.load()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def gaps(self) -> list[core.Gap]:
        return core.rubric_gaps(self.exercise.definition, self.model.answers)

    def mark(self, dim_key: str, which: str, level: int | None) -> None:
        """Set (or clear, with None or the same level again) the current or target stage."""
        old = dict(self.model.answers.get(dim_key, {}))
        new = dict(old)
        if level is None or old.get(which) == level:
            new.pop(which, None)
        else:
            new[which] = level
        title = next((d.get("title", dim_key) for d in self.model.dims if d["key"] == dim_key), dim_key)
        self.push(cmd.SetAnswer(self, dim_key, old or None, new or None, f"Mark {which} for {title}"))

    def mark_index(self, index: QModelIndex, which: str) -> None:
        level = self.model.level_of(index) if index.isValid() else None
        if level is None:
            self.status("Select a stage (a descriptor cell) first.")
            return
        self.mark(self.model.dims[index.row()]["key"], which, level)

    def export_size(self) -> QSize:
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(self.model.rowCount())
        )
        return QSize(self.table.width() + 480, max(height + 4, 480))

    def paint_export(self, painter: QPainter, target: QRectF) -> None:
        size = self.export_size()
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / size.width(), target.height() / size.height())
        old = self.table.size()
        self.table.resize(self.table.width(), size.height())
        self.table.render(painter, self.table.rect().topLeft())
        self.table.resize(old)
        painter.fillRect(QRectF(self.table.width(), 0, 480, size.height()), QColor("white"))
        paint_radar(
            painter,
            QRectF(self.table.width() + 10, 10, 460, 460),
            self.gaps(),
            [lv.get("title", "") for lv in self.model.levels],
        )
        painter.restore()
