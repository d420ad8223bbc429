"""Board edits: cards and rows, votes, clusters, rubric marks and prompt answers.

Each function is one user action in one committed transaction and returns Changes(boards=True)
with the ids of the board items touched. Deletions return a snapshot so undo puts back the same
rows with the same ids (votes included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.core.text import check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed
from dgfacil.operations.ids import saved_id
from dgfacil.store import attendance as attendance_store
from dgfacil.store import boards as store
from dgfacil.store import exercises as exercise_store
from dgfacil.store import groups as group_store
from dgfacil.store import participants as participant_store
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

    from dgfacil.core.model import Group, Participant

MAX_TEXT = 2000  # a card is not a document; keeps a pasted book off the board


def _changes(*ids: int) -> Changes:
    return Changes(boards=True, ids=tuple(ids))


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(store.ITEM_FIELDS)
    if unknown:
        raise AttributeError(f"a board item has no editable field {sorted(unknown)[0]!r}")
    check_fields(
        **{("card" if k == "text" else k): v for k, v in fields.items() if k in ("text", "cluster", "area")},
        cells=[str(v) for v in dict(fields.get("data") or {}).values()],
    )  # a table row's cells
    if "text" in fields:
        fields["text"] = str(fields["text"])[:MAX_TEXT]
    for name in ("x", "y"):
        if name in fields:
            fields[name] = min(max(float(fields[name]), 0.0), 1.0)
    return fields


def add_item(session: Session, *, exercise_id: int, group_id: int | None, item: BoardItem) -> Changes:
    """Put a new card (or table row) on a board; the new id is in Changes.ids."""
    exercise_store.exercise(exercise_id, session=session)  # LookupError before anything is checked
    fields = _clean(store.item_fields(item))
    return _changes(store.insert_item(exercise_id, group_id, fields, session=session))


def update_item(session: Session, *, item_id: int, seen: dict[str, Any] | None = None, **fields: Any) -> Changes:
    """Change some fields of a card or row (text, colour, area, x, y, cluster, data, position).
    `seen`: those fields as the user saw them; if the card holds something else by now, the edit
    is refused whole (EditConflict)."""
    store.board_of(item_id, session=session)  # LookupError before the fields are checked
    if seen is not None:
        current = store.board_item(item_id, session=session)
        shown = _clean(dict(seen))
        refuse_if_changed(
            store.item_fields(current),
            shown,
            table="board_item",
            row_id=item_id,
            what=f"The card {_short(current.text)}",
            session=session,
        )
    store.write_item(item_id, _clean(fields), session=session)
    return _changes(item_id)


def update_items(
    session: Session, *, values: dict[int, dict[str, Any]], seen: dict[int, dict[str, Any]] | None = None
) -> Changes:
    """Change fields of several cards at once (one undo step): item id -> fields; `seen` as in update_item."""
    for item_id, fields in values.items():
        update_item(session, item_id=item_id, seen=None if seen is None else seen[item_id], **fields)
    return _changes(*values)


def move_items(
    session: Session,
    *,
    moves: dict[int, tuple[float, float, str]],
    seen: dict[int, tuple[float, float, str]] | None = None,
) -> Changes:
    """Move cards at once: item id -> (x, y, area). One transaction, one undo step. `seen`: where
    the user saw them (a card someone else moved since is not moved again: EditConflict)."""
    for item_id, (x, y, area) in moves.items():
        was = None if seen is None else dict(zip(("x", "y", "area"), seen[item_id], strict=True))
        update_item(session, item_id=item_id, seen=was, x=x, y=y, area=area)
    return _changes(*moves)


def set_cluster(session: Session, *, item_ids: list[int], heading: str, seen: dict[int, str] | None = None) -> Changes:
    """Put cards under one heading ("" takes them out of any cluster); `seen`: each card's heading as shown."""
    for item_id in item_ids:
        was = None if seen is None else {"cluster": seen[item_id]}
        update_item(session, item_id=item_id, seen=was, cluster=heading.strip()[:200])
    return _changes(*item_ids)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:30]}…”" if len(text) > 30 else f"“{text}”"


def delete_items(session: Session, *, item_ids: list[int]) -> Changes[Snapshot]:
    """Delete cards with their votes; the snapshot puts them back."""
    return _changes(*item_ids).with_value(store.delete_items(item_ids, session=session))


def restore_items(session: Session, *, deleted: Snapshot) -> Changes:
    """Put deleted cards back with their ids and votes."""
    store.restore_items(deleted, session=session)
    return _changes(*deleted.ids)


def add_vote(session: Session, *, item_id: int, voter: str) -> Changes:
    """One dot from `voter` on a card; refused when the voter has no dots left on this board."""
    exercise_id, group_id = store.board_of(item_id, session=session)
    definition = exercise_store.exercise(exercise_id, session=session).definition
    votes = [(v, d) for _, v, d in store.votes_on_board(exercise_id, group_id, session=session)]
    people = vote_people(session, exercise_id=exercise_id, group_id=group_id)
    if core.dots_left(definition, voter, votes, people) <= 0:
        dots, _ = core.vote_rule(definition)
        raise ValueError(f"{voter or 'this voter'} has used all {dots * people} dots on this board")
    store.add_vote(item_id, voter, session=session)
    return _changes(item_id)


def remove_vote(session: Session, *, item_id: int, voter: str) -> Changes:
    """Take back one of `voter`'s dots from a card (nothing happens if there is none)."""
    store.board_of(item_id, session=session)
    store.remove_vote(item_id, voter, session=session)
    return _changes(item_id)


def set_answer(
    session: Session, *, exercise_id: int, group_id: int | None, key: str, value: dict[str, Any] | None
) -> Changes:
    """A group's rubric mark or prompt answer for `key`; None clears it."""
    store.set_answer(exercise_id, group_id, key, value, session=session)
    return Changes(boards=True)


def sort_by_votes(
    session: Session, *, exercise_id: int, group_id: int | None
) -> Changes[dict[int, tuple[float, float, str]]]:
    """Lay each area's cards out most-voted first. Returns the old places for undo."""
    ex = exercise_store.exercise(exercise_id, session=session)
    items = store.board_items(exercise_id, group_id, session=session)
    new = core.sorted_layout(ex.kind, ex.definition, items)
    old = {saved_id(it.id): (it.x, it.y, it.area) for it in items if it.id in new}
    moves = {i: (x, y, old[i][2]) for i, (x, y) in new.items()}
    return move_items(session, moves=moves).with_value(old)


# -- reading (what the board screens show) -------------------------------------------------


def board_items(session: Session, *, exercise_id: int, group_id: int | None) -> list[BoardItem]:
    """Every card or row of one board, with its vote total, in board order."""
    return store.board_items(exercise_id, group_id, session=session)


def items_by_ids(session: Session, *, item_ids: list[int]) -> dict[int, BoardItem]:
    """The items that still exist among `item_ids` (a deleted one is simply missing)."""
    return store.board_items_by_ids(list(item_ids), session=session)


def board_votes(session: Session, *, exercise_id: int, group_id: int | None) -> list[tuple[int, str, int]]:
    """(board item id, voter, dots) of every vote on one board."""
    return store.votes_on_board(exercise_id, group_id, session=session)


def board_answers(session: Session, *, exercise_id: int, group_id: int | None) -> dict[str, dict[str, Any]]:
    """A group's rubric marks or prompt answers: key -> value."""
    return store.answers(exercise_id, group_id, session=session)


def all_boards(
    session: Session, *, exercise_id: int
) -> tuple[dict[int | None, list[BoardItem]], dict[int | None, dict[str, dict[str, Any]]]]:
    """Every board of an exercise at once (the side-by-side view): group id -> items, group id -> answers."""
    return (store.all_board_items(exercise_id, session=session), store.all_answers(exercise_id, session=session))


def exercise_day_id(session: Session, *, exercise_id: int) -> int | None:
    """The day of the agenda item the exercise runs in (None when it is not on the agenda)."""
    return exercise_store.exercise_day_id(exercise_id, session=session)


def exercise_groups(session: Session, *, exercise_id: int) -> list[Group]:
    """The exercise's own groups; else the groups of its day; else none (one whole-room board)."""
    return group_store.groups_for_exercise(exercise_id, session=session)


def participants_by_id(session: Session) -> dict[int, Participant]:
    """Everyone on the roster by id (group members are ids)."""
    return {saved_id(p.id): p for p in participant_store.load_participants(session=session)}


def vote_people(session: Session, *, exercise_id: int, group_id: int | None) -> int:
    """How many people one voter on a board stands for: on the whole-room board with dots per group,
    the facilitator tallies the room's dots, so the room has the dots of everyone in it; else 1."""
    exercise = exercise_store.exercise(exercise_id, session=session)
    _, per = core.vote_rule(exercise.definition)
    if per != "group" or group_id is not None:
        return 1
    return room_size(session, agenda_item_id=exercise.agenda_item_id)


def room_size(session: Session, *, agenda_item_id: int | None) -> int:
    """How many people vote on a whole-room board: those marked present at the exercise's agenda
    item; before attendance is taken, everyone on the roster (at least one)."""
    present = {pid for pid, item in attendance_store.present_pairs(session=session) if item == agenda_item_id}
    return len(present) or len({p.id: p for p in participant_store.load_participants(session=session)}) or 1


def board_voters(session: Session, *, exercise_id: int, group_id: int | None) -> list[tuple[int, str]]:
    """(id, name) of the people voting on a board: the group's members, or everyone."""
    people = {p.id: p for p in participant_store.load_participants(session=session)}
    if group_id is None:
        return [(saved_id(p.id), p.full_name) for p in people.values()]
    groups = {g.id: g for g in group_store.groups_for_exercise(exercise_id, session=session)}
    members = groups[group_id].member_ids if group_id in groups else []
    return [(pid, people[pid].full_name) for pid in members if pid in people]
