"""The groups panel: create N groups (for the exercise or the whole day), deal participants at
random balanced by country and organization, or drag a participant from one group to another.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dgfacil.core.model import Exercise, Group, Participant
from dgfacil.ui.exercises import commands as cmd

MIME = "application/x-dgfacil-participant"
PID_ROLE = Qt.UserRole + 1
GID_ROLE = Qt.UserRole + 2
UNASSIGNED = -1


class MembersModel(QStandardItemModel):
    """Groups as top rows, their members under them; dropping a member on a group moves them."""

    member_dropped = Signal(int, object)
    """Fires when a participant is dropped on a group: (participant id, group id or None)."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt)
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 (Qt)
        data = QMimeData()
        pids = [str(i.data(PID_ROLE)) for i in indexes if i.data(PID_ROLE) is not None]
        data.setData(MIME, ",".join(pids).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 (Qt)
        return data.hasFormat(MIME) and self._group_of(parent) is not False

    def dropMimeData(self, data, action, row, column, parent: QModelIndex) -> bool:  # noqa: N802 (Qt)
        gid = self._group_of(parent)
        if not data.hasFormat(MIME) or gid is False:
            return False
        for pid in bytes(data.data(MIME)).decode().split(","):
            if pid:
                self.member_dropped.emit(int(pid), None if gid == UNASSIGNED else gid)
        return False  # the move is an operation; the model is rebuilt from the database after it

    def supportedDropActions(self):  # noqa: N802 (Qt)
        return Qt.MoveAction

    def _group_of(self, index: QModelIndex):
        if not index.isValid():
            return False
        if index.parent().isValid():
            index = index.parent()
        gid = index.data(GID_ROLE)
        return False if gid is None else gid


class GroupsPanel(QWidget):
    """Shown beside the board; the room gives it the exercise, its groups and the roster."""

    def __init__(self, room) -> None:
        super().__init__()
        self.room = room
        self.exercise: Exercise | None = None
        self.groups: list[Group] = []
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(4)
        self.count.setPrefix("Groups: ")
        self.scope = QComboBox()  # fixed choices: as wide as the longest
        self.scope.addItem("for this exercise", "exercise")
        self.scope.addItem("for the whole day", "day")
        create = QPushButton("Create")
        create.clicked.connect(self.create_groups)
        self.assign = QPushButton("Assign at random")
        self.assign.setToolTip("Deal participants into the groups, balanced by country and organization")
        self.assign.clicked.connect(lambda: self.assign_random())
        self.remove = QPushButton("Delete groups")
        self.remove.clicked.connect(self.delete_groups)
        self.model = MembersModel(self)
        self.model.member_dropped.connect(self.move_member)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDrop)
        self.tree.setDefaultDropAction(Qt.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.count)
        row1.addWidget(self.scope, 1)
        row1.addWidget(create)
        row2.addWidget(self.assign)
        row2.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

    def show_groups(self, exercise: Exercise | None, groups: list[Group], people: dict[int, Participant]) -> None:
        self.exercise, self.groups = exercise, groups
        expanded = {
            self.model.item(r).data(GID_ROLE)
            for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        }
        self.model.clear()
        placed: set[int] = set()
        for g in groups:
            self._add_group(
                g.id, f"{g.name} ({len(g.member_ids)})", g.colour, [people[p] for p in g.member_ids if p in people]
            )
            placed.update(g.member_ids)
        rest = [p for p in people.values() if p.id not in placed]
        if groups:
            self._add_group(UNASSIGNED, f"Not in a group ({len(rest)})", "#9aa3b1", rest)
        for r in range(self.model.rowCount()):
            if not expanded or self.model.item(r).data(GID_ROLE) in expanded:
                self.tree.expand(self.model.index(r, 0))
        countries = {p.country for p in people.values() if p.country}
        self.summary.setText(
            f"{len(people)} participants from {len(countries)} countries; {len(groups)} groups."
            if groups
            else "No groups: the whole room shares one board."
        )
        self.assign.setEnabled(bool(groups))
        self.remove.setEnabled(bool(groups))

    def _add_group(self, gid: int, title: str, colour: str, members: list[Participant]) -> None:
        top = QStandardItem(title)
        top.setData(gid, GID_ROLE)
        top.setEditable(False)
        top.setDragEnabled(False)
        top.setDropEnabled(True)
        top.setForeground(QColor(colour or "#1b2a41"))
        font = top.font()
        font.setBold(True)
        top.setFont(font)
        for p in sorted(members, key=lambda p: (p.country, p.full_name)):
            detail = ", ".join(x for x in (p.country, p.organization) if x)
            child = QStandardItem(f"{p.full_name} — {detail}" if detail else p.full_name)
            child.setData(p.id, PID_ROLE)
            child.setEditable(False)
            child.setDropEnabled(False)
            top.appendRow(child)
        self.model.appendRow(top)

    # -- actions ---------------------------------------------------------------------------------
    def create_groups(self, count: int | None = None, scope: str | None = None) -> None:
        if self.exercise is None:
            return
        scope = scope or self.scope.currentData()
        day_id = self.room.exercise_day_id() if scope == "day" else None
        if scope == "day" and day_id is None:
            self.room.show_status("This exercise is not on the agenda; groups are made for the exercise.")
            scope = "exercise"
        self.room.undo_stack.push(
            cmd.CreateGroups(
                self.room,
                count or self.count.value(),
                self.exercise.id if scope == "exercise" else None,
                day_id if scope == "day" else None,
            )
        )

    def assign_random(self, seed: int | None = None) -> None:
        if self.groups:
            seed = random.SystemRandom().randrange(2**31) if seed is None else seed
            self.room.undo_stack.push(cmd.AssignRandom(self.room, [g.id for g in self.groups], seed))

    def delete_groups(self) -> None:
        if self.groups:
            self.room.undo_stack.push(cmd.DeleteGroups(self.room, [g.id for g in self.groups]))

    def move_member(self, participant_id: int, group_id: int | None) -> None:
        if not self.groups:
            return
        name = next(
            (
                self.model.item(r).child(c).text()
                for r in range(self.model.rowCount())
                for c in range(self.model.item(r).rowCount())
                if self.model.item(r).child(c).data(PID_ROLE) == participant_id
            ),
            "participant",
        )
        shown = next((g.id for g in self.groups if participant_id in g.member_ids), None)  # the move is made on it
        self.room.undo_stack.push(
            cmd.MoveMember(self.room, participant_id, group_id, self.groups[0].id, name.split(" — ")[0], shown)
        )
