"""Importing an online form's CSV export: preview what matched, then import in one step."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from dgfacil.operations import evaluation as ops

ENCODINGS = [("Detect", None), ("UTF-8", "utf-8"), ("Windows (cp1252)", "cp1252"), ("UTF-16", "utf-16"),
             ("Latin-1", "latin-1")]


class ImportPage(QWidget):
    """Choose a file, read the match report and a preview, then import. Emits `imported(ids)`."""

    imported = Signal(tuple, int)  # ids added, rows skipped as already imported

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: bytes | None = None
        self.path: Path | None = None
        self.read: ops.CsvImport | None = None
        self.choose = QPushButton("Choose CSV export… (Ctrl+I)")
        self.choose.clicked.connect(self.ask_file)
        self.encoding = QComboBox()
        for label, value in ENCODINGS:
            self.encoding.addItem(label, value)
        self.encoding.currentIndexChanged.connect(lambda _: self._reread())
        self.go = QPushButton("Import")
        self.go.setEnabled(False)
        self.go.clicked.connect(self.import_now)
        self.status = QLabel("Export the responses of the online form as CSV, then choose the file.")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setObjectName("matchReport")
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(QLabel("Encoding:"))
        row.addWidget(self.encoding)
        row.addStretch(1)
        row.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)

    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Survey export", "", "CSV files (*.csv *.txt);;All files (*)")
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        """Read `path` and show what matches; nothing is written yet."""
        self.path = Path(path)
        try:
            self.data = self.path.read_bytes()
        except OSError as err:
            self.data = None
            self.status.setText(f"Cannot read {path.name}: {err.strerror or err}")
            return
        self._reread()

    def _reread(self) -> None:
        if self.data is None:
            return
        self.read = None
        self.go.setEnabled(False)
        form = self.ctx.tasks.read(lambda s: ops.evaluation_form(s))
        encoding = self.encoding.currentData()
        try:
            self.read, text = ops.read_csv(self.data, form, encoding=encoding)
        except (ops.CsvImportError, UnicodeDecodeError, LookupError) as err:
            self.status.setText(f"{self.path.name}: {err}")
            self.report.setPlainText("")
            return
        first = "\n".join(line[:160] for line in text.splitlines()[:4])
        lines = self.read.report.lines(form)
        self.report.setPlainText("\n".join(lines) + "\n\nFirst lines of the file, as read (check accented letters):\n"
                                 + first)
        self.status.setText(f"{self.path.name}: {len(self.read.responses)} responses ready to import.")
        self.go.setText(f"Import {len(self.read.responses)} responses")
        self.go.setMinimumWidth(self.go.sizeHint().width())
        self.go.setEnabled(bool(self.read.responses))

    def import_now(self) -> None:
        if self.data is None or self.read is None:
            return
        data, encoding = self.data, self.encoding.currentData()
        changes, result = self.ctx.tasks.run_sync(lambda s: ops.import_csv(s, data=data, encoding=encoding),
                                                  initiator=self)
        skipped = f"; {result.already_there} were imported before" if result.already_there else ""
        self.status.setText(f"Imported {result.added} responses from {self.path.name}{skipped}.")
        self.go.setEnabled(False)
        self.imported.emit(changes.ids, result.already_there)
