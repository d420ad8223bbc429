"""The list of notes as a Qt model, and the delegate that paints each note (no widget per note).

A note is painted as a header line — time in the workshop's zone, the tag as a coloured pill with
its symbol and word, the speaker — and the text below it, wrapped. Text is drawn with
QPainter.drawText, which never interprets markup: a note reading "<b>x</b>" shows just that.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dgfacil.core.agenda import hhmm, in_zone
from dgfacil.core.model import Note, NoteTag
from dgfacil.ui.notes.style import MUTED, SELECTED, SEPARATOR, TAGS

NOTE_ROLE = Qt.UserRole + 1
ITEM_TITLE_ROLE = Qt.UserRole + 2
PAD = 10
STRIPE = 4
TIME_WIDTH = 52


class NotesModel(QAbstractListModel):
    """Notes in time order. `item_titles` (agenda item id -> title) is shown in search results."""

    def __init__(self, zone: str = "UTC", parent=None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.notes: list[Note] = []
        self.item_titles: dict[int | None, str] | None = None

    def set_notes(self, notes: list[Note], item_titles: dict[int | None, str] | None = None) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self.item_titles = item_titles
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.notes)

    def row_of(self, note_id: int | None) -> int:
        for row, note in enumerate(self.notes):
            if note.id == note_id:
                return row
        return -1

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.notes):
            return None
        note = self.notes[index.row()]
        if role == Qt.DisplayRole:
            return note.text
        if role == NOTE_ROLE:
            return note
        if role == ITEM_TITLE_ROLE:
            return (self.item_titles or {}).get(note.agenda_item_id, "") if self.item_titles is not None else None
        if role == Qt.ToolTipRole:
            local = in_zone(note.created_at, self.zone)
            return f"{local:%d %b %Y %H:%M:%S} ({self.zone}) · {note.created_at:%H:%M:%S} UTC"
        if role == Qt.AccessibleTextRole:
            look = TAGS[note.tag]
            who = f", {note.speaker}" if note.speaker else ""
            action = f" ({action_line(note)[2:]})" if action_line(note) else ""
            return f"{hhmm(note.created_at, self.zone)}, {look.word}{who}{action}: {note.text}"
        return None


def action_line(note: Note) -> str:
    """'→ Ms. Lee · due 2026-12-31' for an action with an owner or a due date, else ''."""
    if note.tag != NoteTag.ACTION or not (note.owner or note.due):
        return ""
    return "→ " + " · ".join(p for p in (note.owner, f"due {note.due}" if note.due else "") if p)


class NoteDelegate(QStyledItemDelegate):
    """Paints one note; its height follows the wrapped text and the view's width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    # -- geometry ---------------------------------------------------------------------------
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return body, bold, small

    def _text_rect(self, rect: QRect) -> QRect:
        left = rect.left() + STRIPE + PAD + TIME_WIDTH
        return QRect(left, rect.top(), max(40, rect.right() - PAD - left), rect.height())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        body, bold, small = self._fonts(option)
        width = self.view.viewport().width()
        text_width = self._text_rect(QRect(0, 0, width, 10)).width()
        note = index.data(NOTE_ROLE)
        header = QFontMetrics(bold).height() + 4 if note is not None and self._has_header(note) else 0
        text_h = (
            QFontMetrics(body)
            .boundingRect(QRect(0, 0, text_width, 100_000), Qt.TextWordWrap, index.data(Qt.DisplayRole) or "")
            .height()
        )
        title_h = QFontMetrics(small).height() + 2 if index.data(ITEM_TITLE_ROLE) else 0
        return QSize(width, PAD + title_h + header + text_h + PAD)

    @staticmethod
    def _has_header(note: Note) -> bool:
        # A plain note with no speaker needs no header line: its text sits beside the time.
        return note.tag != NoteTag.NOTE or bool(note.speaker)

    # -- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        note: Note = index.data(NOTE_ROLE)
        if note is None:
            return
        look = TAGS[note.tag]
        body, bold, small = self._fonts(option)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        selected = bool(option.state & QStyle.State_Selected)
        painter.fillRect(rect, QColor(SELECTED) if selected else option.palette.base().color())
        if note.tag != NoteTag.NOTE:  # the stripe repeats the pill's colour down the whole note
            painter.fillRect(QRect(rect.left(), rect.top(), STRIPE, rect.height()), look.ink_colour())
        painter.setPen(QPen(QColor(SEPARATOR)))
        painter.drawLine(rect.left() + STRIPE, rect.bottom(), rect.right(), rect.bottom())

        y = rect.top() + PAD
        text_rect = self._text_rect(rect)
        title = index.data(ITEM_TITLE_ROLE)
        if title:
            painter.setFont(small)
            painter.setPen(QColor(MUTED))
            fm = QFontMetrics(small)
            painter.drawText(
                QRect(text_rect.left(), y, text_rect.width(), fm.height()),
                Qt.AlignLeft,
                fm.elidedText(title, Qt.ElideRight, text_rect.width()),
            )
            y += fm.height() + 2

        header_h = QFontMetrics(bold).height() + 4
        time_h = header_h if self._has_header(note) else QFontMetrics(body).height()
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        model = index.model()
        zone = model.zone if isinstance(model, NotesModel) else "UTC"
        painter.drawText(
            QRect(rect.left() + STRIPE + PAD, y, TIME_WIDTH, time_h),
            Qt.AlignLeft | Qt.AlignVCenter,
            hhmm(note.created_at, zone),
        )

        x = text_rect.left()
        if note.tag != NoteTag.NOTE:
            fm = QFontMetrics(small)
            pill_w = fm.horizontalAdvance(look.label) + 14
            pill = QRect(x, y + 1, pill_w, header_h - 2)
            painter.setPen(Qt.NoPen)
            painter.setBrush(look.fill_colour())
            painter.drawRoundedRect(pill, 8, 8)
            painter.setPen(look.ink_colour())
            painter.drawText(pill, Qt.AlignCenter, look.label)
            x += pill_w + 8
        if note.speaker:
            painter.setFont(bold)
            painter.setPen(option.palette.text().color())
            fm = QFontMetrics(bold)
            room = max(0, text_rect.right() - x)
            painter.drawText(
                QRect(x, y, room, header_h),
                Qt.AlignLeft | Qt.AlignVCenter,
                fm.elidedText(note.speaker, Qt.ElideRight, room),
            )
            x += min(room, fm.horizontalAdvance(note.speaker)) + 10
        if action_line(note):
            painter.setFont(small)
            painter.setPen(QColor(MUTED))
            room = max(0, text_rect.right() - x)
            painter.drawText(
                QRect(x, y, room, header_h),
                Qt.AlignLeft | Qt.AlignVCenter,
                QFontMetrics(small).elidedText(action_line(note), Qt.ElideRight, room),
            )
        if self._has_header(note):
            y += header_h

        painter.setFont(body)
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(text_rect.left(), y, text_rect.width(), rect.bottom() - y), Qt.TextWordWrap, note.text)
        if option.state & QStyle.State_HasFocus and selected:
            painter.setPen(QPen(QColor("#3b6fd8"), 1))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
