"""Undoable exercise actions. Each redo/undo runs one operation through ctx.tasks.run_sync.

A command is given a `target` with `tasks`, `initiator` and `apply(changes)`: the board (or the
room) that shows the change redraws from the committed rows at once, and every other room hears
of it through changes_applied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as ops
from dgfacil.operations import exercises as ex_ops
from dgfacil.operations import groups as group_ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.exercises.base import BoardBase
from dgfacil.ui.undo import OperationCommand

ANSWER_MERGE_ID = 4101  # typing in one answer box merges into one undo step


class Step(OperationCommand):
    def __init__(self, text: str, target: Any) -> None:
        super().__init__(text)
        self.target = target
        self.tasks = target.tasks

    def run(self, op: Callable) -> Any:
        result = self.target.tasks.run_sync(op, initiator=self.target.initiator)
        if isinstance(result, Changes):
            self.target.apply(result)
            if isinstance(self.target, BoardBase):  # the other views of the board follow through the room
                self.target.host.board_changed(self.target, result)
        return result


def _short(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:28]}…”" if len(text) > 28 else f"“{text}”"


class AddItem(Step):
    def __init__(self, target, item: BoardItem, what: str = "card") -> None:
        super().__init__(f"Add {what} {_short(item.text)}", target)
        self.item, self.item_id, self.deleted = item, None, None

    def do_redo(self) -> None:
        if self.deleted is not None:
            self.run(lambda s: ops.restore_items(s, deleted=self.deleted))
        else:
            ex, group = self.target.exercise.id, self.target.group_id
            self.item_id = self.run(lambda s: ops.add_item(s, exercise_id=ex, group_id=group, item=self.item)).ids[0]

    def do_undo(self) -> None:
        self.deleted = self.run(lambda s: ops.delete_items(s, item_ids=[self.item_id])).value


class EditItems(Step):
    """Change fields of one or more cards/rows: {id: old fields}, {id: new fields}."""

    def __init__(self, target, text: str, old: dict[int, dict], new: dict[int, dict]) -> None:
        super().__init__(text, target)
        self.old, self.new = old, new

    def do_redo(self) -> None:
        # made on what the user saw; undone only over our own change (operations/conflicts.py)
        self.run(lambda s: ops.update_items(s, values=self.new, seen=self.old))

    def do_undo(self) -> None:
        self.run(lambda s: ops.update_items(s, values=self.old, seen=self.new))


class MoveCards(Step):
    def __init__(self, target, old: dict[int, tuple], new: dict[int, tuple]) -> None:
        super().__init__("Move card" if len(new) == 1 else f"Move {len(new)} cards", target)
        self.old, self.new = old, new

    def do_redo(self) -> None:
        self.run(lambda s: ops.move_items(s, moves=self.new, seen=self.old))

    def do_undo(self) -> None:
        self.run(lambda s: ops.move_items(s, moves=self.old, seen=self.new))


class DeleteItems(Step):
    def __init__(self, target, item_ids: list[int], what: str = "card") -> None:
        super().__init__(f"Delete {what}" if len(item_ids) == 1 else f"Delete {len(item_ids)} {what}s", target)
        self.item_ids, self.deleted = list(item_ids), None

    def do_redo(self) -> None:
        self.deleted = self.run(lambda s: ops.delete_items(s, item_ids=self.item_ids)).value

    def do_undo(self) -> None:
        self.run(lambda s: ops.restore_items(s, deleted=self.deleted))


class Vote(Step):
    """One dot on a card (or one taken back, with `add=False`)."""

    def __init__(self, target, item_id: int, voter: str, add: bool = True) -> None:
        super().__init__("Add a dot" if add else "Take a dot back", target)
        self.item_id, self.voter, self.add = item_id, voter, add

    def _do(self, add: bool) -> None:
        fn = ops.add_vote if add else ops.remove_vote
        self.run(lambda s: fn(s, item_id=self.item_id, voter=self.voter))

    def do_redo(self) -> None:
        self._do(self.add)

    def do_undo(self) -> None:
        self._do(not self.add)


class SortByVotes(Step):
    def __init__(self, target) -> None:
        super().__init__("Sort cards by votes", target)
        self.old: dict = {}

    def do_redo(self) -> None:
        ex, group = self.target.exercise.id, self.target.group_id
        self.old = self.run(lambda s: ops.sort_by_votes(s, exercise_id=ex, group_id=group)).value

    def do_undo(self) -> None:
        self.run(lambda s: ops.move_items(s, moves=self.old))


class SetAnswer(Step):
    """A rubric mark or a prompt answer; consecutive typing in one answer merges."""

    def __init__(
        self, target, key: str, old: dict | None, new: dict | None, text: str = "Answer", merge: bool = False
    ) -> None:
        super().__init__(text, target)
        self.key, self.old, self.new, self.merge = key, old, new, merge

    def id(self) -> int:
        return ANSWER_MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt)
        if not (isinstance(other, SetAnswer) and other.merge and other.key == self.key and other.target is self.target):
            return False
        self.new = other.new
        return True

    def _set(self, value: dict | None) -> None:
        ex, group = self.target.exercise.id, self.target.group_id
        self.run(lambda s: ops.set_answer(s, exercise_id=ex, group_id=group, key=self.key, value=value))

    def do_redo(self) -> None:
        self._set(self.new)

    def do_undo(self) -> None:
        self._set(self.old)


# --- groups and exercises (target: the room) ------------------------------------------------


class CreateGroups(Step):
    def __init__(self, target, count: int, exercise_id: int | None, day_id: int | None) -> None:
        super().__init__(f"Create {count} groups", target)
        self.args = dict(count=count, exercise_id=exercise_id, day_id=day_id)
        self.ids: list[int] = []
        self.deleted = None

    def do_redo(self) -> None:
        if self.deleted is not None:
            self.run(lambda s: group_ops.restore_groups(s, deleted=self.deleted))
        else:
            self.ids = list(self.run(lambda s: group_ops.create_groups(s, **self.args)).ids)

    def do_undo(self) -> None:
        self.deleted = self.run(lambda s: group_ops.delete_groups(s, group_ids=self.ids)).value


class DeleteGroups(Step):
    def __init__(self, target, group_ids: list[int]) -> None:
        super().__init__(f"Delete {len(group_ids)} groups", target)
        self.group_ids, self.deleted = list(group_ids), None

    def do_redo(self) -> None:
        self.deleted = self.run(lambda s: group_ops.delete_groups(s, group_ids=self.group_ids)).value

    def do_undo(self) -> None:
        self.run(lambda s: group_ops.restore_groups(s, deleted=self.deleted))


class AssignRandom(Step):
    def __init__(self, target, group_ids: list[int], seed: int) -> None:
        super().__init__("Assign participants at random", target)
        self.group_ids, self.seed, self.before, self.after = list(group_ids), seed, None, None

    def do_redo(self) -> None:
        self.before = self.run(lambda s: group_ops.assign_random(s, group_ids=self.group_ids, seed=self.seed)).value
        self.after = self.target.tasks.read(lambda s: group_ops.memberships(s, group_ids=self.group_ids))

    def do_undo(self) -> None:  # only over our own assignment (operations/conflicts.py)
        self.run(lambda s: group_ops.set_members(s, members=self.before, seen=self.after))


class MoveMember(Step):
    def __init__(
        self, target, participant_id: int, group_id: int | None, set_of: int, name: str, shown: int | None = None
    ) -> None:
        super().__init__(f"Move {name[:30]} to another group", target)
        self.pid, self.group_id, self.set_of, self.previous = participant_id, group_id, set_of, shown
        self.shown = shown  # the group the participant was shown in: the move is made on it

    def do_redo(self) -> None:
        self.previous = self.run(
            lambda s: group_ops.move_member(
                s, participant_id=self.pid, group_id=self.group_id, set_of=self.set_of, seen={"group": self.shown}
            )
        ).value

    def do_undo(self) -> None:
        self.run(
            lambda s: group_ops.move_member(
                s, participant_id=self.pid, group_id=self.previous, set_of=self.set_of, seen={"group": self.group_id}
            )
        )


class AddExercise(Step):
    def __init__(self, target, agenda_item_id: int, use: str) -> None:
        super().__init__(f"Add exercise “{use}”", target)
        self.item_id, self.use, self.exercise_id, self.deleted = agenda_item_id, use, None, None

    def do_redo(self) -> None:
        if self.deleted is not None:
            self.run(lambda s: ex_ops.restore_exercise(s, deleted=self.deleted))
        else:
            self.exercise_id = self.run(
                lambda s: ex_ops.add_exercise(s, agenda_item_id=self.item_id, use=self.use)
            ).ids[0]

    def do_undo(self) -> None:
        self.deleted = self.run(lambda s: ex_ops.delete_exercise(s, exercise_id=self.exercise_id)).value


class DeleteExercise(Step):
    def __init__(self, target, exercise_id: int, title: str) -> None:
        super().__init__(f"Delete exercise {_short(title)}", target)
        self.exercise_id, self.deleted = exercise_id, None

    def do_redo(self) -> None:
        self.deleted = self.run(lambda s: ex_ops.delete_exercise(s, exercise_id=self.exercise_id)).value

    def do_undo(self) -> None:
        self.run(lambda s: ex_ops.restore_exercise(s, deleted=self.deleted))


class SetVoteRule(Step):
    def __init__(self, target, exercise_id: int, dots: int, per: str) -> None:
        super().__init__(f"Give {dots} dots per {per}", target)
        self.exercise_id, self.dots, self.per, self.old = exercise_id, dots, per, None

    def do_redo(self) -> None:
        self.old = self.run(
            lambda s: ex_ops.set_vote_rule(s, exercise_id=self.exercise_id, dots=self.dots, per=self.per)
        ).value

    def do_undo(self) -> None:
        self.run(lambda s: ex_ops.update_definition(s, exercise_id=self.exercise_id, definition=self.old))
