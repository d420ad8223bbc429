"""The view of a card board and the in-place card editor.

The view turns mouse gestures into board actions: double-click adds or edits, a drag moves (one
undo step for all the cards dragged together), the context menu offers the card's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QGraphicsView

from dgfacil.ui.exercises.graphics import BOARD_H, BOARD_W, CARD_H, CARD_W, CardItem, font, pixel_font


class CardEditor(QGraphicsTextItem):
    """Plain-text editing on top of a card: Enter keeps, Shift+Enter breaks a line, Esc cancels."""

    def __init__(self, on_done, text: str, centre: QPointF, colour: QColor, text_px: float | None = None) -> None:
        super().__init__()
        self.on_done, self.colour, self.done = on_done, colour, False
        self.setPlainText(text)
        self.setFont(pixel_font(text_px) if text_px else font(11))
        k = text_px / (11 * 96 / 72) if text_px else 1.0  # the projector's editor is as large as its cards
        self.setTextWidth((CARD_W + 40) * k)
        self.setPos(centre - QPointF((CARD_W + 40) * k / 2, CARD_H * k / 2))
        self.setZValue(1000)
        self.setTextInteractionFlags(Qt.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self.boundingRect()
        painter.fillRect(rect.adjusted(-2, -2, 2, 2), QColor("#0b3d91"))
        painter.fillRect(rect, self.colour)
        super().paint(painter, option, widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.ShiftModifier:
            self.finish(True)
        elif event.key() == Qt.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().focusOutEvent(event)
        self.finish(True)

    def finish(self, keep: bool) -> None:
        if self.done:
            return
        self.done = True
        self.on_done(self, keep, self.toPlainText().strip())


class BoardView(QGraphicsView):
    """Shows one board; fits it to the window unless zoomed with Ctrl+wheel."""

    def __init__(self, board, scene, parent=None, *, margin: float = 10) -> None:
        super().__init__(scene, parent)
        self.board = board
        self.margin = margin
        self.fit = True
        self._pressed: dict[int, QPointF] = {}
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setBackgroundBrush(QColor("#e9ecf1"))
        self.set_fit(True)

    def board_rect(self) -> QRectF:
        m = self.margin
        return QRectF(-m, -m, BOARD_W + 2 * m, BOARD_H + 2 * m)

    def fit_scale(self) -> float:
        """The scale at which the whole board fills the view (fitInView's own, when fitted)."""
        if self.fit:
            return self.transform().m11()
        rect, viewport = self.board_rect(), self.viewport().rect()
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def fit_board(self) -> None:
        self.set_fit(True)
        self.fitInView(self.board_rect(), Qt.KeepAspectRatio)

    def set_fit(self, fit: bool) -> None:
        # a fitted board needs no scroll bars; they only come back when zoomed in
        self.fit = fit
        policy = Qt.ScrollBarAlwaysOff if fit else Qt.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.fit:
            self.fitInView(self.board_rect(), Qt.KeepAspectRatio)
        self.board.view_fitted(self.fit_scale())

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.modifiers() & Qt.ControlModifier:
            self.set_fit(False)
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
        else:
            super().wheelEvent(event)

    def card_at(self, pos) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().mousePressEvent(event)
        self.board.clicked_at(self.mapToScene(event.position().toPoint()))
        self._pressed = {
            n.card.id: QPointF(n.pos())
            for n in self.scene().selectedItems()
            if isinstance(n, CardItem) and n.card.id is not None
        }

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().mouseReleaseEvent(event)
        moved = {}
        for card in self.scene().selectedItems():
            if isinstance(card, CardItem) and card.card.id in self._pressed:
                if (card.pos() - self._pressed[card.card.id]).manhattanLength() > 2:
                    moved[card.card.id] = card
        self._pressed = {}
        if moved:
            self.board.cards_dragged(moved)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt)
        card = self.card_at(event.position().toPoint())
        if card is not None:
            self.board.edit_card(card)
        else:
            self.board.begin_new(self.mapToScene(event.position().toPoint()))

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt)
        card = self.card_at(event.pos())
        if card is not None and not card.isSelected():
            self.scene().clearSelection()
            card.setSelected(True)
        self.board.context_menu(event.globalPos(), self.mapToScene(event.pos()))


def drag_flags(movable: bool) -> QGraphicsItem.GraphicsItemFlag:
    return QGraphicsItem.ItemIsSelectable | (
        QGraphicsItem.ItemIsMovable if movable else QGraphicsItem.GraphicsItemFlag(0)
    )
