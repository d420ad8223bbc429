"""The bar above an exercise's board: the group, All groups, Projector, Export…, Groups, and the
vote rule (dots, per group or per participant). The room connects what each control does."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSpinBox, QWidget

from dgfacil.ui.widgets import text_combo


class BoardBar(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.group_box = text_combo(16)
        self.group_box.setMinimumWidth(120)
        self.all_button = QPushButton("All groups")
        self.all_button.setCheckable(True)
        self.projector_button = QPushButton("Projector")
        self.export_button = QPushButton("Export…")
        self.groups_button = QPushButton("Groups")
        self.groups_button.setCheckable(True)
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setPrefix("Dots: ")
        self.dots_per = QComboBox()
        self.dots_per.addItem("per group", "group")
        self.dots_per.addItem("per participant", "participant")
        self.dots_per.setToolTip(
            "Per group: each group's board has these dots; the whole-room board has them for "
            "each person present (everyone on the roster before attendance is taken), "
            "tallied by the facilitator. Per participant: pick the voter on the board."
        )
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for w in self.controls():
            bar.addWidget(w)
        bar.addStretch(1)

    def controls(self) -> tuple[QWidget, ...]:
        return (
            self.group_box,
            self.all_button,
            self.projector_button,
            self.export_button,
            self.groups_button,
            self.dots,
            self.dots_per,
        )
