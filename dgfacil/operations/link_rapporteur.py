"""A group's rapporteur: the group's discussion notes (tagged; an action with its owner and due
date) and the group's own boards — cards on a zones or plane board, rows of an action plan
(a table board). Everything is the group's to edit and nobody else's.

Which notes are whose lives in the `setting` table (`link.rapporteur_notes`); a board item is the
group's when it sits on the group's board.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from dgfacil.core import exercises as core_ex
from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import NoteTag
from dgfacil.operations import boards, notes, run
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.operations.link import CARD_BOARDS, CLOSED_KEY, Refused, flagged_ids
from dgfacil.store import exercises as exercise_store
from dgfacil.store import link as store
from dgfacil.store.notes import load_notes
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Exercise, Note

RAPPORTEUR_NOTES_KEY = "link.rapporteur_notes"  # {note id: group id}: whose notes are whose
SOURCE = "rapporteur"
BOARD_KINDS = (*CARD_BOARDS, "table")
MAX_CELL = 1000


def _owners(session: Session) -> dict[int, int]:
    return {int(k): int(v) for k, v in (get_setting(RAPPORTEUR_NOTES_KEY, {}, session=session) or {}).items()}


def _action_fields(tag: str, owner: str, due: str) -> dict[str, Any]:
    """An action's owner and due date; other tags have neither."""
    if NoteTag(tag) is not NoteTag.ACTION:
        return {"owner": "", "due": ""}
    return {"owner": owner, "due": due}


def rapporteur_note(
    session: Session, *, group_id: int, text: str, tag: str, now: datetime, owner: str = "", due: str = ""
) -> Changes:
    """A group's discussion note, on the agenda item running now (or the whole workshop)."""
    item_id = run.running_item_id(session, now=now)
    changes = notes.add_note(
        session, item_id=item_id, text=text, tag=NoteTag(tag), at=now, **_action_fields(tag, owner, due)
    )
    owners = _owners(session)
    owners[changes.ids[0]] = group_id
    put_setting(RAPPORTEUR_NOTES_KEY, {str(k): v for k, v in owners.items()}, session=session)
    return changes


def rapporteur_edit(
    session: Session, *, group_id: int, note_id: int, text: str, tag: str, now: datetime, owner: str = "", due: str = ""
) -> Changes:
    """Change one of the group's own notes; another group's (or the facilitator's) is not there."""
    if _owners(session).get(note_id) != group_id:
        raise LookupError(f"no note {note_id} of this group")
    return notes.update_note(
        session, note_id=note_id, text=text, tag=NoteTag(tag), at=now, **_action_fields(tag, owner, due)
    )


def rapporteur_notes(session: Session, *, group_id: int) -> list[Note]:
    mine = {n for n, g in _owners(session).items() if g == group_id}
    return [n for n in load_notes(session=session) if n.id in mine]


# -- the group's boards ------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupBoard:
    exercise_id: int
    title: str
    kind: str
    areas: list[tuple[str, str]]  # card boards: (key, title)
    columns: list[tuple[str, str]]  # tables: (key, title); key "" is the goal when rows are grouped
    closed: bool
    items: list[BoardItem]


def _columns(definition: dict[str, Any]) -> list[tuple[str, str]]:
    group = definition.get("group_by")
    first = [("", group.get("title", "Goal"))] if group else []
    return first + [(c["key"], c.get("title", c["key"])) for c in definition.get("columns", [])]


def group_boards(session: Session, *, group_id: int) -> list[GroupBoard]:
    """The card boards and action plans this group has a board on, with the group's items."""
    found = []
    for exercise in load_workshop(session=session).exercises:
        if exercise.kind not in BOARD_KINDS:
            continue
        if group_id not in {g.id for g in boards.exercise_groups(session, exercise_id=saved_id(exercise.id))}:
            continue
        definition = exercise.definition
        titles = {
            a["key"]: a.get("title", a["key"]) for a in definition.get("zones", []) + definition.get("quadrants", [])
        }
        areas = (
            []
            if exercise.kind == "table"
            else [(k, titles.get(k, k)) for k in core_ex.area_rects(exercise.kind, definition)]
        )
        found.append(
            GroupBoard(
                saved_id(exercise.id),
                exercise.title,
                exercise.kind,
                areas,
                _columns(definition) if exercise.kind == "table" else [],
                exercise.id in flagged_ids(CLOSED_KEY, session),
                boards.board_items(session, exercise_id=saved_id(exercise.id), group_id=group_id),
            )
        )
    return found


def _group_board(session: Session, group_id: int, exercise_id: int) -> Exercise:
    exercise = exercise_store.exercise(exercise_id, session=session)  # LookupError when there is none
    if exercise.kind not in BOARD_KINDS or group_id not in {
        g.id for g in boards.exercise_groups(session, exercise_id=exercise_id)
    }:
        raise LookupError(f"no board {exercise_id} of this group")
    if exercise_id in flagged_ids(CLOSED_KEY, session):
        raise Refused("this board is closed", "board_closed")
    return exercise


def _cells(exercise: Exercise, cells: object) -> dict[str, str]:
    keys = {k for k, _t in _columns(exercise.definition) if k}
    if not isinstance(cells, dict) or not set(cells) <= keys:
        raise ValueError(f"cells are some of: {', '.join(sorted(keys))}")
    if any(not isinstance(v, str) or len(v) > MAX_CELL for v in cells.values()):
        raise ValueError(f"a cell is text of at most {MAX_CELL} characters")
    return {k: " ".join(v.split()) for k, v in cells.items()}


def _placed(exercise: Exercise, item: dict[str, Any]) -> dict[str, Any]:
    """The fields of a card or row from what the rapporteur typed, checked against the board."""
    area = item.get("area", "")
    if not isinstance(area, str):
        raise ValueError("area is text")  # noqa: TRY004 - a 400 to the page, in words
    if exercise.kind == "table":
        return {"text": "", "area": " ".join(area.split()), "cells": _cells(exercise, item.get("cells", {}))}
    text = item.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_CELL:
        raise ValueError(f"a card needs some text (at most {MAX_CELL} characters)")
    if area not in core_ex.area_rects(exercise.kind, exercise.definition):
        raise Refused("this board has no such zone", "no_zone")
    return {"text": text.strip(), "area": area}


def rapporteur_item(session: Session, *, group_id: int, exercise_id: int, item: dict[str, Any]) -> Changes:
    """A card in a zone of the group's board, or a row of the group's action plan."""
    exercise = _group_board(session, group_id, exercise_id)
    fields = _placed(exercise, item)
    if exercise.kind == "table":
        new = BoardItem("", fields["area"], data={"cells": fields["cells"], "source": SOURCE})
    else:
        rects = core_ex.area_rects(exercise.kind, exercise.definition)
        _count, taken = store.area_positions(exercise_id, group_id, fields["area"], limit=100, session=session)
        x, y = core_ex.free_spot(rects[fields["area"]], taken)
        new = BoardItem(fields["text"], fields["area"], x=x, y=y, data={"source": SOURCE})
    return boards.add_item(session, exercise_id=exercise_id, group_id=group_id, item=new)


def rapporteur_item_edit(session: Session, *, group_id: int, item_id: int, item: dict[str, Any]) -> Changes:
    """Change a card or row on the group's own board; another group's is not there (LookupError)."""
    found = boards.items_by_ids(session, item_ids=[item_id]).get(item_id)
    if found is None or found.group_id != group_id:
        raise LookupError(f"no item {item_id} of this group")
    exercise = _group_board(session, group_id, saved_id(found.exercise_id))
    fields = _placed(exercise, item)
    if exercise.kind == "table":
        return boards.update_item(
            session, item_id=item_id, area=fields["area"], data={**found.data, "cells": fields["cells"]}
        )
    if fields["area"] == found.area:
        return boards.update_item(session, item_id=item_id, text=fields["text"])
    rects = core_ex.area_rects(exercise.kind, exercise.definition)
    _count, taken = store.area_positions(
        saved_id(found.exercise_id), group_id, fields["area"], limit=100, session=session
    )
    x, y = core_ex.free_spot(rects[fields["area"]], taken)
    return boards.update_item(session, item_id=item_id, text=fields["text"], area=fields["area"], x=x, y=y)
