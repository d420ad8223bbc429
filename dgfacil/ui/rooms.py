"""The workshop's rooms, in the order of the tabs. Each is imported only when the window opens."""
from __future__ import annotations

import importlib
import traceback

ROOMS: list[tuple[str, str]] = [
    ("Agenda", "dgfacil.ui.agenda.room:AgendaRoom"),
    ("Run", "dgfacil.ui.run.room:RunRoom"),
    ("Exercises", "dgfacil.ui.exercises.room:ExercisesRoom"),
    ("People", "dgfacil.ui.people.room:PeopleRoom"),
    ("Notes", "dgfacil.ui.notes.room:NotesRoom"),
    ("Evaluation", "dgfacil.ui.evaluation.room:EvaluationRoom"),
    ("Print", "dgfacil.ui.printing.room:PrintRoom"),
]


def room_class(spec: str):
    """The room's class, or None if its module is not there (a partial checkout)."""
    module_name, _, class_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name and module_name.startswith(err.name):
            return None
        traceback.print_exc()
        return None
    return getattr(module, class_name, None)
