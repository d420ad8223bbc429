"""A card board's keys: its actions with their shortcuts, its toolbar and its context menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from dgfacil.ui.exercises.graphics import CARD_COLOURS

if TYPE_CHECKING:
    from dgfacil.ui.exercises.card_board import CardBoard


class CardActions:
    """The board's actions, bound to the board (shortcuts work while focus is inside it)."""

    def __init__(self, board: CardBoard) -> None:
        self.board = board
        self.toolbar = QToolBar()
        # Keys never clash with the main window's (File Ctrl+N/O/W/Q/Shift+S, Edit Ctrl+Z/Y/Shift+Z,
        # View Ctrl+1..7, Help F1): a key bound twice in one window is "ambiguous" and does nothing.
        self.add = self._action("Add card", lambda: board.begin_new(None), ("Ins", "N"), "Add a card")
        self.edit = self._action("Edit", board.edit_selected, "F2", "Edit the selected card")
        self.delete = self._action("Delete", board.delete_selected, QKeySequence.Delete, "Delete the selected cards")
        self.vote = self._action("+ Dot", board.vote_selected, "Ctrl+D", "Put a dot on the selected cards")
        self.unvote = self._action("− Dot", lambda: board.vote_selected(add=False), "Ctrl+Shift+D", "Take a dot back")
        self.cluster = self._action(
            "Cluster…", lambda: board.cluster_selected(None), "Ctrl+G", "Put the selected cards under a heading"
        )
        self.uncluster = self._action("Uncluster", lambda: board.cluster_selected(""), "Ctrl+Shift+G")
        self.sort = self._action(
            "Sort by votes", board.sort_by_votes, "Ctrl+Shift+V", "Most voted cards first in each area"
        )
        self.fit = self._action("Fit", lambda: board.view.fit_board(), "Ctrl+0", "Fit the board to the window")
        self.select_all = self._action("Select all", board.select_all, QKeySequence.SelectAll, "Select every card")
        self.colour_menu = QMenu("Colour", board)
        for i, (name, value) in enumerate(CARD_COLOURS.items()):
            self.colour_menu.addAction(self._action(name, lambda v=value: board.colour_selected(v), f"Alt+{i + 1}"))
        tags = board.exercise.definition.get("tags", {})
        self.tag_menu = QMenu(tags.get("title", "Tag"), board)
        for value in tags.get("values", []):
            self.tag_menu.addAction(self._action(value, lambda v=value: board.tag_selected(v)))
        self.tag_menu.addAction(self._action("No tag", lambda: board.tag_selected("")))
        for a in (self.add, self.vote, self.unvote, self.cluster, self.sort):
            self.toolbar.addAction(a)
        self.toolbar.addAction(self.colour_menu.menuAction())
        if self._tagged():
            self.toolbar.addAction(self.tag_menu.menuAction())
        self.toolbar.addAction(self.fit)

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self.board)
        keys = [QKeySequence(k) for k in (shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]) if k]
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        shown = " or ".join(k.toString(QKeySequence.NativeText) for k in keys)
        action.setToolTip(f"{tip or text} ({shown})" if keys else tip or text)
        action.triggered.connect(lambda _=False: slot())
        self.board.addAction(action)
        return action

    def _tagged(self) -> bool:
        return self.board.exercise.kind == "plane" and bool(self.board.exercise.definition.get("tags"))

    def typing_keys(self) -> tuple[QAction, ...]:
        """The keys that belong to the text while a card is being typed."""
        return (self.delete, self.add, self.select_all)

    def show_menu(self, global_pos, scene_pos: QPointF) -> None:
        """The context menu: what to do with the selected cards, or add one where it was opened."""
        board = self.board
        menu = QMenu(board)
        if board.selected():
            for a in (self.edit, self.vote, self.unvote, self.cluster, self.uncluster):
                menu.addAction(a)
            menu.addMenu(self.colour_menu)
            if self._tagged():
                menu.addMenu(self.tag_menu)
            menu.addSeparator()
            menu.addAction(self.delete)
        else:
            menu.addAction("Add a card here", lambda: board.begin_new(scene_pos))
            menu.addAction(self.sort)
        menu.exec(global_pos)
