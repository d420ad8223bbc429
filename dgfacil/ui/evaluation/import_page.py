"""Importing an online survey's export: choose the file, check the mapping, import in one step.

The mapping step shows what each column holds and how each answer is read; an answer that maps
to no level is red and the Import button says how many are left to map. Nothing is written until
Import; the same respondents imported again are updated, never doubled; an import can be deleted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.evaluation import counted
from dgfacil.operations import evaluation as ops
from dgfacil.ui.evaluation.mapping import AnswersTable, ColumnsTable
from dgfacil.ui.widgets import plain_label

ENCODINGS = [
    ("Detect", None),
    ("UTF-8", "utf-8"),
    ("Windows (cp1252)", "cp1252"),
    ("UTF-16", "utf-16"),
    ("Latin-1", "latin-1"),
]
FILES = "Survey exports (*.csv *.xlsx *.txt);;All files (*)"


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 4, 0, 0)
    lay.addWidget(plain_label(title, bold=True))
    lay.addWidget(widget)
    return box


class ImportPage(QWidget):
    """Choose a file, check the mapping, import. Emits `imported(result)` and `import_deleted(id, responses)`."""

    imported = Signal(object)  # ops.ImportResult
    import_deleted = Signal(str, list)  # import id, the responses deleted (for undo)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: bytes | None = None
        self.path: Path | None = None
        self.read = None
        self.choose = QPushButton("Choose export… (Ctrl+I)")
        self.choose.clicked.connect(self.ask_file)
        self.encoding = QComboBox()
        for label, value in ENCODINGS:
            self.encoding.addItem(label, value)
        self.encoding.currentIndexChanged.connect(lambda _: self.reread())
        self.one_best = QCheckBox("Numbered answers: 1 is the best")
        self.one_best.setToolTip("Off: the highest number is the best level, as most survey tools number them")
        self.one_best.toggled.connect(lambda _: self.reread())
        self.replace = QCheckBox("Replace all imported responses")
        self.replace.setToolTip("Off: respondents imported before are updated; others are added")
        self.go = QPushButton("Import")
        self.go.setEnabled(False)
        self.go.clicked.connect(self.import_now)
        self.status = plain_label(
            "Export the responses of the online form (CSV or Excel), then choose the file.",
            wrap=True,
            name="importStatus",
        )
        self.findings = plain_label(wrap=True, name="importFindings")
        self.findings.setStyleSheet("color: #8a5300;")
        self.findings.setVisible(False)
        self.columns = ColumnsTable()
        self.answers = AnswersTable()
        self.columns.changed.connect(self.reread)
        self.answers.changed.connect(self.reread)
        self.imports = QListWidget()
        self.imports.setObjectName("surveyImports")
        self.delete = QPushButton("Delete this import")
        self.delete.clicked.connect(self.delete_selected_import)
        self._build()
        self.reload_imports()

    def _build(self) -> None:
        row = QHBoxLayout()
        for w in (self.choose, QLabel("Encoding:"), self.encoding):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.go)
        options = QHBoxLayout()
        options.addWidget(self.one_best)
        options.addWidget(self.replace)
        options.addStretch(1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(_titled("Answers, and the level each is read as", self.answers))
        split.addWidget(_titled("Columns, and the question each holds", self.columns))
        done = QWidget()
        dl = QHBoxLayout(done)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.imports, 1)
        dl.addWidget(self.delete, 0, Qt.AlignTop)
        split.addWidget(_titled("Imports in this workshop (the responses each last wrote)", done))
        split.setSizes([260, 200, 80])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.findings)
        layout.addWidget(split, 1)

    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Survey export", "", FILES)
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        """Read `path` and show the mapping; nothing is written yet."""
        self.path = Path(path)
        self.columns.chosen, self.answers.chosen, self.answers.shapes = {}, {}, []
        self.columns.setRowCount(0)
        try:
            self.data = self.path.read_bytes()
        except OSError as err:
            self.data = None
            self.status.setText(f"Cannot read {path.name}: {err.strerror or err}")
            return
        self.reread()

    def reread(self) -> None:
        """Read the file again with the user's choices; the tables and the button follow."""
        if self.data is None:
            return
        self.read = None
        self.go.setEnabled(False)
        data, name, columns = self.data, self.path.name, dict(self.columns.chosen)
        answers = {k: dict(v) for k, v in self.answers.chosen.items()}
        encoding, one_best = self.encoding.currentData(), self.one_best.isChecked()
        try:
            self.read = self.ctx.tasks.read(
                lambda s: ops.preview_import(
                    s,
                    data=data,
                    name=name,
                    encoding=encoding,
                    columns=columns,
                    question_answers=answers,
                    one_best=one_best,
                )
            )
        except ops.SurveyImportError as err:
            self.status.setText(f"{name}: {err}")
            self.findings.setText("")
            self.findings.setVisible(False)
            self.answers.clear_rows()
            self.columns.setRowCount(0)
            return
        form = self.read.form
        self.columns.fill(self.read, form)
        self.answers.fill(self.read, form)
        lines = self.read.lines()
        self.status.setText(f"{name} — {lines[0]}; respondents known by {self.read.identity}.")
        keep = [line.strip() for line in lines[1:] if line.startswith(("WARNING", "  read the sheet"))]
        keep += [line for line in lines[1:] if line.startswith(("no column", "numbers", "column not used"))]
        self.findings.setText("\n".join(keep[:6]) + (f"\n… and {len(keep) - 6} more" if len(keep) > 6 else ""))
        self.findings.setVisible(bool(keep))
        unmapped = self.read.unmapped()
        n = len(self.read.responses)
        if unmapped:
            self.go.setText(f"Map {len(unmapped)} answer{'s' if len(unmapped) != 1 else ''} first")
        else:
            self.go.setText(f"Import {n} response{'s' if n != 1 else ''}")
            self.go.setEnabled(n > 0)
        self.go.setMinimumWidth(self.go.sizeHint().width())

    def import_now(self) -> None:
        if self.data is None or self.read is None or self.read.blocked:
            return
        data, name, columns = self.data, self.path.name, dict(self.columns.chosen)
        answers = {k: dict(v) for k, v in self.answers.chosen.items()}
        encoding, one_best, replace = self.encoding.currentData(), self.one_best.isChecked(), self.replace.isChecked()
        result = self.ctx.tasks.run_sync(
            lambda s: ops.import_survey(
                s,
                data=data,
                name=name,
                encoding=encoding,
                columns=columns,
                question_answers=answers,
                one_best=one_best,
                replace_all=replace,
            ),
            initiator=self,
        ).value
        self.status.setText(f"{name}: {result.summary()}.")
        self.go.setEnabled(False)
        self.reload_imports()
        self.imported.emit(result)

    def reload_imports(self) -> None:
        self.imports.clear()
        for import_id, n in self.ctx.tasks.read(ops.survey_imports):
            item = QListWidgetItem(f"{import_id} — {n} response{'s' if n != 1 else ''}")
            item.setData(Qt.UserRole, import_id)
            self.imports.addItem(item)
        if not self.imports.count():
            item = QListWidgetItem("No import yet.")
            item.setForeground(QBrush(QColor("#6b7280")))
            self.imports.addItem(item)
        self.delete.setEnabled(any(self.imports.item(i).data(Qt.UserRole) for i in range(self.imports.count())))

    def delete_selected_import(self) -> None:
        item = self.imports.currentItem()
        import_id = item.data(Qt.UserRole) if item else None
        if not import_id:
            return
        deleted = self.ctx.tasks.run_sync(lambda s: ops.delete_import(s, import_id=import_id), initiator=self).value
        self.status.setText(
            f"Deleted the import {import_id}: {counted(len(deleted), 'response')} (Ctrl+Z brings them back)."
        )
        self.reload_imports()
        self.import_deleted.emit(import_id, deleted)
