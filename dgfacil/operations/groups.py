"""Breakout groups: create, delete (and put back), assign at random balanced, move one person.

A set of groups belongs to an exercise or to a day. A participant is in at most one group of a set.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from dgfacil.core.groups import Person, assign_balanced, group_colour, group_names
from dgfacil.operations import boards as board_ops
from dgfacil.operations.changes import Changes
from dgfacil.store import boards as store
from dgfacil.store.queries import workshop_row
from dgfacil.store.tables import ExerciseAnswerRow, GroupMemberRow, GroupRow, ParticipantRow

# roles that run the workshop rather than take part in the breakouts
STAFF_ROLES = frozenset({"facilitator", "organizer", "organiser", "staff", "speaker", "resource person", "note-taker"})


@dataclass(frozen=True)
class DeletedGroup:
    row: dict
    members: tuple[int, ...]
    items: tuple  # DeletedBoardItem snapshots
    answers: tuple[tuple[int, str, dict, str], ...]  # exercise id, key, value, updated_at


def _group(session: Session, group_id: int) -> GroupRow:
    row = session.get(GroupRow, group_id)
    if row is None:
        raise LookupError(f"no group {group_id}")
    return row


def _set_of(session: Session, row: GroupRow) -> list[GroupRow]:
    if row.exercise_id is not None:
        return store.group_set(session=session, exercise_id=row.exercise_id)
    return store.group_set(session=session, day_id=row.day_id)


def create_groups(session: Session, *, count: int, exercise_id: int | None = None, day_id: int | None = None,
                  prefix: str = "Group") -> Changes:
    """Add `count` groups to an exercise's (or a day's) set, named on from the ones there."""
    if (exercise_id is None) == (day_id is None):
        raise ValueError("groups belong to an exercise or to a day")
    if not 1 <= count <= 200:
        raise ValueError("between 1 and 200 groups")
    existing = store.group_set(session=session, exercise_id=exercise_id, day_id=day_id)
    workshop_id = workshop_row(session=session).id
    new = []
    for i, name in enumerate(group_names(len(existing) + count, prefix)[len(existing):]):
        position = len(existing) + i
        row = GroupRow(workshop_id=workshop_id, exercise_id=exercise_id, day_id=day_id, position=position,
                       name=name, colour=group_colour(position))
        session.add(row)
        new.append(row)
    session.flush()
    return Changes(groups=True, ids=tuple(r.id for r in new))


def rename_group(session: Session, *, group_id: int, name: str) -> Changes:
    name = " ".join(name.split())[:80]
    if not name:
        raise ValueError("a group needs a name")
    _group(session, group_id).name = name
    return Changes(groups=True, ids=(group_id,))


def delete_groups(session: Session, *, group_ids: list[int]) -> tuple[Changes, list[DeletedGroup]]:
    """Delete groups with their members, boards and answers; the snapshots put them back."""
    from dgfacil.store.tables import BoardItemRow

    out = []
    for gid in group_ids:
        row = _group(session, gid)
        members = tuple(m.participant_id for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)))
        item_ids = list(session.exec(select(BoardItemRow.id).where(BoardItemRow.group_id == gid)))
        _, items = board_ops.delete_items(session, item_ids=item_ids)
        answers = []
        for a in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.group_id == gid)):
            answers.append((a.exercise_id, a.key, dict(a.value), a.updated_at))
            session.delete(a)
        for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)):
            session.delete(m)
        out.append(DeletedGroup(row.model_dump(), members, tuple(items), tuple(answers)))
        session.delete(row)
    session.flush()
    return Changes(groups=True, boards=True, ids=tuple(group_ids)), out


def restore_groups(session: Session, *, deleted: list[DeletedGroup]) -> Changes:
    for d in deleted:
        session.add(GroupRow(**d.row))
    session.flush()
    for d in deleted:
        for pid in d.members:
            session.add(GroupMemberRow(group_id=d.row["id"], participant_id=pid))
        for ex_id, key, value, updated in d.answers:
            session.add(ExerciseAnswerRow(exercise_id=ex_id, group_id=d.row["id"], key=key, value=value, updated_at=updated))
        if d.items:
            board_ops.restore_items(session, deleted=list(d.items))
    return Changes(groups=True, boards=True, ids=tuple(d.row["id"] for d in deleted))


def memberships(session: Session, *, group_ids: list[int]) -> dict[int, list[int]]:
    """group id -> participant ids, for undoing an assignment."""
    out: dict[int, list[int]] = {g: [] for g in group_ids}
    for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id.in_(group_ids)).order_by(GroupMemberRow.id)):
        out[m.group_id].append(m.participant_id)
    return out


def set_members(session: Session, *, members: dict[int, list[int]]) -> Changes:
    """Replace the members of these groups (each participant in one group of the set at most)."""
    for gid in members:
        _group(session, gid)
        for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id == gid)):
            session.delete(m)
    session.flush()
    seen: set[int] = set()
    for gid, pids in members.items():
        for pid in pids:
            if pid in seen:
                raise ValueError(f"participant {pid} would be in two groups")
            seen.add(pid)
            session.add(GroupMemberRow(group_id=gid, participant_id=pid))
    return Changes(groups=True, ids=tuple(members))


def assign_random(session: Session, *, group_ids: list[int], seed: int = 0,
                  participant_ids: list[int] | None = None) -> tuple[Changes, dict[int, list[int]]]:
    """Deal participants into the groups at random, balanced by country and organization.

    Without `participant_ids`, everyone but the workshop's staff roles takes part. Returns the
    previous members for undo.
    """
    if not group_ids:
        raise ValueError("create groups first")
    before = memberships(session, group_ids=group_ids)
    rows = session.exec(select(ParticipantRow).order_by(ParticipantRow.id)).all()
    if participant_ids is not None:
        wanted = set(participant_ids)
        rows = [r for r in rows if r.id in wanted]
    else:
        rows = [r for r in rows if r.role.strip().casefold() not in STAFF_ROLES]
    people = [Person(r.id, r.country, r.organization) for r in rows]
    dealt = assign_balanced(people, len(group_ids), seed=seed)
    changes = set_members(session, members=dict(zip(group_ids, dealt)))
    return changes, before


def move_member(session: Session, *, participant_id: int, group_id: int | None, set_of: int) -> tuple[Changes, int | None]:
    """Move a participant into `group_id` (None: out of the set) within the set of group `set_of`.

    Returns the group the participant was in before (None if none), for undo.
    """
    if session.get(ParticipantRow, participant_id) is None:
        raise LookupError(f"no participant {participant_id}")
    ids = [r.id for r in _set_of(session, _group(session, set_of))]
    if group_id is not None and group_id not in ids:
        raise ValueError("the target group is not in the same set")
    previous = None
    for m in session.exec(select(GroupMemberRow).where(GroupMemberRow.group_id.in_(ids),
                                                       GroupMemberRow.participant_id == participant_id)):
        previous = m.group_id
        session.delete(m)
    session.flush()
    if group_id is not None:
        session.add(GroupMemberRow(group_id=group_id, participant_id=participant_id))
    return Changes(groups=True, ids=tuple(i for i in (group_id, previous) if i is not None)), previous
