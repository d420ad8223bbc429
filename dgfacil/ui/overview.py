"""A plain view of what the workshop holds, for a room whose screen is not installed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dgfacil.operations.changes import Changes
from dgfacil.operations.document import contents_summary
from dgfacil.ui.context import AppContext


class OverviewRoom(QWidget):
    """Counts of what the document holds; stands in for a room this build does not have."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.title, self.undo_stack = ctx, title, None
        layout = QVBoxLayout(self)
        heading = QLabel(f"{title}: what this workshop holds")
        heading.setTextFormat(Qt.PlainText)
        heading.setObjectName("roomHeading")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["What", "How many"])
        layout.addWidget(heading)
        layout.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for label, count in self.ctx.tasks.read(lambda s: contents_summary(s)):
            self.tree.addTopLevelItem(QTreeWidgetItem([label, str(count)]))

    def on_changes(self, changes: Changes, initiator: object) -> None:
        self.refresh()

    def shortcuts_help(self) -> list[tuple[str, str]]:
        return []

    def shutdown(self) -> None:
        """Nothing runs here."""
