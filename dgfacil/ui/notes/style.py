"""How each note tag looks and which key sets it: a colour AND a symbol and a word, never colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dgfacil.core.model import NoteTag


@dataclass(frozen=True)
class TagLook:
    tag: NoteTag
    symbol: str
    word: str
    key: int  # Qt key pressed with Alt
    key_label: str
    fill: str  # pill background
    ink: str  # pill text and the stripe beside the note

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.word}"

    def fill_colour(self) -> QColor:
        return QColor(self.fill)

    def ink_colour(self) -> QColor:
        return QColor(self.ink)


# Alt+1..5 for the five tags a report needs; Alt+0 turns a note back into a plain note. Not Ctrl:
# Ctrl+1..7 switch rooms everywhere in the window, and a key should mean one thing everywhere.
# Colours are dark enough on their fills for WCAG AA text contrast (checked in the tests).
TAGS: dict[NoteTag, TagLook] = {
    look.tag: look
    for look in [
        TagLook(NoteTag.KEY_MESSAGE, "★", "Key message", Qt.Key_1, "Alt+1", "#fdf0c7", "#7a4d00"),
        TagLook(NoteTag.DECISION, "✔", "Decision", Qt.Key_2, "Alt+2", "#d9f5e1", "#14603a"),
        TagLook(NoteTag.ACTION, "➜", "Action", Qt.Key_3, "Alt+3", "#dce8fd", "#1d4096"),
        TagLook(NoteTag.QUOTE, "❝", "Quote", Qt.Key_4, "Alt+4", "#efe3fb", "#5f2390"),
        TagLook(NoteTag.QUESTION, "?", "Question", Qt.Key_5, "Alt+5", "#fde2e4", "#98132f"),
        TagLook(NoteTag.NOTE, "•", "Note", Qt.Key_0, "Alt+0", "#eceef1", "#4b5260"),
    ]
}

TAG_BY_KEY: dict[int, NoteTag] = {look.key: tag for tag, look in TAGS.items()}

MUTED = "#6b7280"
SELECTED = "#e6efff"
SEPARATOR = "#e5e7eb"
