"""Who does an action and by when: shown under the entry while the note is tagged Action."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget


class ActionFields(QWidget):
    """Owner and due date of the action being typed or edited."""

    sig_edited = Signal()
    """Fires when the owner or the due date was typed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = QLineEdit()
        self.owner.setObjectName("actionOwner")
        self.owner.setPlaceholderText("who will do it")
        self.due = QLineEdit()
        self.due.setObjectName("actionDue")
        self.due.setPlaceholderText("YYYY-MM-DD")
        self.due.setMaximumWidth(self.due.fontMetrics().horizontalAdvance("2026-12-31") + 40)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, field, stretch in (("Action owner (Alt+O):", self.owner, 1), ("Due (Alt+D):", self.due, 0)):
            label = QLabel(text)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field, stretch)
            field.textEdited.connect(lambda _t: self.sig_edited.emit())
        self.hide()

    def set_people(self, people: list[str]) -> None:
        completer = QCompleter(sorted(set(people)), self.owner)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.owner.setCompleter(completer)

    def values(self) -> tuple[str, str]:
        """(owner, due) as typed, trimmed; both "" while hidden (the note is no action)."""
        if self.isHidden():
            return "", ""
        return self.owner.text().strip(), self.due.text().strip()

    def set_values(self, owner: str, due: str) -> None:
        self.owner.setText(owner)
        self.due.setText(due)
