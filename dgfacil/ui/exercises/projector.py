"""The projector window: one group's board, full screen, for the plenary report-back.

It is a plain top-level window holding its own board of the same kind (toolbar hidden) under a
large heading and the group timer; the room keeps it current through `apply`. It opens full screen on
the other screen when there is one, like the Run room's projector; F11 toggles full screen and a
maximised window; Esc closes it.
The board fills the window and its text is readable from the back of the room: at least 1/40 of
the window's (the screen's) height, 27 px at 1080p.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dgfacil.ui.exercises.kinds import make_board
from dgfacil.ui.exercises.timer import GroupTimer


class BoardProjector(QWidget):
    """One group's board full screen on the projector, with the group timer; Esc closes it."""

    def __init__(self, ctx, host, exercise, group_id, group_name: str) -> None:
        super().__init__(None, Qt.Window)
        self.setWindowTitle(f"{exercise.title} — {group_name}")
        self.setStyleSheet("BoardProjector { background: white; }")
        self.heading = heading = QLabel(f"{exercise.title} — {group_name}")
        heading.setTextFormat(Qt.PlainText)
        self.timer = GroupTimer(ctx)
        self.timer.follow(exercise.agenda_item_id)
        self.board = make_board(ctx, host, exercise, group_id, group_name, toolbar=False, projected=True)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.timer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.board, 1)
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.close)
        QShortcut(QKeySequence("F11"), self, activated=self.toggle_full_screen)

    def text_px(self) -> int:
        """The smallest text on the projector: 1/40 of the screen's height."""
        return math.ceil(self.height() / 40)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        px = self.text_px()
        self.heading.setStyleSheet(f"font-size: {round(px * 1.3)}px; font-weight: 700; color: #1b2a41;")
        self.timer.set_size(f"{round(px * 1.1)}px")
        self.board.show_readable(px)
        super().resizeEvent(event)

    def show_on(self, screen: QScreen) -> None:
        """Full screen on `screen`. The geometry is set first: without a window manager (a kiosk, an
        X server alone) showFullScreen does not resize the window by itself."""
        self.setScreen(screen)
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def toggle_full_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if self.isFullScreen():
            self.showNormal()
            self.setGeometry(screen.availableGeometry())
            self.showMaximized()
        else:
            self.show_on(screen)

    def apply(self, changes) -> None:
        self.board.apply(changes)
