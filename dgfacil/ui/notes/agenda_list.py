"""The day's agenda beside the notes: each item with its time and how many notes (and tags) it has."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dgfacil.core.model import NoteTag
from dgfacil.ui.notes.style import MUTED, SELECTED, SEPARATOR, TAGS
from dgfacil.ui.widgets import plain_tooltip

ITEM_ID_ROLE = Qt.UserRole + 1
TIME_ROLE = Qt.UserRole + 2
COUNTS_ROLE = Qt.UserRole + 3  # {NoteTag: count}


class AgendaListModel(QStandardItemModel):
    """One row per agenda item (and one for general notes)."""

    def set_items(self, rows: list[tuple[int | None, str, str]], counts: dict[int | None, dict[NoteTag, int]]) -> None:
        """rows: (item id, "HH:MM" or "", title). Same rows as before: only the counts change."""
        if [r[0] for r in rows] == [self.item(i).data(ITEM_ID_ROLE) for i in range(self.rowCount())]:
            for i, (item_id, start, title) in enumerate(rows):
                row = self.item(i)
                row.setText(title)
                row.setData(start, TIME_ROLE)
                row.setData(counts.get(item_id, {}), COUNTS_ROLE)
            return
        self.clear()
        for item_id, start, title in rows:
            row = QStandardItem(title)
            row.setEditable(False)
            row.setData(item_id, ITEM_ID_ROLE)
            row.setData(start, TIME_ROLE)
            row.setData(counts.get(item_id, {}), COUNTS_ROLE)
            row.setToolTip(plain_tooltip(title))
            self.appendRow(row)

    def row_of(self, item_id: int | None) -> int:
        for row in range(self.rowCount()):
            if self.item(row).data(ITEM_ID_ROLE) == item_id:
                return row
        return -1


class AgendaItemDelegate(QStyledItemDelegate):
    """Time, the title on up to two lines, and the note count with a pill per tag used."""

    PAD = 8

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _title_width(self, option: QStyleOptionViewItem, width: int) -> int:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return width - 2 * self.PAD - 6 - QFontMetrics(small).horizontalAdvance("00:00  ")

    def _title_lines(self, option: QStyleOptionViewItem, index, width: int) -> int:
        fm = QFontMetrics(option.font)
        text = self._two_lines(index.data(Qt.DisplayRole) or "", fm, self._title_width(option, width))
        return text.count("\n") + 1

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        fm = QFontMetrics(option.font)
        width = self.view.viewport().width()
        lines = self._title_lines(option, index, width)
        return QSize(width, self.PAD * 2 + fm.height() * (lines + 1) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        selected = bool(option.state & QStyle.State_Selected)
        painter.fillRect(rect, QColor(SELECTED) if selected else option.palette.base().color())
        if selected:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor("#0b3d91"))
        painter.setPen(QColor(SEPARATOR))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        fm = QFontMetrics(option.font)
        left = rect.left() + self.PAD + 6
        width = rect.width() - 2 * self.PAD - 6
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        sfm = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        start = index.data(TIME_ROLE) or ""
        time_w = sfm.horizontalAdvance("00:00  ") if start else 0
        painter.drawText(QRect(left, rect.top() + self.PAD, time_w, fm.height()), Qt.AlignLeft | Qt.AlignVCenter, start)
        title_font = QFont(option.font)
        title_font.setWeight(QFont.DemiBold if selected else QFont.Normal)
        fm = QFontMetrics(title_font)  # measure in the font drawn, bold when selected
        painter.setFont(title_font)
        painter.setPen(option.palette.text().color())
        title = index.data(Qt.DisplayRole) or ""
        # Two lines at most; the second is elided, so a long session title never pushes the counts out.
        shown = self._two_lines(title, fm, width - time_w)
        lines = shown.count("\n") + 1
        title_rect = QRect(left + time_w, rect.top() + self.PAD, width - time_w, fm.height() * lines)
        painter.drawText(title_rect, Qt.AlignLeft, shown)

        counts: dict = index.data(COUNTS_ROLE) or {}
        total = sum(counts.values())
        y = rect.top() + self.PAD + fm.height() * lines + 4
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        text = f"{total} note{'s' if total != 1 else ''}" if total else "no notes yet"
        painter.drawText(QRect(left + time_w, y, width, sfm.height()), Qt.AlignLeft | Qt.AlignVCenter, text)
        x = left + time_w + sfm.horizontalAdvance(text) + 8
        for tag, look in TAGS.items():
            n = counts.get(tag, 0)
            if tag == NoteTag.NOTE or not n:
                continue
            label = f"{look.symbol} {n}"
            w = sfm.horizontalAdvance(label) + 10
            pill = QRect(x, y, w, sfm.height())
            painter.setPen(Qt.NoPen)
            painter.setBrush(look.fill_colour())
            painter.drawRoundedRect(pill, 6, 6)
            painter.setPen(look.ink_colour())
            painter.drawText(pill, Qt.AlignCenter, label)
            x += w + 4
        painter.restore()

    @staticmethod
    def _two_lines(text: str, fm: QFontMetrics, width: int) -> str:
        words, first = text.split(), ""
        while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
            first = (first + " " + words.pop(0)).strip()
        if not words:
            return first
        if not first:  # one word wider than the column
            return fm.elidedText(text, Qt.ElideRight, width)
        return first + "\n" + fm.elidedText(" ".join(words), Qt.ElideRight, width)
