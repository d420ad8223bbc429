"""A QR code painted as squares, so it stays sharp at any size (the dialog or the projector)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for `text` (ASCII URLs: no ECI needed), with a 4-module quiet zone."""
    import segno  # a declared dependency (printing uses it too); qrcode is only the bench's

    code = segno.make(text, error="m", micro=False, boost_error=False)
    return [[bool(dark) for dark in row] for row in code.matrix_iter(scale=1, border=4)]


class QrView(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(180, 180)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.setAccessibleName(f"QR code for {text}" if text else "No QR code")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(self.rect(), QColor("white"))
        if not self.matrix:
            return
        cell = side / len(self.matrix)
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5))
