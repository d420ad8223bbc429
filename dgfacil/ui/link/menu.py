"""The Room link menu of the main window (off by default; stops before the workshop closes)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from dgfacil.ui.link.controller import RoomLink
from dgfacil.ui.widgets import show_message


class RoomLinkMenu:
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        self.window, self.menu = window, menu
        self.link = RoomLink(window)
        self.dialog = None
        self.toggle = menu.addAction("&Let phones join")
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.toggle.triggered.connect(lambda on: self.turn_on() if on else self.link.turn_off())
        self.show_action = menu.addAction("Join link and &QR…", self.show_dialog)
        self.project_action = menu.addAction("Show QR on &projector", self.show_on_projector)
        self.rotate_action = menu.addAction("&New join link…", lambda: self.show_dialog()._rotate())
        self.link.changed.connect(self._sync)
        window.document_opened.connect(lambda _doc: self.enable(True))
        self.enable(False)

    def enable(self, open_document: bool) -> None:
        self.toggle.setEnabled(open_document)
        self.show_action.setEnabled(open_document)
        self._sync()

    def _sync(self) -> None:
        self.toggle.setChecked(self.link.on)
        self.project_action.setEnabled(self.link.on)
        self.rotate_action.setEnabled(self.link.on)

    def turn_on(self, **where) -> bool:
        if self.window.ctx is None:
            return False
        try:
            self.link.turn_on(self.window.ctx, **where)
        except OSError as err:
            show_message(self.window, "Cannot turn on the room link",
                         f"Port {where.get('port', 8765)} cannot be used: {err.strerror or err}. "
                         "Is another room link running on this laptop?")
            self._sync()
            return False
        return True

    def show_dialog(self):
        from dgfacil.ui.link.dialog import LinkDialog

        if self.dialog is None:
            self.dialog = LinkDialog(self.link, self.turn_on, self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def show_on_projector(self) -> None:
        self.show_dialog().show_on_projector()

    def stop(self) -> None:
        """Before the document closes: no phone write may arrive after its worker stops."""
        self.link.turn_off()
        if self.dialog is not None and self.dialog.projector is not None:
            self.dialog.projector.close()
        self.enable(False)
