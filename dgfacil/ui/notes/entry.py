"""The note entry and the keys of the notes pane.

Keys are handled where the focus is (an event filter), and claimed through ShortcutOverride, so a
window-wide shortcut on the same key (Ctrl+K elsewhere, say) cannot steal them while the
note-taker types; they also work without an active window (tests, a second screen).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

Combo = tuple[int, Qt.KeyboardModifier]


def combo(event: QKeyEvent) -> Combo:
    # Keypad Enter and Return are one key to a note-taker; the keypad flag is not a modifier here.
    mods = event.modifiers() & ~Qt.KeypadModifier
    key = Qt.Key_Return if event.key() == Qt.Key_Enter else event.key()
    return key, Qt.KeyboardModifier(mods)


class KeyMap(QObject):
    """Maps key combinations to handlers for the widgets it is installed on.

    A binding may name the widgets it is for (`on=`); the key is then handled only when one of
    them received it. A handler returns False to let the key go on to the widget (e.g. Up inside
    a long text).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handlers: dict[Combo, list[tuple[tuple[QObject, ...], Callable[[], bool | None]]]] = {}

    def bind(
        self, key: int, handler: Callable[[], bool | None], mods=Qt.NoModifier, on: tuple[QObject, ...] = ()
    ) -> None:
        self.handlers.setdefault((key, Qt.KeyboardModifier(mods)), []).append((tuple(on), handler))

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def _handler(self, watched: QObject, event: QKeyEvent) -> Callable[[], bool | None] | None:
        for targets, handler in self.handlers.get(combo(event), []):
            if not targets or watched in targets:
                return handler
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        handler = self._handler(watched, event)
        if handler is None:
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()  # "this key is mine": Qt then sends it as a KeyPress
            return True
        return handler() is not False


class NoteEntry(QPlainTextEdit):
    """Where a note is typed: grows from two to six lines; Shift+Enter starts a new line."""

    sig_height_changed = Signal()
    """Fires after the entry grew or shrank with its text."""

    MIN_LINES, MAX_LINES = 2, 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEntry")
        self.setTabChangesFocus(False)
        self.setFrameShape(QFrame.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        # QPlainTextEdit's layout counts its size in lines, so height = lines × line spacing.
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        margins = self.contentsMargins()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + 2 * int(self.document().documentMargin())
            + margins.top()
            + margins.bottom()
            + 2
        )
        if height != self.height():
            self.setFixedHeight(height)
            self.sig_height_changed.emit()

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.End)

    def on_first_line(self) -> bool:
        """True when Up would leave the text (the cursor is on its first visual line)."""
        probe = QTextCursor(self.textCursor())
        return not probe.movePosition(QTextCursor.Up)

    def on_last_line(self) -> bool:
        probe = QTextCursor(self.textCursor())
        return not probe.movePosition(QTextCursor.Down)


def shortcut_text(key: int, mods=Qt.ControlModifier) -> str:
    """'Ctrl+K' in the platform's own words (⌘K on a Mac)."""
    return QKeySequence(QKeyCombination(Qt.KeyboardModifier(mods), Qt.Key(key))).toString(QKeySequence.NativeText)
