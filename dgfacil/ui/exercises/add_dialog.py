"""Add an exercise from the library to an agenda item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel

from dgfacil.ui.widgets import text_combo


class AddExerciseDialog(QDialog):
    def __init__(
        self, items: list[tuple[int, str]], library: dict[str, dict], current_item: int | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an exercise")
        self.item_box = text_combo(32)
        for item_id, label in items:
            self.item_box.addItem(label, item_id)
        if current_item is not None and self.item_box.findData(current_item) >= 0:
            self.item_box.setCurrentIndex(self.item_box.findData(current_item))
        self.library_box = text_combo(32)
        for name, entry in sorted(library.items(), key=lambda kv: kv[1].get("title", kv[0])):
            self.library_box.addItem(f"{entry.get('title', name)} ({entry.get('kind', '')})", name)
        self.source = QLabel()
        self.source.setTextFormat(Qt.PlainText)
        self.source.setWordWrap(True)
        self.source.setObjectName("muted")
        self.library = library
        self.library_box.currentIndexChanged.connect(self._describe)
        self._describe()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Agenda item", self.item_box)
        form.addRow("Exercise", self.library_box)
        form.addRow(self.source)
        form.addRow(buttons)
        self.resize(560, 200)

    def _describe(self) -> None:
        entry = self.library.get(self.library_box.currentData(), {})
        self.source.setText(entry.get("source", ""))

    @classmethod
    def ask(cls, items, library, current_item=None, parent=None) -> tuple[int, str] | None:
        """(agenda item id, library name), or None when cancelled."""
        dialog = cls(items, library, current_item, parent)
        if dialog.exec() != QDialog.Accepted or dialog.item_box.currentData() is None:
            return None
        return dialog.item_box.currentData(), dialog.library_box.currentData()
