"""Help ▸ Keyboard shortcuts (F1): every key of the window, its rooms and the projector, in one table.

Each room says its keys (`Room.shortcuts_help()`): most in their own words; the Run room reads them
from its actions (`widget_keys`), so the table cannot drift from the keys that work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dgfacil.ui.rooms import ROOMS
from dgfacil.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from dgfacil.ui.main_window import MainWindow
    from dgfacil.ui.run.room import RunRoom

Row = tuple[str, str, str]  # where, key, what


def _keys_text(keys: list[QKeySequence]) -> str:
    return " or ".join(k.toString(QKeySequence.NativeText) for k in keys if not k.isEmpty())


def widget_keys(widget: QWidget) -> list[tuple[str, str]]:
    """(key, what) for the actions and shortcuts a widget owns itself."""
    rows = []
    for action in widget.actions():
        if action.parent() is widget and action.shortcuts():
            rows.append((_keys_text(action.shortcuts()), action.text().replace("&", "")))
    for shortcut in widget.findChildren(QShortcut):
        if shortcut.parent() is widget and shortcut.whatsThis():
            rows.append((_keys_text(shortcut.keys()), shortcut.whatsThis()))
    return rows


def _projector_rows(run_room: RunRoom) -> list[Row]:
    """The Run projector's own keys, read from a projector (the open one, or one made to ask)."""
    from dgfacil.ui.run.projector import RunProjector

    projector = run_room.projector
    made = projector is None
    if made:
        projector = RunProjector(run_room.workshop)
    try:
        rows = [("Projector", key, what) for key, what in widget_keys(projector)]
    finally:
        if made:
            projector.deleteLater()
    run_keys = ", ".join(key for key, _ in widget_keys(run_room))
    rows.append(("Projector", "Run keys", f"The Run room's keys work on the projector too ({run_keys})"))
    return rows


def help_rows(window: MainWindow) -> list[Row]:
    rows: list[Row] = [
        ("Window", _keys_text(a.shortcuts()), a.text().replace("&", ""))
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if a.shortcuts()
    ]
    for (title, _spec), room in zip(ROOMS, window.rooms):
        rows.extend((title, key, what) for key, what in room.shortcuts_help())
        if room is window.run_room:
            rows.extend(_projector_rows(window.run_room))
    return rows


class ShortcutsDialog(QDialog):
    """Where, key, what: the key column is always wide enough to read; the description wraps."""

    def __init__(self, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Key", "What"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 640)

    @classmethod
    def show_for(cls, window) -> None:
        dialog = cls(help_rows(window), window)
        dialog.exec()
