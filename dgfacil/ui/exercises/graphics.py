"""Graphics items of a card board: the board frame (zones or a plane), cards, cluster frames.

One QGraphicsItem per card, painted (no widget per card) and cached as a device pixmap, so a
board of 500 cards pans smoothly. Cards are children of a BoardFrame whose local coordinates are
the board's (BOARD_W x BOARD_H); the side-by-side view of all groups reuses the same items scaled.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmapCache, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.ui.widgets import plain_tooltip

BOARD_W, BOARD_H = 1600.0, 1000.0
CARD_W, CARD_H = core.CARD_W * BOARD_W, core.CARD_H * BOARD_H
CARD_COLOURS = {
    "Yellow": "#FFF176",
    "Pink": "#F8BBD0",
    "Green": "#C5E1A5",
    "Blue": "#B3E5FC",
    "Orange": "#FFCC80",
    "Purple": "#D1C4E9",
}
DEFAULT_CARD = "#FFF176"
INK = QColor("#1b2a41")
MUTED = QColor("#5b6475")


PIXMAP_CACHE_KB = 192 * 1024


def enough_pixmap_cache() -> None:
    """Let every card's cached pixmap stay cached.

    Qt's default pixmap cache (10 MB) holds ~60 zoomed cards; past that the cache thrashes and a
    500-card board repaints every card on each pan step (measured: 84-107 ms a step, against ~6 ms
    with room for them). 192 MB is what 500 cards at 1.6x zoom plus the board need.
    """
    if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)


def font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def pixel_font(pixels: float, bold: bool = False) -> QFont:
    """A font sized in scene units (the projector sizes its text against the screen's height)."""
    f = QFont()
    f.setPixelSize(max(1, math.ceil(pixels)))
    f.setBold(bold)
    return f


BASE_TEXT_PX = 11 * 96 / 72  # the room's card text (11 pt at 96 dpi): badges and dots scale from it


def to_scene(x: float, y: float) -> QPointF:
    return QPointF(x * BOARD_W, y * BOARD_H)


def to_board(point: QPointF) -> tuple[float, float]:
    return point.x() / BOARD_W, point.y() / BOARD_H


def _r(rect: core.Rect) -> QRectF:
    return QRectF(rect.x * BOARD_W, rect.y * BOARD_H, rect.w * BOARD_W, rect.h * BOARD_H)


def _tint(colour: str, fallback: str = "#F3F5F8") -> QColor:
    c = QColor(colour or fallback)
    return c if c.isValid() else QColor(fallback)


class BoardFrame(QGraphicsRectItem):
    """The board's background: named zones (with SWOT's row/column labels) or a plane's quadrants.

    A rect item (its rect is its bounds, no pen) for the reason a CardItem is one."""

    def __init__(self, kind: str, definition: dict, heading: str = "") -> None:
        super().__init__()
        self.kind, self.definition, self.heading = kind, definition, heading
        self.text_px: float | None = None  # set on the projector: titles and labels grow with the cards
        self.setZValue(-10)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.setPen(Qt.NoPen)
        top = 60 if heading else 0
        self.setRect(QRectF(0, -top, BOARD_W, BOARD_H + top))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(QRectF(0, 0, BOARD_W, BOARD_H), QColor("white"))
        if self.heading:
            painter.setPen(INK)
            painter.setFont(font(26, True))
            painter.drawText(QRectF(0, -60, BOARD_W, 56), Qt.AlignLeft | Qt.AlignVCenter, self.heading)
        if self.kind == "plane":
            self._paint_plane(painter)
        else:
            self._paint_zones(painter)

    def _area(self, painter: QPainter, rect: QRectF, title: str, hint: str, colour: QColor) -> None:
        inner = rect.adjusted(4, 4, -4, -4)
        painter.setPen(QPen(colour.darker(125), 1.5))
        painter.setBrush(colour)
        painter.drawRoundedRect(inner, 10, 10)
        painter.setPen(INK)
        painter.setFont(self.title_font())
        painter.drawText(inner.adjusted(12, 6, -12, 0), Qt.AlignLeft | Qt.AlignTop, title)
        if hint and self.text_px is None:  # the group's instructions stay off the projector
            painter.setPen(MUTED)
            painter.setFont(font(9.5))
            metrics = QFontMetricsF(painter.font())
            line = metrics.elidedText(hint, Qt.ElideRight, inner.width() - 24)
            painter.drawText(inner.adjusted(12, 32, -12, 0), Qt.AlignLeft | Qt.AlignTop, line)

    def _paint_zones(self, painter: QPainter) -> None:
        rects = core.zone_rects(self.definition)
        zones = {z["key"]: z for z in self.definition.get("zones", [])}
        for key, rect in rects.items():
            zone = zones[key]
            self._area(
                painter,
                _r(rect),
                zone.get("title", key),
                zone.get("hint", ""),
                _tint(zone.get("colour", "")).lighter(104),
            )
        band = core.LABEL_BAND
        painter.setPen(MUTED)
        painter.setFont(self.label_font(11))
        columns = self.definition.get("column_labels") or []
        left = band if self.definition.get("row_labels") else 0.0
        for i, label in enumerate(columns):
            w = (1 - left) / len(columns)
            painter.drawText(
                QRectF((left + i * w) * BOARD_W, 0, w * BOARD_W, band * BOARD_H), Qt.AlignCenter, label.upper()
            )
        rows = self.definition.get("row_labels") or []
        top = band if columns else 0.0
        for i, label in enumerate(rows):
            h = (1 - top) / len(rows)
            painter.save()
            painter.translate(band * BOARD_W / 2, (top + (i + 0.5) * h) * BOARD_H)
            painter.rotate(-90)
            painter.drawText(
                QRectF(-h * BOARD_H / 2, -band * BOARD_W / 2, h * BOARD_H, band * BOARD_W),
                Qt.AlignCenter,
                label.upper(),
            )
            painter.restore()

    def title_font(self) -> QFont:
        return pixel_font(self.text_px * 1.3, True) if self.text_px else font(15, True)

    def label_font(self, points: float, bold: bool = True) -> QFont:
        """Row, column and axis labels: as large as the card text on the projector."""
        return pixel_font(self.text_px, bold) if self.text_px else font(points, bold)

    def title_band(self) -> float:
        """Scene height an area's title takes on the projector (cards go below it)."""
        return self.text_px * 1.3 * 1.45 + 10 if self.text_px else 0.075 * BOARD_H

    def _paint_plane(self, painter: QPainter) -> None:
        tints = {"top-right": "#FFE0E0", "top-left": "#FFF3D6", "bottom-right": "#E3F0FF", "bottom-left": "#EEF1F5"}
        for q in self.definition.get("quadrants", []):
            rect = _r(core.area_rects("plane", self.definition)[q["key"]])
            self._area(
                painter,
                rect,
                q.get("title", q["key"]),
                q.get("hint", ""),
                _tint(q.get("colour", ""), tints[q["corner"]]),
            )
        # axes in the margins the quadrants leave: interest left to right, influence bottom to top
        left = core.AXIS_BAND * BOARD_W - 6
        bottom = 2 * core._HALF_H * BOARD_H + 6
        painter.setPen(QPen(INK, 3))
        painter.setBrush(INK)
        painter.drawLine(QPointF(left, bottom), QPointF(BOARD_W - 14, bottom))
        painter.drawLine(QPointF(left, bottom), QPointF(left, 14))
        painter.drawPolygon(
            QPolygonF(
                [QPointF(BOARD_W - 2, bottom), QPointF(BOARD_W - 18, bottom - 8), QPointF(BOARD_W - 18, bottom + 8)]
            )
        )
        painter.drawPolygon(QPolygonF([QPointF(left, 2), QPointF(left - 8, 18), QPointF(left + 8, 18)]))
        x_axis, y_axis = self.definition.get("x_axis", {}), self.definition.get("y_axis", {})
        band = QRectF(left + 8, bottom + 4, BOARD_W - left - 30, BOARD_H - bottom - 6)
        self._axis_labels(painter, band, x_axis)
        painter.save()
        painter.translate(left - 4, bottom - 8)
        painter.rotate(-90)
        self._axis_labels(painter, QRectF(0, -left + 6, bottom - 30, left - 8), y_axis)
        painter.restore()

    def _axis_labels(self, painter: QPainter, band: QRectF, axis: dict) -> None:
        painter.setPen(MUTED)
        painter.setFont(self.label_font(10, False))
        painter.drawText(band, Qt.AlignLeft | Qt.AlignVCenter, axis.get("low", ""))
        painter.drawText(band, Qt.AlignRight | Qt.AlignVCenter, axis.get("high", ""))
        painter.setPen(INK)
        painter.setFont(self.label_font(12))
        painter.drawText(band, Qt.AlignCenter, f"{axis.get('title', '')} →")


class CardItem(QGraphicsRectItem):
    """One card: wrapped text, colour, its dots and (on a plane) its tag.

    A rect item whose rect is the card's bounds (face and shadow, no pen): the scene asks every
    card for its bounding rect on each repaint, and Qt's own answer spares a call into Python,
    which waits for the GIL while the room link's threads hold it (a repaint of 2,000 cards did).
    """

    def __init__(self, item: BoardItem, *, movable: bool = True) -> None:
        super().__init__()
        self.card = item
        flags = QGraphicsItem.ItemIsSelectable | (
            QGraphicsItem.ItemIsMovable if movable else QGraphicsItem.GraphicsItemFlag(0)
        )
        self.setFlags(flags)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.setAcceptHoverEvents(False)
        self.w, self.h = CARD_W, CARD_H
        self.text_px: float | None = None  # the projector's text size, in scene units
        self.setPen(Qt.NoPen)
        self.setRect(self.face().adjusted(-2, -2, 5, 5))
        self.update_from(item)

    def update_from(self, item: BoardItem) -> None:
        self.card = item
        self.setPos(to_scene(item.x, item.y))
        self.setToolTip(plain_tooltip(item.text))
        self.update()

    def project(self, centre: QPointF, w: float, h: float, text_px: float) -> None:
        """Show the card at a projector's place and size (the stored place is not changed)."""
        if (w, h, text_px) != (self.w, self.h, self.text_px):
            self.w, self.h, self.text_px = w, h, text_px
            self.setRect(self.face().adjusted(-2, -2, 5, 5))
        self.setPos(centre)
        self.update()

    def scale_of_marks(self) -> float:
        """How much larger than in the room the tag chip and the dots are drawn."""
        return self.text_px / BASE_TEXT_PX if self.text_px else 1.0

    def face(self) -> QRectF:
        """The card itself, without its shadow."""
        return QRectF(-self.w / 2, -self.h / 2, self.w, self.h)

    def text_font(self) -> QFont:
        if self.text_px:
            return pixel_font(self.text_px)
        n = len(self.card.text)
        return font(11 if n < 40 else 9.5 if n < 90 else 8)

    def text_rect(self) -> QRectF:
        k = self.scale_of_marks()
        bottom = 20 * k if (self.card.data.get("tag") or self.card.votes) else 4 * k
        return self.face().adjusted(7 * k, 5 * k, -7 * k, -bottom)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.face())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = self.face()
        k = self.scale_of_marks()
        painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 40))
        painter.fillRect(rect, _tint(self.card.colour, DEFAULT_CARD))
        selected = bool(self.isSelected())
        painter.setPen(QPen(QColor("#0b3d91"), 3) if selected else QPen(QColor(0, 0, 0, 50), 1))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(rect)
        tag = self.card.data.get("tag", "")
        painter.setFont(self.text_font())
        painter.setPen(QColor("#222"))
        painter.save()
        text_rect = self.text_rect()
        painter.setClipRect(text_rect.adjusted(-1, 0, 1, 0))
        painter.drawText(text_rect, Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, self.card.text)
        painter.restore()
        if tag:
            painter.setFont(pixel_font(self.text_px * 0.7, True) if self.text_px else font(7.5, True))
            metrics = QFontMetricsF(painter.font())
            chip = QRectF(rect.left() + 5 * k, rect.bottom() - 17 * k, metrics.horizontalAdvance(tag) + 10 * k, 14 * k)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("#0b3d91"))
            painter.drawRoundedRect(chip, 7 * k, 7 * k)
            painter.setPen(QColor("white"))
            painter.drawText(chip, Qt.AlignCenter, tag)
        if self.card.votes:
            self._paint_dots(painter, rect)

    def _paint_dots(self, painter: QPainter, rect: QRectF) -> None:
        k = self.scale_of_marks()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor("white"), 1.2 * k))
        painter.setBrush(QColor("#D32F2F"))
        shown = min(self.card.votes, 5)
        for i in range(shown):
            painter.drawEllipse(QPointF(rect.right() - 9 * k - i * 11 * k, rect.bottom() - 10 * k), 5 * k, 5 * k)
        if self.card.votes > 5:
            painter.setPen(QColor("#D32F2F"))
            painter.setFont(pixel_font(self.text_px * 0.8, True) if self.text_px else font(8, True))
            painter.drawText(
                QRectF(rect.right() - 90 * k, rect.bottom() - 18 * k, 24 * k, 16 * k),
                Qt.AlignRight | Qt.AlignVCenter,
                str(self.card.votes),
            )


class ClusterItem(QGraphicsItem):
    """A dashed frame around the cards of one cluster, its heading (and dot total) on top."""

    def __init__(self, heading: str, rect: QRectF, votes: int, text_px: float | None = None) -> None:
        super().__init__()
        self.heading, self.frame, self.votes, self.text_px = heading, rect, votes, text_px
        self.band = text_px * 1.5 if text_px else 22
        self.setZValue(-5)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return self.frame.adjusted(-12, -12 - self.band, 12, 12)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        frame = self.frame.adjusted(-8, -8, 8, 8)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor("#0b3d91"), 2, Qt.DashLine))
        painter.setBrush(QBrush(QColor(255, 255, 255, 110)))
        painter.drawRoundedRect(frame, 8, 8)
        painter.setFont(pixel_font(self.text_px, True) if self.text_px else font(10, True))
        label = self.heading + (f"  ● {self.votes}" if self.votes else "")
        metrics = QFontMetricsF(painter.font())
        band = QRectF(frame.left(), frame.top() - self.band - 2, metrics.horizontalAdvance(label) + 16, self.band)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("#0b3d91"))
        painter.drawRoundedRect(band, 5, 5)
        painter.setPen(QColor("white"))
        painter.drawText(band, Qt.AlignCenter, label)


def cluster_items(cards: dict[int, CardItem], text_px: float | None = None) -> list[ClusterItem]:
    """Cluster frames for the cards as they are placed (and sized) now."""
    out = []
    for cluster in core.clusters(n.card for n in cards.values()):
        rect = QRectF()
        for item_id in cluster.item_ids:
            item = cards.get(item_id)
            if item is not None:
                card_rect = item.face().translated(item.pos())
                rect = card_rect if rect.isNull() else rect.united(card_rect)
        out.append(ClusterItem(cluster.heading, rect, cluster.votes, text_px))
    return out
