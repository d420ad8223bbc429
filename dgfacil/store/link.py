"""Small reads the room link needs at phone speed (hundreds of writes a minute on one board)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from dgfacil.store.tables import BoardItemRow, DotVoteRow


def _on_board(exercise_id: int, group_id: int | None) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    group = col(BoardItemRow.group_id).is_(None) if group_id is None else col(BoardItemRow.group_id) == group_id
    return col(BoardItemRow.exercise_id) == exercise_id, group


def area_positions(
    exercise_id: int, group_id: int | None, area: str, *, limit: int, session: Session
) -> tuple[int, list[tuple[float, float]]]:
    """How many cards one area of a board holds, and where they sit (x, y) when there are fewer
    than `limit` (a crowded area's places are not worth loading)."""
    where = (*_on_board(exercise_id, group_id), BoardItemRow.area == area)
    count = session.exec(select(func.count()).select_from(BoardItemRow).where(*where)).one()
    if count >= limit:
        return count, []
    query = select(BoardItemRow.x, BoardItemRow.y).where(*where).order_by(col(BoardItemRow.id))
    return count, [(x, y) for x, y in session.exec(query)]


def next_position(exercise_id: int, *, session: Session) -> int:
    """The position after the exercise's last note (one aggregate: a busy board has thousands)."""
    last = session.exec(select(func.max(BoardItemRow.position)).where(BoardItemRow.exercise_id == exercise_id)).one()
    return (last or 0) + 1


def voter_dots(exercise_id: int, group_id: int | None, voter: str, *, session: Session) -> int:
    """The dots one voter has placed on one board."""
    query = (
        select(func.coalesce(func.sum(DotVoteRow.dots), 0))
        .join(BoardItemRow, col(BoardItemRow.id) == col(DotVoteRow.board_item_id))
        .where(*_on_board(exercise_id, group_id), DotVoteRow.voter == voter)
    )
    return int(session.exec(query).one())


def each_in_savepoint(actions: list[Callable[[Session], Any]], *, session: Session) -> list[tuple[bool, object]]:
    """Run each `action(session)` in its own savepoint of the caller's transaction: one that raises
    is undone alone. Returns (ok, result or exception) per action; the caller commits them together."""
    outcomes: list[tuple[bool, object]] = []
    for action in actions:
        try:
            with session.begin_nested():
                outcomes.append((True, action(session)))
        except Exception as err:  # noqa: BLE001 - handed back to the one who asked
            outcomes.append((False, err))
    return outcomes
