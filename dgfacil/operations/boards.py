"""Board edits: notes and rows, votes, clusters, rubric marks and prompt answers.

Each function is one user action in one committed transaction and returns Changes(boards=True)
with the ids of the board items touched. Deletions return a snapshot so undo puts back the same
rows with the same ids (votes included).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, delete, select

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem
from dgfacil.operations.changes import Changes
from dgfacil.store import boards as store
from dgfacil.store.queries import utc_now_iso
from dgfacil.store.tables import BoardItemRow, DotVoteRow, ExerciseAnswerRow, ExerciseRow

MAX_TEXT = 2000  # a sticky note is not a document; keeps a pasted book off the board


@dataclass(frozen=True)
class DeletedBoardItem:
    """A deleted note or row and its votes, to put back exactly (undo)."""

    id: int
    workshop_id: int
    exercise_id: int
    group_id: int | None
    fields: dict
    created_at: str
    votes: tuple[tuple[str, int], ...]


def _changes(*ids: int) -> Changes:
    return Changes(boards=True, ids=tuple(ids))


def _row(session: Session, item_id: int) -> BoardItemRow:
    row = session.get(BoardItemRow, item_id)
    if row is None:
        raise LookupError(f"no board item {item_id}")
    return row


def _clean(fields: dict) -> dict:
    unknown = set(fields) - set(store.ITEM_FIELDS)
    if unknown:
        raise AttributeError(f"a board item has no editable field {sorted(unknown)[0]!r}")
    if "text" in fields:
        fields["text"] = str(fields["text"])[:MAX_TEXT]
    for name in ("x", "y"):
        if name in fields:
            fields[name] = min(max(float(fields[name]), 0.0), 1.0)
    return fields


def add_item(session: Session, *, exercise_id: int, group_id: int | None, item: BoardItem) -> Changes:
    """Put a new note (or table row) on a board; the new id is in Changes.ids."""
    ex = session.get(ExerciseRow, exercise_id)
    if ex is None:
        raise LookupError(f"no exercise {exercise_id}")
    fields = _clean(store.item_fields(item))
    if not item.position:
        last = session.exec(select(BoardItemRow.position).where(BoardItemRow.exercise_id == exercise_id)
                            .order_by(BoardItemRow.position.desc())).first()
        fields["position"] = (last or 0) + 1
    now = utc_now_iso()
    row = BoardItemRow(workshop_id=ex.workshop_id, exercise_id=exercise_id, group_id=group_id,
                       created_at=now, updated_at=now, **fields)
    session.add(row)
    session.flush()
    return _changes(row.id)


def update_item(session: Session, *, item_id: int, **fields) -> Changes:
    """Change some fields of a note or row (text, colour, area, x, y, cluster, data, position)."""
    row = _row(session, item_id)
    for name, value in _clean(fields).items():
        setattr(row, name, dict(value) if name == "data" else value)
    row.updated_at = utc_now_iso()
    return _changes(item_id)


def move_items(session: Session, *, moves: dict[int, tuple[float, float, str]]) -> Changes:
    """Move notes at once: item id -> (x, y, area). One transaction, one undo step."""
    for item_id, (x, y, area) in moves.items():
        update_item(session, item_id=item_id, x=x, y=y, area=area)
    return _changes(*moves)


def set_cluster(session: Session, *, item_ids: list[int], heading: str) -> Changes:
    """Put notes under one heading ("" takes them out of any cluster)."""
    for item_id in item_ids:
        update_item(session, item_id=item_id, cluster=heading.strip()[:200])
    return _changes(*item_ids)


def delete_items(session: Session, *, item_ids: list[int]) -> tuple[Changes, list[DeletedBoardItem]]:
    snapshots = []
    for item_id in item_ids:
        row = _row(session, item_id)
        votes = tuple((v.voter, v.dots) for v in session.exec(
            select(DotVoteRow).where(DotVoteRow.board_item_id == item_id).order_by(DotVoteRow.id)))
        snapshots.append(DeletedBoardItem(row.id, row.workshop_id, row.exercise_id, row.group_id,
                                          store.item_fields(store.item_from_row(row)), row.created_at, votes))
        # votes go first, in SQL, so the ORM never races the database's own ON DELETE CASCADE
        session.exec(delete(DotVoteRow).where(DotVoteRow.board_item_id == item_id))
        session.delete(row)
    session.flush()
    return _changes(*item_ids), snapshots


def restore_items(session: Session, *, deleted: list[DeletedBoardItem]) -> Changes:
    """Put deleted notes back with their ids and votes."""
    for d in deleted:
        session.add(BoardItemRow(id=d.id, workshop_id=d.workshop_id, exercise_id=d.exercise_id, group_id=d.group_id,
                                 created_at=d.created_at, updated_at=utc_now_iso(), **d.fields))
    session.flush()
    for d in deleted:
        for voter, dots in d.votes:
            session.add(DotVoteRow(board_item_id=d.id, voter=voter, dots=dots))
    return _changes(*(d.id for d in deleted))


def add_vote(session: Session, *, item_id: int, voter: str) -> Changes:
    """One dot from `voter` on a note; refused when the voter has no dots left on this board."""
    row = _row(session, item_id)
    definition = store.exercise(row.exercise_id, session=session).definition
    votes = [(v, d) for _, v, d in store.votes_on_board(row.exercise_id, row.group_id, session=session)]
    if core.dots_left(definition, voter, votes) <= 0:
        dots, _ = core.vote_rule(definition)
        raise ValueError(f"{voter or 'this voter'} has used all {dots} dots on this board")
    session.add(DotVoteRow(board_item_id=item_id, voter=voter, dots=1))
    return _changes(item_id)


def remove_vote(session: Session, *, item_id: int, voter: str) -> Changes:
    """Take back one of `voter`'s dots from a note (nothing happens if there is none)."""
    _row(session, item_id)
    vote = session.exec(select(DotVoteRow).where(DotVoteRow.board_item_id == item_id, DotVoteRow.voter == voter)
                        .order_by(DotVoteRow.id.desc())).first()
    if vote is not None:
        session.delete(vote)
    return _changes(item_id)


def set_answer(session: Session, *, exercise_id: int, group_id: int | None, key: str, value: dict | None) -> Changes:
    """A group's rubric mark or prompt answer for `key`; None clears it."""
    if session.get(ExerciseRow, exercise_id) is None:
        raise LookupError(f"no exercise {exercise_id}")
    cond = [ExerciseAnswerRow.exercise_id == exercise_id, ExerciseAnswerRow.key == key,
            store._group_is(ExerciseAnswerRow.group_id, group_id)]
    row = session.exec(select(ExerciseAnswerRow).where(*cond)).first()
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(ExerciseAnswerRow(exercise_id=exercise_id, group_id=group_id, key=key, value=dict(value),
                                      updated_at=utc_now_iso()))
    else:
        row.value = dict(value)
        row.updated_at = utc_now_iso()
    return Changes(boards=True)


def sort_by_votes(session: Session, *, exercise_id: int, group_id: int | None) -> tuple[Changes, dict]:
    """Lay each area's notes out most-voted first. Returns the old places for undo."""
    ex = store.exercise(exercise_id, session=session)
    items = store.board_items(exercise_id, group_id, session=session)
    new = core.sorted_layout(ex.kind, ex.definition, items)
    old = {it.id: (it.x, it.y, it.area) for it in items if it.id in new}
    moves = {i: (x, y, old[i][2]) for i, (x, y) in new.items()}
    return move_items(session, moves=moves), old
