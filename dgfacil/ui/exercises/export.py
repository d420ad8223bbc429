"""Export a board as PNG or SVG. The file is written whole or not at all (core.atomic)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from dgfacil.core.atomic import atomic_write
from dgfacil.ui.exercises.base import BoardBase


def export_board(board: BoardBase, path: Path, title: str = "") -> Path:
    """Write `board` to `path`; the suffix (.png or .svg) chooses the format."""
    path = Path(path)
    size: QSize = board.export_size()
    if path.suffix.lower() == ".svg":
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or board.exercise.title)
        generator.setDescription(f"{board.exercise.title} — {board.group_name} (dgfacil)")
        painter = QPainter(generator)
        board.paint_export(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        buffer.close()
        payload = bytes(data.data())
    elif path.suffix.lower() == ".png":
        scale = 2 if size.width() < 2000 else 1  # sharp enough to print or project
        image = QImage(size * scale, QImage.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        board.paint_export(painter, QRectF(0, 0, size.width() * scale, size.height() * scale))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        payload = bytes(data.data())
    else:
        raise ValueError("export as .png or .svg")
    with atomic_write(path) as handle:
        handle.write(payload)
    return path
