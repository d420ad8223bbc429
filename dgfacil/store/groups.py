"""Breakout group rows and their members. Functions take the session as `*, session`.

A set of groups is an exercise's own groups, or a day's (exercise_id None). Reading groups as
domain values is in store/boards.py (groups_for_exercise) and store/queries.py (load_groups).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from dgfacil.store import boards
from dgfacil.store.queries import workshop_row
from dgfacil.store.tables import ExerciseAnswerRow, GroupMemberRow, GroupRow


@dataclass(frozen=True)
class DeletedGroup:
    row: dict
    members: tuple[int, ...]
    items: tuple  # DeletedBoardItem snapshots
    answers: tuple[tuple[int, str, dict, str], ...]  # exercise id, key, value, updated_at


def _group(group_id: int, *, session: Session) -> GroupRow:
    row = session.get(GroupRow, group_id)
    if row is None:
        raise LookupError(f"no group {group_id}")
    return row


def set_ids(*, session: Session, exercise_id: int | None = None, day_id: int | None = None) -> list[int]:
    """Ids of one set of groups (an exercise's own, or a day's), in order."""
    return [r.id for r in boards.group_set(session=session, exercise_id=exercise_id, day_id=day_id)]


def set_ids_of(group_id: int, *, session: Session) -> list[int]:
    """Ids of the set the group `group_id` is in (LookupError when there is no such group)."""
    row = _group(group_id, session=session)
    if row.exercise_id is not None:
        return set_ids(session=session, exercise_id=row.exercise_id)
    return set_ids(session=session, day_id=row.day_id)


def check_groups(group_ids, *, session: Session) -> None:
    """LookupError naming the first of `group_ids` that is not there."""
    for gid in group_ids:
        _group(gid, session=session)


def insert_groups(named: list[tuple[int, str, str]], *, session: Session, exercise_id: int | None = None,
                  day_id: int | None = None) -> list[int]:
    """New groups of one set from (position, name, colour); returns their ids."""
    workshop_id = workshop_row(session=session).id
    rows = [GroupRow(workshop_id=workshop_id, exercise_id=exercise_id, day_id=day_id, position=position,
                     name=name, colour=colour) for position, name, colour in named]
    session.add_all(rows)
    session.flush()
    return [r.id for r in rows]


def rename_group(group_id: int, name: str, *, session: Session) -> None:
    _group(group_id, session=session).name = name


def delete_groups(group_ids: list[int], *, session: Session) -> list[DeletedGroup]:
    """Delete groups with their members, boards and answers; the snapshots put them back."""
    out = []
    for gid in group_ids:
        row = _group(gid, session=session)
        members = tuple(m.participant_id for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)))
        items = boards.delete_items(boards.item_ids_where(session=session, group_id=gid), session=session)
        answers = []
        for a in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.group_id == gid)):
            answers.append((a.exercise_id, a.key, dict(a.value), a.updated_at))
            session.delete(a)
        for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)):
            session.delete(m)
        out.append(DeletedGroup(row.model_dump(), members, tuple(items), tuple(answers)))
        session.delete(row)
    session.flush()
    return out


def restore_groups(deleted: list[DeletedGroup], *, session: Session) -> None:
    """Put deleted groups back with their ids, members, answers and boards."""
    for d in deleted:
        session.add(GroupRow(**d.row))
    session.flush()
    for d in deleted:
        for pid in d.members:
            session.add(GroupMemberRow(group_id=d.row["id"], participant_id=pid))
        for ex_id, key, value, updated in d.answers:
            session.add(ExerciseAnswerRow(exercise_id=ex_id, group_id=d.row["id"], key=key, value=value, updated_at=updated))
        if d.items:
            boards.restore_items(list(d.items), session=session)


def memberships(group_ids: list[int], *, session: Session) -> dict[int, list[int]]:
    """group id -> participant ids, in the order they were put in."""
    out: dict[int, list[int]] = {g: [] for g in group_ids}
    for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id.in_(group_ids)).order_by(GroupMemberRow.id)):
        out[m.group_id].append(m.participant_id)
    return out


def replace_members(members: dict[int, list[int]], *, session: Session) -> None:
    """Empty these groups, then put the given participants in them."""
    for gid in members:
        for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)):
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
    for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id.in_(set_ids),
                                                       GroupMemberRow.participant_id == participant_id)):
        previous = m.group_id
        session.delete(m)
    session.flush()
    if group_id is not None:
        session.add(GroupMemberRow(group_id=group_id, participant_id=participant_id))
    return previous
