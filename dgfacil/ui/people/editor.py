"""Add or edit one participant."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from dgfacil.core.model import Origin, Participant
from dgfacil.core.roster import check_row
from dgfacil.core.roster_columns import MAX_LENGTH
from dgfacil.ui.widgets import text_combo

TEXT_FIELDS = [
    ("full_name", "Full name"),
    ("certificate_name", "Name on certificate"),
    ("email", "E-mail"),
    ("country", "Country"),
    ("organization", "Organization"),
    ("position", "Position"),
    ("role", "Role"),
    ("badge_code", "Badge code"),
]


class ParticipantDialog(QDialog):
    """A form; `changes()` gives the fields that differ from the participant it was opened on."""

    def __init__(self, participant: Participant | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = participant or Participant(full_name="")
        self.setWindowTitle("Edit participant" if participant else "Add participant")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(self.before, key)))  # one line edit per field, by name
            edit.setMaxLength(MAX_LENGTH.get(key, 300))
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["badge_code"].setPlaceholderText("given automatically")
        self.origin = text_combo(24)
        self.origin.addItems([o.value for o in Origin])
        self.origin.setCurrentText(Origin(self.before.origin).value)
        form.addRow("Local / overseas", self.origin)
        self.error = QLabel()
        self.error.setTextFormat(Qt.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._check_then_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        out = {k: e.text().strip() for k, e in self.edits.items()}
        out["origin"] = Origin(self.origin.currentText())
        return out

    def participant(self) -> Participant:
        return Participant(**{**self.values(), "id": None})

    def changes(self) -> dict:
        return {k: v for k, v in self.values().items() if v != getattr(self.before, k)}  # fields by name

    def _check_then_accept(self) -> None:
        values = {k: v for k, v in self.values().items() if isinstance(v, str)}
        errors = [p.message for p in check_row(0, values) if p.error]
        if errors:
            self.error.setText("; ".join(errors).capitalize())
            return
        self.accept()
