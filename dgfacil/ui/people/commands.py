"""Undoable People edits: add, edit, delete a participant; mark presence. Each step is one
committed operation on the database worker (through ctx.tasks.run_sync)."""

from __future__ import annotations

from dgfacil.core.model import Participant
from dgfacil.operations import attendance as att
from dgfacil.operations import participants as ops
from dgfacil.ui.tasks import Tasks
from dgfacil.ui.undo import OperationCommand


def _short(name: str) -> str:
    return name if len(name) <= 30 else name[:29] + "…"


class AddParticipant(OperationCommand):
    def __init__(self, tasks: Tasks, participant: Participant, initiator=None) -> None:
        super().__init__(f"Add “{_short(participant.full_name)}”")
        self.tasks, self.participant, self.initiator = tasks, participant, initiator
        self.snapshot = None
        self.participant_id: int | None = None

    def do_redo(self) -> None:
        if self.snapshot is not None:  # redo after undo: the same row, same badge, back again
            self.tasks.run_sync(lambda s: ops.restore_participant(s, snapshot=self.snapshot), initiator=self.initiator)
            return
        changes = self.tasks.run_sync(
            lambda s: ops.add_participant(s, participant=self.participant), initiator=self.initiator
        )
        self.participant_id = changes.ids[0]

    def do_undo(self) -> None:
        self.snapshot = self.tasks.run_sync(
            lambda s: ops.delete_participant(s, participant_id=self.participant_id), initiator=self.initiator
        ).value


class EditParticipant(OperationCommand):
    def __init__(self, tasks: Tasks, before: Participant, change: dict, initiator=None) -> None:
        super().__init__(f"Edit “{_short(before.full_name)}”")
        self.tasks, self.pid, self.initiator = tasks, before.id, initiator
        self.new = dict(change)
        self.old = {k: getattr(before, k) for k in change}  # the dataclass fields the change names

    def do_redo(self) -> None:
        # made on what the user saw; undone only over our own change (operations/conflicts.py)
        self.tasks.run_sync(
            lambda s: ops.update_participant(s, participant_id=self.pid, seen=self.old, **self.new),
            initiator=self.initiator,
        )

    def do_undo(self) -> None:
        self.tasks.run_sync(
            lambda s: ops.update_participant(s, participant_id=self.pid, seen=self.new, **self.old),
            initiator=self.initiator,
        )


class DeleteParticipant(OperationCommand):
    def __init__(self, tasks: Tasks, participant: Participant, initiator=None) -> None:
        super().__init__(f"Delete “{_short(participant.full_name)}”")
        self.tasks, self.pid, self.initiator = tasks, participant.id, initiator
        self.snapshot = None

    def do_redo(self) -> None:
        self.snapshot = self.tasks.run_sync(
            lambda s: ops.delete_participant(s, participant_id=self.pid), initiator=self.initiator
        ).value

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: ops.restore_participant(s, snapshot=self.snapshot), initiator=self.initiator)


class MarkPresence(OperationCommand):
    """Mark people present/absent at a block's items; undo puts back exactly the marks that changed."""

    def __init__(
        self,
        tasks: Tasks,
        participant_ids: list[int],
        item_ids: list[int],
        present: bool,
        was_present: set[int],
        label: str,
        initiator=None,
    ) -> None:
        word = "present" if present else "absent"
        who = "1 person" if len(participant_ids) == 1 else f"{len(participant_ids)} people"
        super().__init__(f"Mark {who} {word} at {label}")
        self.tasks, self.item_ids, self.present, self.initiator = tasks, list(item_ids), present, initiator
        # only those whose mark actually changes are undone
        self.pids = [p for p in participant_ids if (p in was_present) != present]

    def do_redo(self) -> None:
        self.tasks.run_sync(
            lambda s: att.mark(s, participant_ids=self.pids, item_ids=self.item_ids, present=self.present),
            initiator=self.initiator,
        )

    def do_undo(self) -> None:
        self.tasks.run_sync(
            lambda s: att.mark(s, participant_ids=self.pids, item_ids=self.item_ids, present=not self.present),
            initiator=self.initiator,
        )
