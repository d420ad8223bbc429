"""The Print room: choose a document, its options and where it goes; print off the UI thread
with a progress bar and Cancel; verify certificate codes; export the organizer's public key."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from dgfacil.operations.changes import Changes
from dgfacil.operations.printing import KINDS, LABELS, PrintOptions, prepare
from dgfacil.ui.context import AppContext


def _report_available() -> bool:
    try:
        import dgfacil.operations.report  # noqa: F401
        import dgfacil.printing.outcome_report  # noqa: F401
    except ImportError:
        return False
    return True


class PrintRoom(QWidget):
    title = "Print"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)  # signatory edits (printing itself is not undone)
        self.progress_handle = None
        self.note = ""
        self.last_files: list[Path] = []
        self.kinds = list(KINDS) + (["report"] if _report_available() else [])

        self.list = QListWidget()
        for kind in self.kinds:
            self.list.addItem(LABELS.get(kind, "Outcome report"))
        self.list.setMaximumWidth(230)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.per_person = QCheckBox("One PDF per person (in a folder)")
        self.session = QComboBox()
        self.out = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Paper", self.paper)
        form.addRow("", self.per_person)
        form.addRow("Sheets", self.session)
        form.addRow("Save to", out_row)

        self.print_button = QPushButton("Print  (Ctrl+P)")
        self.print_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel  (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        self.key_label = QLabel("")
        self.key_label.setTextFormat(Qt.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        verify = QPushButton("Verify a certificate…  (Ctrl+Shift+V)")
        verify.clicked.connect(self.verify)
        export = QPushButton("Export public key…")
        export.clicked.connect(self.export_key)
        signers = QPushButton("Signatories…  (Ctrl+Shift+S)")
        signers.clicked.connect(self.signatories)
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.key_label, 1)
        keys_row.addWidget(signers)
        keys_row.addWidget(export)
        keys_row.addWidget(verify)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.bar)
        right.addWidget(self.status)
        right.addStretch(1)
        right.addLayout(keys_row)
        self.preview = self._make_preview()
        if self.preview is not None:
            right.addWidget(self.preview, 3)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)

        for keys_, slot in (("Ctrl+P", self.start), ("Escape", self.cancel), ("Ctrl+Shift+V", self.verify),
                             ("Ctrl+Shift+S", self.signatories)):
            shortcut = QShortcut(QKeySequence(keys_), self, activated=slot)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)  # this room's tab only
        self.list.currentRowChanged.connect(self._kind_changed)
        self.list.setCurrentRow(0)
        self._show_key()

    # -- choices ---------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kinds[max(self.list.currentRow(), 0)]

    def _kind_changed(self, _row: int) -> None:
        kind = self.kind()
        self.per_person.setEnabled(kind == "certificates")
        self.session.setEnabled(kind == "attendance")
        if kind == "attendance":
            self._fill_sessions()
        folder = Path(self.out.text()).parent if self.out.text() else self.ctx.doc.path.parent
        self.out.setText(str(folder / f"{self.ctx.doc.path.stem}-{kind}.pdf"))

    def _fill_sessions(self) -> None:
        from dgfacil.operations.attendance import attendance_units

        units = self.ctx.tasks.read(lambda s: attendance_units(s))
        self.session.clear()
        self.session.addItem("Every day", None)
        for i, unit in enumerate(units):
            self.session.addItem(unit.label, i)

    def options(self) -> PrintOptions:
        return PrintOptions(paper=self.paper.currentText(),
                            per_person=self.per_person.isChecked() and self.kind() == "certificates",
                            unit=self.session.currentData() if self.kind() == "attendance" else None)

    def browse(self) -> None:
        if self.per_person.isChecked() and self.kind() == "certificates":
            chosen = QFileDialog.getExistingDirectory(self, "Folder for the certificates", self.out.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save PDF", self.out.text(), "PDF (*.pdf)")
        if chosen:
            self.out.setText(chosen)

    # -- printing --------------------------------------------------------------------------
    def start(self) -> None:
        """Gather on the database worker, then lay out on the long-work thread."""
        if self.progress_handle is not None or not self.out.text().strip():
            return
        kind, out, options = self.kind(), Path(self.out.text().strip()), self.options()
        try:
            if kind == "report":
                from dgfacil.operations.report import assemble_report
                from dgfacil.printing.outcome_report import write_outcome_report

                report = self.ctx.tasks.read(lambda s: assemble_report(s))
                work = lambda progress: [write_outcome_report(report, out, progress)]  # noqa: E731
                note = ""
            else:
                _changes, job = self.ctx.tasks.run_sync(
                    lambda s: prepare(s, kind=kind, options=options), initiator=self)
                work = lambda progress: job.run(out, progress)  # noqa: E731
                note = job.note
        except ValueError as err:
            self.status.setText(str(err))
            return
        self.note = note
        self.status.setText(note or "Printing…")
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        _future, self.progress_handle = self.ctx.tasks.run_long(
            work, on_progress=self._progressed, on_done=self._done, on_error=self._failed)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.progress_handle is not None:
            self.progress_handle.cancel()
            self.status.setText("Cancelling…")

    def _finish(self) -> None:
        self.progress_handle = None
        self.bar.setVisible(False)
        self.print_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, files: list[Path]) -> None:
        self._finish()
        self.last_files = [Path(f) for f in files]
        where = self.last_files[0] if len(self.last_files) == 1 else self.last_files[0].parent
        self.status.setText(f"{self.note} Wrote {len(self.last_files)} file(s): {where}".strip())
        self._load_preview(self.last_files[0] if self.last_files else None)
        self._show_key()  # the first certificate run creates the key

    def _failed(self, error: BaseException) -> None:
        from dgfacil.printing.layout import Cancelled

        self._finish()
        self.status.setText("Cancelled; nothing was written." if isinstance(error, Cancelled)
                            else f"Printing failed: {error}")

    # -- keys and preview ------------------------------------------------------------------
    def _show_key(self) -> None:
        from dgfacil.operations import keys

        if keys.key_path().exists():
            self.key_label.setText(f"Signing key {keys.fingerprint()}")
        else:
            self.key_label.setText("A signing key is made when certificates are first printed.")

    def verify(self) -> None:
        from dgfacil.ui.printing.verify import VerifyDialog

        VerifyDialog.ask(self)

    def signatories(self):
        """Open (or raise) the Signatories dialog; its edits go on this room's undo stack."""
        from dgfacil.ui.printing.signatories import SignatoriesDialog

        if getattr(self, "_signatories", None) is None:
            self._signatories = SignatoriesDialog(self.ctx, self.undo_stack, self)
        self._signatories.refresh()
        self._signatories.show()
        self._signatories.raise_()
        return self._signatories

    def export_key(self) -> None:
        from dgfacil.operations import keys

        chosen, _ = QFileDialog.getSaveFileName(self, "Export public key", "organizer-public-key.pem",
                                                "PEM (*.pem)")
        if chosen:
            keys.export_public_key(Path(chosen))
            self._show_key()
            self.status.setText(f"Public key written to {chosen}")

    def _make_preview(self):
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # PySide6_Pdf not installed: no preview, printing still works
            return None
        self._pdf = QPdfDocument(self)
        view = QPdfView(self)
        view.setDocument(self._pdf)
        return view

    def _load_preview(self, path: Path | None) -> None:
        if self.preview is not None and path is not None and path.suffix == ".pdf":
            self._pdf.load(str(path))

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if changes.agenda and self.kind() == "attendance":
            self._fill_sessions()
        self._show_key()
