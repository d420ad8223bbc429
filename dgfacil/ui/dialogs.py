"""The main window's dialogs. Each exposes one `ask(...)` returning the answer or None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.zones import resolve_zone
from dgfacil.operations.templates import bundled_templates
from dgfacil.paths import user_data_dir
from dgfacil.ui.screen_fit import fit_to_screen
from dgfacil.ui.zone_field import ZoneField

FILE_FILTER = "Workshop (*.dgfacil)"


def ask_open_path(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open a workshop", str(user_data_dir()), FILE_FILTER)
    return Path(path) if path else None


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


@dataclass(frozen=True)
class NewWorkshop:
    template: str
    path: Path
    start: date | None
    timezone: str | None


class NewWorkshopDialog(QDialog):
    """Pick a bundled template, a first day, a venue zone and where to save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workshop from a template")
        fit_to_screen(self, 640, 420)
        self.templates = bundled_templates()
        self.list = QListWidget()
        for info in self.templates:
            item = QListWidgetItem(f"{info.title}\n{info.name} · {info.days} day{'s' if info.days != 1 else ''}")
            item.setData(Qt.UserRole, info.name)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.currentRowChanged.connect(self._template_changed)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.zone = ZoneField(on=self.start.date().toPython())
        self.zone.edit.setPlaceholderText("the template's zone; or a city, e.g. Seoul, Geneva")
        self.start.dateChanged.connect(lambda d: self.zone.set_date(d.toPython()))
        self.zone.zone_changed.connect(
            lambda zone: self.error.setText("") if zone and "zone" in self.error.text() else None
        )
        self.path = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)
        self.error = QLabel("")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow("First day", self.start)
        form.addRow("Venue time zone", self.zone)
        form.addRow("Save as", where)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Template"))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._template_changed(0)

    def _template_changed(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.path.setText(str(user_data_dir() / f"{self.templates[row].name}.dgfacil"))

    def _browse(self) -> None:
        path = ask_save_path(self, "Save the new workshop as", Path(self.path.text()), FILE_FILTER)
        if path:
            self.path.setText(str(path))

    def answer(self) -> NewWorkshop:
        item = self.list.currentItem()
        path = Path(self.path.text().strip())
        if path.suffix != ".dgfacil":
            path = path.with_name(path.name + ".dgfacil")
        qdate = self.start.date()
        return NewWorkshop(
            template=item.data(Qt.UserRole) if item else "",
            path=path,
            start=date(qdate.year(), qdate.month(), qdate.day()),
            timezone=(resolve_zone(self.zone.text()) or self.zone.text().strip()) or None,
        )

    def _accept(self) -> None:
        answer = self.answer()
        if not answer.template:
            self.error.setText("Choose a template.")
        elif answer.path.exists():
            self.error.setText(f"{answer.path.name} already exists there; choose another name.")
        elif answer.timezone and resolve_zone(answer.timezone) is None:
            self.error.setText(f"Unknown time zone {answer.timezone!r}; start typing a city, e.g. Bangkok.")
        else:
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, template: str | None = None) -> NewWorkshop | None:
        dialog = cls(parent)
        names = [info.name for info in dialog.templates]
        if template in names:
            dialog.list.setCurrentRow(names.index(template))
        return dialog.answer() if dialog.exec() == QDialog.Accepted else None
