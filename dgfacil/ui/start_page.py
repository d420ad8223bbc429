"""What the window shows when no workshop is open: recent workshops, the templates and the demo.

The demo is always named as the demo ("Demo workshop (a copy)"), so it cannot be taken for a
real workshop made from the same template.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil import settings
from dgfacil.paths import user_data_dir
from dgfacil.ui.widgets import plain_label

DEMO_NAME = "Demo workshop (a copy)"


class StartPage(QWidget):
    open_requested = Signal(object)
    """Fires when a recent workshop is chosen: (Path, or a team workshop's URL as a str)."""
    template_requested = Signal(str)
    """Fires when a template is chosen, to make a new workshop from it: (template name)."""
    demo_requested = Signal()
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.message = plain_label(name="startMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        self.recent = QListWidget()
        self.recent.setObjectName("recentWorkshops")
        self.recent.itemActivated.connect(lambda item: self.open_requested.emit(_address(item.data(Qt.UserRole))))
        self.templates = QListWidget()
        self.templates.setObjectName("templates")
        self.templates.setWordWrap(True)
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.templates.itemActivated.connect(lambda item: self.template_requested.emit(item.data(Qt.UserRole)))
        demo_button = QPushButton("Open the &demo workshop (a copy)")
        demo_button.clicked.connect(self.demo_requested)
        browse = QPushButton("&Open a workshop file…")
        browse.clicked.connect(self.browse_requested)
        new = QPushButton("&New from the selected template…")
        new.clicked.connect(self._new_from_selected)
        grid = QGridLayout()
        grid.addWidget(plain_label("Recent workshops", name="sectionTitle"), 0, 0)
        grid.addWidget(plain_label("Start from a template", name="sectionTitle"), 0, 1)
        grid.addWidget(self.recent, 1, 0)
        grid.addWidget(self.templates, 1, 1)
        left, right = QHBoxLayout(), QHBoxLayout()
        left.addWidget(browse)
        left.addWidget(demo_button)
        left.addStretch(1)
        right.addWidget(new)
        right.addStretch(1)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(plain_label("No workshop is open.", name="sectionTitle"))
        layout.addWidget(self.message)
        layout.addLayout(grid, 1)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def refresh(self) -> None:
        """Read the recent files and the bundled templates (both cheap next to opening a document)."""
        from dgfacil.operations.document import demo_path
        from dgfacil.operations.templates import bundled_templates

        self.recent.clear()
        demo = demo_path(user_data_dir()).resolve()
        for path in settings.recent_addresses():
            if isinstance(path, str):  # a team workshop's URL
                item = QListWidgetItem(f"{path}   (team workshop)")
                item.setData(Qt.UserRole, path)
                self.recent.addItem(item)
                continue
            is_demo = path.resolve() == demo
            item = QListWidgetItem(f"{DEMO_NAME} — {path.name}" if is_demo else f"{path.stem}   ({path.parent})")
            item.setData(Qt.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(QListWidgetItem("(none yet: open a file, make one from a template, or try the demo)"))
            self.recent.item(0).setFlags(Qt.NoItemFlags)
        self.recent.setCurrentRow(0)
        self.templates.clear()
        for info in bundled_templates():
            item = QListWidgetItem(f"{info.title}\n{info.name} · {info.days} day{'s' if info.days != 1 else ''}")
            item.setData(Qt.UserRole, info.name)
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)

    def _new_from_selected(self) -> None:
        item = self.templates.currentItem()
        if item is not None:
            self.template_requested.emit(item.data(Qt.UserRole))


def _address(text: str) -> Path | str:
    return text if text.lower().startswith("postgres") else Path(text)
