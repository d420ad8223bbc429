"""The Agenda room: the days and their items with times in every zone; add, edit, delete, reorder."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.agenda import hhmm, total_minutes, workshop_zones, zone_label
from dgfacil.core.model import AgendaItem, ItemKind, Workshop
from dgfacil.operations import agenda as ops
from dgfacil.operations.changes import Changes
from dgfacil.operations.settings import day_end, day_end_key, set_setting
from dgfacil.operations.workshop import zone_labels
from dgfacil.ui.agenda import commands
from dgfacil.ui.agenda.columns import fit_columns
from dgfacil.ui.agenda.editor import ItemEditor
from dgfacil.ui.agenda.model import AgendaModel, timing_notes
from dgfacil.ui.agenda.transfer import AgendaTransfer
from dgfacil.ui.context import AppContext
from dgfacil.ui.widgets import show_message, text_combo

SHORTCUTS = [
    ("Ins", "Add an item after the selected one"),
    ("Del", "Delete the selected item"),
    ("Ctrl+Up / Ctrl+Down", "Move the selected item"),
    ("[ / ]", "Shorten / lengthen by 5 minutes"),
    ("F", "Toggle fixed start"),
]


class AgendaRoom(QWidget):
    title = "Agenda"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(ctx.undo_group)
        self.workshop: Workshop | None = None
        self.day_index = 0
        self.keep_row = 0  # the row to keep when the kept item is gone (it was just deleted)
        self._flushing = False  # saving the editor's typing before a reload (on_changes)
        self.labels: dict[str, str] = {}  # "Geneva" as typed, not "Zurich"
        self.model = AgendaModel(self)
        self.model.edit_requested.connect(self.edit_item)
        self.model.move_requested.connect(self.move_item)
        self.transfer = AgendaTransfer(self)
        self._build()
        self.reload()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("roomHeading")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setWordWrap(True)
        self.days = text_combo(28)
        self.days.setMinimumWidth(260)
        self.days.currentIndexChanged.connect(self._day_chosen)
        # A line edit with a mask, not a QTimeEdit: select-all and typing "16:00" must give 16:00.
        self.day_end = QLineEdit()
        self.day_end.setPlaceholderText("none")
        self.day_end.setFixedWidth(64)
        self.day_end.setToolTip("Items that end after this time are flagged in red (HH:MM, empty for none)")
        self.day_end.editingFinished.connect(self._day_end_changed)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setTextFormat(Qt.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Day"))
        bar.addWidget(self.days)
        self.day_title = QLineEdit()
        self.day_title.setPlaceholderText("Day title")
        self.day_title.setFixedWidth(180)
        self.day_title.editingFinished.connect(self._day_title_changed)
        bar.addWidget(self.day_title)
        bar.addWidget(self._button("Add day", self.add_day))
        bar.addWidget(self._button("Delete day", self.delete_day))
        bar.addSpacing(16)
        bar.addWidget(QLabel("Day ends at"))
        bar.addWidget(self.day_end)
        bar.addStretch(1)
        bar.addWidget(self._button("Import ICS…", self.transfer.import_ics))
        bar.addWidget(self._button("Export ICS…", self.transfer.export_ics))
        # Item buttons get a row of their own, so the room fits a 1280-pixel laptop screen.
        items_bar = QHBoxLayout()
        for text, slot, tip in [
            ("Add item", self.add_item, "Ins"),
            ("Delete", self.delete_item, "Del"),
            ("▲", lambda: self.nudge_position(-1), "Ctrl+Up"),
            ("▼", lambda: self.nudge_position(1), "Ctrl+Down"),
            ("−5 min", lambda: self.nudge_duration(-5), "["),
            ("+5 min", lambda: self.nudge_duration(5), "]"),
        ]:
            items_bar.addWidget(self._button(text, slot, tip))
        items_bar.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.editor = ItemEditor()
        self.editor.edited.connect(self.edit_item)
        split = QSplitter()
        split.addWidget(self.table)
        editor_area = QScrollArea()  # the editor scrolls rather than make the room taller than a laptop
        editor_area.setWidget(self.editor)
        editor_area.setWidgetResizable(True)
        editor_area.setFrameShape(QFrame.NoFrame)
        editor_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        editor_area.setMinimumWidth(
            self.editor.minimumSizeHint().width() + editor_area.verticalScrollBar().sizeHint().width()
        )
        split.addWidget(editor_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addLayout(items_bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        for key, slot in [
            ("Ins", self.add_item),
            ("Del", self.delete_item),
            ("Ctrl+Up", lambda: self.nudge_position(-1)),
            ("Ctrl+Down", lambda: self.nudge_position(1)),
            ("[", lambda: self.nudge_duration(-5)),
            ("]", lambda: self.nudge_duration(5)),
            ("F", self.toggle_fixed),
        ]:
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.WidgetShortcut)
            shortcut.activated.connect(slot)

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if tip:
            button.setToolTip(f"{text} ({tip})")
        return button

    def shortcuts_help(self) -> list[tuple[str, str]]:
        return SHORTCUTS

    def shutdown(self) -> None:
        """Nothing to stop: the item editor commits on focus-out, which the window triggers."""

    # -- showing ----------------------------------------------------------------------------
    def reload(self, keep_item: int | None = None) -> None:
        if keep_item is None:
            keep_item = self.selected_item().id if self.selected_item() else None
        self.keep_row = max(self.table.currentIndex().row(), 0)
        self.workshop = self.ctx.workshop()
        self.heading.setText(self.workshop.title)
        self.days.blockSignals(True)
        self.days.clear()
        for day in self.workshop.days:
            self.days.addItem(f"{day.date:%a %d %b %Y}" + (f" — {day.title}" if day.title else ""))
        self.day_index = min(self.day_index, max(len(self.workshop.days) - 1, 0))
        self.days.setCurrentIndex(self.day_index)
        self.days.blockSignals(False)
        self._show_day(keep_item)

    def current_day(self):
        days = self.workshop.days if self.workshop else []
        return days[self.day_index] if 0 <= self.day_index < len(days) else None

    def _show_day(self, keep_item: int | None = None) -> None:
        day = self.current_day()
        end_text = self.ctx.tasks.read(lambda s: day_end(s, day_id=day.id)) if day else None
        end = time.fromisoformat(end_text) if end_text else None
        self.day_end.blockSignals(True)
        self.day_end.setText(end.strftime("%H:%M") if end else "")
        self.day_end.blockSignals(False)
        self.day_title.blockSignals(True)
        self.day_title.setText(day.title if day else "")
        self.day_title.blockSignals(False)
        self.labels = self.ctx.tasks.read(zone_labels)
        self.model.set_day(day, workshop_zones(self.workshop), end, self.labels)
        fit_columns(self.table, len(workshop_zones(self.workshop)))  # the title keeps 30 characters in view
        self._summarise()
        # the kept item's row; when it was deleted, the same row (the next item), never back to the top
        near = min(self.keep_row, len(self.model.slots) - 1)
        row = next((r for r, s in enumerate(self.model.slots) if s.item.id == keep_item), max(near, 0))
        if self.model.slots:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
            )
        self._show_selected()

    def _summarise(self) -> None:
        day, slots = self.current_day(), self.model.slots
        if not day or not slots:
            self.summary.setText("No items on this day.")
            return
        zones = workshop_zones(self.workshop)
        first, last = min(s.start for s in slots), max(s.end for s in slots)  # a fixed last item may not end the day
        spans = "  =  ".join(
            f"{hhmm(first, z)}–{hhmm(last, z)} {zone_label(z, day.date, self.labels.get(z))}" for z in zones
        )
        late = sum(1 for s in slots if self.model.past_end(s))
        flag = f"   ·   {late} item{'s' if late != 1 else ''} past the day's end" if late else ""
        flag += "".join(f"   ·   {words}" for words in timing_notes(slots))
        self.summary.setText(f"{len(slots)} items · {total_minutes(day)} min planned · {spans}{flag}")

    def selected_item(self) -> AgendaItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.slots):
            return None
        return self.model.slots[index.row()].item

    def _show_selected(self) -> None:
        row = self.table.currentIndex().row()
        slot = self.model.slots[row] if 0 <= row < len(self.model.slots) else None
        self.editor.show_item(slot.item if slot else None, slot.start.time() if slot else None)

    def _day_chosen(self, index: int) -> None:
        self.day_index = index
        self.keep_row = 0
        self._show_day()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if not (changes.agenda or changes.workshop) or self._flushing:
            return  # while flushing, the reload below shows what the flushed edit saved (or was refused)
        self._flushing = True
        try:
            self.editor.flush()  # what is being typed is saved first (or refused, with the message)
        finally:
            self._flushing = False
        self.reload()

    # -- editing ----------------------------------------------------------------------------
    def _find(self, item_id: int) -> AgendaItem | None:
        return self.workshop.item(item_id) if self.workshop else None

    def edit_item(self, item_id: int, change: dict) -> None:
        item = self._find(item_id)
        if item is not None:
            self.undo_stack.push(commands.EditItem(self.ctx.tasks, item, change))

    def move_item(self, item_id: int, position: int) -> None:
        self.undo_stack.push(commands.MoveItem(self.ctx.tasks, item_id, position))
        self.reload(keep_item=item_id)

    def add_item(self) -> None:
        day = self.current_day()
        if day is None:
            return
        selected = self.selected_item()
        position = (selected.position + 1) if selected else len(day.items)
        item = AgendaItem(title="New session", duration_min=30, kind=ItemKind.SESSION)
        command = commands.AddItem(self.ctx.tasks, day.id, item, position)
        self.undo_stack.push(command)
        self.reload(keep_item=command.item_id)
        self.editor.title.setFocus()
        self.editor.title.selectAll()

    def delete_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.undo_stack.push(commands.DeleteItem(self.ctx.tasks, item))

    def nudge_position(self, step: int) -> None:
        item, day = self.selected_item(), self.current_day()
        if item is None or day is None:
            return
        target = item.position + step
        if 0 <= target < len(day.items):
            self.move_item(item.id, target)

    def nudge_duration(self, minutes: int) -> None:
        item = self.selected_item()
        if item is not None and item.duration_min + minutes >= 1:
            self.edit_item(item.id, {"duration_min": item.duration_min + minutes})

    def toggle_fixed(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.slots):
            slot = self.model.slots[row]
            change = {"fixed_start": not slot.item.fixed_start}
            if change["fixed_start"] and slot.item.planned_start is None:
                change["planned_start"] = slot.start.time()
            self.edit_item(slot.item.id, change)

    def add_day(self) -> None:
        last = self.workshop.days[-1].date if self.workshop.days else date.today() - timedelta(days=1)
        workshop_id = self.workshop.id
        self.undo_stack.push(
            commands.AddDay(
                self.ctx.tasks, lambda s: ops.add_day(s, workshop_id=workshop_id, on=last + timedelta(days=1))
            )
        )
        self.day_index = len(self.workshop.days)
        self.reload()

    def delete_day(self) -> None:
        day = self.current_day()
        if day is None:
            return
        label = f"{day.date:%a %d %b %Y}" + (f" ({day.title})" if day.title else "")
        question = (
            f"Delete {label} with its {len(day.items)} agenda items, their attendance marks, the day's "
            "groups and its run log? Notes and exercises are kept without an item. Undo brings it all back."
        )
        if self.confirm(question):
            self.undo_stack.push(commands.DeleteDay(self.ctx.tasks, day.id, label))
            self.day_index = max(0, self.day_index - 1)
            self.reload()

    def _day_title_changed(self) -> None:
        day = self.current_day()
        title = self.day_title.text().strip()
        if day is not None and title != day.title:
            self.undo_stack.push(commands.RenameDay(self.ctx.tasks, day.id, day.title, title))

    def _day_end_changed(self) -> None:
        day = self.current_day()
        if day is None:
            return
        text = self.day_end.text().strip()
        value = None  # empty: no day end, nothing flagged
        if text:
            parsed = parse_time_of_day(text)
            if parsed is None:
                self.say(f"“{text}” is not a time of day (HH:MM)")
                self._show_day()
                return
            value = parsed.strftime("%H:%M")
        self.ctx.tasks.run_sync(lambda s: set_setting(s, key=day_end_key(day.id), value=value))
        self._show_day()

    def say(self, text: str) -> None:
        """A short message in the window's status bar (the room may stand alone in a test)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)

    def confirm(self, question: str) -> bool:
        return (
            show_message(self, "Agenda", question, QMessageBox.Question, QMessageBox.Yes | QMessageBox.No)
            == QMessageBox.Yes
        )


def parse_time_of_day(text: str) -> time | None:
    """'16:30', '16.30', '1630', '16h30' or '16' as a time of day; None when it is not one."""
    match = re.fullmatch(r"(\d{1,2})(?:[:.hH]?(\d{2}))?", text.strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return time(hours, minutes) if hours < 24 and minutes < 60 else None
