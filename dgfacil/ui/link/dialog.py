"""The Room link window: on/off, the join link with its QR, and the QR on the projector."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.ui.link.controller import RoomLink
from dgfacil.ui.link.qr import QrView
from dgfacil.ui.widgets import text_combo

ISOLATION_HINT = (
    "Phones must be on the same network as this laptop. If they cannot open the link, the "
    "venue Wi-Fi probably keeps devices apart (client isolation): turn on this laptop's "
    "hotspot and let phones join it."
)
REACH_MS = 2000  # how often the window says again who reached the link


class LinkDialog(QDialog):
    def __init__(self, link: RoomLink, turn_on, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Room link")
        self.link, self.turn_on = link, turn_on
        self.projector: QrProjector | None = None
        self.status = QLabel()
        self.status.setObjectName("linkStatus")
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggle)
        self.hosts = QComboBox()
        self.hosts.setAccessibleName("Network address")
        self.hosts.currentIndexChanged.connect(self._show_url)
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.url.setFont(QFont("monospace"))
        self.url.setWordWrap(True)
        self.short = QLabel()
        self.short.setObjectName("shortAddress")
        self.short.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.short.setWordWrap(True)
        self.qr = QrView()
        self.copy = QPushButton("&Copy join link")
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url.text()))
        self.copy_remote = QPushButton("Copy &facilitator link")
        self.copy_remote.setToolTip("The run remote for your own phone. Keep it to yourself.")
        self.copy_remote.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.link.facilitator_url(self.hosts.currentText()))
        )
        self.project = QPushButton("Show QR on &projector")
        self.project.clicked.connect(self.show_on_projector)
        self.rotate = QPushButton("&New join link…")
        self.rotate.clicked.connect(self._rotate)
        self.reach = QLabel()  # can phones reach the link? (dgfacil/link/reach.py)
        self.reach.setObjectName("linkReach")
        self.reach.setWordWrap(True)
        self.reach.setTextFormat(Qt.PlainText)
        self._reach_timer = QTimer(self, interval=REACH_MS)
        self._reach_timer.timeout.connect(self._show_reach)
        self.groups = text_combo(20)
        self.groups.setAccessibleName("Group of the rapporteur link")
        self.copy_rapporteur = QPushButton("Copy &rapporteur link")
        self.copy_rapporteur.setToolTip("The chosen group's note-taker page. Give each group only its own.")
        self.copy_rapporteur.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.rapporteur_url()))
        rapporteurs = QHBoxLayout()
        self.groups_label = QLabel("Rapporteur link of")
        for widget in (self.groups_label, self.groups, self.copy_rapporteur):
            rapporteurs.addWidget(widget)
        rapporteurs.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.copy, self.copy_remote, self.project, self.rotate):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.toggle)
        layout.addLayout(top)
        layout.addWidget(self.hosts)
        layout.addWidget(self.url)
        layout.addWidget(self.short)
        layout.addWidget(self.qr, 1)
        layout.addLayout(buttons)
        layout.addLayout(rapporteurs)
        layout.addWidget(self.reach)
        self.resize(560, 620)
        link.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        on = self.link.on
        self.status.setText(
            "The room link is on: phones can join with this link or QR."
            if on
            else "The room link is off. Nobody can join."
        )
        self.toggle.setText("Turn &off" if on else "Turn &on")
        for widget in (self.hosts, self.url, self.qr, self.copy, self.copy_remote, self.project, self.rotate):
            widget.setEnabled(on)
        self.hosts.blockSignals(True)
        self.hosts.clear()
        if on:
            self.hosts.addItems(self.link.hosts())
        self.hosts.setVisible(self.hosts.count() > 1)
        self.hosts.blockSignals(False)
        self._show_url()
        self._show_rapporteurs()
        self._show_reach()
        if on:
            self._reach_timer.start()
        else:
            self._reach_timer.stop()

    def _show_rapporteurs(self) -> None:
        """One link per group, those added while the link is on included."""
        chosen = self.groups.currentText()
        self.groups.clear()
        if self.link.on and self.hosts.count():
            self.groups.addItems(sorted(self.link.rapporteur_urls(self.hosts.currentText())))
        self.groups.setCurrentIndex(max(0, self.groups.findText(chosen)))
        for widget in (self.groups_label, self.groups, self.copy_rapporteur):
            widget.setVisible(self.groups.count() > 0)

    def rapporteur_url(self) -> str:
        return self.link.rapporteur_urls(self.hosts.currentText()).get(self.groups.currentText(), "")

    def _show_reach(self) -> None:
        self.reach.setText(self.link.reach() if self.link.on else ISOLATION_HINT)

    def _show_url(self) -> None:
        shown = self.link.on and self.hosts.count()
        url = self.link.join_url(self.hosts.currentText()) if shown else ""
        short = self.link.short_address(self.hosts.currentText()) if shown else ""
        self.url.setText(url)
        self.short.setText(f"To type it: <b style='font-family: monospace'>{html.escape(short)}</b>" if short else "")
        self.qr.set_text(url)
        if self.projector is not None:
            self.projector.set_url(url, short)

    def _toggle(self) -> None:
        if self.link.on:
            self.link.turn_off()
        else:
            self.turn_on()

    def _rotate(self) -> None:
        answer = QMessageBox.question(
            self,
            "New join link",
            "Make a new join link? Everyone who joined with the old link or QR must scan the new one.",
        )
        if answer == QMessageBox.Yes:
            self.link.rotate()

    def show_on_projector(self) -> None:
        short = self.link.short_address(self.hosts.currentText()) if self.link.on and self.hosts.count() else ""
        if self.projector is None:
            self.projector = QrProjector(self.url.text(), short)
        self.projector.set_url(self.url.text(), short)
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # the second screen is the projector, as in the Run room
            self.projector.setScreen(screens[1])
            self.projector.setGeometry(screens[1].geometry())
            self.projector.showFullScreen()
        else:
            self.projector.showMaximized()


class QrProjector(QWidget):
    """The join QR, big, with the address beside it for those who type it in. Esc closes."""

    def __init__(self, url: str, short: str = "") -> None:
        super().__init__(None, Qt.Window)
        self.setWindowTitle("Join — Room link")
        self.setStyleSheet("background: white; color: black;")
        self.qr = QrView()
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignCenter)
        self.caption.setWordWrap(True)
        font = QFont()
        font.setPointSize(22)
        self.caption.setFont(font)
        layout = QVBoxLayout(self)
        title = QLabel("Join with your phone: scan the code")
        title.setAlignment(Qt.AlignCenter)
        big = QFont()
        big.setPointSize(30)
        big.setBold(True)
        title.setFont(big)
        layout.addWidget(title)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.caption)
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.close)
        self.set_url(url, short)

    def set_url(self, url: str, short: str = "") -> None:
        """The QR holds the link; the caption the same link in groups of 4, easier to type."""
        self.qr.set_text(url)
        self.caption.setText(f"or type  {short or url}" if url else "The room link is off.")
