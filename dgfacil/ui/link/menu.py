"""The Room link menu of the main window (off by default; stops before the workshop closes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from dgfacil.operations.link import Moderation
from dgfacil.ui.link.controller import RoomLink
from dgfacil.ui.link.moderation import Moderator, PhoneInputDock
from dgfacil.ui.link.refresh import CoalescedRead, PhoneChanges
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
        menu.addSeparator()
        self.moderator: Moderator | None = None
        self.dock = PhoneInputDock(window)
        self.dock.hide()
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock_action = self.dock.toggleViewAction()
        self.dock_action.setText("&Phone input")
        self.dock_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        menu.addAction(self.dock_action)
        self.reveal_action = self._flag("&Reveal votes", lambda m, b, on: m.reveal(b.exercise_id, on))
        self.close_board_action = self._flag(
            "&Close board to new input", lambda m, b, on: m.close_board(b.exercise_id, on)
        )
        self.close_survey_action = self._flag("Close the &survey", lambda m, _b, on: m.close_survey(on))
        menu.aboutToShow.connect(self._sync_moderation)
        self.link.changed.connect(self._sync)
        window.document_opened.connect(lambda _doc: self._open())
        self.enable(False)
        if window.ctx is not None:  # made once the workshop's first room was painted: it is open already
            self._open()

    def _flag(self, text: str, act) -> QAction:
        action = self.menu.addAction(text)
        action.setCheckable(True)
        action.triggered.connect(lambda on: self._moderate(act, on))
        return action

    def _moderate(self, act, on: bool) -> None:
        if self.moderator is None:
            return
        view = self.moderator.view()
        act(self.moderator, view.board, on)

    def _open(self) -> None:
        self.moderator = Moderator(self.window.ctx)
        self.later = CoalescedRead(self.window.ctx.tasks, self._read_later, self._show_view, self.dock)
        self.window.ctx.tasks.changes_applied.connect(self._on_changes)
        self.dock.attach(self.moderator)
        self.enable(True)

    def _on_changes(self, changes, _initiator) -> None:
        """Phone input, the facilitator's phone and the app's own edits all redraw the moderation:
        phone input off the GUI thread, at most every 100 ms; the facilitator's own edits at once.
        The notes are read only while the dock shows them."""
        if self.moderator is None:
            return
        if isinstance(changes, PhoneChanges):
            self.later.request()  # the switches alone while the dock is hidden: a few small reads
        else:
            self._show_view(self.moderator.view(cards=self.dock.isVisible()))

    def _read_later(self):
        return self.moderator.reader(cards=self.dock.isVisible()) if self.moderator is not None else None

    def _show_view(self, view: Moderation) -> None:
        if self.moderator is None:  # read before the workshop closed
            return
        if self.dock.isVisible() and view.with_cards:
            self.dock.show_view(view)
        self._sync_moderation(view)

    def _sync_moderation(self, view: Moderation | None = None) -> None:
        if view is None and self.moderator is not None:
            view = self.moderator.view(cards=False)
        board = view.board if view else None
        for action, on in (
            (self.reveal_action, board is not None and board.revealed),
            (self.close_board_action, board is not None and board.closed),
        ):
            action.setEnabled(board is not None)
            action.setChecked(on)
        self.close_survey_action.setEnabled(view is not None)
        self.close_survey_action.setChecked(bool(view and view.survey_closed))

    def enable(self, open_document: bool) -> None:
        self.toggle.setEnabled(open_document)
        self.show_action.setEnabled(open_document)
        self.dock_action.setEnabled(open_document)
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
            show_message(
                self.window,
                "Cannot turn on the room link",
                f"Port {where.get('port', 8765)} cannot be used: {err.strerror or err}. "
                "Is another room link running on this laptop?",
            )
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
        if self.moderator is not None:
            self.window.ctx.tasks.changes_applied.disconnect(self._on_changes)
            self.moderator.shutdown()
            self.moderator = None
            self.later.deleteLater()
            self.dock.attach(None)
            self._sync_moderation()
        if self.dialog is not None and self.dialog.projector is not None:
            self.dialog.projector.close()
        self.enable(False)
