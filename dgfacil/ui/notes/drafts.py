"""The notes pane's draft: what is typed in the entry is kept for its agenda item, within a second
of the last keystroke, and comes back when the item is shown again (also after a crash)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from dgfacil.operations import notes as ops

if TYPE_CHECKING:
    from dgfacil.ui.notes.pane import NotesPane

DRAFT_DELAY_MS = 400  # under the 1 s a keystroke may wait; 400 ms is unnoticeable and loses less


class DraftKeeper(QObject):
    """Saves the pane's entry as the item's draft a moment after typing stops; restores it."""

    def __init__(self, pane: NotesPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save)
        pane.entry.textChanged.connect(self.typed)
        pane.speaker.currentTextChanged.connect(self.typed)
        pane.action.sig_edited.connect(self.typed)

    def typed(self, *_args) -> None:
        if not self.pane.filling:  # the pane filling its own entry is not typing
            self.timer.start()

    def current(self) -> ops.Draft:
        pane = self.pane
        owner, due = pane.action.values()
        return ops.Draft(
            text=pane.entry.text(),
            tag=pane.tag,
            speaker=pane.speaker.currentText().strip(),
            editing=pane.editing.id if pane.editing is not None else None,
            owner=owner,
            due=due,
        )

    def stop(self) -> None:
        self.timer.stop()

    def save(self, clear: bool = False) -> None:
        """Keep what is in the entry for this item now (queued on the worker, before any later edit)."""
        self.timer.stop()
        ctx = self.pane.ctx
        draft, item_id, at = ops.Draft() if clear else self.current(), self.pane.item_id, ctx.clock()
        ctx.tasks.run(lambda s: ops.save_draft(s, item_id=item_id, draft=draft, at=at), initiator=self.pane)

    def save_pending(self) -> None:
        """Typing not saved yet (the pane is hidden or the document closes): keep it now."""
        if self.timer.isActive():
            self.save()

    def restore(self) -> None:
        pane = self.pane
        item_id = pane.item_id
        draft = pane.ctx.tasks.read(lambda s: ops.load_draft(s, item_id=item_id))
        editing = None
        if draft.editing is not None:
            editing = next((n for n in pane.model.notes if n.id == draft.editing), None)
        pane.fill_entry(editing, draft.text, draft.speaker, draft.owner, draft.due, draft.tag)
        if editing is not None:
            pane.select_note(editing.id)
        pane.say("Your unsaved text is back." if not draft.empty else "")
