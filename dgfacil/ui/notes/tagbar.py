"""The row of tag buttons under the notes: each shows its symbol, word and key, in its colour."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from dgfacil.core.model import NoteTag
from dgfacil.ui.notes.entry import shortcut_text
from dgfacil.ui.notes.style import TAGS


class TagBar(QWidget):
    """Buttons that never take the keyboard focus, so typing carries on in the entry."""

    sig_tag_clicked = Signal(object)
    """Fires when a tag button is clicked: the NoteTag."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.buttons: dict[NoteTag, QToolButton] = {}
        for tag, look in TAGS.items():
            if tag == NoteTag.NOTE:
                continue
            button = QToolButton()
            # Three ways to label a button, widest first; resizeEvent picks the widest that fits.
            button.setProperty(
                "labels",
                [
                    f"{look.label}  {shortcut_text(look.key, Qt.AltModifier)}",
                    look.label,
                    f"{look.symbol} {shortcut_text(look.key, Qt.AltModifier).rsplit('+', 1)[-1]}",
                ],
            )
            button.setText(button.property("labels")[0])
            button.setToolTip(
                f"Tag the note as {look.word.lower()} ({shortcut_text(look.key, Qt.AltModifier)}); "
                f"press again for a plain note"
            )
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.setCursor(Qt.PointingHandCursor)
            button.setObjectName(f"tag-{tag.name.lower()}")
            button.setStyleSheet(
                f"QToolButton {{ border: 1px solid {look.fill}; border-radius: 10px; padding: 2px 9px;"
                f" color: {look.ink}; background: white; }}"
                # Checked: filled and outlined in the tag's ink. Not bold: Qt sizes a button from its
                # unchecked font, so bold text would be elided.
                f"QToolButton:checked {{ background: {look.fill}; border: 2px solid {look.ink}; }}"
                f"QToolButton:hover {{ border: 1px solid {look.ink}; }}"
            )
            button.clicked.connect(lambda _=False, t=tag: self.sig_tag_clicked.emit(t))
            layout.addWidget(button)
            self.buttons[tag] = button
        layout.addStretch(1)
        self.mode = 0

    def _width_for(self, mode: int) -> int:
        """Width the buttons need with the labels of `mode`, asked of the buttons themselves
        (their style sheet's padding and borders included)."""
        spacing = self.layout().spacing()
        total = 0
        for button in self.buttons.values():
            shown = button.text()
            button.setText(button.property("labels")[mode])
            total += button.sizeHint().width() + spacing + 4  # + the checked button's thicker border
            button.setText(shown)
        return total

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        # As narrow as the shortest labels, so a narrow pane (the Run room's) is not widened by it.
        return QSize(self._width_for(2), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        width = event.size().width()
        mode = next((m for m in range(3) if self._width_for(m) <= width), 2)
        if mode != self.mode:
            self.mode = mode
            for button in self.buttons.values():
                button.setText(button.property("labels")[mode])
            self.layout().activate()  # place the buttons for their new labels now, not after a repaint

    def set_current(self, tag: NoteTag) -> None:
        """Show which tag the note being typed will get."""
        for t, button in self.buttons.items():
            button.setChecked(t == tag)
