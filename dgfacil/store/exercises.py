"""Exercise rows: read, add, change the definition, delete with everything hanging off, put back.

Functions take the session as `*, session`. What groups write on an exercise's boards is in
store/boards.py, its groups in store/groups.py.
"""

from __future__ import annotations

import copy
from typing import Any

from sqlmodel import Session, col, select

from dgfacil.core.model import Exercise
from dgfacil.store import convert
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import AgendaItemRow, ExerciseRow


def _exercise(exercise_id: int, *, session: Session) -> ExerciseRow:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    return row


def exercise(exercise_id: int, *, session: Session) -> Exercise:
    """One exercise as a domain value (LookupError when it is not there)."""
    return convert.exercise_from_row(_exercise(exercise_id, session=session))


def load_exercises(*, session: Session) -> list[Exercise]:
    """Every exercise, in order."""
    rows = session.exec(select(ExerciseRow).order_by(col(ExerciseRow.position), col(ExerciseRow.id)))
    return [convert.exercise_from_row(r) for r in rows]


def exercise_day_id(exercise_id: int, *, session: Session) -> int | None:
    """The day of the agenda item the exercise runs in (None when it is not on the agenda)."""
    row = session.get(ExerciseRow, exercise_id)
    if row is None or row.agenda_item_id is None:
        return None
    item = session.get(AgendaItemRow, row.agenda_item_id)
    return item.day_id if item else None


def insert_exercise(agenda_item_id: int, *, session: Session, kind: str, title: str, definition: dict[str, Any]) -> int:
    """A new exercise on an agenda item, after every other exercise; returns its id."""
    item = session.get(AgendaItemRow, agenda_item_id)
    if item is None:
        raise LookupError(f"no agenda item {agenda_item_id}")
    last = session.exec(select(ExerciseRow.position).order_by(col(ExerciseRow.position).desc())).first()
    row = ExerciseRow(
        workshop_id=item.workshop_id,
        agenda_item_id=agenda_item_id,
        position=(last or 0) + 1,
        kind=kind,
        title=title,
        definition=definition,
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


def write_definition(exercise_id: int, definition: dict[str, Any], *, session: Session) -> None:
    _exercise(exercise_id, session=session).definition = copy.deepcopy(definition)


def delete_exercise(exercise_id: int, *, session: Session) -> Snapshot:
    """Delete an exercise with its groups, boards and answers; the snapshot puts it all back."""
    return delete_with_snapshot("exercise", [exercise_id], session=session)


def restore_exercise(deleted: Snapshot, *, session: Session) -> None:
    restore_snapshot(deleted, session=session)
