"""Check-in: one block (agenda item or half-day), the list with search, one click or key per
person, bulk marking, and a field a keyboard-wedge scanner types badge codes into."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.model import Participant
from dgfacil.core.roster import normalise_badge
from dgfacil.operations.attendance import Block
from dgfacil.ui.people.models import PeopleModel, SearchProxy, searchable_list, selection_kept
from dgfacil.ui.widgets import plain_label


class CheckInPanel(QWidget):
    """Emits `mark_requested(participant_ids, present)`; the room turns that into an undoable command."""

    mark_requested = Signal(list, bool)
    """Fires when the user marks people: (participant ids, present?)."""
    block_kind_changed = Signal(str)
    """Fires when the organizer switches between 'item' and 'half-day'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: list[Block] = []
        self.model = PeopleModel("checkin", self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.block = QComboBox()
        self.block.setMinimumWidth(360)
        self.block_kind = QComboBox()
        self.block_kind.addItem("per agenda item", "item")
        self.block_kind.addItem("per half-day", "half-day")
        self.block_kind.activated.connect(lambda: self.block_kind_changed.emit(self.block_kind.currentData()))
        self.count = plain_label()
        self.count.setObjectName("checkinCount")
        self.count.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.scan = QLineEdit()
        self.scan.setObjectName("badgeScan")
        self.scan.setPlaceholderText("Scan a badge (or type its code) and press Enter")
        self.scan.setStyleSheet("font-size: 14pt; padding: 6px;")
        self.scan.returnPressed.connect(self._scanned)
        self.feedback = plain_label()
        self.feedback.setObjectName("scanFeedback")
        self.search, self.view = searchable_list(
            self.proxy, "Search name, country, organization, e-mail or badge… (Enter marks the only match)"
        )
        self.search.returnPressed.connect(self._search_enter)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.Stretch)  # organizations are the long ones
        self.view.clicked.connect(self._clicked)
        self.view.doubleClicked.connect(lambda ix: self._toggle([self._pid(ix)]))
        QShortcut(QKeySequence(Qt.Key_Space), self.view, self._toggle_selected, context=Qt.WidgetShortcut)
        present = QPushButton("Mark selected present")
        present.setToolTip("Ctrl+P")
        present.clicked.connect(lambda: self.mark_requested.emit(self.selected_ids(), True))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.mark_requested.emit(self.selected_ids(), True))
        shown = QPushButton("Mark everyone shown present")
        shown.clicked.connect(lambda: self.mark_requested.emit(self.shown_ids(), True))
        absent = QPushButton("Clear selected")
        absent.clicked.connect(lambda: self.mark_requested.emit(self.selected_ids(), False))
        top = QHBoxLayout()
        top.addWidget(plain_label("Block"))
        top.addWidget(self.block, 1)
        top.addWidget(plain_label("Attendance taken"))
        top.addWidget(self.block_kind)
        top.addStretch(1)
        top.addWidget(self.count)
        bulk = QHBoxLayout()
        for b in (present, shown, absent):
            bulk.addWidget(b)
        bulk.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scan)
        layout.addWidget(self.feedback)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(bulk)

    # -- data -----------------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block], kind: str) -> None:
        current = self.block.currentData()
        self.blocks = blocks
        self.block.blockSignals(True)
        self.block.clear()
        for b in blocks:
            self.block.addItem(b.label, b.id)
        self.block.setCurrentIndex(max(0, self.block.findData(current)))
        self.block.blockSignals(False)
        self.block_kind.setCurrentIndex(max(0, self.block_kind.findData(kind)))

    def current_block(self) -> Block | None:
        return next((b for b in self.blocks if b.id == self.block.currentData()), None)

    def set_people(self, people: list[Participant], present: set[int]) -> None:
        with selection_kept(self.view):
            self.model.set_people(people, present)
        self._count()

    def set_present(self, present: set[int]) -> None:
        self.model.set_present(present)
        self._count()

    def _count(self) -> None:
        self.count.setText(f"{len(self.model.present)} of {len(self.model.people)} present")

    def _pid(self, proxy_index: QModelIndex) -> int:
        return self.proxy.data(proxy_index, Qt.UserRole)

    def selected_ids(self) -> list[int]:
        return [self._pid(ix) for ix in self.view.selectionModel().selectedRows()]

    def shown_ids(self) -> list[int]:
        return [self._pid(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())]

    # -- actions --------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self._toggle([self._pid(index)])

    def _toggle_selected(self) -> None:
        self._toggle(self.selected_ids())

    def _toggle(self, ids: list[int]) -> None:
        if ids:
            # all present -> clear them; otherwise mark them present
            self.mark_requested.emit(ids, not all(i in self.model.present for i in ids))

    def _search_enter(self) -> None:
        shown = self.shown_ids()
        if len(shown) == 1:
            self.mark_requested.emit(shown, True)
            self.search.selectAll()

    def _scanned(self) -> None:
        code = normalise_badge(self.scan.text())
        self.scan.clear()
        if not code:
            return
        row = next((i for i, p in enumerate(self.model.people) if p.badge_code == code), -1)
        if row < 0:
            self.say(f"✘ Unknown badge code {code}", ok=False)
            return
        person = self.model.people[row]
        self.search.clear()  # so the person is in the list to jump to
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 1))
        self.view.selectRow(proxy_index.row())
        self.view.scrollTo(proxy_index, QAbstractItemView.PositionAtCenter)
        if person.id in self.model.present:
            self.say(f"✔ {person.full_name} was already checked in", ok=True)
        else:
            self.mark_requested.emit([person.id], True)
            self.say(f"✔ {person.full_name} checked in", ok=True)
        self.scan.setFocus()

    def say(self, text: str, *, ok: bool) -> None:
        self.feedback.setText(text)
        colour = "#1b7f3b" if ok else "#b3261e"
        self.feedback.setStyleSheet(f"color: {colour}; font-size: 13pt; font-weight: 600;")
