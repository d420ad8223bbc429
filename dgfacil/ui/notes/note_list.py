"""The list of an item's notes: newest at the bottom, one selected at most, wrapped to the width."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from dgfacil.core.model import Note
from dgfacil.ui.notes.model import NOTE_ROLE, NoteDelegate, NotesModel


class NoteList(QListView):
    """Shows a NotesModel; says which note is selected and selects one by id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes_model = NotesModel(parent=self)
        self.setModel(self.notes_model)
        self.setItemDelegate(NoteDelegate(self))
        self.setResizeMode(QListView.Adjust)  # re-wrap the notes when the pane is resized
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # notes wrap; never scroll sideways

    def show_notes(self, notes: list[Note], *, select: int | None = None, scroll_to_end: bool = False) -> None:
        """Show `notes`; keep the selection unless told which note to select; follow a new note."""
        selected = select if select is not None else self.selected_note_id()
        grew = len(notes) > len(self.notes_model.notes)
        self.notes_model.set_notes(notes)
        if selected is not None and self.notes_model.row_of(selected) >= 0:
            self.select_note(selected)
        elif scroll_to_end or grew:
            self.scrollToBottom()

    def selected_note(self) -> Note | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(NOTE_ROLE) if rows else None

    def selected_note_id(self) -> int | None:
        note = self.selected_note()
        return note.id if note is not None else None

    def clear_selection(self) -> None:
        self.selectionModel().clear()  # also forgets the current row, so Alt+1 tags the last note

    def select_note(self, note_id: int) -> None:
        row = self.notes_model.row_of(note_id)
        if row >= 0:
            index = self.notes_model.index(row)
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
            self.scrollTo(index)
