"""The notes entry's speaker: any name can be typed, the item's lead and speakers are offered
(Tab cycles them), and every name on the agenda is completed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter


class SpeakerField(QComboBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMinimumWidth(200)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.lineEdit().setPlaceholderText("no speaker")
        self.people: list[str] = []

    def complete_from(self, names: list[str]) -> None:
        """Every name on the agenda, completed from any part of it."""
        completer = QCompleter(sorted(set(names)), self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.setCompleter(completer)

    def offer(self, people: list[str]) -> None:
        """The item's lead and speakers; the name typed stays only if it is one of them."""
        self.people = people
        keep = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(["", *people])
        self.setEditText(keep if keep in people else "")
        self.blockSignals(False)

    def cycle(self, step: int) -> None:
        """The next of the item's lead and speakers (and no speaker)."""
        names = ["", *self.people]
        current = self.currentText()
        index = names.index(current) if current in names else 0
        self.setEditText(names[(index + step) % len(names)])
