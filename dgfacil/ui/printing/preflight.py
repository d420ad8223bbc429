"""Before printing: show what would come out wrong and let the user choose.

Names with characters no installed font can draw (they would print as blanks) and a signing key
other than the one the workshop's certificates were signed with are listed, each with the
person or both key fingerprints; Cancel is the default, "Print anyway" goes on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PreflightDialog(QDialog):
    """The warnings for one print, with Print anyway / Cancel."""

    def __init__(self, warnings: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Check before printing")
        self.resize(620, 320)
        layout = QVBoxLayout(self)
        count = len(warnings)
        head = QLabel(f"{count} thing{'s' if count != 1 else ''} would not print as expected:")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.list = QPlainTextEdit()
        self.list.setReadOnly(True)  # plain text: names are user data, never markup
        self.list.setPlainText("\n\n".join(f"\u2022 {w}" for w in warnings))
        layout.addWidget(self.list, 1)
        hint = QLabel(
            "Fix the names in the People room (or install the fonts named), or print anyway if a blank is acceptable."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go_button = buttons.addButton("Print anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus(Qt.FocusReason.OtherFocusReason)
        layout.addWidget(buttons)


def accepted(parent: QWidget, found: list[str]) -> bool:
    """True when the user chose Print anyway over the warnings `found` (looked for on the worker)."""
    return PreflightDialog(found, parent).exec() == QDialog.DialogCode.Accepted
