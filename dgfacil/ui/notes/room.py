"""The Notes room: the agenda on the left, the notes pane of the chosen item, search across all notes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as ops
from dgfacil.operations import run as run_ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.context import AppContext
from dgfacil.ui.notes.agenda_list import ITEM_ID_ROLE, AgendaItemDelegate, AgendaListModel
from dgfacil.ui.notes.entry import KeyMap, shortcut_text
from dgfacil.ui.notes.model import NOTE_ROLE, NoteDelegate, NotesModel
from dgfacil.ui.notes.pane import NO_ITEM, NotesPane
from dgfacil.ui.notes.pane_keys import help_rows
from dgfacil.ui.notes.style import TAGS


class NotesRoom(QWidget):
    title = "Notes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._syncing = False
        self._followed: int | None = None  # the running item the room last opened on
        self.pane = NotesPane(ctx, show_item_chooser=False)
        self.undo_stack = self.pane.undo_stack
        self._build()
        self.pane.sig_item_changed.connect(self._select_in_list)
        self.pane.sig_notes_changed.connect(self._pane_changed_notes)
        self.pane.sig_agenda_loaded.connect(self.refresh_counts)
        self.keys = KeyMap(self)
        self.keys.bind(Qt.Key_F, self.focus_search, Qt.ControlModifier)
        self.keys.watch(
            self.pane.entry, self.pane.view, self.pane.speaker.lineEdit(), self.agenda, self.results, self.search
        )
        search_keys = KeyMap(self)
        search_keys.bind(Qt.Key_Escape, self.clear_search)
        search_keys.bind(Qt.Key_Down, lambda: self.results.setFocus() if self.searching() else False)
        search_keys.bind(Qt.Key_Return, self._open_first_result)
        search_keys.watch(self.search)
        result_keys = KeyMap(self)
        result_keys.bind(Qt.Key_Return, lambda: self.open_result(self.results.currentIndex()))
        result_keys.bind(Qt.Key_Escape, self.clear_search)
        result_keys.watch(self.results)
        list_keys = KeyMap(self)
        list_keys.bind(Qt.Key_Return, self.pane.focus_entry)
        list_keys.watch(self.agenda)
        self.refresh_counts()
        self._select_in_list(self.pane.item_id)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(f"Search all notes ({shortcut_text(Qt.Key_F)})")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.run_search)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem("Any tag", None)
        for tag, look in TAGS.items():
            self.tag_filter.addItem(look.label, tag)
        self.tag_filter.currentIndexChanged.connect(self.run_search)
        self.agenda_model = AgendaListModel(self)
        self.agenda = QListView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.setItemDelegate(AgendaItemDelegate(self.agenda))
        self.agenda.setSelectionMode(QAbstractItemView.SingleSelection)
        self.agenda.setResizeMode(QListView.Adjust)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.agenda.selectionModel().currentChanged.connect(self._item_chosen)
        self.results_model = NotesModel(self.pane.zone, self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(NoteDelegate(self.results))
        self.results.setResizeMode(QListView.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.results.activated.connect(self.open_result)
        self.results_label = QLabel()
        self.results_label.setObjectName("muted")
        self.results_label.setTextFormat(Qt.PlainText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.agenda)
        self.stack.addWidget(self.results)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 6, 4, 8)
        heading = QLabel("Notes")
        heading.setObjectName("roomHeading")
        left_layout.addWidget(heading)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.tag_filter)
        left_layout.addLayout(row)
        left_layout.addWidget(self.results_label)
        left_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 760])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.results_label.hide()

    # -- agenda list ------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        """Redraw the agenda list with each item's note counts per tag."""

        def read(session):
            return {g.item.id if g.item else None: g.notes for g in ops.notes_by_item(session)}

        by_item = self.ctx.tasks.read(read)
        counts = {item_id: self._count_tags(notes) for item_id, notes in by_item.items()}
        rows = []
        for item_id, label in self.pane.item_labels.items():
            start, _, title = label.partition("  ") if item_id is not None else ("", "", NO_ITEM)
            rows.append((item_id, start, title))
        current = self.pane.item_id
        self._syncing = True  # rebuilding the rows moves the current row; that is not a choice
        try:
            self.agenda_model.set_items(rows, counts)
        finally:
            self._syncing = False
        self._followed: int | None = None  # the running item the room last opened on
        self._select_in_list(current)

    def _item_chosen(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.pane.set_item(current.data(ITEM_ID_ROLE))

    @staticmethod
    def _count_tags(notes) -> dict[NoteTag, int]:
        counts: dict[NoteTag, int] = {}
        for note in notes:
            counts[note.tag] = counts.get(note.tag, 0) + 1
        return counts

    def _select_in_list(self, item_id: int | None) -> None:
        row = self.agenda_model.row_of(item_id)
        if row >= 0:
            index = self.agenda_model.index(row, 0)
            self.agenda.selectionModel().blockSignals(True)
            self.agenda.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
            self.agenda.selectionModel().blockSignals(False)
            self.agenda.scrollTo(index)
            self.agenda.viewport().update()

    def focus_item(self, item_id: int | None) -> None:
        """Show the notes of `item_id` with the cursor in the entry (the Run room's "notes" key)."""
        self.clear_search(focus=False)
        self.pane.set_item(item_id)
        self.pane.focus_entry()

    # -- search -----------------------------------------------------------------------------
    def searching(self) -> bool:
        return bool(self.search.text().strip()) or self.tag_filter.currentData() is not None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def run_search(self, *_args) -> None:
        if not self.searching():
            self.stack.setCurrentWidget(self.agenda)
            self.results_label.hide()
            return
        text, tag = self.search.text(), self.tag_filter.currentData()
        found = self.ctx.tasks.read(lambda s: ops.search_notes(s, text=text, tag=tag))
        self.results_model.zone = self.pane.zone
        self.results_model.set_notes(found, dict(self.pane.item_labels))
        self.results_label.setText(
            f"{len(found)} note{'s' if len(found) != 1 else ''} found in all items — "
            f"Enter opens, Esc goes back to the agenda"
        )
        self.results_label.show()
        self.stack.setCurrentWidget(self.results)
        if found:
            self.results.setCurrentIndex(self.results_model.index(0))

    def _open_first_result(self) -> bool:
        if not self.searching() or not self.results_model.rowCount():
            return False
        self.open_result(
            self.results.currentIndex() if self.results.currentIndex().isValid() else self.results_model.index(0)
        )
        return True

    def open_result(self, index) -> None:
        note = index.data(NOTE_ROLE) if index.isValid() else None
        if note is None:
            return
        self.pane.set_item(note.agenda_item_id)
        self.pane.select_note(note.id)
        self.pane.view.setFocus(Qt.OtherFocusReason)

    def clear_search(self, focus: bool = True) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.tag_filter.setCurrentIndex(0)
        self.run_search()
        if focus:
            self.pane.focus_entry()

    # -- room protocol ----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.follow_run()

    def follow_run(self) -> None:
        """Open on the item that is running (from the run log), once each time the run moves on:
        an item chosen by hand stays chosen while the same item runs."""
        now = self.ctx.clock()
        running = self.ctx.tasks.read(lambda s: run_ops.running_item_id(s, now=now))
        if running is not None and running != self._followed:
            self._followed = running
            self.focus_item(running)

    def _pane_changed_notes(self) -> None:
        self.refresh_counts()
        if self.searching():
            self.run_search()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        # The pane's own edits arrive through sig_notes_changed; skip them here.
        if initiator in (self, self.pane) or not (changes.notes or changes.agenda):
            return
        self.refresh_counts()
        if self.searching():
            self.run_search()

    def shortcuts_help(self) -> list[tuple[str, str]]:
        return [(shortcut_text(Qt.Key_F), "Search all notes"), *help_rows()]

    def shutdown(self) -> None:
        self.pane.shutdown()
