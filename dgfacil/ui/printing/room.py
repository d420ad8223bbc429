"""The Print room: choose a document, its options and where it goes; print off the UI thread
with a progress bar and Cancel; verify certificate codes; export the organizer's public key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.operations.changes import Changes
from dgfacil.operations.print_jobs import run_job
from dgfacil.operations.printing import KINDS, LABELS, PrintOptions, prepare
from dgfacil.ui.context import AppContext
from dgfacil.ui.printing.options_form import PrintOptionsForm
from dgfacil.ui.printing.signing_keys import SigningKeysBar

# The room's own keys: none of them is a window key (Ctrl+N/O/W/Q/Z/Y, Ctrl+Shift+S/Z,
# Ctrl+1..7, F1), or Qt would find the key ambiguous and do neither.
SHORTCUTS = (
    ("Ctrl+P", "Print the chosen document"),
    ("Escape", "Cancel printing"),
    ("Ctrl+Shift+V", "Verify a certificate"),
    ("Ctrl+Shift+G", "Certificate signatories"),
    ("Ctrl+Shift+O", "Open what was printed (PDF viewer or folder)"),
)


class PrintRoom(QWidget):
    title = "Print"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)  # signatory edits (printing itself is not undone)
        self.progress_handle = None
        self._preparing = self._cancel_asked = False
        self._count_stale = False  # a change came while the room was hidden: recount when shown
        self.note = ""
        self.last_files: list[Path] = []
        self.kinds = [*KINDS, "report"]
        self.list = self._kind_list()
        self.options_form = PrintOptionsForm(self.ctx)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(self._right_column(), 1)
        self.shortcuts = self._bind_keys()
        self.list.currentRowChanged.connect(self._kind_changed)
        self.list.setCurrentRow(0)

    # -- building ----------------------------------------------------------------------------
    def _kind_list(self) -> QListWidget:
        """The documents there are to print, one a row."""
        kinds = QListWidget()
        for kind in self.kinds:
            kinds.addItem(LABELS.get(kind, "Outcome report"))
        # wide enough for every document's name (the labels were cut: "Name badg")
        kinds.setMinimumWidth(min(kinds.sizeHintForColumn(0) + 2 * kinds.frameWidth() + 12, 260))
        kinds.setMaximumWidth(260)
        return kinds

    def _print_buttons(self) -> QHBoxLayout:
        """Print, Cancel and Open (no PDF preview inside the app without QtPdf: the system's viewer)."""
        self.print_button = QPushButton("Print  (Ctrl+P)")
        self.print_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel  (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton("Open  (Ctrl+Shift+O)")
        self.open_button.setToolTip("Open the PDF just printed (the folder, for one file per person)")
        self.open_button.clicked.connect(self.open_printed)
        self.open_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _right_column(self) -> QVBoxLayout:
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        # no parent until the layout gives it the room: the Tab order (and first focus) is the layout's
        self.keys = SigningKeysBar(self.ctx, self.undo_stack, self.status.setText)
        right = QVBoxLayout()
        right.addWidget(self.options_form)
        right.addLayout(self._print_buttons())
        right.addWidget(self.bar)
        right.addWidget(self.status)
        right.addStretch(1)
        right.addWidget(self.keys)
        self.preview = self._make_preview()
        if self.preview is not None:
            right.addWidget(self.preview, 3)
        return right

    def _bind_keys(self) -> dict[str, QShortcut]:
        shortcuts: dict[str, QShortcut] = {}
        for (keys_, _what), slot in zip(
            SHORTCUTS,
            (self.start, self.cancel, self.keys.verify, self.keys.signatories, self.open_printed),
            strict=True,
        ):
            shortcut = QShortcut(QKeySequence(keys_), self, activated=slot)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)  # this room's tab only
            shortcuts[keys_] = shortcut
        return shortcuts

    # -- choices ---------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kinds[max(self.list.currentRow(), 0)]

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """(key, what) for the window's Keyboard shortcuts table."""
        return list(SHORTCUTS)

    def shutdown(self) -> None:
        """Nothing to stop here: closing the worker (`Tasks.shutdown`) cancels a print under way."""

    def _kind_changed(self, _row: int) -> None:
        if not self.busy():
            self.status.setText("")  # a message about another document would mislead
        self.options_form.show_kind(self.kind())

    def options(self) -> PrintOptions:
        return self.options_form.options()

    # -- printing --------------------------------------------------------------------------
    def start(self) -> None:
        """Gather on the database worker (certificates: numbers and signatures are recorded),
        then draw in worker processes; the window only shows progress."""
        if self.busy() or not self.options_form.out.text().strip():
            return
        kind, out, options = self.kind(), Path(self.options_form.out.text().strip()), self.options()
        if options.per_person and out.exists() and not out.is_dir():
            self.status.setText(f"{out} is a file: one PDF per person needs a folder (Browse… to choose one).")
            return
        if not options.per_person and out.is_dir():
            self.status.setText(f"{out} is a folder: choose a file name for the PDF.")
            return
        self._preparing = True
        self._cancel_asked = False
        self.status.setText("Preparing…")
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        if kind == "report":
            self._gather(kind, out, options)
            return
        from dgfacil.operations.preflight import warnings

        # blank names and another signing key are looked for on the database worker: over a
        # thousand names this takes a second, which the window must not spend frozen
        self.ctx.tasks.run(
            lambda s: Changes(value=warnings(s, kind)),
            initiator=self,
            on_done=lambda result: self._checked(kind, out, options, result.value),
            on_error=lambda _err: self._finish(),
        )

    def _checked(self, kind: str, out: Path, options, found: list[str]) -> None:
        from dgfacil.ui.printing.preflight import accepted

        if self._cancel_asked:
            self._finish()
            self.status.setText("Cancelled before printing started; nothing was written.")
            return
        if found and not accepted(self, found):
            self._finish()
            self.status.setText("Not printed; nothing was written.")
            return
        self._gather(kind, out, options)

    def _gather(self, kind: str, out: Path, options) -> None:
        if kind == "report":
            from dgfacil.operations.report import report_job

            def gather(s):
                return Changes(value=report_job(s))
        else:

            def gather(s):
                try:
                    return prepare(s, kind=kind, options=options)
                except ValueError as err:  # a refusal in one sentence; nothing was recorded
                    return Changes(value=err)

        self.ctx.tasks.run(
            gather,
            initiator=self,
            on_done=lambda result: self._launch(kind, out, result.value),
            on_error=lambda _err: self._finish(),
        )

    def busy(self) -> bool:
        return self.progress_handle is not None or self._preparing

    def _launch(self, kind: str, out: Path, job) -> None:
        """The document's values are gathered: draw it off the GUI thread (certificates and the
        other documents in worker processes; the short outcome report on the long-work thread)."""
        self._preparing = False
        if isinstance(job, Exception):
            self._finish()
            self.status.setText(str(job))
            return
        if self._cancel_asked:
            self._finish()
            self.status.setText("Cancelled before printing started; nothing was written.")
            return
        if kind == "report":
            work = lambda progress: [job(out, progress)]  # noqa: E731
            self.note = ""
        else:
            work = lambda progress: run_job(job, out, progress)  # noqa: E731
            self.note = job.note
        self.status.setText(self.note or "Printing…")
        _future, self.progress_handle = self.ctx.tasks.run_long(
            work, on_progress=self._progressed, on_done=self._done, on_error=self._failed
        )

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.progress_handle is not None:
            self.progress_handle.cancel()
            self.status.setText("Cancelling…")
        elif self._preparing:
            self._cancel_asked = True
            self.status.setText("Cancelling…")

    def _finish(self) -> None:
        self.progress_handle = None
        self._preparing = False
        self.bar.setVisible(False)
        self.print_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, files: list[Path]) -> None:
        self._finish()
        self.last_files = [Path(f) for f in files]
        if not self.last_files:
            self.status.setText("Nothing was written.")
            return
        where = self.last_files[0] if len(self.last_files) == 1 else self.last_files[0].parent
        files = "1 file" if len(self.last_files) == 1 else f"{len(self.last_files):,} files"
        self.status.setText(f"{self.note} Wrote {files}: {where}".strip())
        self.open_button.setEnabled(True)
        self._load_preview(self.last_files[0] if self.last_files else None)
        self.keys.refresh()  # the first certificate run creates the key

    def _failed(self, error: BaseException) -> None:
        from dgfacil.operations.report import Cancelled

        self._finish()
        if isinstance(error, Cancelled):  # its message says what was kept
            self.status.setText(str(error) or "Cancelled; nothing was written.")
        else:
            self.status.setText(f"Printing failed: {error}")
        self.keys.refresh()  # gathering certificates made the key even when drawing stopped

    def printed_target(self) -> Path | None:
        """What Open shows: the one PDF, or the folder of a file-per-person run."""
        if not self.last_files:
            return None
        return self.last_files[0] if len(self.last_files) == 1 else self.last_files[0].parent

    def open_printed(self) -> bool:
        target = self.printed_target()
        if target is None or not target.exists():
            self.status.setText("Nothing printed yet to open." if target is None else f"{target} is gone.")
            self.open_button.setEnabled(False)
            return False
        if not self.opener(QUrl.fromLocalFile(str(target))):
            self.status.setText(f"No program here opens {target.name}; find it in {target.parent}.")
            return False
        return True

    # QDesktopServices hands the file to the system's viewer; a test swaps it to see the URL.
    opener = staticmethod(QDesktopServices.openUrl)

    # -- preview ---------------------------------------------------------------------------
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
            self.options_form.fill_sheets()
        # participants, attendance and exercises change what prints: recount when it is seen
        if self.isVisible():
            self.options_form.show_count()
        else:
            self._count_stale = True
        self.keys.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 — Qt's name
        if self._count_stale:
            self._count_stale = False
            self.options_form.show_count()
        super().showEvent(event)
