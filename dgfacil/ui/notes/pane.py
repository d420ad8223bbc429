"""The notes pane: the notes of one agenda item and an entry to type the next one, keyboard only.

Used by the Notes room and embedded by the Run room (which calls `set_item` as the agenda moves).
Every note is committed when Enter is pressed; what is being typed is kept as a draft in the
document a moment after typing stops (ui/notes/drafts.py), so a killed app loses at most that much typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dgfacil.core.agenda import hhmm
from dgfacil.core.model import Note, NoteTag
from dgfacil.operations import notes as ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.context import AppContext
from dgfacil.ui.notes import commands
from dgfacil.ui.notes.action_fields import ActionFields
from dgfacil.ui.notes.drafts import DraftKeeper
from dgfacil.ui.notes.entry import KeyMap, NoteEntry
from dgfacil.ui.notes.item_times import item_starts
from dgfacil.ui.notes.model import NOTE_ROLE
from dgfacil.ui.notes.note_list import NoteList
from dgfacil.ui.notes.pane_keys import bind_pane_keys
from dgfacil.ui.notes.speaker_field import SpeakerField
from dgfacil.ui.notes.style import TAGS
from dgfacil.ui.notes.tagbar import TagBar
from dgfacil.ui.widgets import ElidedLabel, plain_label, text_combo

NO_ITEM = "General notes (no agenda item)"


class NotesPane(QWidget):
    """Notes of the chosen agenda item, newest at the bottom, and the entry below them."""

    sig_item_changed = Signal(object)
    """Fires after the pane switched to another agenda item: (item id or None)."""
    sig_notes_changed = Signal()
    sig_agenda_loaded = Signal()  # the items' titles or times changed: lists of them redraw
    """Fires after this pane added, edited, tagged or deleted a note (or undid one)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        show_item_chooser: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(ctx.undo_group)
        self.item_id: int | None = None
        self.tag = NoteTag.NOTE
        self.editing: Note | None = None
        self.people: list[str] = []
        self.filling = False
        self.refused = False  # the last edit was refused (conflict, server offline)
        self._shown = False  # set once the first item is shown; until then there is no draft to keep
        self._build(show_item_chooser)
        self.keys = KeyMap(self)
        bind_pane_keys(self)
        self.drafts = DraftKeeper(self)
        ctx.tasks.changes_applied.connect(self._on_changes)
        self.load_agenda()
        first = next(iter(self.items), None)
        self.set_item(first)

    # -- building ---------------------------------------------------------------------------
    def _build(self, show_item_chooser: bool) -> None:
        """The item (chooser or title) and its people, the notes, then the entry and its fields."""
        self.chooser = text_combo(24)
        self.chooser.setVisible(show_item_chooser)
        # Session titles are long; the combo must not widen a narrow pane to fit them.
        self.chooser.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(24)
        self.chooser.setToolTip("The agenda item these notes belong to")
        self.chooser.activated.connect(lambda i: self.set_item(self.chooser.itemData(i)))
        self.title = ElidedLabel()  # the whole title is its tooltip
        self.title.setObjectName("notesItemTitle")
        self.title.setMinimumWidth(100)
        self.title.setStyleSheet("font-size: 12.5pt; font-weight: 600; color: #1b2a41;")
        self.title.setVisible(not show_item_chooser)  # the chooser already shows the item's title
        self.people_label = plain_label(name="muted", wrap=True)
        self.view = NoteList()
        self.model = self.view.notes_model
        self.view.doubleClicked.connect(lambda index: self.edit_note(index.data(NOTE_ROLE)))
        self.empty_label = plain_label(name="muted", wrap=True)
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.status = plain_label(name="muted", wrap=True)
        self.status.hide()
        self.tagbar = TagBar()
        self.tagbar.sig_tag_clicked.connect(self.tag_key)
        self.entry = NoteEntry()
        self.speaker = SpeakerField()
        self.action = ActionFields()  # owner and due date, while the note is tagged Action
        self.hints = plain_label(name="muted", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        for widget, stretch in (
            (self.chooser, 0),
            (self.title, 0),
            (self.people_label, 0),
            (self.view, 1),
            (self.empty_label, 0),
            (self.status, 0),
            (self.tagbar, 0),
            (self.entry, 0),
        ):
            layout.addWidget(widget, stretch)
        who = QHBoxLayout()
        who_label = QLabel("Speaker:")
        who_label.setBuddy(self.speaker)
        who.addWidget(who_label)
        who.addWidget(self.speaker, 1)
        layout.addLayout(who)
        layout.addWidget(self.action)
        layout.addWidget(self.hints)

    # -- agenda -----------------------------------------------------------------------------
    def load_agenda(self) -> None:
        """Read the agenda: item titles with planned times, the zone, every name for completion."""
        workshop = self.ctx.workshop()
        self.zone = workshop.timezone
        self.model.zone = self.zone
        self.items: dict[int | None, object] = {}
        self.item_labels: dict[int | None, str] = {}
        everyone: list[str] = []
        current = self.item_id
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for item, start in item_starts(self.ctx, workshop, self.ctx.clock()):
            self.items[item.id] = item
            self.item_labels[item.id] = f"{hhmm(start, self.zone)}  {item.title}"
            self.chooser.addItem(self.item_labels[item.id], item.id)
            everyone += ops.agenda_people(item)
        self.items[None] = None
        self.item_labels[None] = NO_ITEM
        self.chooser.addItem(NO_ITEM, None)
        self.chooser.blockSignals(False)
        self.speaker.complete_from(everyone)
        if current in self.items:
            self._show_item_header()
        self.sig_agenda_loaded.emit()

    def set_item(self, item_id: int | None) -> None:
        """Show the notes of `item_id` (None: general notes), with that item's draft in the entry."""
        if item_id not in self.items:
            item_id = None
        if self._shown and item_id == self.item_id:
            return
        if self._shown:
            self.drafts.save()  # the old item keeps what was typed for it
        self._shown = True
        self.item_id = item_id
        self.editing = None
        self._show_item_header()
        self.reload(scroll_to_end=True)
        self.drafts.restore()
        self.sig_item_changed.emit(item_id)

    def step_item(self, step: int) -> None:
        """Ctrl+PgUp / Ctrl+PgDown: the previous / next agenda item (general notes come last)."""
        order = list(self.items)
        index = order.index(self.item_id) if self.item_id in order else 0
        self.set_item(order[max(0, min(len(order) - 1, index + step))])

    def _show_item_header(self) -> None:
        item = self.items.get(self.item_id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.item_id)))
        self.title.set_full_text(self.item_labels.get(self.item_id, NO_ITEM))
        self.people = ops.agenda_people(item) if item is not None else []
        self.people_label.setText(" · ".join(self.people) if self.people else "")
        self.people_label.setVisible(bool(self.people))
        self.action.set_people(self.people)
        self.speaker.offer(self.people)
        short = item.title.split(":")[0] if item is not None else "these general notes"
        self.entry.setPlaceholderText(f"Type a note on {short} — Enter adds it")

    def focus_entry(self) -> None:
        self.entry.setFocus(Qt.OtherFocusReason)
        self.undo_stack.setActive(True)

    # -- notes ------------------------------------------------------------------------------
    def reload(self, *, scroll_to_end: bool = False, select: int | None = None) -> None:
        """Read this item's notes again; keep the selection unless told which note to select."""
        item_id = self.item_id
        notes = self.ctx.tasks.read(lambda s: ops.item_notes(s, item_id=item_id))
        self.empty_label.setText("No notes yet for this item." if not notes else "")
        self.empty_label.setVisible(not notes)
        self.view.show_notes(notes, select=select, scroll_to_end=scroll_to_end)

    def selected_note(self) -> Note | None:
        return self.view.selected_note()

    def selected_note_id(self) -> int | None:
        return self.view.selected_note_id()

    def clear_selection(self) -> None:
        self.view.clear_selection()

    def select_note(self, note_id: int) -> None:
        self.view.select_note(note_id)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return  # our own edits redraw through the command's callback
        if changes.agenda or changes.run or changes.workshop:  # titles, times, the zone
            self.load_agenda()
            if self.item_id not in self.items:
                self.set_item(None)
        if changes.notes or changes.agenda:
            self.reload()

    def _done(self, note_id: int | None) -> None:
        self.reload()
        if note_id is None:
            self.clear_selection()
        self.sig_notes_changed.emit()

    def say(self, text: str) -> None:
        """One line under the notes: what just happened and how to undo it."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _command_kw(self) -> dict:
        return dict(
            tasks=self.ctx.tasks, initiator=self, clock=self.ctx.clock, on_done=self._done, on_error=self._refused
        )

    def _refused(self, text: str) -> None:
        self.refused = True
        self.say(f"Not saved: {text}")

    def push(self, command) -> None:
        self.undo_stack.setActive(True)
        self.undo_stack.push(command)

    # -- entry actions (keys are bound in pane_keys.py) -------------------------------------
    def submit(self) -> None:
        """Enter: add the typed note, or save the note being edited."""
        text = self.entry.text().strip()
        speaker = self.speaker.currentText().strip()
        owner, due = self.action.values()
        try:
            due = ops.due_date(due)
        except ValueError as err:  # said under the notes; the entry keeps everything typed
            self.say(str(err)[0].upper() + str(err)[1:] + ".")
            self.action.due.setFocus()
            return
        self.drafts.stop()
        if self.editing is not None:
            before = self.editing
            if not text:
                self.say("A note cannot be empty: Ctrl+Del deletes it, Esc keeps it.")
                return
            typed = dict(text=text, tag=self.tag, speaker=speaker, owner=owner, due=due)
            changed = {name: value for name, value in typed.items() if value != getattr(before, name)}
            edit = commands.EditNote(before=before, clear_draft=True, **changed, **self._command_kw())
            self.refused = False
            if changed:  # only what was changed: another laptop's edit of the other fields stays
                self.push(edit)
            else:
                self.drafts.save(clear=True)
            if not self.refused:  # refused: "Not saved: …" stays
                self.say(f"Saved the note of {hhmm(before.created_at, self.zone)}.")
        elif text:
            self.push(
                commands.AddNote(
                    item_id=self.item_id,
                    text=text,
                    tag=self.tag,
                    speaker=speaker,
                    owner=owner,
                    due=due,
                    **self._command_kw(),
                )
            )
            self.say("")
        else:
            return
        self._clear_entry()

    def fill_entry(self, editing: Note | None, text: str, speaker: str, owner: str, due: str, tag: NoteTag) -> None:
        """Put a note (or a draft, or nothing) in the entry and its fields, without it counting as typing."""
        self.filling = True
        self.editing = editing
        self.entry.set_text(text)
        self.speaker.setEditText(speaker)
        self.action.set_values(owner, due)
        self.tag = tag
        self.tagbar.set_current(tag)
        self.action.setVisible(tag == NoteTag.ACTION)
        self.filling = False

    def _clear_entry(self) -> None:
        self.fill_entry(None, "", "", "", "", NoteTag.NOTE)  # no speaker is carried over unseen
        self.clear_selection()

    def set_entry_tag(self, tag: NoteTag) -> None:
        self.tag = tag
        self.tagbar.set_current(tag)
        self.action.setVisible(tag == NoteTag.ACTION)
        self.drafts.typed()

    def tag_key(self, tag: NoteTag) -> None:
        """Alt+1..5: tag what is being typed; with an empty entry, tag the selected or last note."""
        if self.entry.text().strip() or self.editing is not None:
            self.set_entry_tag(NoteTag.NOTE if self.tag == tag else tag)
            return
        target = self.selected_note() or (self.model.notes[-1] if self.model.notes else None)
        if target is None:
            self.set_entry_tag(NoteTag.NOTE if self.tag == tag else tag)
            return
        new_tag = NoteTag.NOTE if target.tag == tag else tag
        self.push(commands.tag_command(before=target, tag=new_tag, **self._command_kw()))
        self.say(f"{TAGS[new_tag].label}: the note of {hhmm(target.created_at, self.zone)}.")

    def cycle_speaker(self, step: int) -> None:
        """Tab / Shift+Tab: the next of the item's lead and speakers (and no speaker)."""
        self.speaker.cycle(step)

    def edit_note(self, note: Note | None) -> None:
        """Put a note in the entry to be changed: Enter saves, Esc cancels."""
        if note is None:
            return
        self.fill_entry(note, note.text, note.speaker, note.owner, note.due, note.tag)
        self.select_note(note.id)
        self.say(
            f"Editing the note of {hhmm(note.created_at, self.zone)} — Enter saves, Esc cancels, Ctrl+Del deletes."
        )
        self.focus_entry()
        self.drafts.typed()

    def step_edit(self, step: int) -> bool:
        """Up: edit the previous note (the last one first); Down: the next, then a new note."""
        notes = self.model.notes
        if self.editing is None:
            if step > 0 or self.entry.text().strip() or not notes:
                return False
            self.edit_note(notes[-1])
            return True
        row = self.model.row_of(self.editing.id) + step
        if row >= len(notes):
            self.cancel_edit()
        elif row >= 0:
            self.edit_note(notes[row])
        return True

    def cancel_edit(self) -> bool:
        if self.editing is None:
            return False
        self._clear_entry()
        self.drafts.save(clear=True)
        self.say("")
        return True

    def delete_note(self, note_id: int | None) -> None:
        if note_id is None:
            return
        note = self.model.notes[self.model.row_of(note_id)]
        if self.editing is not None and self.editing.id == note_id:
            self._clear_entry()
            self.drafts.save(clear=True)
        self.push(commands.DeleteNote(note_id=note_id, **self._command_kw()))
        self.say(f"Deleted the note of {hhmm(note.created_at, self.zone)} — Ctrl+Z brings it back.")

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.drafts.save_pending()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Before the document closes: keep the draft now."""
        self.drafts.save_pending()
