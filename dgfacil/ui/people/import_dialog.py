"""The roster import preview: how the file was read, what each column holds, every problem by
row — before anything is written. The user can change the encoding, the separator and the
mapping; the preview follows at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.roster import Preview
from dgfacil.core.roster_columns import FIELDS, Mapping, guess_mapping
from dgfacil.operations import participants as ops
from dgfacil.operations.participants import ENCODINGS, RosterFileError, RosterTable, read_roster_file
from dgfacil.ui.context import AppContext
from dgfacil.ui.screen_fit import fit_to_screen
from dgfacil.ui.widgets import plain_label

SEPARATORS = [("Automatic", None), ("Comma", ","), ("Semicolon", ";"), ("Tab", "\t"), ("Bar |", "|")]
PREVIEW_ROWS = 8


def _guess(table: RosterTable) -> Mapping:
    """The guessed mapping, looking at the first rows too (a 'Title' of Mr./Ms./Dr. is no position)."""
    return guess_mapping(table.headers, [cells for _, cells in table.rows[:200]])


class ImportDialog(QDialog):
    """Preview of one roster file. After accept(): `table` and `mapping` say what to import."""

    def __init__(self, ctx: AppContext, path: Path, table: RosterTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.path, self.table = ctx, Path(path), table
        self.mapping = _guess(table)
        self.preview: Preview | None = None
        self.setWindowTitle(f"Import roster — {self.path.name}")
        fit_to_screen(self, 980, 760)  # a 1280×720 laptop shows it whole, buttons included
        self._build()
        self._fill()

    def _build(self) -> None:
        self.read_as = plain_label(wrap=True)
        self.encoding = QComboBox()
        self.encoding.addItem("Automatic", None)
        for codec, name in ENCODINGS.items():
            self.encoding.addItem(name, codec)
        self.separator = QComboBox()
        for name, value in SEPARATORS:
            self.separator.addItem(name, value)
        self.encoding.setEnabled(self.table.kind == "csv")
        self.separator.setEnabled(self.table.kind == "csv")
        self.encoding.activated.connect(self._reread)
        self.separator.activated.connect(self._reread)
        form = QFormLayout()
        form.addRow("File", self.read_as)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Encoding"))
        pick.addWidget(self.encoding)
        pick.addSpacing(16)
        pick.addWidget(QLabel("Separator"))
        pick.addWidget(self.separator)
        pick.addStretch(1)
        self.warning = plain_label(wrap=True)
        self.warning.setObjectName("importWarning")
        self.warning.setStyleSheet("color: #8a5300;")
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(["Column in the file", "First values", "Holds"])
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.sample = QTableWidget(0, 0)
        self.sample.verticalHeader().setVisible(False)
        self.sample.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems = QListWidget()
        self.summary = plain_label(wrap=True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Vertical)
        for title, widget in (
            ("What each column holds", self.columns),
            ("First rows, as they will be read", self.sample),
            ("Problems, by row", self.problems),
        ):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 4, 0, 0)
            heading = plain_label(title, wrap=True)
            heading.setStyleSheet("font-weight: 600;")
            lay.addWidget(heading)
            lay.addWidget(widget)
            split.addWidget(box)
        split.setSizes([260, 200, 140])  # the mapping first: it is what the user may have to fix
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(pick)
        layout.addWidget(self.warning)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # -- filling ------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.read_as.setText(f"{self.path.name} — {self.table.describe()}")
        notes = list(self.table.notes)
        if not self.mapping.confident:
            notes.insert(0, "Please check what each column holds: " + "; ".join(self.mapping.notes[:2]))
        self.warning.setText("\n".join(notes))
        self.warning.setVisible(bool(notes))
        self.columns.setRowCount(len(self.table.headers))
        for i, header in enumerate(self.table.headers):
            firsts = ", ".join(r[i] for _, r in self.table.rows[:3] if i < len(r) and r[i])
            self.columns.setItem(i, 0, QTableWidgetItem(header))
            self.columns.setItem(i, 1, QTableWidgetItem(firsts[:120]))
            combo = QComboBox()
            combo.addItem("(ignore)", None)
            for key, name in FIELDS.items():
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.columns[i])))
            combo.activated.connect(lambda _=0, col=i, box=combo: self.set_field(col, box.currentData()))
            self.columns.setCellWidget(i, 2, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 190)
        self.sample.setColumnCount(len(self.table.headers))
        self.sample.setHorizontalHeaderLabels(self.table.headers)
        rows = self.table.rows[:PREVIEW_ROWS]
        self.sample.setRowCount(len(rows))
        for r, (_, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                self.sample.setItem(r, c, QTableWidgetItem(value[:200]))
        self.sample.resizeColumnsToContents()
        for c in range(self.sample.columnCount()):  # an over-long cell must not push the rest away
            self.sample.setColumnWidth(c, min(self.sample.columnWidth(c), 280))
        self.refresh_preview()

    def set_field(self, column: int, field: str | None) -> None:
        """Say what a column holds; a field held by another column is taken from it."""
        self.mapping = self.mapping.assign(column, field)
        for i, f in enumerate(self.mapping.columns):
            combo = self.columns.cellWidget(i, 2)
            combo.setCurrentIndex(max(0, combo.findData(f)))
        self.refresh_preview()

    def _reread(self) -> None:
        try:
            self.table = read_roster_file(
                self.path, encoding=self.encoding.currentData(), delimiter=self.separator.currentData()
            )
        except RosterFileError as err:
            self.warning.setText(str(err))
            self.warning.setVisible(True)
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            return
        self.mapping = _guess(self.table)
        self._fill()

    def refresh_preview(self) -> None:
        table, mapping = self.table, self.mapping
        self.preview = self.ctx.tasks.read(lambda s: ops.preview_roster(s, table=table, mapping=mapping))
        self.problems.clear()
        for problem in sorted(self.preview.problems, key=lambda p: (p.row, not p.error)):
            item = QListWidgetItem(problem.line())
            item.setForeground(QBrush(QColor("#b3261e" if problem.error else "#8a5300")))
            self.problems.addItem(item)
        if not self.preview.problems:
            self.problems.addItem("No problems.")
        self.summary.setText(self.preview.summary() + ". Rows with errors are left out; nobody is deleted.")
        writes = self.preview.count("new") + self.preview.count("update")
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setText(f"Import {writes} participant{'s' if writes != 1 else ''}")
        ok.setEnabled(writes > 0)
