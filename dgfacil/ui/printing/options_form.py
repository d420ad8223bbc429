"""The Print room's choices for the chosen document: paper, one PDF per person, which sheets,
where to save, and what will print (said before Print is pressed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dgfacil.operations.printing import PrintOptions, describe
from dgfacil.ui.context import AppContext


class PrintOptionsForm(QWidget):
    """Only the options that mean something for the chosen document (`show_kind`) are shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = ""
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.per_person = QCheckBox("One PDF per person (in a folder)")
        self.per_person.toggled.connect(self._per_person_changed)
        self.sheets = QComboBox()
        self.sheets.currentIndexChanged.connect(lambda _i: self.show_count())
        self.out = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.count = QLabel("")  # what will print, before printing
        self.count.setTextFormat(Qt.PlainText)
        self.count.setWordWrap(True)
        self.out_label = QLabel("Save to")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("Paper", self.paper)
        self.form.addRow("", self.per_person)
        self.form.addRow("Sheets", self.sheets)
        self.form.addRow(self.out_label, out_row)
        self.form.addRow("Will print", self.count)

    def show_kind(self, kind: str) -> None:
        """The options of this document, a file (or folder) named after it, and what will print."""
        self.kind = kind
        self.form.setRowVisible(self.paper, kind != "report")
        self.form.setRowVisible(self.per_person, kind == "certificates")
        self.form.setRowVisible(self.sheets, kind == "attendance")
        if kind == "attendance":
            self.fill_sheets()
        self.set_out_default()
        self.show_count()

    def per_person_on(self) -> bool:
        return self.per_person.isChecked() and self.kind == "certificates"

    def set_out_default(self) -> None:
        """A file named after the document and the kind, or a folder for one PDF per person."""
        current = Path(self.out.text()) if self.out.text() else None
        folder = (
            (current if current and current.suffix != ".pdf" else current.parent)
            if current
            else self.ctx.doc.path.parent
        )
        stem = f"{self.ctx.doc.path.stem}-{self.kind}"
        if self.per_person_on():
            self.out_label.setText("Save into folder")
            self.out.setText(str(folder / stem))
        else:
            self.out_label.setText("Save to")
            self.out.setText(str(folder / f"{stem}.pdf"))

    def _per_person_changed(self, _on: bool) -> None:
        self.set_out_default()
        self.show_count()

    def show_count(self) -> None:
        """Say what will print (or why nothing would) before the user presses Print."""
        kind, options = self.kind, self.options()
        try:
            _n, text = self.ctx.tasks.read(lambda s: describe(s, kind=kind, options=options))
        except Exception as err:  # noqa: BLE001 — a count is a hint; printing still says why
            text = f"Cannot count what will print: {err}"
        self.count.setText(text)

    def fill_sheets(self) -> None:
        from dgfacil.operations.attendance import attendance_blocks

        blocks = self.ctx.tasks.read(lambda s: attendance_blocks(s))
        self.sheets.blockSignals(True)  # the count is shown once, after the list is filled
        self.sheets.clear()
        self.sheets.addItem("Every day", None)
        for i, block in enumerate(blocks):
            self.sheets.addItem(block.label, i)
        self.sheets.blockSignals(False)

    def options(self) -> PrintOptions:
        return PrintOptions(
            paper=self.paper.currentText(),
            per_person=self.per_person_on(),
            block=self.sheets.currentData() if self.kind == "attendance" else None,
        )

    def browse(self) -> None:
        if self.per_person_on():  # one file per person: they go into a folder
            start = self.out.text() if Path(self.out.text()).is_dir() else str(Path(self.out.text()).parent)
            chosen = QFileDialog.getExistingDirectory(self, "Folder for the certificates", start)
        else:
            kinds = "PDF (*.pdf);;Word document, to finish editing (*.docx)" if self.kind == "report" else "PDF (*.pdf)"
            chosen, _ = QFileDialog.getSaveFileName(self, "Save as", self.out.text(), kinds)
        if chosen:
            self.out.setText(chosen)
