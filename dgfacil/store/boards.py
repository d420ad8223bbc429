"""Exercise boards: the notes and table rows groups write, their dot votes, their rubric and
prompt answers. Functions take the session as `*, session`.

A board is (exercise, group): group None is the whole room's board. Exercises themselves are in
store/exercises.py, groups in store/groups.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from dgfacil.core.exercises import BoardItem
from dgfacil.store import convert, exercises, groups
from dgfacil.store.convert import utc_now_iso
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import BoardItemRow, DotVoteRow, ExerciseAnswerRow, ExerciseRow

ITEM_FIELDS = ("area", "text", "x", "y", "colour", "cluster", "data", "position")


def _group_is(column: Any, group_id: int | None) -> ColumnElement[bool]:
    return col(column).is_(None) if group_id is None else col(column) == group_id


def item_fields(item: BoardItem) -> dict[str, Any]:
    """The stored columns of a board item that an edit may change."""
    return {name: (dict(item.data) if name == "data" else getattr(item, name)) for name in ITEM_FIELDS}


def vote_totals(item_ids: list[int] | None, *, session: Session, exercise_id: int | None = None) -> dict[int, int]:
    query = select(DotVoteRow.board_item_id, func.sum(DotVoteRow.dots)).group_by(col(DotVoteRow.board_item_id))
    if item_ids is not None:
        query = query.where(col(DotVoteRow.board_item_id).in_(item_ids))
    if exercise_id is not None:
        query = query.join(BoardItemRow, col(BoardItemRow.id) == col(DotVoteRow.board_item_id)).where(
            BoardItemRow.exercise_id == exercise_id
        )
    return {item_id: int(total or 0) for item_id, total in session.exec(query)}


def board_items(exercise_id: int, group_id: int | None, *, session: Session) -> list[BoardItem]:
    """Every card or row of one board, with its vote total, in board order."""
    rows = list(
        session.exec(
            select(BoardItemRow)
            .where(BoardItemRow.exercise_id == exercise_id, _group_is(BoardItemRow.group_id, group_id))
            .order_by(col(BoardItemRow.position), col(BoardItemRow.id))
        )
    )
    totals = vote_totals(None, session=session, exercise_id=exercise_id)
    return [convert.board_item_from_row(r, totals.get(convert.row_id(r), 0)) for r in rows]


def all_board_items(exercise_id: int, *, session: Session) -> dict[int | None, list[BoardItem]]:
    """Every board of an exercise at once (the facilitator's side-by-side view): group id -> items."""
    totals = vote_totals(None, session=session, exercise_id=exercise_id)
    out: dict[int | None, list[BoardItem]] = defaultdict(list)
    rows = session.exec(
        select(BoardItemRow)
        .where(BoardItemRow.exercise_id == exercise_id)
        .order_by(col(BoardItemRow.position), col(BoardItemRow.id))
    )
    for r in rows:
        out[r.group_id].append(convert.board_item_from_row(r, totals.get(convert.row_id(r), 0)))
    return out


def board_items_by_ids(item_ids: list[int], *, session: Session) -> dict[int, BoardItem]:
    """The items that still exist among `item_ids` (a deleted one is simply missing)."""
    if not item_ids:
        return {}
    rows = session.exec(select(BoardItemRow).where(col(BoardItemRow.id).in_(list(item_ids))))
    totals = vote_totals(list(item_ids), session=session)
    return {convert.row_id(r): convert.board_item_from_row(r, totals.get(convert.row_id(r), 0)) for r in rows}


def board_item(item_id: int, *, session: Session) -> BoardItem:
    row = session.get(BoardItemRow, item_id)
    if row is None:
        raise LookupError(f"no board item {item_id}")
    return convert.board_item_from_row(row, vote_totals([item_id], session=session).get(item_id, 0))


def votes_on_board(exercise_id: int, group_id: int | None, *, session: Session) -> list[tuple[int, str, int]]:
    """(board item id, voter, dots) of every vote on one board."""
    query = (
        select(DotVoteRow.board_item_id, DotVoteRow.voter, DotVoteRow.dots)
        .join(BoardItemRow, col(BoardItemRow.id) == col(DotVoteRow.board_item_id))
        .where(BoardItemRow.exercise_id == exercise_id, _group_is(BoardItemRow.group_id, group_id))
    )
    return [(i, v, d) for i, v, d in session.exec(query)]


def answers(exercise_id: int, group_id: int | None, *, session: Session) -> dict[str, dict[str, Any]]:
    """A group's rubric marks or prompt answers: key -> value."""
    rows = session.exec(
        select(ExerciseAnswerRow).where(
            ExerciseAnswerRow.exercise_id == exercise_id, _group_is(ExerciseAnswerRow.group_id, group_id)
        )
    )
    return {r.key: dict(r.value) for r in rows}


def all_answers(exercise_id: int, *, session: Session) -> dict[int | None, dict[str, dict[str, Any]]]:
    """Every board's answers of an exercise: group id -> key -> value."""
    out: dict[int | None, dict[str, dict[str, Any]]] = defaultdict(dict)
    query = select(ExerciseAnswerRow).where(ExerciseAnswerRow.exercise_id == exercise_id)
    for r in session.exec(query.order_by(col(ExerciseAnswerRow.id))):
        out[r.group_id][r.key] = dict(r.value)
    return out


@dataclass
class Board:
    """One exercise's outputs: per group (None = the whole room), its notes/rows and its answers."""

    exercise_id: int
    kind: str
    title: str
    definition: dict[str, Any]
    agenda_item_id: int | None
    groups: dict[int | None, str] = field(default_factory=dict)  # group id -> name
    items: dict[int | None, list[BoardItem]] = field(default_factory=dict)
    answers: dict[int | None, dict[str, dict[str, Any]]] = field(default_factory=dict)


def filled_boards(*, session: Session) -> list[Board]:
    """Every exercise that holds something, with its groups' names, items and answers (the report)."""
    names = {g.id: g.name for g in groups.load_groups(session=session)}
    out = []
    for ex in exercises.load_exercises(session=session):
        assert ex.id is not None
        board = Board(
            ex.id,
            ex.kind,
            ex.title,
            dict(ex.definition),
            ex.agenda_item_id,
            items=all_board_items(ex.id, session=session),
            answers=all_answers(ex.id, session=session),
        )
        if board.items or board.answers:
            board.groups = {
                g: ("Plenary" if g is None else names.get(g, f"Group {g}"))
                for g in sorted({*board.items, *board.answers}, key=lambda g: (g is not None, g or 0))
            }
            out.append(board)
    return out


# -- edits --------------------------------------------------------------------------------


def _item_row(item_id: int, *, session: Session) -> BoardItemRow:
    row = session.get(BoardItemRow, item_id)
    if row is None:
        raise LookupError(f"no board item {item_id}")
    return row


def board_of(item_id: int, *, session: Session) -> tuple[int, int | None]:
    """(exercise id, group id) of the board a card is on; LookupError when there is no such card."""
    row = _item_row(item_id, session=session)
    return row.exercise_id, row.group_id


def insert_item(exercise_id: int, group_id: int | None, fields: dict[str, Any], *, session: Session) -> int:
    """A new card or row on a board; a falsy position puts it after the exercise's last. Returns its id."""
    ex = session.get(ExerciseRow, exercise_id)
    if ex is None:
        raise LookupError(f"no exercise {exercise_id}")
    fields = dict(fields)
    if not fields.get("position"):
        last = session.exec(
            select(BoardItemRow.position)
            .where(BoardItemRow.exercise_id == exercise_id)
            .order_by(col(BoardItemRow.position).desc())
        ).first()
        fields["position"] = (last or 0) + 1
    now = utc_now_iso()
    row = BoardItemRow(
        workshop_id=ex.workshop_id, exercise_id=exercise_id, group_id=group_id, created_at=now, updated_at=now, **fields
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


def write_item(item_id: int, fields: dict[str, Any], *, session: Session) -> None:
    """Set some columns (names from ITEM_FIELDS) of a card or row and stamp it updated now."""
    row = _item_row(item_id, session=session)
    for name, value in fields.items():
        setattr(row, name, dict(value) if name == "data" else value)
    row.updated_at = utc_now_iso()


def delete_items(item_ids: list[int], *, session: Session) -> Snapshot:
    """Delete cards with their votes; the snapshot puts them back."""
    return delete_with_snapshot("board_item", item_ids, session=session)


def restore_items(deleted: Snapshot, *, session: Session) -> None:
    """Put deleted cards back with their ids and votes."""
    restore_snapshot(deleted, session=session)


def add_vote(item_id: int, voter: str, *, session: Session) -> None:
    session.add(DotVoteRow(board_item_id=item_id, voter=voter, dots=1))


def remove_vote(item_id: int, voter: str, *, session: Session) -> None:
    """Take back `voter`'s latest dot on a card (nothing happens if there is none)."""
    vote = session.exec(
        select(DotVoteRow)
        .where(DotVoteRow.board_item_id == item_id, DotVoteRow.voter == voter)
        .order_by(col(DotVoteRow.id).desc())
    ).first()
    if vote is not None:
        session.delete(vote)


def set_answer(
    exercise_id: int, group_id: int | None, key: str, value: dict[str, Any] | None, *, session: Session
) -> None:
    """Write (or, for None, clear) a group's answer for `key`."""
    if session.get(ExerciseRow, exercise_id) is None:
        raise LookupError(f"no exercise {exercise_id}")
    cond = [
        col(ExerciseAnswerRow.exercise_id) == exercise_id,
        col(ExerciseAnswerRow.key) == key,
        _group_is(ExerciseAnswerRow.group_id, group_id),
    ]
    row = session.exec(select(ExerciseAnswerRow).where(*cond)).first()
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            ExerciseAnswerRow(
                exercise_id=exercise_id, group_id=group_id, key=key, value=dict(value), updated_at=utc_now_iso()
            )
        )
    else:
        row.value = dict(value)
        row.updated_at = utc_now_iso()
