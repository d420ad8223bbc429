"""Small reads the room link needs at phone speed (hundreds of writes a minute on one board)."""
from __future__ import annotations

from sqlmodel import Session, select

from dgfacil.store.tables import BoardItemRow


def area_positions(exercise_id: int, group_id: int | None, area: str, *, session: Session) -> list[tuple[float, float]]:
    """Where the notes of one area of a board sit: (x, y) only, without loading the notes."""
    group = BoardItemRow.group_id.is_(None) if group_id is None else BoardItemRow.group_id == group_id
    query = select(BoardItemRow.x, BoardItemRow.y).where(
        BoardItemRow.exercise_id == exercise_id, group, BoardItemRow.area == area).order_by(BoardItemRow.id)
    return [(x, y) for x, y in session.exec(query)]


def each_in_savepoint(actions: list, *, session: Session) -> list[tuple[bool, object]]:
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
