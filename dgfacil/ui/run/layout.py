"""The Run room's layout: top bar, countdown beside the day's list (or the plan preview), bars,
buttons; and `show_state`, which fills its labels from the derived run state."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from dgfacil.core.agenda import in_zone
from dgfacil.core.run.log import Phase
from dgfacil.core.run.plan import RunState
from dgfacil.core.run.words import conflict_texts, day_end_text, progress_text, span_words
from dgfacil.ui.run.controls import RunControls
from dgfacil.ui.run.panel import CountdownPanel
from dgfacil.ui.run.projector import city
from dgfacil.ui.run.recovery import RecoveryPreview, conflict_label
from dgfacil.ui.run.upcoming import UpcomingModel
from dgfacil.ui.widgets import plain_label, text_combo

if TYPE_CHECKING:
    from dgfacil.ui.run.room import RunRoom


def build_room(room: RunRoom, chime_on: bool) -> None:
    """Lay out the Run room: top bar, countdown and day list (or plan preview), bars, buttons.
    The parts are built in this order, which is also the Tab order."""
    top = _top_bar(room, chime_on)
    middle = _middle(room)
    progress = _progress_row(room)
    room.conflict = conflict_label()
    room.suggestion_button = _suggestion_button(room)
    room.controls = RunControls(room)
    layout = QVBoxLayout(room)
    layout.addLayout(top)
    layout.addLayout(middle, 1)
    layout.addWidget(room.conflict)
    layout.addLayout(progress)
    layout.addWidget(room.suggestion_button)
    layout.addWidget(room.controls)
    room.message = plain_label(name="runMessage")
    layout.addWidget(room.message)


def _top_bar(self: RunRoom, chime_on: bool) -> QHBoxLayout:
    """The day, the zones' clocks, the warning lead, the chime and Reset run…"""
    self.day_box = text_combo(28)
    self.day_box.setFocusPolicy(Qt.ClickFocus)
    self.day_box.currentIndexChanged.connect(self._on_day_chosen)
    self.lead_box = QSpinBox()
    self.lead_box.setRange(0, 60)
    self.lead_box.setSuffix(" min")
    self.lead_box.setValue(self.warning_lead_min)
    self.lead_box.setFocusPolicy(Qt.ClickFocus)
    self.lead_box.valueChanged.connect(self._on_lead_changed)
    self.chime_box = QCheckBox("Chime")
    self.chime_box.setChecked(bool(chime_on))
    self.chime_box.setFocusPolicy(Qt.ClickFocus)
    self.chime_box.setToolTip(
        "A soft chime at the warning and at time up"
        + ("" if self.chime.available else " (sound needs QtMultimedia: off here)")
    )
    self.chime_box.toggled.connect(self._on_chime_toggled)
    self.clocks = plain_label(name="clocks")
    top = QHBoxLayout()
    top.addWidget(QLabel("Day"))
    top.addWidget(self.day_box)
    top.addSpacing(16)
    top.addWidget(self.clocks, 1)
    top.addSpacing(16)
    top.addWidget(QLabel("Warn"))
    top.addWidget(self.lead_box)
    top.addWidget(QLabel("before the end"))
    top.addSpacing(12)
    top.addWidget(self.chime_box)
    reset = QPushButton("Reset run…")
    reset.setFocusPolicy(Qt.NoFocus)
    reset.setToolTip("Forget this day's run (after a rehearsal): the agenda is as planned again")
    reset.clicked.connect(self.ask_reset)
    top.addWidget(reset)
    return top


def _day_list(self: RunRoom) -> QTableView:
    """The re-planned day, one item a row: double-click runs one now, right-click for more."""
    self.model = UpcomingModel(self)
    self.table = QTableView()
    self.table.setModel(self.model)
    self.table.setSelectionMode(QAbstractItemView.NoSelection)
    self.table.setFocusPolicy(Qt.NoFocus)
    self.table.verticalHeader().hide()
    self.table.setToolTip("Double-click an item to run it now; right-click for more")
    self.table.doubleClicked.connect(lambda index: self.jump_to(self.model.row_at(index.row()).item.id))
    self.table.setContextMenuPolicy(Qt.CustomContextMenu)
    self.table.customContextMenuRequested.connect(self._row_menu)
    self.table.setShowGrid(False)
    self.table.setWordWrap(False)
    self.table.setAlternatingRowColors(False)
    header = self.table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
    return self.table


def _middle(self: RunRoom) -> QHBoxLayout:
    """The countdown beside the day's list, or beside a recovery plan's preview."""
    self.panel = CountdownPanel()
    table = _day_list(self)
    self.preview = RecoveryPreview()
    self.preview.apply_button.clicked.connect(self.apply_plan)
    self.preview.cancel_button.clicked.connect(self.close_plan)
    self.side_stack = QStackedWidget()
    self.side_stack.addWidget(table)
    self.side_stack.addWidget(self.preview)
    side = QVBoxLayout()
    self.agenda_title = plain_label(name="sectionTitle", wrap=True)
    side.addWidget(self.agenda_title)
    side.addWidget(self.side_stack, 1)
    middle = QHBoxLayout()
    middle.addWidget(self.panel, 3)
    middle.addLayout(side, 2)
    return middle


def _progress_row(self: RunRoom) -> QHBoxLayout:
    """Items done, the day's bar, and when the day ends."""
    self.day_bar = QProgressBar()
    self.day_bar.setRange(0, 1000)
    self.day_bar.setTextVisible(False)
    self.day_bar.setFixedHeight(8)
    self.progress_label = plain_label(name="progress")
    self.day_end_label = plain_label(name="dayEnd", size=12)
    progress = QHBoxLayout()
    progress.addWidget(self.progress_label)
    progress.addWidget(self.day_bar, 1)
    progress.addWidget(self.day_end_label)
    return progress


def _suggestion_button(self: RunRoom) -> QPushButton:
    """ "Behind by … — show a recovery plan [R]", hidden while on time."""
    button = QPushButton()
    button.setObjectName("suggestion")
    button.setFocusPolicy(Qt.NoFocus)
    button.clicked.connect(self.show_plan)
    button.hide()
    return button


def show_state(room: RunRoom, state: RunState, planned: date, zone: str) -> None:
    """Fill the room's heading, progress, clocks, day bar, conflicts and recovery suggestion."""
    heading = f"Today, re-planned ({zone.rsplit('/', 1)[-1].replace('_', ' ')} time)"
    on = state.rehearsal_on
    if on is not None:  # a rehearsal on another date: say so, and how to clear it
        heading = (
            f"Rehearsal on {on:%a %d %b} (planned for {planned:%a %d %b %Y}): times move to "
            f"when you start — Reset run… clears it"
        )
    _set(room.agenda_title, heading)
    _set(room.progress_label, progress_text(state))
    _set(room.clocks, "   ".join(f"{city(z, room.labels)} {in_zone(state.now, z):%H:%M}" for z in room.zones()))
    _set(room.day_end_label, day_end_text(state, zone))
    room.day_bar.setValue(_day_fraction(state))
    conflicts = "\n".join(conflict_texts(state, zone))
    _set(room.conflict, conflicts)
    room.conflict.setVisible(bool(conflicts))
    behind = state.behind_min > 0 and state.phase is not Phase.FINISHED
    text = f"Behind by {span_words(state.behind_min)} — show a recovery plan   [R]" if behind else ""
    if room.suggestion_button.text() != text:
        room.suggestion_button.setText(text)
    room.suggestion_button.setVisible(bool(text))


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _day_fraction(state: RunState) -> int:
    starts = [r.start for r in state.rows if r.start is not None]
    if not starts or state.projected_end is None:
        return 0
    first = min(starts)
    span = (state.projected_end - first).total_seconds()
    if span <= 0:
        return 1000
    return max(0, min(1000, int(1000 * (state.now - first).total_seconds() / span)))
