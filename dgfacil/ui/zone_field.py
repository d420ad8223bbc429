"""A time-zone field that finds zones as people name places: "Seoul", "Addis Ababa", "Korea".

The list under the field comes from dgfacil.core.zones; choosing a line puts the city in the field
("Geneva", kept as the zone's name everywhere) when the zone is named after another city, else the
IANA name.
The label under it says which zone that is on the workshop's date ("Europe/Zurich, UTC+01:00").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from dgfacil.core.zones import find_zones, is_zone, resolve_zone, typed_place, utc_offset

ZONE_ROLE = Qt.UserRole + 1


class ZoneField(QWidget):
    """A line edit with a place completer and, under it, the zone's UTC offset on `on`."""

    zone_changed = Signal(str)
    """Fires when the text changes: the IANA zone it means, or '' when it names none."""

    def __init__(self, text: str = "", on: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = on or date.today()
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText("a city or country, e.g. Seoul, Geneva, Ethiopia")
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)  # core did the matching
        self.completer.setCompletionRole(ZONE_ROLE)  # the IANA name goes into the field
        self.completer.setMaxVisibleItems(10)
        self.edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._chosen)
        self.offset = QLabel()
        self.offset.setTextFormat(Qt.PlainText)
        self.offset.setObjectName("muted")
        self.offset.setWordWrap(True)  # under the field, so a long name never widens the dialog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.offset)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._suggest)
        self.edit.textChanged.connect(self._show_offset)
        self._show_offset()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt spelling, as QLineEdit)
        self.edit.setText(text)

    def zone(self) -> str:
        """The IANA zone meant by the text ('' when none): a city with one zone counts."""
        return resolve_zone(self.edit.text()) or ""

    def set_date(self, on: date) -> None:
        self.on = on
        self._show_offset()

    def _suggest(self, text: str) -> None:
        self.model.clear()
        if is_zone(text.strip()):
            return
        for match in find_zones(text):
            item = QStandardItem(f"{match.place}   {match.zone} · {utc_offset(match.zone, self.on)}")
            # what the field gets: a city the zone is not named after ("Geneva") stays as the zone's
            # name; otherwise the IANA name
            fill = match.name if typed_place(match.name) else match.zone
            item.setData(fill, ZONE_ROLE)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        fill = index.data(ZONE_ROLE)
        if fill:
            self.edit.setText(fill)

    def _show_offset(self) -> None:
        zone = self.zone()
        if zone:
            named = f"{zone}, " if zone != self.edit.text().strip() else ""
            self.offset.setText(f"{named}{utc_offset(zone, self.on)} on {self.on:%d %b %Y}")
        else:
            self.offset.setText("")
        self.zone_changed.emit(zone)
