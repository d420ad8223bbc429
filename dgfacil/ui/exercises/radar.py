"""A radar chart of current vs target level per dimension, painted with QPainter (no QtCharts)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from dgfacil.core.exercises import Gap
from dgfacil.ui.exercises.graphics import INK, MUTED, font, pixel_font

CURRENT = QColor("#1f6fd1")
TARGET = QColor("#e8710a")


def _point(centre: QPointF, radius: float, i: int, n: int) -> QPointF:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))


def paint_radar(
    painter: QPainter,
    rect: QRectF,
    gaps: list[Gap],
    levels: list[str],
    *,
    labels: bool = True,
    text_px: float | None = None,
    numbered: bool = False,
) -> None:
    """Rings for the levels, a spoke per dimension, current (blue) and target (orange) polygons.

    `text_px` sizes the labels in pixels (the projector's); otherwise they are 8 pt. `numbered`
    labels the spokes 1, 2, 3… (the projector's table beside the chart names them)."""
    n, steps = len(gaps), max(1, len(levels))
    k = text_px / (8 * 96 / 72) if text_px else 1.0
    if n < 3:
        return
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    label_room = (0.16 if numbered else 0.36) if labels else 0.04
    radius = min(rect.width(), rect.height() - 30 * k) * (0.5 - label_room / 2)
    centre = QPointF(rect.center().x(), rect.top() + 8 + (rect.height() - 30 * k) / 2)
    painter.setPen(QPen(QColor("#c9cfd8"), 1))
    painter.setBrush(Qt.NoBrush)
    for level in range(1, steps + 1):
        painter.drawPolygon(QPolygonF([_point(centre, radius * level / steps, i, n) for i in range(n)]))
    for i in range(n):
        painter.drawLine(centre, _point(centre, radius, i, n))
    for values, colour in (([g.current for g in gaps], CURRENT), ([g.target for g in gaps], TARGET)):
        if all(v is None for v in values):
            continue
        points = QPolygonF(
            [_point(centre, radius * ((v if v is not None else -1) + 1) / steps, i, n) for i, v in enumerate(values)]
        )
        fill = QColor(colour)
        fill.setAlpha(50)
        painter.setPen(QPen(colour, 2.5))
        painter.setBrush(fill)
        painter.drawPolygon(points)
        painter.setBrush(colour)
        for i, v in enumerate(values):
            if v is not None:
                painter.drawEllipse(points[i], 3.5, 3.5)
    if labels:
        painter.setFont(pixel_font(text_px) if text_px else font(8))
        metrics = QFontMetricsF(painter.font())
        for i, g in enumerate(gaps):
            p = _point(centre, radius + 12, i, n)
            title = str(i + 1) if numbered else g.title
            w = min(rect.width() * 0.26, metrics.horizontalAdvance(title) + 4)
            box = QRectF(p.x() - w / 2, p.y() - 24 * k, w, 48 * k)
            if p.x() > centre.x() + 5:
                box.moveLeft(p.x())
            elif p.x() < centre.x() - 5:
                box.moveRight(p.x())
            # keep every label inside the chart's rectangle
            box.moveLeft(min(max(box.left(), rect.left() + 2), rect.right() - box.width() - 2))
            painter.setPen(INK)
            painter.drawText(box, Qt.AlignCenter | Qt.TextWordWrap, title)
        # legend under the chart
        painter.setFont(pixel_font(text_px, True) if text_px else font(9, True))
        y = rect.bottom() - 14 * k
        x = rect.center().x() - 90 * k
        for text, colour in (("Current", CURRENT), ("Target", TARGET)):
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y - 6 * k, 22 * k, 12 * k), 3, 3)
            painter.setPen(MUTED)
            painter.drawText(QPointF(x + 28 * k, y + 5 * k), text)
            x += 100 * k
    painter.restore()


class RadarChart(QWidget):
    """The radar of one group's rubric (current vs target)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.gaps: list[Gap] = []
        self.levels: list[str] = []
        self.text_px: float | None = None  # the projector's label size
        self.numbered = False
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, gaps: list[Gap], levels: list[str]) -> None:
        self.gaps, self.levels = gaps, levels
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(380, 380)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        paint_radar(painter, QRectF(self.rect()), self.gaps, self.levels, text_px=self.text_px, numbered=self.numbered)
