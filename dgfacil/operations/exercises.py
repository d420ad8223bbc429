"""Exercises on the agenda: add one from the library (or inline), change its rules, delete it.

A definition is checked (core.exercises) before it is written, so a board never opens on a
definition it cannot draw.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from sqlmodel import Session, select

from dgfacil.core.exercises import DefinitionError, check_definition, vote_rule
from dgfacil.operations import boards as board_ops
from dgfacil.operations import groups as group_ops
from dgfacil.operations.changes import Changes
from dgfacil.store.tables import AgendaItemRow, BoardItemRow, ExerciseAnswerRow, ExerciseRow, GroupRow


@dataclass(frozen=True)
class DeletedExercise:
    row: dict
    groups: tuple
    items: tuple
    answers: tuple[tuple[str, dict, str], ...]  # whole-room answers: key, value, updated_at


def library_entry(name: str, library: dict[str, dict] | None = None) -> dict:
    """A library definition by name ({"kind", "title", "definition", ...}); KeyError names the choices."""
    if library is None:
        from dgfacil.operations.templates import exercise_library
        library = exercise_library()
    if name not in library:
        raise KeyError(f"no library exercise {name!r}; there are: {', '.join(sorted(library)) or 'none'}")
    return copy.deepcopy(library[name])


def add_exercise(session: Session, *, agenda_item_id: int, use: str | None = None, kind: str | None = None,
                 title: str = "", definition: dict | None = None, library: dict[str, dict] | None = None) -> Changes:
    """Add an exercise to an agenda item: a library one (`use`), optionally overridden, or inline."""
    item = session.get(AgendaItemRow, agenda_item_id)
    if item is None:
        raise LookupError(f"no agenda item {agenda_item_id}")
    merged = dict(definition or {})
    if use is not None:
        base = library_entry(use, library)
        kind = kind or base["kind"]
        title = title or base.get("title", use)
        merged = {**base.get("definition", {}), **merged, "key": merged.get("key", use)}
    if kind is None:
        raise ValueError("give a library name or a kind")
    title = " ".join(title.split()) or kind
    check_definition(kind, merged, title)
    last = session.exec(select(ExerciseRow.position).order_by(ExerciseRow.position.desc())).first()
    row = ExerciseRow(workshop_id=item.workshop_id, agenda_item_id=agenda_item_id, position=(last or 0) + 1,
                      kind=kind, title=title, definition=merged)
    session.add(row)
    session.flush()
    return Changes(exercises=True, ids=(row.id,))


def _exercise(session: Session, exercise_id: int) -> ExerciseRow:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    return row


def update_definition(session: Session, *, exercise_id: int, definition: dict) -> tuple[Changes, dict]:
    """Replace an exercise's definition (checked first). Returns the old one for undo."""
    row = _exercise(session, exercise_id)
    check_definition(row.kind, definition, row.title)
    old = copy.deepcopy(dict(row.definition))
    row.definition = copy.deepcopy(definition)
    return Changes(exercises=True, ids=(exercise_id,)), old


def set_vote_rule(session: Session, *, exercise_id: int, dots: int, per: str = "group") -> tuple[Changes, dict]:
    """How many dots each group (or participant) has on this exercise's boards."""
    row = _exercise(session, exercise_id)
    definition = copy.deepcopy(dict(row.definition))
    definition["votes"] = {"dots": int(dots), "per": per}
    return update_definition(session, exercise_id=exercise_id, definition=definition)


def current_vote_rule(session: Session, *, exercise_id: int) -> tuple[int, str]:
    return vote_rule(_exercise(session, exercise_id).definition)


def delete_exercise(session: Session, *, exercise_id: int) -> tuple[Changes, DeletedExercise]:
    """Delete an exercise with its groups, boards and answers; the snapshot puts it all back."""
    row = _exercise(session, exercise_id)
    group_ids = list(session.exec(select(GroupRow.id).where(GroupRow.exercise_id == exercise_id)))
    _, groups = group_ops.delete_groups(session, group_ids=group_ids)
    item_ids = list(session.exec(select(BoardItemRow.id).where(BoardItemRow.exercise_id == exercise_id)))
    _, items = board_ops.delete_items(session, item_ids=item_ids)
    answers = []
    for a in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.exercise_id == exercise_id)):
        answers.append((a.group_id, a.key, dict(a.value), a.updated_at))
        session.delete(a)
    snapshot = DeletedExercise(row.model_dump(), tuple(groups), tuple(items), tuple(answers))
    session.delete(row)
    session.flush()
    return Changes(exercises=True, groups=True, boards=True, ids=(exercise_id,)), snapshot


def restore_exercise(session: Session, *, deleted: DeletedExercise) -> Changes:
    session.add(ExerciseRow(**deleted.row))
    session.flush()
    if deleted.groups:
        group_ops.restore_groups(session, deleted=list(deleted.groups))
    if deleted.items:
        board_ops.restore_items(session, deleted=list(deleted.items))
    for group_id, key, value, updated in deleted.answers:
        session.add(ExerciseAnswerRow(exercise_id=deleted.row["id"], group_id=group_id, key=key, value=value,
                                      updated_at=updated))
    return Changes(exercises=True, groups=True, boards=True, ids=(deleted.row["id"],))


__all__ = ["DefinitionError", "add_exercise", "delete_exercise", "restore_exercise", "set_vote_rule",
           "update_definition", "library_entry"]
