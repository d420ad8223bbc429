"""The side panel that edits the selected agenda item: every field, each change undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from dgfacil.core.model import AgendaItem, ItemKind
from dgfacil.core.run.recovery import FLOOR_SHARE
from dgfacil.ui.agenda.time_field import TimeField, parse_clock

SAVE_AFTER_MS = 600  # nothing typed is held only in memory for more than a second


class ItemEditor(QWidget):
    """Shows one item; emits `edited(item_id, change)` when the user finishes changing a field."""

    edited = Signal(int, dict)
    """Fires when a field was changed by the user: (item id, {field: value})."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: AgendaItem | None = None
        self._loading = False
        self._unsaved: dict[str, Callable[[], None]] = {}  # typed, not saved yet: field -> its save
        self._timers: list[QTimer] = []  # the text areas' saves after typing stops
        self.title = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems([k.value for k in ItemKind])
        self.follows = QCheckBox("Follows the previous item")
        self.start = TimeField()  # takes "1407" or "14:07" typed after a click (a QTimeEdit did not)
        self.fixed = QCheckBox("Fixed start (holds its time when earlier items overrun)")
        self.duration = QSpinBox()
        self.duration.setRange(1, 24 * 60)
        self.duration.setSuffix(" min")
        self.floor = QSpinBox()  # how short a recovery plan may make it; 0 shows "default"
        self.floor.setRange(0, 24 * 60)
        self.floor.setSuffix(" min")
        self.floor.setSpecialValueText(f"default ({round(FLOOR_SHARE * 100)} %)")
        self.floor.setToolTip("The shortest a recovery plan may make this item while the workshop runs")
        self.keep_whole = QCheckBox("Do not shorten (a recovery plan leaves it whole)")
        self.lead = QLineEdit()
        self.speakers = QPlainTextEdit()
        self.speakers.setPlaceholderText("One speaker a line")
        self.description = QPlainTextEdit()
        self.materials = QPlainTextEdit()
        self.materials.setPlaceholderText("One file or link a line")
        form = QFormLayout(self)
        for label, widget in [
            ("Title", self.title),
            ("Kind", self.kind),
            ("", self.follows),
            ("Start", self.start),
            ("", self.fixed),
            ("Duration", self.duration),
            ("Shortest", self.floor),
            ("", self.keep_whole),
            ("Lead / moderator", self.lead),
            ("Speakers", self.speakers),
            ("Description", self.description),
            ("Materials", self.materials),
        ]:
            form.addRow(label, widget)
        self.title.editingFinished.connect(lambda: self._emit(title=self.title.text().strip()))
        self.kind.activated.connect(lambda _i: self._emit(kind=ItemKind(self.kind.currentText())))
        self.follows.toggled.connect(self._follows_toggled)
        self.start.editingFinished.connect(self._start_changed)
        self.fixed.toggled.connect(lambda on: self._emit(fixed_start=on))
        self.duration.editingFinished.connect(lambda: self._emit(duration_min=self.duration.value()))
        self.floor.editingFinished.connect(lambda: self._emit(min_duration_min=self.floor.value() or None))
        self.keep_whole.toggled.connect(self._keep_whole_toggled)
        self.lead.editingFinished.connect(lambda: self._emit(lead=self.lead.text().strip()))
        # typing that saves only when the field is left: kept in `_unsaved` for a flush meanwhile
        self._track(self.title.textEdited, "title", lambda: self._emit(title=self.title.text().strip()))
        self._track(self.lead.textEdited, "lead", lambda: self._emit(lead=self.lead.text().strip()))
        self._track(self.start.textEdited, "start", self._typed_start)
        self._track(self.duration.valueChanged, "duration", lambda: self._emit(duration_min=self.duration.value()))
        self._track(self.floor.valueChanged, "floor", lambda: self._emit(min_duration_min=self.floor.value() or None))
        self._on_focus_out(self.speakers, lambda: self._emit(speakers=_lines(self.speakers)))
        self._on_focus_out(self.description, lambda: self._emit(description=self.description.toPlainText().strip()))
        self._on_focus_out(self.materials, lambda: self._emit(materials=_lines(self.materials)))
        self.setEnabled(False)

    def _on_focus_out(self, widget: QPlainTextEdit, emit) -> None:
        """Save a text area 600 ms after typing stops, and at once when focus leaves it."""
        original = widget.focusOutEvent
        timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        timer.timeout.connect(emit)
        self._track(widget.textChanged, str(id(widget)), emit, timer)

        def focus_out(event) -> None:
            timer.stop()
            emit()
            original(event)

        widget.focusOutEvent = focus_out

    def show_item(self, item: AgendaItem | None, start: time | None = None) -> None:
        self._loading = True
        self._unsaved.clear()
        self.item = item
        self.setEnabled(item is not None)
        if item is not None:
            _set_text(self.title, item.title)
            self.kind.setCurrentText(ItemKind(item.kind).value)
            self.follows.setChecked(item.planned_start is None)
            shown = item.planned_start or start or time(9, 0)
            self.start.setTime(QTime(shown.hour, shown.minute))
            self.start.setEnabled(item.planned_start is not None)
            self.fixed.setChecked(item.fixed_start)
            self.duration.setValue(item.duration_min)
            self.floor.setValue(item.min_duration_min or 0)
            self.floor.setEnabled(item.shorten)
            self.keep_whole.setChecked(not item.shorten)
            _set_text(self.lead, item.lead)
            _set_lines(self.speakers, item.speakers)
            _set_text(self.description, item.description)
            _set_lines(self.materials, item.materials)
            for line in (self.title, self.lead):  # a long name shows its beginning, not its tail
                if not line.hasFocus():
                    line.setCursorPosition(0)
        self._loading = False

    def _emit(self, **change) -> None:
        if self._loading or self.item is None:
            return
        change = {k: v for k, v in change.items() if getattr(self.item, k) != v}  # fields by name
        if change.get("title") == "":
            change.pop("title")
        if change:
            item_id = self.item.id
            self.item = replace(self.item, **change)  # emitted once: a flush while it saves finds nothing new
            self.edited.emit(item_id, change)

    def _track(self, typed: SignalInstance, name: str, save: Callable[[], None], timer: QTimer | None = None) -> None:
        """Remember that `name` was typed in (and start its save timer): flush() saves it."""

        def on_typed(*_args: object) -> None:
            if self._loading:
                return
            self._unsaved[name] = save
            if timer is not None:
                timer.start()

        typed.connect(on_typed)
        if timer is not None:
            self._timers.append(timer)

    def flush(self) -> None:
        """Save what is typed but not saved yet (a field still focused, a text area's timer running):
        the room calls it before it reloads, so news from another laptop never wipes typing."""
        for timer in self._timers:
            timer.stop()
        unsaved, self._unsaved = self._unsaved, {}
        for save in unsaved.values():
            save()

    def _typed_start(self) -> None:
        typed = parse_clock(self.start.text())
        if typed is not None and not self.follows.isChecked():
            self._emit(planned_start=typed)

    def _keep_whole_toggled(self, whole: bool) -> None:
        self.floor.setEnabled(not whole)
        self._emit(shorten=not whole)

    def _follows_toggled(self, follows: bool) -> None:
        self.start.setEnabled(not follows)
        if follows:
            self._emit(planned_start=None, fixed_start=False)
        else:
            self._start_changed()

    def _start_changed(self) -> None:
        if not self.follows.isChecked():
            value = self.start.time()
            self._emit(planned_start=time(value.hour(), value.minute()))


def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show `text`, leaving the field (and the cursor of someone typing in it) alone when it shows
    it already, up to the spaces a save trims."""
    if isinstance(widget, QLineEdit):
        if widget.text().strip() != text:
            widget.setText(text)
    elif widget.toPlainText().strip() != text:
        widget.setPlainText(text)


def _set_lines(widget: QPlainTextEdit, lines: list[str]) -> None:
    if _lines(widget) != list(lines):
        widget.setPlainText("\n".join(lines))


def _lines(widget: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]
