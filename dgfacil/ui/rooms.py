"""The workshop's rooms, in the order of the tabs; what the main window may ask of each (`Room`);
and the shelf that builds them.

Each room is imported and built only when it is needed: the room on show when a document opens
(the first paint waits for it alone), any other the first time its tab is shown or it is asked
for, and the rest one at a time once the window has painted (`RoomShelf.build_rest_soon`).
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from dgfacil.operations.changes import Changes
    from dgfacil.ui.context import AppContext


class Room(Protocol):
    """A tab of the main window (a QWidget built from an AppContext). The window calls these and
    nothing else; what one room needs of another goes through the AppContext (`open_notes`)."""

    title: str
    undo_stack: QUndoStack | None
    """The room's edits, made the active stack of the window's undo group while the room is on
    show; None for a room that edits nothing."""

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """The worker committed an operation (this room's or another's): show what changed."""

    def shortcuts_help(self) -> list[tuple[str, str]]:
        """(key, what) for Help ▸ Keyboard shortcuts (F1)."""

    def shutdown(self) -> None:
        """The document is closing: commit what is being typed, stop clocks, close projectors."""


ROOMS: list[tuple[str, str]] = [
    ("Agenda", "dgfacil.ui.agenda.room:AgendaRoom"),
    ("Run", "dgfacil.ui.run.room:RunRoom"),
    ("Exercises", "dgfacil.ui.exercises.room:ExercisesRoom"),
    ("People", "dgfacil.ui.people.room:PeopleRoom"),
    ("Notes", "dgfacil.ui.notes.room:NotesRoom"),
    ("Evaluation", "dgfacil.ui.evaluation.room:EvaluationRoom"),
    ("Print", "dgfacil.ui.printing.room:PrintRoom"),
]
TITLES = [title for title, _ in ROOMS]


def room_class(spec: str) -> Callable[[AppContext], Room] | None:
    """The room's class, or None if its module is not there (a partial checkout)."""
    module_name, _, class_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name and module_name.startswith(err.name):
            return None
        traceback.print_exc()
        return None
    return getattr(module, class_name, None)  # the class is named in ROOMS, as text, to import it late


class RoomShelf(QObject):
    """One tab per room in `tabs`; a room is built by `make(title, spec)` when first needed and
    then stands in its tab in place of an empty one."""

    built = Signal(str, object)
    """A room was built and stands in its tab: (title, room)."""

    def __init__(self, tabs: QTabWidget, make: Callable[[str, str], Room]) -> None:
        super().__init__(tabs)
        self.tabs, self.make = tabs, make
        self._rooms: list[Room | None] = [None] * len(ROOMS)
        self.closed = False
        for index, title in enumerate(TITLES):
            tabs.addTab(QWidget(), title)
            tabs.setTabToolTip(index, f"{title} (Ctrl+{index + 1})")
        tabs.currentChanged.connect(self.room_at)  # connected first: the window's handler sees the room

    def rooms(self) -> list[Room]:
        """The rooms built so far, in tab order (one not yet built has nothing to update)."""
        return [room for room in self._rooms if room is not None]

    def built_room(self, title: str) -> Room | None:
        """The room if it is built, without building it."""
        return self._rooms[TITLES.index(title)] if title in TITLES else None

    def room(self, title: str) -> Room | None:
        """The room, built now if it was not yet."""
        return self.room_at(TITLES.index(title)) if title in TITLES else None

    def room_at(self, index: int) -> Room | None:
        if not 0 <= index < len(ROOMS):
            return None
        room = self._rooms[index]
        if room is None and not self.closed:
            title, spec = ROOMS[index]
            room = self._rooms[index] = self.make(title, spec)
            empty, current = self.tabs.widget(index), self.tabs.currentIndex()
            blocked = self.tabs.blockSignals(True)  # the tab on show stays on show: no room change
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, room, title)
            self.tabs.setTabToolTip(index, f"{title} (Ctrl+{index + 1})")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            empty.deleteLater()
            self.built.emit(title, room)
        return room

    def build_rest_soon(self) -> None:
        """Build the rooms not yet built, one per turn of the event loop (input is handled between)."""
        QTimer.singleShot(0, self, self._build_next)

    def close(self) -> None:
        """The document is closing: build nothing more for it."""
        self.closed = True

    def _build_next(self) -> None:
        if None in self._rooms and not self.closed:
            self.room_at(self._rooms.index(None))
            self.build_rest_soon()
