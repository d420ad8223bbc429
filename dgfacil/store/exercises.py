"""Exercise rows: add, change the definition, delete with everything hanging off, put back.

Functions take the session as `*, session`. Reading exercises and their boards as domain values
is in store/boards.py.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from sqlmodel import Session, select

from dgfacil.store import boards, groups
from dgfacil.store.tables import AgendaItemRow, ExerciseAnswerRow, ExerciseRow, GroupRow


@dataclass(frozen=True)
class DeletedExercise:
    row: dict
    groups: tuple
    items: tuple
    answers: tuple[tuple[str, dict, str], ...]  # whole-room answers: key, value, updated_at


def _exercise(exercise_id: int, *, session: Session) -> ExerciseRow:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    return row


def insert_exercise(agenda_item_id: int, *, session: Session, kind: str, title: str, definition: dict) -> int:
    """A new exercise on an agenda item, after every other exercise; returns its id."""
    item = session.get(AgendaItemRow, agenda_item_id)
    if item is None:
        raise LookupError(f"no agenda item {agenda_item_id}")
    last = session.exec(select(ExerciseRow.position).order_by(ExerciseRow.position.desc())).first()
    row = ExerciseRow(workshop_id=item.workshop_id, agenda_item_id=agenda_item_id, position=(last or 0) + 1,
                      kind=kind, title=title, definition=definition)
    session.add(row)
    session.flush()
    return row.id


def write_definition(exercise_id: int, definition: dict, *, session: Session) -> None:
    _exercise(exercise_id, session=session).definition = copy.deepcopy(definition)


def delete_exercise(exercise_id: int, *, session: Session) -> DeletedExercise:
    """Delete an exercise with its groups, boards and answers; the snapshot puts it all back."""
    row = _exercise(exercise_id, session=session)
    group_ids = list(session.exec(select(GroupRow.id).where(GroupRow.exercise_id == exercise_id)))
    deleted_groups = groups.delete_groups(group_ids, session=session)
    items = boards.delete_items(boards.item_ids_where(session=session, exercise_id=exercise_id), session=session)
    answers = []
    for a in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.exercise_id == exercise_id)):
        answers.append((a.group_id, a.key, dict(a.value), a.updated_at))
        session.delete(a)
    snapshot = DeletedExercise(row.model_dump(), tuple(deleted_groups), tuple(items), tuple(answers))
    session.delete(row)
    session.flush()
    return snapshot


def restore_exercise(deleted: DeletedExercise, *, session: Session) -> None:
    session.add(ExerciseRow(**deleted.row))
    session.flush()
    if deleted.groups:
        groups.restore_groups(list(deleted.groups), session=session)
    if deleted.items:
        boards.restore_items(list(deleted.items), session=session)
    for group_id, key, value, updated in deleted.answers:
        session.add(ExerciseAnswerRow(exercise_id=deleted.row["id"], group_id=group_id, key=key, value=value,
                                      updated_at=updated))
