"""Moderating phone input on the desktop: the "Phone input" dock lists the cards of the board
phones see, with Hide / Restore; the Room link menu reveals votes and closes the board or survey.

Every action goes through operations/link.py and is one step on the room link's undo stack, which
holds only these facilitator actions: undoing never deletes or edits a participant's card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dgfacil.operations import link as ops
from dgfacil.ui.undo import OperationCommand

if TYPE_CHECKING:
    from dgfacil.ui.context import AppContext
    from dgfacil.ui.tasks import Tasks

COLUMNS = ("Card", "Where", "From", "Shown")


class SetFlag(OperationCommand):
    """One moderation switch (hide a card, reveal votes, close a board or the survey), undoable:
    undo sets the switch back to what it was, nothing else."""

    def __init__(self, tasks: Tasks, text: str, set_to: Callable[[object, bool], object], on: bool) -> None:
        super().__init__(text)
        self.tasks, self.set_to, self.on = tasks, set_to, on

    def do_redo(self) -> None:
        self.tasks.run_sync(lambda s: self.set_to(s, self.on))

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: self.set_to(s, not self.on))


class Moderator:
    """The facilitator's moderation of one open workshop: the state read, the undoable actions."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)

    def reader(self, *, cards: bool = True) -> Callable[[object], ops.Moderation]:
        now = self.ctx.clock()
        return lambda s: ops.moderation(s, now=now, cards=cards)

    def view(self, *, cards: bool = True) -> ops.Moderation:
        return self.ctx.tasks.read(self.reader(cards=cards))

    def _push(self, text: str, set_to: Callable[[object, bool], object], on: bool) -> None:
        self.ctx.undo_group.setActiveStack(self.undo_stack)  # Ctrl+Z next undoes this
        self.undo_stack.push(SetFlag(self.ctx.tasks, text, set_to, on))

    def hide(self, item_ids: list[int], hidden: bool) -> None:
        if not item_ids:
            return
        word = "Hide" if hidden else "Restore"
        self.undo_stack.beginMacro(f"{word} {len(item_ids)} phone card{'s' if len(item_ids) > 1 else ''}")
        try:
            for item_id in item_ids:
                self._push(word, lambda s, on, i=item_id: ops.hide_card(s, item_id=i, hidden=on), hidden)
        finally:
            self.undo_stack.endMacro()

    def reveal(self, exercise_id: int, on: bool) -> None:
        self._push(
            "Reveal votes" if on else "Hide vote totals",
            lambda s, flag: ops.reveal_votes(s, exercise_id=exercise_id, revealed=flag),
            on,
        )

    def close_board(self, exercise_id: int, on: bool) -> None:
        self._push(
            "Close the board" if on else "Reopen the board",
            lambda s, flag: ops.close_board(s, exercise_id=exercise_id, closed=flag),
            on,
        )

    def close_survey(self, on: bool) -> None:
        self._push(
            "Close the survey" if on else "Reopen the survey", lambda s, flag: ops.close_survey(s, closed=flag), on
        )

    def shutdown(self) -> None:
        self.ctx.undo_group.removeStack(self.undo_stack)


class PhoneInputDock(QDockWidget):
    """The cards of the board phones see, hidden ones too, with Hide and Restore."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Phone input", parent)
        self.setObjectName("phone_input")
        self.moderator: Moderator | None = None
        self.view: ops.Moderation | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setAccessibleName("Phone cards of the board")
        buttons = QHBoxLayout()
        self.hide_button = QPushButton("&Hide", body)
        self.hide_button.setToolTip("Hide the selected cards from phones and the projector (Delete)")
        self.hide_button.setShortcut(QKeySequence(Qt.Key_Delete))
        self.restore_button = QPushButton("&Restore", body)
        self.restore_button.setToolTip("Show the selected cards to phones again")
        self.hide_phone_button = QPushButton("Hide all from this &phone", body)
        self.hide_phone_button.setToolTip("Hide every card the selected card's phone put on this board (a flood)")
        self.hide_button.clicked.connect(lambda: self._hide(True))
        self.restore_button.clicked.connect(lambda: self._hide(False))
        self.hide_phone_button.clicked.connect(self._hide_phone)
        buttons.addWidget(self.hide_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.hide_phone_button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        body.setMinimumWidth(300)
        self.setWidget(body)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.visibilityChanged.connect(lambda shown: self.refresh() if shown else None)
        self.refresh()

    def attach(self, moderator: Moderator | None) -> None:
        self.moderator = moderator
        self.refresh()

    def refresh(self) -> None:
        self.show_view(self.moderator.view() if self.moderator is not None and self.isVisible() else None)

    def show_view(self, view: ops.Moderation | None) -> None:
        """Show a moderation read with its notes (a hidden dock is redrawn when shown)."""
        self.view = view
        chosen = set(self.selected_ids())
        cards = self.view.cards if self.view else []
        board = self.view.board if self.view else None
        self.title.setText(f"Board phones see: {board.title}" if board else "No board is open for phone cards.")
        self.table.setRowCount(len(cards))
        areas = dict(board.areas) if board else {}
        for row, card in enumerate(cards):
            where = areas.get(card.area, card.area) + (f" · {card.group}" if card.group else "")
            cells = (card.text, where, "Phone" if card.from_phone else "Desktop", "Hidden" if card.hidden else "Shown")
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.UserRole, card.id)
                cell.setToolTip(f"{card.text}\n{where} · {card.votes} dots")
                if card.hidden:
                    cell.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, cell)
            if card.id in chosen:
                self.table.selectRow(row)
        self._sync_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(Qt.UserRole) for r in rows if self.table.item(r, 0)]

    def _selected(self) -> list[ops.ModeratedCard]:
        ids = set(self.selected_ids())
        return [n for n in (self.view.cards if self.view else []) if n.id in ids]

    def _sync_buttons(self) -> None:
        chosen = self._selected()
        self.hide_button.setEnabled(any(not n.hidden for n in chosen))
        self.restore_button.setEnabled(any(n.hidden for n in chosen))
        self.hide_phone_button.setEnabled(bool(self._phone_cards()))

    def _phone_cards(self) -> list[ops.ModeratedCard]:
        """The shown cards of the phones the selected cards came from."""
        devices = {n.device for n in self._selected() if n.device}
        return [n for n in (self.view.cards if self.view else []) if n.device in devices and not n.hidden]

    def _hide_phone(self) -> None:
        if self.moderator is not None:
            self.moderator.hide([n.id for n in self._phone_cards()], True)  # one undo step

    def _hide(self, hidden: bool) -> None:
        if self.moderator is None:
            return
        self.moderator.hide([n.id for n in self._selected() if n.hidden != hidden], hidden)
