"""The workshop's rooms, in the order of the tabs, and what the main window may ask of each (`Room`).
Each room is imported only when the window opens."""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

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
