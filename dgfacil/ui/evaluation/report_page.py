"""The outcome report's written parts, saved as typed, and the Print button (off the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.operations import evaluation as ops
from dgfacil.operations.report import Cancelled, report_job

PARTS = [
    ("acknowledgments", "Acknowledgments", "Who organized, who led, who spoke, who wrote the report."),
    (
        "executive_summary",
        "Executive summary",
        "The webinar in a page; quote the key figures from the "
        "Figures tab (e.g. 97.3% (143 of 147) satisfied overall).",
    ),
    ("recommendations", "Recommendations", "What participants and partners recommended or committed to."),
]
DEBOUNCE_MS = 600  # an edit is committed within a second of the last keystroke


class ReportPage(QWidget):
    printed = Signal(str)  # the PDF path, when written

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editors: dict[str, QPlainTextEdit] = {}
        self._timers: dict[str, QTimer] = {}
        self._progress = None
        layout = QVBoxLayout(self)
        for key, title, hint in PARTS:
            label = QLabel(title)
            label.setTextFormat(Qt.PlainText)
            label.setStyleSheet("font-weight: 600;")
            edit = QPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setObjectName(f"report_{key}")
            timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
            timer.timeout.connect(lambda k=key: self.save(k))
            edit.textChanged.connect(timer.start)
            self.editors[key], self._timers[key] = edit, timer
            layout.addWidget(label)
            layout.addWidget(edit, 1)
        self.note = QLabel(
            "Everything else (cover, key messages, discussions, group outputs, evaluation, agenda as "
            "run, participation) is taken from the workshop when you print."
        )
        self.note.setTextFormat(Qt.PlainText)
        self.note.setWordWrap(True)
        self.print_button = QPushButton("Print outcome report… (Ctrl+P)")
        self.print_button.clicked.connect(self.ask_print)
        self.cancel = QPushButton("Cancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(lambda: self._progress and self._progress.cancel())
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        texts = self.ctx.tasks.read(lambda s: ops.report_texts(s))
        for key, edit in self.editors.items():
            if edit.toPlainText() != texts.get(key, "") and not self._timers[key].isActive():
                edit.blockSignals(True)
                edit.setPlainText(texts.get(key, ""))
                edit.blockSignals(False)

    def save(self, key: str) -> None:
        self._timers[key].stop()
        text = self.editors[key].toPlainText()
        self.ctx.tasks.run(lambda s: ops.set_report_section(s, key=key, text=text), initiator=self)

    def flush(self) -> None:
        """Save any edit still waiting for its debounce (before printing, before closing)."""
        for key, timer in self._timers.items():
            if timer.isActive():
                self.save(key)
        self.ctx.tasks.wait()

    def ask_print(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Outcome report", "outcome-report.pdf", "PDF (*.pdf)")
        if name:
            self.print_to(Path(name))

    def print_to(self, out: Path) -> None:
        """Read the report on the database worker, then lay out the PDF as long work with progress."""
        self.flush()
        write = self.ctx.tasks.read(report_job)
        self.print_button.setEnabled(False)
        self.cancel.setEnabled(True)
        self.bar.setVisible(True)
        self.bar.setRange(0, 8)
        self.status.setText("Printing the outcome report…")
        _, self._progress = self.ctx.tasks.run_long(
            lambda progress: write(out, progress),
            on_progress=self._on_progress,
            on_done=self._on_done,
            on_error=self._on_error,
        )

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat(f"{text} (%p%)")

    def _finish(self, message: str) -> None:
        self.print_button.setEnabled(True)
        self.cancel.setEnabled(False)
        self.bar.setVisible(False)
        self.status.setText(message)

    def _on_done(self, path) -> None:
        self._finish(f"Wrote {path}")
        self.printed.emit(str(path))

    def _on_error(self, error: BaseException) -> None:
        self._finish("Cancelled; no file was written." if isinstance(error, Cancelled) else f"Not printed: {error}")
