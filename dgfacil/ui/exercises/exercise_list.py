"""The Exercises room's left side: the workshop's exercises, each with its kind and agenda item,
and the Add exercise… and Delete buttons. The room connects what they do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from dgfacil.core.model import Exercise, Workshop
from dgfacil.ui.widgets import plain_label, plain_tooltip

KIND_NAMES = {"zones": "cards", "plane": "map", "table": "table", "rubric": "rubric", "prompts": "questions"}


class ExerciseList(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.list_model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.list_model)
        self.list.setEditTriggers(QListView.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.add_button = QPushButton("Add exercise…")
        self.delete_button = QPushButton("Delete")
        lv = QVBoxLayout(self)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(plain_label("Exercises", name="roomHeading"))
        lv.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        lv.addLayout(buttons)

    def show_exercises(self, workshop: Workshop, keep: int | None) -> int | None:
        """List the workshop's exercises and select `keep` (else the first); the id selected."""
        items = {it.id: it for day in workshop.days for it in day.items}
        exercises: list[Exercise] = workshop.exercises
        self.list_model.clear()
        for ex in exercises:
            where = items[ex.agenda_item_id].title if ex.agenda_item_id in items else "not on the agenda"
            row = QStandardItem(f"{ex.title}\n{KIND_NAMES.get(ex.kind, ex.kind)} · {where[:40]}")
            row.setData(ex.id, Qt.UserRole)
            row.setToolTip(plain_tooltip(where))
            self.list_model.appendRow(row)
        ids = [e.id for e in exercises]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target is not None:
            self.list.setCurrentIndex(self.list_model.index(ids.index(target), 0))
        return target
