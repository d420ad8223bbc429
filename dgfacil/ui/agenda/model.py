"""The agenda of one day as a table model: times in every zone, duration, fixed start, who leads."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from dgfacil.core.agenda import Slot, hhmm, plan_day, zone_label
from dgfacil.core.model import Day, ItemKind
from dgfacil.ui.widgets import plain_tooltip

MIME = "application/x-dgfacil-agenda-row"
KIND_COLOURS = {
    ItemKind.BREAK: "#eef6ee",
    ItemKind.OPENING: "#eef2fb",
    ItemKind.CLOSING: "#eef2fb",
    ItemKind.EXERCISE: "#fff7e6",
}


class AgendaModel(QAbstractTableModel):
    """Rows are the day's items in order; columns: one per zone, then Min, Fixed, Kind, Title, Lead."""

    edit_requested = Signal(int, dict)
    """Fires when a cell is edited: (item id, {field: new value}). The room turns it into an undoable edit."""
    move_requested = Signal(int, int)
    """Fires when a row is dropped: (item id, new position)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.day: Day | None = None
        self.zones: list[str] = []
        self.slots: list[Slot] = []
        self.day_end: time | None = None
        self.clashes: dict[int, tuple[int, int]] = {}  # row -> (fixed row it runs into, minutes)
        self.labels: dict[str, str] = {}  # zone -> the city typed for it ("Geneva")

    # -- content ----------------------------------------------------------------------------
    def set_day(
        self, day: Day | None, zones: list[str], day_end: time | None = None, labels: dict[str, str] | None = None
    ) -> None:
        self.beginResetModel()
        self.day, self.zones, self.day_end, self.labels = day, zones, day_end, labels or {}
        self.slots = plan_day(day, zones[0]) if day and zones else []
        self.clashes = clashes(self.slots)
        self.endResetModel()

    @property
    def fixed_columns(self) -> list[str]:
        return ["Min", "Fixed", "Kind", "Title", "Lead / moderator"]  # speakers: in the side editor

    def column_name(self, column: int) -> str:
        n = len(self.zones)
        return "zone" if column < n else self.fixed_columns[column - n]

    def item_id(self, row: int) -> int | None:
        return self.slots[row].item.id if 0 <= row < len(self.slots) else None

    def past_end(self, slot: Slot) -> bool:
        """True when the item ends after the day's end (or after midnight)."""
        if slot.end.date() != slot.start.date() and slot.end.time() != time(0):
            return True
        return self.day_end is not None and slot.end.time() > self.day_end

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.slots)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.zones) + len(self.fixed_columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            if section < len(self.zones):
                zone = self.zones[section]
                return zone_label(zone, self.day.date if self.day else None, self.labels.get(zone))
            return self.fixed_columns[section - len(self.zones)]
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        slot = self.slots[index.row()]
        item, name, column = slot.item, self.column_name(index.column()), index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if name == "zone":
                zone = self.zones[column]
                if role == Qt.EditRole and column == 0:
                    return slot.start.strftime("%H:%M")
                if column > 0:  # other zones: the start is enough, and keeps the title in view
                    return hhmm(slot.start, zone)
                return f"{hhmm(slot.start, zone)}–{hhmm(slot.end, zone)}"
            return {
                "Min": item.duration_min,
                "Fixed": None,
                "Kind": ItemKind(item.kind).value,
                "Title": item.title,
                "Lead / moderator": item.lead,
            }.get(name)
        if role == Qt.CheckStateRole and name == "Fixed":
            return Qt.Checked if item.fixed_start else Qt.Unchecked
        if role == Qt.BackgroundRole:
            if self.past_end(slot):
                return QColor("#fde2e1")
            colour = KIND_COLOURS.get(ItemKind(item.kind))
            return QColor(colour) if colour else None
        if role == Qt.ToolTipRole:
            notes = []
            if self.past_end(slot):
                notes.append("Ends after the day's end")
            if slot.overlap > timedelta(0):
                notes.append(
                    f"The previous item runs {int(slot.overlap.total_seconds() // 60)} min into this fixed start"
                )
            if index.row() in self.clashes:
                fixed, minutes = self.clashes[index.row()]
                notes.append(
                    f"Runs {minutes} min past the fixed start of row {fixed + 1} ({hhmm(self.slots[fixed].start)})"
                )
            if slot.gap_before > timedelta(0):
                notes.append(f"{int(slot.gap_before.total_seconds() // 60)} min free before it")
            return plain_tooltip("\n".join(notes) or item.description) or None
        if (
            role == Qt.ForegroundRole
            and name == "zone"
            and (slot.overlap > timedelta(0) or index.row() in self.clashes)
        ):
            return QColor("#b00020")  # the previous item runs into this start (the tooltip says by how much)
        if role == Qt.ForegroundRole and name == "zone" and slot.gap_before > timedelta(0):
            return QColor("#a15c00")  # free time before this start (the summary and tooltip say how much)
        if role == Qt.FontRole and name == "zone" and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and name in ("Min", "zone"):
            return int(Qt.AlignCenter)
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        name = self.column_name(index.column())
        if name == "Fixed":
            return base | Qt.ItemIsUserCheckable
        if name in ("Min", "Title", "Lead / moderator") or (name == "zone" and index.column() == 0):
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        item, name = self.slots[index.row()].item, self.column_name(index.column())
        change: dict = {}
        if role == Qt.CheckStateRole and name == "Fixed":
            checked = value in (Qt.Checked, Qt.Checked.value, 2)
            change = {"fixed_start": checked}
            if checked and item.planned_start is None:
                change["planned_start"] = self.slots[index.row()].start.time()
        elif role == Qt.EditRole:
            change = self._parse_edit(name, str(value).strip() if not isinstance(value, int) else value)
        if not change:
            return False
        self.edit_requested.emit(item.id, change)
        return True

    def _parse_edit(self, name: str, value) -> dict:
        if name == "Min":
            minutes = int(value)
            return {"duration_min": minutes} if minutes > 0 else {}
        if name == "Title":
            return {"title": value} if value else {}
        if name == "Lead / moderator":
            return {"lead": value}
        if name == "zone":
            if not value:
                return {"planned_start": None, "fixed_start": False}
            hours, _, minutes = value.partition(":")
            return {"planned_start": time(int(hours), int(minutes or 0))}
        return {}

    # -- drag to reorder --------------------------------------------------------------------
    def supportedDropActions(self):  # noqa: N802
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(MIME, str(rows[0] if rows else -1).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if action != Qt.MoveAction or not data.hasFormat(MIME):
            return False
        source = int(bytes(data.data(MIME)).decode())
        target = parent.row() if row == -1 and parent.isValid() else row
        if target == -1:
            target = len(self.slots)
        if source < 0 or target in (source, source + 1):
            return False
        new_position = target - 1 if target > source else target
        self.move_requested.emit(self.slots[source].item.id, new_position)
        return False  # the room reloads from the document; the view must not remove the row itself


def clashes(slots: list[Slot]) -> dict[int, tuple[int, int]]:
    """Rows that run past the start of a later fixed item: row -> (that item's row, minutes past)."""
    out: dict[int, tuple[int, int]] = {}
    for fixed, slot in enumerate(slots):
        if slot.overlap <= timedelta(0):
            continue
        for row in range(fixed):
            past = int((slots[row].end - slot.start).total_seconds() // 60)
            if past > 0 and row not in out:
                out[row] = (fixed, past)
    return out


def timing_notes(slots: list[Slot]) -> list[str]:
    """Gaps and overlaps of a day in words, so a re-timed agenda is never silently wrong:
    '5 min gap before row 4', 'row 6 starts 3 min before row 5 ends'."""
    notes = []
    for row, slot in enumerate(slots, 1):
        if slot.gap_before > timedelta(0):
            notes.append(f"{int(slot.gap_before.total_seconds() // 60)} min gap before row {row}")
        if slot.overlap > timedelta(0):
            runs_in = sorted(r + 1 for r, (fixed, _) in clashes(slots).items() if fixed == row - 1)
            rows = f"rows {runs_in[0]}–{runs_in[-1]}" if len(runs_in) > 1 else f"row {row - 1}"
            notes.append(
                f"row {row} starts {int(slot.overlap.total_seconds() // 60)} min before {rows} end"
                + ("" if len(runs_in) > 1 else "s")
            )
    return notes
