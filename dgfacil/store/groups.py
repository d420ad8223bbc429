"""Breakout groups and their members. Functions take the session as `*, session`.

A set of groups is an exercise's own groups, or a day's (exercise_id None): every exercise of
that day's items uses them unless it has its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from dgfacil.core.model import Group
from dgfacil.store import convert
from dgfacil.store.exercises import exercise_day_id
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import GroupMemberRow, GroupRow
from dgfacil.store.workshop import workshop_id


def _group(group_id: int, *, session: Session) -> GroupRow:
    row = session.get(GroupRow, group_id)
    if row is None:
        raise LookupError(f"no group {group_id}")
    return row


def _as_groups(rows: Iterable[GroupRow], *, session: Session) -> list[Group]:
    rows = list(rows)
    members = memberships([convert.row_id(r) for r in rows], session=session)
    return [convert.group_from_row(r, members[convert.row_id(r)]) for r in rows]


def load_groups(*, session: Session) -> list[Group]:
    """Every group of the document with its members, in order."""
    rows = session.exec(select(GroupRow).order_by(col(GroupRow.position), col(GroupRow.id)))
    return _as_groups(rows, session=session)


def _set_rows(*, session: Session, exercise_id: int | None = None, day_id: int | None = None) -> list[GroupRow]:
    """The rows of one set of groups: an exercise's own, or a day's."""
    if exercise_id is not None:
        query = select(GroupRow).where(GroupRow.exercise_id == exercise_id)
    else:
        query = select(GroupRow).where(GroupRow.day_id == day_id, col(GroupRow.exercise_id).is_(None))
    return list(session.exec(query.order_by(col(GroupRow.position), col(GroupRow.id))))


def groups_for_exercise(exercise_id: int, *, session: Session) -> list[Group]:
    """The exercise's own groups; else the groups of its day; else none (one whole-room board)."""
    own = _set_rows(session=session, exercise_id=exercise_id)
    if own:
        return _as_groups(own, session=session)
    day_id = exercise_day_id(exercise_id, session=session)
    if day_id is None:
        return []
    return _as_groups(_set_rows(session=session, day_id=day_id), session=session)


def set_ids(*, session: Session, exercise_id: int | None = None, day_id: int | None = None) -> list[int]:
    """Ids of one set of groups (an exercise's own, or a day's), in order."""
    return [convert.row_id(r) for r in _set_rows(session=session, exercise_id=exercise_id, day_id=day_id)]


def set_ids_of(group_id: int, *, session: Session) -> list[int]:
    """Ids of the set the group `group_id` is in (LookupError when there is no such group)."""
    row = _group(group_id, session=session)
    if row.exercise_id is not None:
        return set_ids(session=session, exercise_id=row.exercise_id)
    return set_ids(session=session, day_id=row.day_id)


def check_groups(group_ids: Iterable[int], *, session: Session) -> None:
    """LookupError naming the first of `group_ids` that is not there."""
    for gid in group_ids:
        _group(gid, session=session)


def insert_groups(
    named: list[tuple[int, str, str]], *, session: Session, exercise_id: int | None = None, day_id: int | None = None
) -> list[int]:
    """New groups of one set from (position, name, colour); returns their ids."""
    wid = workshop_id(session=session)
    rows = [
        GroupRow(workshop_id=wid, exercise_id=exercise_id, day_id=day_id, position=position, name=name, colour=colour)
        for position, name, colour in named
    ]
    session.add_all(rows)
    session.flush()
    return [convert.row_id(r) for r in rows]


def rename_group(group_id: int, name: str, *, session: Session) -> None:
    _group(group_id, session=session).name = name


def delete_groups(group_ids: list[int], *, session: Session) -> Snapshot:
    """Delete groups with their members, boards and answers; the snapshot puts them back."""
    return delete_with_snapshot("breakout_group", group_ids, session=session)


def restore_groups(deleted: Snapshot, *, session: Session) -> None:
    """Put deleted groups back with their ids, members, answers and boards."""
    restore_snapshot(deleted, session=session)


def memberships(group_ids: list[int], *, session: Session) -> dict[int, list[int]]:
    """group id -> participant ids, in the order they were put in."""
    out: dict[int, list[int]] = {g: [] for g in group_ids}
    query = select(GroupMemberRow).where(col(GroupMemberRow.group_id).in_(group_ids)).order_by(col(GroupMemberRow.id))
    for m in session.exec(query):
        out[m.group_id].append(m.participant_id)
    return out


def replace_members(members: dict[int, list[int]], *, session: Session) -> None:
    """Empty these groups, then put the given participants in them."""
    for m in session.exec(select(GroupMemberRow).where(col(GroupMemberRow.group_id).in_(list(members)))):
        session.delete(m)
    session.flush()
    for gid, pids in members.items():
        for pid in pids:
            session.add(GroupMemberRow(group_id=gid, participant_id=pid))


def move_member(participant_id: int, group_id: int | None, set_ids: list[int], *, session: Session) -> int | None:
    """Take a participant out of every group in `set_ids`, then into `group_id` (None: none).

    Returns the group they were in before (None if none).
    """
    previous = None
    for m in session.exec(
        select(GroupMemberRow).where(
            col(GroupMemberRow.group_id).in_(set_ids), GroupMemberRow.participant_id == participant_id
        )
    ):
        previous = m.group_id
        session.delete(m)
    session.flush()
    if group_id is not None:
        session.add(GroupMemberRow(group_id=group_id, participant_id=participant_id))
    return previous
