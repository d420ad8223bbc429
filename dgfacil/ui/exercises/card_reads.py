"""What a card board reads to redraw, and phone input redrawn later and together.

A board redraws from one read (`board_read`): the cards (all, or those a change names), which of
them moderation hid, and the votes behind its counts. Its own edits read at once, on the GUI
thread, as before. Phone input (PhoneChanges) goes through `PhoneRedraw`: the ids a burst names are
gathered, read on the worker and shown at most every 100 ms (ui/link/refresh.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as board_ops
from dgfacil.operations import link as link_ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.exercises.graphics import CardItem, plain_tooltip
from dgfacil.ui.link.refresh import CoalescedRead
from dgfacil.ui.tasks import Tasks

HIDDEN_OPACITY = 0.35
HIDDEN_TIP = "Hidden from phones and the projector (Room link → Phone input restores it)"


@dataclass(frozen=True)
class BoardRead:
    """One read for a redraw: the cards (every one when ids is None, else those named that still
    exist), the hidden ones, and every vote on the board with the people a voter stands for."""

    ids: tuple[int, ...] | None
    items: list[BoardItem]
    hidden: set[int]
    votes: list[tuple[int, str, int]]
    people: int


def board_read(exercise_id: int, group_id: int | None, ids: tuple[int, ...] | None) -> Callable[[Any], BoardRead]:
    def read(s) -> BoardRead:
        if ids is None:
            items = board_ops.board_items(s, exercise_id=exercise_id, group_id=group_id)
        else:
            items = list(board_ops.items_by_ids(s, item_ids=list(ids)).values())
        return BoardRead(
            ids,
            items,
            link_ops.hidden_ids(s),
            board_ops.board_votes(s, exercise_id=exercise_id, group_id=group_id),
            board_ops.vote_people(s, exercise_id=exercise_id, group_id=group_id),
        )

    return read


def fade(card: CardItem, hidden: bool) -> None:
    """A card moderation hid from phones and the projector: faded on the desktop board, and says why."""
    card.setOpacity(HIDDEN_OPACITY if hidden else 1.0)
    card.setToolTip(plain_tooltip(f"{HIDDEN_TIP}\n{card.card.text}" if hidden else card.card.text))


class PhoneRedraw(QObject):
    """Gathers the phone changes of one board and hands `show` one read for all of them."""

    def __init__(
        self,
        tasks: Tasks,
        board: tuple[int, int | None],
        show: Callable[[BoardRead], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.board, self.show = board, show
        self.ids: tuple[int, ...] | None = None  # waiting to be redrawn (None: the whole board)
        self.waiting = False
        self.edits = 0  # the board's own redraws: a read begun before one of them may be older
        self._edits_then = 0
        self.read = CoalescedRead(tasks, self._prepare, self._answered, self)

    def add(self, changes: Changes) -> None:
        if not changes.ids or (self.waiting and self.ids is None):
            self.ids = None
        else:
            self.ids = (self.ids if self.waiting else ()) + changes.ids
        self.waiting = True
        self.read.request()

    def _prepare(self) -> Callable[[Any], BoardRead]:
        ids, self.ids, self.waiting = self.ids, None, False
        self._edits_then = self.edits
        return board_read(*self.board, ids)

    def _answered(self, found: BoardRead) -> None:
        if self.edits != self._edits_then:  # the board redrew its own edit meanwhile: read again
            self.add(Changes(boards=True, ids=found.ids or ()))
            return
        self.show(found)
