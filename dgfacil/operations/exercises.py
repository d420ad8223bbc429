"""Exercises on the agenda: add one from the library (or inline), change its rules, delete it.

A definition is checked (core.exercises) before it is written, so a board never opens on a
definition it cannot draw.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from dgfacil.core.exercises import DefinitionError, check_definition, vote_rule
from dgfacil.operations.changes import Changes
from dgfacil.store import agenda as store_agenda
from dgfacil.store import exercises as store
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session


def library_entry(name: str, library: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A library definition by name ({"kind", "title", "definition", ...}); KeyError names the choices."""
    if library is None:
        from dgfacil.operations.templates import exercise_library

        library = exercise_library()
    if name not in library:
        raise KeyError(f"no library exercise {name!r}; there are: {', '.join(sorted(library)) or 'none'}")
    return copy.deepcopy(library[name])


def add_exercise(
    session: Session,
    *,
    agenda_item_id: int,
    use: str | None = None,
    kind: str | None = None,
    title: str = "",
    definition: dict[str, Any] | None = None,
    library: dict[str, dict[str, Any]] | None = None,
) -> Changes:
    """Add an exercise to an agenda item: a library one (`use`), optionally overridden, or inline."""
    store_agenda.item_workshop_id(agenda_item_id, session=session)  # LookupError before any checking
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
    exercise_id = store.insert_exercise(agenda_item_id, kind=kind, title=title, definition=merged, session=session)
    return Changes(exercises=True, ids=(exercise_id,))


def update_definition(session: Session, *, exercise_id: int, definition: dict[str, Any]) -> Changes[dict[str, Any]]:
    """Replace an exercise's definition (checked first). Returns the old one for undo."""
    exercise = store.exercise(exercise_id, session=session)
    check_definition(exercise.kind, definition, exercise.title)
    old = copy.deepcopy(exercise.definition)
    store.write_definition(exercise_id, definition, session=session)
    return Changes(exercises=True, ids=(exercise_id,), value=old)


def set_vote_rule(session: Session, *, exercise_id: int, dots: int, per: str = "group") -> Changes[dict[str, Any]]:
    """How many dots each group (or participant) has on this exercise's boards."""
    definition = copy.deepcopy(store.exercise(exercise_id, session=session).definition)
    definition["votes"] = {"dots": int(dots), "per": per}
    return update_definition(session, exercise_id=exercise_id, definition=definition)


def current_vote_rule(session: Session, *, exercise_id: int) -> tuple[int, str]:
    return vote_rule(store.exercise(exercise_id, session=session).definition)


def delete_exercise(session: Session, *, exercise_id: int) -> Changes[Snapshot]:
    """Delete an exercise with its groups, boards and answers; the snapshot puts it all back."""
    snapshot = store.delete_exercise(exercise_id, session=session)
    return Changes(exercises=True, groups=True, boards=True, ids=(exercise_id,), value=snapshot)


def restore_exercise(session: Session, *, deleted: Snapshot) -> Changes:
    store.restore_exercise(deleted, session=session)
    return Changes(exercises=True, groups=True, boards=True, ids=deleted.ids)


__all__ = [
    "DefinitionError",
    "add_exercise",
    "delete_exercise",
    "restore_exercise",
    "set_vote_rule",
    "update_definition",
    "library_entry",
]
