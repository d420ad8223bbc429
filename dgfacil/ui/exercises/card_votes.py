"""A card board's dot votes: whose dots are placed, how many each voter has, and the counts line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dgfacil.core import exercises as core
from dgfacil.operations import boards as board_ops
from dgfacil.ui.widgets import text_combo

if TYPE_CHECKING:
    from dgfacil.ui.exercises.card_board import CardBoard


class VoteTally:
    """The voter box (per-participant boards) and the counts line beside the board's toolbar."""

    def __init__(self, board: CardBoard) -> None:
        self.board = board
        self.voter_box = text_combo(16)
        self.voter_box.setToolTip("Whose dots are placed")
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.PlainText)
        self.counts.setObjectName("muted")
        self._votes: list[tuple[int, str, int]] = []  # the board's votes, last read
        self._people = 1  # the people a voter stands for, last read

    def refresh_voters(self) -> None:
        board = self.board
        dots, per = core.vote_rule(board.exercise.definition)
        current = self.voter_box.currentData()
        self.voter_box.clear()
        if per == "participant":
            people = board.read(
                lambda s: board_ops.board_voters(s, exercise_id=board.exercise.id, group_id=board.group_id)
            )
            for pid, name in people:
                self.voter_box.addItem(name, f"participant:{pid}")
            index = self.voter_box.findData(current)
            self.voter_box.setCurrentIndex(max(index, 0))
        self.voter_box.setVisible(per == "participant" and self.voter_box.count() > 0)
        self.refresh_counts()

    def voter(self) -> str:
        _, per = core.vote_rule(self.board.exercise.definition)
        if per == "participant" and self.voter_box.currentData():
            return self.voter_box.currentData()
        return f"group:{self.board.group_id if self.board.group_id is not None else 'room'}"

    def room_people(self) -> int:
        """People the whole-room board's dots stand for (1 on a group's board or per participant):
        the facilitator tallies the room's dots, so the room has the dots of everyone in it."""
        ex, group = self.board.exercise.id, self.board.group_id
        return self.board.read(lambda s: board_ops.vote_people(s, exercise_id=ex, group_id=group))

    def dots_left(self, votes: list[tuple[int, str, int]] | None = None, people: int | None = None) -> int:
        board = self.board
        if votes is None:
            votes = board.read(
                lambda s: board_ops.board_votes(s, exercise_id=board.exercise.id, group_id=board.group_id)
            )
        return core.dots_left(
            board.exercise.definition,
            self.voter(),
            [(v, d) for _, v, d in votes],
            self.room_people() if people is None else people,
        )

    def allowance_text(self) -> str:
        dots, per = core.vote_rule(self.board.exercise.definition)
        people = self.room_people()
        if people > 1:
            return f"{dots} × {people} people = {dots * people} for the room"
        return f"each {per} has {dots} on this board"

    def refresh_counts(self, votes: list[tuple[int, str, int]] | None = None, people: int | None = None) -> None:
        """The counts line, from the votes just read (None: those of the last read; the voter changed)."""
        votes, people = self._votes, self._people = (
            (votes, people) if votes is not None else (self._votes, self._people)
        )
        cards = self.board.cards
        total = sum(n.card.votes for n in cards.values())
        shown = f"{len(cards)} card{'s' if len(cards) != 1 else ''}"
        of = f" of {core.vote_rule(self.board.exercise.definition)[0] * people} ({people} people)" if people > 1 else ""
        left = self.dots_left(votes, people)
        self.counts.setText(f"{shown} · {total} dot{'s' if total != 1 else ''} · {left}{of} left  ")
