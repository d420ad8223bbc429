"""The notes pane's keys, in one place, with the words the pane shows for them.

The keys act on a `KeyedPane`: what of the notes pane (ui/notes/pane.py) they use, and no more.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel

from dgfacil.core.model import Note, NoteTag
from dgfacil.ui.notes.action_fields import ActionFields
from dgfacil.ui.notes.entry import KeyMap, NoteEntry, shortcut_text
from dgfacil.ui.notes.note_list import NoteList
from dgfacil.ui.notes.style import TAG_BY_KEY

CTRL, SHIFT, ALT = Qt.ControlModifier, Qt.ShiftModifier, Qt.AltModifier


class KeyedPane(Protocol):
    keys: KeyMap
    entry: NoteEntry
    view: NoteList
    speaker: QComboBox
    action: ActionFields
    hints: QLabel
    undo_stack: QUndoStack
    tag: NoteTag
    editing: Note | None

    def submit(self) -> None: ...
    def edit_note(self, note: Note | None) -> None: ...
    def selected_note(self) -> Note | None: ...
    def selected_note_id(self) -> int | None: ...
    def select_note(self, note_id: int) -> None: ...
    def tag_key(self, tag: NoteTag) -> None: ...
    def set_entry_tag(self, tag: NoteTag) -> None: ...
    def cycle_speaker(self, step: int) -> None: ...
    def step_item(self, step: int) -> None: ...
    def step_edit(self, step: int) -> bool: ...
    def cancel_edit(self) -> bool: ...
    def focus_entry(self) -> None: ...
    def delete_note(self, note_id: int | None) -> None: ...


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for the Help ▸ Keyboard shortcuts table."""
    return [
        ("Enter", "Add the note (or save the note being edited)"),
        ("Shift+Enter", "New line in a note"),
        ("Alt+1 … Alt+5", "Tag key message, decision, action, quote, question (again: untag)"),
        ("Alt+0", "Plain note"),
        ("Tab / Shift+Tab", "Next / previous speaker of the item"),
        ("Ctrl+K", "Type any speaker's name"),
        ("Up / Down", "Edit the previous / next note"),
        ("Esc", "Stop editing"),
        ("Alt+O / Alt+D", "An action's owner / due date (YYYY-MM-DD); makes the note an action"),
        ("Ctrl+Del", "Delete the note being edited"),
        ("Ctrl+PgUp / Ctrl+PgDown", "Previous / next agenda item"),
        ("Ctrl+L", "Go to the list of notes"),
        ("Del (list)", "Delete the selected note"),
        ("Enter (list)", "Edit the selected note"),
        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo a note change"),
    ]


def hint_line() -> str:
    return (
        f"Enter adds · Shift+Enter new line · Alt+1–5 tag · Tab next speaker · "
        f"{shortcut_text(Qt.Key_K)} any speaker · ↑ edit last · Esc stop editing · "
        f"{shortcut_text(Qt.Key_L)} list · Ctrl+PgUp/PgDn item · Ctrl+Z undo"
    )


def bind_pane_keys(pane: KeyedPane) -> None:
    """Bind the entry's, the list's and the speaker field's keys on the pane's KeyMap."""
    keys = pane.keys
    entry, view = pane.entry, pane.view
    in_entry, in_view = (entry,), (view,)

    def undo_in_entry() -> bool:
        if entry.document().isUndoAvailable():
            return False  # the entry's own text undo comes first
        pane.undo_stack.undo()
        return True

    def redo_in_entry() -> bool:
        if entry.document().isRedoAvailable():
            return False
        pane.undo_stack.redo()
        return True

    def to_list() -> None:
        view.setFocus(Qt.ShortcutFocusReason)
        notes = view.notes_model.notes
        if pane.selected_note() is None and notes:
            pane.select_note(notes[-1].id)

    def to_speaker() -> None:
        pane.speaker.setFocus(Qt.ShortcutFocusReason)
        pane.speaker.lineEdit().selectAll()

    # Enter: in the entry adds the note; in the list edits the selected one; in the speaker
    # field it is not ours, and the field's returnPressed sends the focus back to the entry.
    keys.bind(Qt.Key_Return, pane.submit, on=in_entry)
    keys.bind(Qt.Key_Return, lambda: pane.edit_note(pane.selected_note()), on=in_view)
    keys.bind(Qt.Key_Return, lambda: entry.insertPlainText("\n"), SHIFT, on=in_entry)
    for key, tag in TAG_BY_KEY.items():
        keys.bind(key, lambda t=tag: pane.tag_key(t), ALT)
    keys.bind(Qt.Key_Tab, lambda: pane.cycle_speaker(+1), on=in_entry)
    keys.bind(Qt.Key_Backtab, lambda: pane.cycle_speaker(-1), SHIFT, on=in_entry)
    keys.bind(Qt.Key_K, to_speaker, CTRL)
    keys.bind(Qt.Key_PageUp, lambda: pane.step_item(-1), CTRL)
    keys.bind(Qt.Key_PageDown, lambda: pane.step_item(+1), CTRL)
    keys.bind(Qt.Key_L, to_list, CTRL)
    keys.bind(Qt.Key_Up, lambda: entry.on_first_line() and pane.step_edit(-1), on=in_entry)
    keys.bind(Qt.Key_Down, lambda: entry.on_last_line() and pane.step_edit(+1), on=in_entry)
    keys.bind(Qt.Key_Escape, pane.cancel_edit, on=in_entry)
    keys.bind(Qt.Key_Escape, pane.focus_entry, on=in_view)
    keys.bind(Qt.Key_Delete, lambda: pane.delete_note(pane.editing.id) if pane.editing else False, CTRL, on=in_entry)
    keys.bind(Qt.Key_Delete, lambda: pane.delete_note(pane.selected_note_id()), on=in_view)
    keys.bind(Qt.Key_Z, undo_in_entry, CTRL, on=in_entry)  # first match wins: the entry's own first
    keys.bind(Qt.Key_Z, pane.undo_stack.undo, CTRL)
    for key, mods in ((Qt.Key_Z, CTRL | SHIFT), (Qt.Key_Y, CTRL)):
        keys.bind(key, redo_in_entry, mods, on=in_entry)
        keys.bind(key, pane.undo_stack.redo, mods)

    def to_action_field(field) -> None:
        """Alt+O / Alt+D: Tab means "next speaker" in the entry, so the action's fields have keys."""
        if pane.tag != NoteTag.ACTION:
            pane.set_entry_tag(NoteTag.ACTION)
        field.setFocus(Qt.ShortcutFocusReason)
        field.selectAll()

    keys.bind(Qt.Key_O, lambda: to_action_field(pane.action.owner), ALT)
    keys.bind(Qt.Key_D, lambda: to_action_field(pane.action.due), ALT)
    in_action = (pane.action.owner, pane.action.due)
    keys.bind(Qt.Key_Return, pane.submit, on=in_action)  # Enter in the owner or due field adds the note too
    keys.bind(Qt.Key_Escape, pane.focus_entry, on=in_action)
    keys.watch(entry, view, pane.speaker.lineEdit(), *in_action)
    pane.speaker.lineEdit().returnPressed.connect(pane.focus_entry)
    pane.hints.setText(hint_line())
