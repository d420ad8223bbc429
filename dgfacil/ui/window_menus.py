"""The main window's menu bar: File, Edit, View, Room link and Help, their shortcuts, and the
recent files. A mixin of MainWindow (ui/main_window.py), which holds the documents and rooms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from dgfacil import settings
from dgfacil.ui.rooms import ROOMS

if TYPE_CHECKING:
    from dgfacil.ui.link.menu import RoomLinkMenu


class WindowMenus(QMainWindow):
    """Builds and keeps the menus of the window; the slots they call are MainWindow's."""

    _room_link: RoomLinkMenu | None

    def make_menu_titles(self) -> None:
        """The menus' titles, in the first paint; their items come with `fill_menus()`."""
        menu_bar = self.menuBar()
        self.file_menu, self.edit_menu, self.view_menu, self._room_link_menu, self.help_menu = (
            menu_bar.addMenu(title) for title in ("&File", "&Edit", "&View", "Room &link", "&Help")
        )
        self._room_link = None
        self.menus_filled = False

    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def fill_menus(self) -> None:
        """The menus' items and their shortcuts (once)."""
        if self.menus_filled:
            return
        self.menus_filled = True
        file = self.file_menu
        self._action(file, "&New from template…", self.new_from_template, QKeySequence.New)
        self._action(file, "&Open…", self.open_dialog, QKeySequence.Open)
        self._action(file, "Open &team workshop…", self._ask_team_workshop)
        self.recent_menu = file.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file, "Open the de&mo workshop (a copy)", self.open_demo)
        file.addSeparator()
        self.details_action = self._action(file, "Workshop &details…", self.edit_details, QKeySequence("Ctrl+Shift+I"))
        self.copy_action = self._action(file, "Save a &copy as…", self.save_copy, QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action(file, "&Export as JSON…", self.export_json)
        file.addSeparator()
        self.close_action = self._action(file, "&Close", self.close_by_user, QKeySequence.Close)
        self._action(file, "&Quit", self.close, QKeySequence.Quit)
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_group.createRedoAction(self, "&Redo")
        # Both redo conventions, each once (a key bound twice is "ambiguous" and does nothing); not the
        # platform's own bindings, which add a "Redo" key no keyboard shows to F1.
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.view_menu.aboutToShow.connect(self._sync_view_menu)
        from dgfacil.ui.first_paint import after_first_paint

        after_first_paint(self, self._make_room_link_soon)  # its phone-input dock costs the first paint ~25 ms
        self._action(self.help_menu, "&Keyboard shortcuts", self.show_shortcuts, QKeySequence("F1"))
        self._action(self.help_menu, "&About dgfacil", self.show_about)
        self._enable_document_actions(False)

    def _ask_team_workshop(self) -> None:
        from dgfacil.ui.team import window as team

        team.ask_and_open(self)

    @property
    def room_link(self) -> RoomLinkMenu:
        return self._room_link or self._make_room_link()

    def _make_room_link_soon(self) -> None:
        # a turn later: what else waited for the same paint (the room shown, the bench's mark) goes first
        QTimer.singleShot(0, self, self._make_room_link)

    def _make_room_link(self) -> RoomLinkMenu:
        if self._room_link is None:
            from dgfacil.ui.link.menu import RoomLinkMenu

            self._room_link = RoomLinkMenu(self, self._room_link_menu)
        return self._room_link

    def _enable_document_actions(self, enabled: bool) -> None:
        for action in (self.details_action, self.copy_action, self.export_action, self.close_action):
            action.setEnabled(enabled)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_addresses()
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(str(path)).triggered.connect(lambda _=False, p=path: self.open_path(p))

    # -- documents --------------------------------------------------------------------------
    def _build_view_menu(self) -> None:
        self.view_menu.clear()
        for index, (title, _) in enumerate(ROOMS):
            self._action(
                self.view_menu, title, lambda _=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
            )
        run = self.run_room  # built later: this menu is made again then
        if run is not None:
            # The projector's T key, also as a menu item for those who never press it.
            self.view_menu.addSeparator()
            self.light_projector = self._action(
                self.view_menu,
                "&Light projector (T on the projector)",
                lambda on: run.set_projector_theme("light" if on else "dark"),
            )
            self.light_projector.setCheckable(True)
            self.view_menu.addAction(run.strip_action)

    def _sync_view_menu(self) -> None:
        if self.run_room is not None:
            self.light_projector.setChecked(self.run_room.projector_theme == "light")
