"""Drawing the projector view: type sized from the window's height, laid out by hand.

A hand layout (rather than labels in a layout) keeps the countdown as large as the screen
allows on any shape of screen, and long item titles can never push the clock off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from dgfacil.core.run.words import Level
from dgfacil.ui.run.look import Theme

# Share of the window's height for each kind of type.
SIZES = {
    "header": 0.028,
    "title": 0.052,
    "countdown": 0.27,
    "words": 0.058,
    "back": 0.075,
    "zones": 0.036,
    "next": 0.040,
    "clock": 0.036,
}
TITLE_LINES = 2


def font_for(kind: str, height: float, scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(max(10, int(height * SIZES[kind] * scale)))
    font.setBold(kind in ("countdown", "title", "words", "back", "clock"))
    if kind == "countdown":
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of one width: the number does not wobble
    return font


def elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.ElideRight, width)


def paint(
    painter: QPainter, width: int, height: int, theme: Theme, level: Level, texts: dict[str, str], clocks: list[str]
) -> None:
    """Draw the whole view. `texts`: header, alert, progress, title, countdown, words, back, zones, next."""
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.TextAntialiasing)
    painter.fillRect(0, 0, width, height, QColor(theme.background))
    side, top = width * 0.05, height * 0.035
    inner = width - 2 * side

    # Header: the workshop (muted, left) and where we are in the day (right). The left is the
    # facilitator's strip when a fixed start is in conflict: plain words in the muted colour, for
    # the facilitator, not an alarm for the room (the facilitator can hide it: Shift+F5).
    header = font_for("header", height)
    line = QFontMetricsF(header).height()
    painter.setFont(header)
    alert = texts.get("alert", "")
    painter.setPen(QColor(theme.muted))
    progress_w = QFontMetricsF(header).horizontalAdvance(texts.get("progress", "")) + line
    painter.drawText(
        QRectF(side, top, inner - progress_w, line),
        Qt.AlignLeft | Qt.AlignVCenter,
        elide(alert or texts.get("header", ""), header, inner - progress_w - line),
    )
    painter.setPen(QColor(theme.muted))
    painter.drawText(QRectF(side, top, inner, line), Qt.AlignRight | Qt.AlignVCenter, texts.get("progress", ""))
    upper = top + line * 1.6

    # Clock strip at the bottom, then the next item above it.
    clock = font_for("clock", height)
    clock_h = QFontMetricsF(clock).height()
    strip_top = height - top - clock_h * 1.5
    painter.setPen(QPen(QColor(theme.rule), max(1.0, height * 0.003)))
    painter.drawLine(int(side), int(strip_top), int(width - side), int(strip_top))
    painter.setFont(clock)
    painter.setPen(QColor(theme.text))
    if clocks:
        cell = inner / len(clocks)
        for n, text in enumerate(clocks):
            painter.drawText(
                QRectF(side + n * cell, strip_top + clock_h * 0.3, cell, clock_h * 1.2),
                Qt.AlignCenter,
                elide(text, clock, cell),
            )
    lower = strip_top - clock_h * 0.4
    if texts.get("next"):
        nxt = font_for("next", height)
        next_h = QFontMetricsF(nxt).height()
        painter.setFont(nxt)
        painter.drawText(
            QRectF(side, lower - next_h * 1.2, inner, next_h), Qt.AlignCenter, elide(texts["next"], nxt, inner)
        )
        lower -= next_h * 1.6

    _paint_middle(painter, QRectF(side, upper, inner, max(lower - upper, 10)), height, theme, level, texts)


def _middle_blocks(texts: dict, width: float, height: float, scale: float):
    """(kind, font, text, block height) of the middle column at a given scale."""
    blocks = []
    for kind in ("title", "countdown", "words", "back", "zones"):
        text = texts.get(kind, "")
        if not text and kind not in ("countdown", "words"):
            continue
        font = font_for(kind, height, scale)
        metrics = QFontMetricsF(font)
        if kind == "title":
            text = elide(text, font, width * (TITLE_LINES - 0.3))
            rect = metrics.boundingRect(QRectF(0, 0, width, height), Qt.TextWordWrap | Qt.AlignCenter, text)
            block = min(rect.height(), metrics.height() * TITLE_LINES)
        else:
            text = elide(text, font, width * 0.96)
            block = metrics.height() * (0.92 if kind == "countdown" else 1.0)
        blocks.append((kind, font, text, block))
    return blocks


def _paint_middle(painter: QPainter, area: QRectF, height: float, theme: Theme, level: Level, texts: dict) -> None:
    """Title, the countdown band, then 'Back at' lines, centred; shrunk together if tight."""
    pad = height * 0.02
    scale = 1.0
    while True:
        blocks = _middle_blocks(texts, area.width() - 2 * pad, height, scale)
        total = sum(b[3] for b in blocks) + pad * 4
        if total <= area.height() or scale <= 0.55:
            break
        scale *= 0.93
    y = area.top() + max((area.height() - total) / 2, 0)
    band_kinds = ("countdown", "words")
    band_h = sum(b[3] for b in blocks if b[0] in band_kinds) + pad * 2
    for kind, font, text, block in blocks:
        if kind == "countdown":
            y += pad  # space above the band
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(theme.level_bg[level]))
            painter.drawRoundedRect(QRectF(area.left(), y, area.width(), band_h), height * 0.025, height * 0.025)
            y += pad
        colour = theme.level_fg[level] if kind in band_kinds else (theme.muted if kind == "zones" else theme.text)
        painter.setPen(QColor(colour))
        painter.setFont(font)
        flags = Qt.AlignCenter | (Qt.TextWordWrap if kind == "title" else 0)
        painter.drawText(QRectF(area.left() + pad, y, area.width() - 2 * pad, block), flags, text)
        y += block
        if kind == "words":
            y += pad * 2  # space below the band
