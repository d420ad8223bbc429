"""Stacked bars drawn in Qt: one bar per likert question, levels best first, the share at right."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from dgfacil.core.evaluation import QuestionStats

# the PDF's palette (dgfacil.printing.charts), repeated so the room does not load reportlab
LEVEL_COLOURS = ("#1f4e79", "#5b9bd5", "#c9ced6", "#f4b183", "#c0504d", "#7f6000", "#8064a2")
DARK = {0, 1, 4, 5, 6}
ROW, GAP, HEAD = 32, 8, 24


class StackedBars(QWidget):
    """All likert questions, grouped under their stem, with a legend per group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: list[QuestionStats] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_stats(self, stats: list[QuestionStats]) -> None:
        self.stats = [s for s in stats if s.question.kind == "likert"]
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def groups(self) -> list[tuple[str, tuple[str, ...], list[QuestionStats]]]:
        out: list[tuple[str, tuple[str, ...], list[QuestionStats]]] = []
        for s in self.stats:
            if out and (out[-1][0], out[-1][1]) == (s.question.group, s.question.levels):
                out[-1][2].append(s)
            else:
                out.append((s.question.group, s.question.levels, [s]))
        return out

    def _height(self) -> int:
        return sum(HEAD * 2 + len(items) * (ROW + 6) + ROW + GAP for _, _, items in self.groups()) or 40

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(760, self._height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.stats:
            p.drawText(self.rect(), Qt.AlignCenter, "No ratings yet: type a form or import a survey export.")
            return
        width = self.width()
        fm = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        # room for the longest figure, "80.0% (112 of 140 answering; 7 no answer)" included
        widest = max((QFontMetrics(bold).horizontalAdvance(s.satisfied_text) for s in self.stats), default=0)
        label_w, note_w = int(width * 0.32), min(max(150, widest + 6), int(width * 0.34))
        bar_x, bar_w = label_w + 10, max(width - label_w - 10 - note_w - 10, 60)
        y = 4
        for stem, levels, items in self.groups():
            p.setFont(bold)
            p.setPen(QColor("#1f3a5f"))
            p.drawText(
                QRectF(4, y, width - 8, HEAD * 2),
                Qt.TextWordWrap | Qt.AlignBottom,
                fm.elidedText(stem or "Ratings", Qt.ElideRight, (width - 8) * 2),
            )
            y += HEAD * 2
            p.setFont(self.font())
            for s in items:
                p.setPen(QColor("#1d2433"))
                p.drawText(QRectF(4, y, label_w, ROW), Qt.AlignVCenter | Qt.TextWordWrap, s.question.text)
                p.fillRect(QRectF(bar_x, y + 3, bar_w, ROW - 6), QColor("#f3f5f8"))
                x = float(bar_x)
                for i, n in enumerate(s.counts):
                    if not n or not s.answered:
                        continue
                    w = bar_w * n / s.answered
                    rect = QRectF(x, y + 3, w, ROW - 6)
                    p.fillRect(rect, QColor(LEVEL_COLOURS[i % len(LEVEL_COLOURS)]))
                    if w > fm.horizontalAdvance(str(n)) + 6:
                        p.setPen(QColor("white" if i in DARK else "black"))
                        p.drawText(rect, Qt.AlignCenter, str(n))
                    x += w
                p.setPen(QColor("#1f3a5f"))
                p.setFont(bold)
                p.drawText(QRectF(bar_x + bar_w + 8, y, note_w, ROW), Qt.AlignVCenter, s.satisfied_text)
                p.setFont(self.font())
                y += ROW + 6
            x = 4
            for i, level in enumerate(levels):
                p.fillRect(QRectF(x, y + 8, 12, 12), QColor(LEVEL_COLOURS[i % len(LEVEL_COLOURS)]))
                p.setPen(QColor("#1d2433"))
                p.drawText(QRectF(x + 16, y, 400, ROW), Qt.AlignVCenter, level)
                x += 16 + fm.horizontalAdvance(level) + 18
            y += ROW + GAP
        p.end()
