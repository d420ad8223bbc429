"""The People room: the roster (search, add, edit, delete, import, export), check-in per
block with a badge scanner field, and who earns a certificate and why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.model import Participant
from dgfacil.operations import attendance as att
from dgfacil.operations import participants as ops
from dgfacil.operations.changes import Changes
from dgfacil.operations.participants import RosterFileError, read_roster_file
from dgfacil.ui.context import AppContext
from dgfacil.ui.people import commands
from dgfacil.ui.people.checkin import CheckInPanel
from dgfacil.ui.people.editor import ParticipantDialog
from dgfacil.ui.people.eligibility import EligibilityPanel
from dgfacil.ui.people.import_dialog import ImportDialog
from dgfacil.ui.people.models import PeopleModel, SearchProxy, searchable_list, selection_kept
from dgfacil.ui.undo import macro
from dgfacil.ui.widgets import plain_label

ROSTER_FILTER = "Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)"


def _load(session) -> dict:
    """Everything the room shows, read in one go on the database worker."""
    return dict(
        people=ops.all_participants(session),
        kind=att.block_kind(session),
        blocks=att.attendance_blocks(session),
        present=att.present_pairs(session),
        verdicts=att.eligibility_all(session),
        threshold=att.certificate_threshold(session),
    )


class PeopleRoom(QWidget):
    title = "People"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)
        self.data: dict = {}
        self.import_dialog: ImportDialog | None = None
        self.progress: QProgressDialog | None = None
        self._reload_due = False
        self._build()
        self.reload()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._roster_tab(), "Roster")
        self.checkin = CheckInPanel()
        self.checkin.mark_requested.connect(self.mark)
        self.checkin.block.currentIndexChanged.connect(self._show_presence)
        self.checkin.block_kind_changed.connect(lambda kind: self._run(lambda s: att.set_block_kind(s, kind=kind)))
        self.tabs.addTab(self.checkin, "Check-in")
        self.certificates = EligibilityPanel()
        self.certificates.threshold_changed.connect(
            lambda value: self._run(lambda s: att.set_threshold(s, threshold=value))
        )
        self.tabs.addTab(self.certificates, "Certificates")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # Alt, not Ctrl: the window's View menu owns Ctrl+1..7 (a key bound twice does nothing).
        for keys, slot in (("Alt+1", 0), ("Alt+2", 1), ("Alt+3", 2)):
            QShortcut(QKeySequence(keys), self, lambda i=slot: self.tabs.setCurrentIndex(i))
            self.tabs.setTabToolTip(slot, keys)
        self.tabs.currentChanged.connect(lambda i: self.checkin.scan.setFocus() if i == 1 else None)

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """The room's keys for Help ▸ Keyboard shortcuts (F1)."""
        return [
            ("Alt+1 / Alt+2 / Alt+3", "Roster / Check-in / Certificates"),
            ("Ctrl+F", "Search the roster"),
            ("Ctrl+I", "Import a roster"),
            ("Ctrl+E", "Export the roster"),
            ("Ins", "Add a participant"),
            ("F2", "Edit the selected participant"),
            ("Del", "Delete the selected participants"),
            ("Space", "Check-in: tick or untick the selected people"),
            ("Ctrl+P", "Check-in: mark present"),
        ]

    def shutdown(self) -> None:
        """Nothing to stop: every edit here is a dialog that has already been saved."""

    def _roster_tab(self) -> QWidget:
        self.roster = PeopleModel("roster", self)
        self.roster_proxy = SearchProxy(self)
        self.roster_proxy.setSourceModel(self.roster)
        self.search, self.view = searchable_list(self.roster_proxy, "Search the roster… (Ctrl+F)")
        self.roster_count = plain_label()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.roster_count)
        buttons = QHBoxLayout()
        for text, keys, slot in (
            ("Import…", "Ctrl+I", self.choose_import),
            ("Export…", "Ctrl+E", self.choose_export),
            ("Add", "Ins", self.add_dialog),
            ("Edit", "F2", self.edit_selected),
            ("Delete", "Del", self.delete_selected),
        ):
            button = QPushButton(text)
            button.setToolTip(keys)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self.view if keys in ("Del", "F2") else self, slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        QShortcut(QKeySequence("Ctrl+F"), self, lambda: (self.tabs.setCurrentIndex(0), self.search.setFocus()))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        return tab

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._reload_due = False
        self.data = self.ctx.tasks.read(_load)
        people = self.data["people"]
        with selection_kept(self.view):
            self.roster.set_people(people)
        self.roster_count.setText(f"{len(people)} participant{'s' if len(people) != 1 else ''}")
        self.view.resizeColumnsToContents()
        for column in range(self.roster.columnCount()):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 320))
        self.checkin.set_blocks(self.data["blocks"], self.data["kind"])
        self.checkin.set_people(people, self._present_at_block())
        self.certificates.set_verdicts(self.data["verdicts"], self.data["threshold"], len(self.data["blocks"]))
        self.tabs.setTabText(0, f"Roster ({len(people)})")

    def _present_at_block(self) -> set[int]:
        block = self.checkin.current_block()
        if block is None:
            return set()
        pairs = self.data.get("present", set())
        return {p.id for p in self.data["people"] if all((p.id, i) in pairs for i in block.item_ids)}

    def _show_presence(self) -> None:
        if self.data:
            self.checkin.set_present(self._present_at_block())

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """Redraw after any change to people, attendance or the agenda (also undo/redo)."""
        if initiator is self:
            return  # the room already redrew after its own import
        if (changes.participants or changes.attendance or changes.agenda) and not self._reload_due:
            self._reload_due = True  # several changes in one event-loop turn: one reload
            QTimer.singleShot(0, self._deferred_reload)

    def reload_pending(self) -> bool:
        """A change came and the room has not yet redrawn for it (the reload waits for the event loop)."""
        return self._reload_due

    def _deferred_reload(self) -> None:
        if not self.ctx.tasks.closed:  # the document may have been closed in the meantime
            self.reload()

    def _run(self, op) -> None:
        self.ctx.tasks.run_sync(op)

    # -- roster edits -------------------------------------------------------------------------
    def selected(self) -> list[Participant]:
        rows = [self.roster_proxy.mapToSource(ix).row() for ix in self.view.selectionModel().selectedRows()]
        return [self.roster.people[r] for r in rows]

    def add(self, participant: Participant) -> None:
        self.undo_stack.push(commands.AddParticipant(self.ctx.tasks, participant))

    def edit(self, before: Participant, change: dict) -> None:
        if change:
            self.undo_stack.push(commands.EditParticipant(self.ctx.tasks, before, change))

    def add_dialog(self) -> None:
        dialog = ParticipantDialog(parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.add(dialog.participant())

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            dialog = ParticipantDialog(chosen[0], parent=self)
            if dialog.exec() == QDialog.Accepted:
                self.edit(chosen[0], dialog.changes())

    def delete_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        with macro(self.undo_stack, f"Delete {len(chosen)} participant{'s' if len(chosen) > 1 else ''}"):
            for p in chosen:
                self.undo_stack.push(commands.DeleteParticipant(self.ctx.tasks, p))

    def mark(self, participant_ids: list[int], present: bool) -> None:
        block = self.checkin.current_block()
        if block is None or not participant_ids:
            return
        was = self._present_at_block()
        self.undo_stack.push(
            commands.MarkPresence(self.ctx.tasks, participant_ids, list(block.item_ids), present, was, block.label)
        )
        # the scanner expects the tick at once; the full reload follows on_changes
        self.checkin.set_present((was | set(participant_ids)) if present else (was - set(participant_ids)))

    # -- import and export ----------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import roster", "", ROSTER_FILTER)
        if path:
            self.import_file(Path(path))

    def _start_progress(self, title: str, cancel) -> None:
        self.progress = QProgressDialog(title, "Cancel", 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(300)  # small rosters finish before it would flash
        self.progress.canceled.connect(cancel)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self.progress.setLabelText(text)

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def import_file(self, path: Path) -> None:
        """Read the file off the GUI thread, then show the preview dialog."""

        def read(progress):
            progress.report(0, 0, f"Reading {path.name}…")
            return read_roster_file(path)

        def done(table) -> None:
            self._end_progress()
            self.import_dialog = ImportDialog(self.ctx, path, table, self)
            self.import_dialog.accepted.connect(
                lambda: self.run_import(self.import_dialog.table, self.import_dialog.mapping)
            )
            self.import_dialog.open()

        _, progress = self.ctx.tasks.run_long(
            read, on_progress=self._on_progress, on_done=done, on_error=self._import_failed
        )
        self._start_progress(f"Reading {path.name}…", progress.cancel)

    def run_import(self, table, mapping) -> None:
        """Write the import in one transaction on the database worker, with progress and Cancel."""

        def work(progress):
            return self.ctx.tasks.read(lambda s: ops.import_roster(s, table=table, mapping=mapping, progress=progress))

        def done(result) -> None:
            self._end_progress()
            self.ctx.tasks.changes_applied.emit(result, self)
            self.last_import = result.value
            self.reload()

        _, progress = self.ctx.tasks.run_long(
            work, on_progress=self._on_progress, on_done=done, on_error=self._import_failed
        )
        self._start_progress("Importing…", progress.cancel)

    def _import_failed(self, error: BaseException) -> None:
        self._end_progress()
        if isinstance(error, ops.ImportCancelled):
            self.last_import = None
            return
        text = str(error) if isinstance(error, RosterFileError) else f"The import failed: {error}"
        box = QMessageBox(QMessageBox.Warning, "Import roster", text, QMessageBox.Ok, self)
        box.setTextFormat(Qt.PlainText)
        self.error_box = box
        box.open()

    def choose_export(self) -> None:
        what = "attendance" if self.tabs.currentIndex() > 0 else "roster"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {what}", f"{what}.xlsx", "Excel workbook (*.xlsx);;CSV (*.csv)"
        )
        if path:
            self.export_file(Path(path), what)

    def export_file(self, path: Path, what: str = "roster") -> None:
        export = ops.export_roster if what == "roster" else att.export_attendance
        try:
            self.ctx.tasks.read(lambda s: export(s, path=path))
        except (RosterFileError, OSError) as err:
            QMessageBox.warning(self, "Export", str(err))
