"""Undoable note edits. Each redo/undo runs an operation on the document worker and commits at once.

The first redo of an add really adds; later redos restore the same row (same id), so notes that
were searched, selected or quoted elsewhere keep pointing at it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoCommand

from dgfacil.core.model import Note, NoteTag
from dgfacil.operations import notes as ops
from dgfacil.ui.notes.style import TAGS


class NoteCommand(QUndoCommand):
    """Base: how to run an operation and tell the pane that its notes changed."""

    def __init__(
        self,
        text: str,
        *,
        tasks,
        initiator: object,
        clock: Callable[[], datetime],
        on_done: Callable[[int | None], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.tasks, self.initiator, self.clock = tasks, initiator, clock
        self.on_done, self.on_error = on_done, on_error

    def _run(self, op):
        """Run `op(session)`; on failure say so and mark the command obsolete (Qt drops it)."""
        try:
            return self.tasks.run_sync(op, initiator=self.initiator)
        except Exception as error:  # the document refused: tell the note-taker, keep the stack sane
            self.setObsolete(True)
            self.on_error(str(error) or type(error).__name__)
            return None


class AddNote(NoteCommand):
    def __init__(
        self, *, item_id: int | None, text: str, tag: NoteTag, speaker: str, owner: str = "", due: str = "", **kw
    ) -> None:
        super().__init__("Add note", **kw)
        self.item_id, self.note_text, self.tag, self.speaker = item_id, text, tag, speaker
        self.owner, self.due = owner, due
        self.note_id: int | None = None
        self.deleted: ops.Snapshot | None = None

    def redo(self) -> None:
        if self.deleted is None:
            at = self.clock()
            result = self._run(
                lambda s: ops.add_note(
                    s,
                    item_id=self.item_id,
                    text=self.note_text,
                    tag=self.tag,
                    speaker=self.speaker,
                    at=at,
                    clear_draft=True,
                    owner=self.owner,
                    due=self.due,
                )
            )
            if result is None:
                return
            self.note_id = result.ids[0]
        else:
            if self._run(lambda s: ops.restore_note(s, deleted=self.deleted)) is None:
                return
        self.on_done(self.note_id)

    def undo(self) -> None:
        result = self._run(lambda s: ops.delete_note(s, note_id=self.note_id))
        if result is not None:
            self.deleted = result.value
            self.on_done(None)


class EditNote(NoteCommand):
    """Change text, tag, speaker, owner or due date; undo puts back what `before` held."""

    def __init__(
        self,
        *,
        before: Note,
        text: str | None = None,
        tag: NoteTag | None = None,
        speaker: str | None = None,
        label: str = "Edit note",
        clear_draft: bool = False,
        owner: str | None = None,
        due: str | None = None,
        **kw,
    ) -> None:
        super().__init__(label, **kw)
        self.before = before
        self.after = dict(text=text, tag=tag, speaker=speaker, owner=owner, due=due)
        self.clear_draft = clear_draft

    def _apply(self, fields: dict, seen: dict, clear_draft: bool) -> None:
        at = self.clock()
        if (
            self._run(
                lambda s: ops.update_note(
                    s, note_id=self.before.id, at=at, clear_draft=clear_draft, seen=seen, **fields
                )
            )
            is not None
        ):
            self.on_done(self.before.id)

    def _before(self) -> dict:
        """The fields this edit changes, as the note-taker saw them before it."""
        return {name: getattr(self.before, name) for name, value in self.after.items() if value is not None}

    def redo(self) -> None:
        # made on what the note-taker saw; undone only over our own change (operations/conflicts.py)
        after = {name: value for name, value in self.after.items() if value is not None}
        self._apply(after, self._before(), self.clear_draft)
        self.clear_draft = False  # a draft is cleared once, by the save that ended the editing

    def undo(self) -> None:
        self._apply(self._before(), {name: value for name, value in self.after.items() if value is not None}, False)


def tag_command(*, before: Note, tag: NoteTag, **kw) -> EditNote:
    label = "Untag note" if tag == NoteTag.NOTE else f"Tag as {TAGS[tag].word.lower()}"
    return EditNote(before=before, tag=tag, label=label, **kw)


class DeleteNote(NoteCommand):
    def __init__(self, *, note_id: int, **kw) -> None:
        super().__init__("Delete note", **kw)
        self.note_id = note_id
        self.deleted: ops.Snapshot | None = None

    def redo(self) -> None:
        result = self._run(lambda s: ops.delete_note(s, note_id=self.note_id))
        if result is not None:
            self.deleted = result.value
            self.on_done(None)

    def undo(self) -> None:
        if self.deleted is not None and self._run(lambda s: ops.restore_note(s, deleted=self.deleted)) is not None:
            self.on_done(self.note_id)
