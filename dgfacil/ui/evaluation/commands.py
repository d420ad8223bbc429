"""Undoable evaluation edits: a typed form added, responses deleted, a CSV import."""

from __future__ import annotations

from dgfacil.operations import evaluation as ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.tasks import Tasks
from dgfacil.ui.undo import OperationCommand


class AddResponses(OperationCommand):
    """Responses already added (a typed form, an import): undo deletes them, redo puts them back."""

    def __init__(self, tasks: Tasks, ids: tuple[int, ...], text: str, initiator=None) -> None:
        super().__init__(text)
        self.tasks, self.ids, self.initiator = tasks, tuple(ids), initiator
        self.deleted: list[ops.Snapshot] = []
        self._first = True

    def do_redo(self) -> None:
        if self._first:  # the operation already ran (its result decided the command's ids)
            self._first = False
            return
        deleted, self.deleted = self.deleted, []
        self.tasks.run_sync(lambda s: _restore_all(s, deleted), initiator=self.initiator)

    def do_undo(self) -> None:
        self.deleted = self.tasks.run_sync(lambda s: _delete_all(s, self.ids), initiator=self.initiator).value


class DeleteResponses(OperationCommand):
    def __init__(self, tasks: Tasks, ids: tuple[int, ...], initiator=None) -> None:
        super().__init__(f"Delete {len(ids)} evaluation form{'s' if len(ids) != 1 else ''}")
        self.tasks, self.ids, self.initiator = tasks, tuple(ids), initiator
        self.deleted: list[ops.Snapshot] = []

    def do_redo(self) -> None:
        self.deleted = self.tasks.run_sync(lambda s: _delete_all(s, self.ids), initiator=self.initiator).value

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: _restore_all(s, self.deleted), initiator=self.initiator)


def _delete_all(session, ids):
    deleted = [ops.delete_response(session, response_id=i).value for i in ids]
    return Changes(evaluation=True, ids=tuple(ids), value=deleted)


def _restore_all(session, deleted):
    for d in deleted:
        ops.restore_response(session, deleted=d)
    return Changes(evaluation=True, ids=tuple(i for d in deleted for i in d.ids))


class SwapResponses(OperationCommand):
    """An import, or the deletion of one, already done: undo puts `before` back in place of `after`."""

    def __init__(self, tasks: Tasks, text: str, before: list, after: list, initiator=None) -> None:
        super().__init__(text)
        self.tasks, self.before, self.after, self.initiator = tasks, list(before), list(after), initiator
        self._first = True

    def do_redo(self) -> None:
        if self._first:  # the operation already ran
            self._first = False
            return
        before, after = self.before, self.after
        self.tasks.run_sync(lambda s: ops.swap_responses(s, remove=before, put=after), initiator=self.initiator)

    def do_undo(self) -> None:
        before, after = self.before, self.after
        self.tasks.run_sync(lambda s: ops.swap_responses(s, remove=after, put=before), initiator=self.initiator)
