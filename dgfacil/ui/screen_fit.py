"""Windows and dialogs sized for the screen they open on: a 1280×720 laptop, or a large monitor.

A size asked for in pixels is a wish; the screen's available area (without the task bar) is the
limit, less the frame the window manager draws around it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)  # borders and title bar a window manager typically adds


def available_size(widget: QWidget) -> QSize:
    """What the screen `widget` will open on can show, less a window frame."""
    anchor = widget.parentWidget().window() if widget.parentWidget() is not None else widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry().size()
    return QSize(max(area.width() - FRAME.width(), 320), max(area.height() - FRAME.height(), 240))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wished size, or to the screen's available area when that is smaller."""
    room = available_size(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
