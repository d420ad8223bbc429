"""Small widgets every room uses. User text is data everywhere: never rich text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget


def plain_label(
    text: str = "", *, name: str = "", size: int | None = None, bold: bool = False, wrap: bool = False
) -> QLabel:
    """A QLabel that shows its text as typed: QLabel would otherwise guess rich text."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if size or bold:
        font = label.font()
        if size:
            font.setPointSize(size)
        font.setBold(bold)
        label.setFont(font)
    return label


class ElidedLabel(QLabel):
    """One line of plain text cut to the label's width with "…"; the whole text is the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(plain_tooltip(text))
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.ElideRight, max(50, self.width())))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._elide()


def plain_tooltip(text: str) -> str:
    """Tooltips are rich text when they look like it; escape user text so it shows as typed."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""


def show_message(parent: QWidget | None, title: str, text: str, icon=QMessageBox.Warning, buttons=QMessageBox.Ok):
    """A message box whose text (file names, user text in errors) is shown as plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.PlainText)
    return box.exec()


def text_combo(chars: int = 24) -> QComboBox:
    """A combo box for the user's own texts (day titles, agenda items, group names): as wide as
    `chars` characters, not as its longest entry, so a long title never makes a room wider than a
    laptop's screen. The list that drops down still shows the whole text."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo
