"""Breakout groups: create, delete (and put back), assign at random balanced, move one person.

A set of groups belongs to an exercise or to a day. A participant is in at most one group of a set.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from dgfacil.core.groups import Person, assign_balanced, group_colour, group_names
from dgfacil.core.text import check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed
from dgfacil.operations.ids import saved_id
from dgfacil.store import groups as store
from dgfacil.store import participants as participant_store
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

# roles that run the workshop rather than take part in the breakouts
STAFF_ROLES = frozenset({"facilitator", "organizer", "organiser", "staff", "speaker", "resource person", "note-taker"})


def create_groups(
    session: Session, *, count: int, exercise_id: int | None = None, day_id: int | None = None, prefix: str = "Group"
) -> Changes:
    """Add `count` groups to an exercise's (or a day's) set, named on from the ones there."""
    check_fields(group_name=prefix)
    if (exercise_id is None) == (day_id is None):
        raise ValueError("groups belong to an exercise or to a day")
    if not 1 <= count <= 200:
        raise ValueError("between 1 and 200 groups")
    existing = len(store.set_ids(session=session, exercise_id=exercise_id, day_id=day_id))
    named = [
        (existing + i, name, group_colour(existing + i))
        for i, name in enumerate(group_names(existing + count, prefix)[existing:])
    ]
    ids = store.insert_groups(named, exercise_id=exercise_id, day_id=day_id, session=session)
    return Changes(groups=True, ids=tuple(ids))


def rename_group(session: Session, *, group_id: int, name: str, seen: str | None = None) -> Changes:
    """`seen`: the name the user saw; if the group is called something else by now: EditConflict."""
    name = _tidy(name)
    check_fields(group_name=name)
    if not name:
        raise ValueError("a group needs a name")
    if seen is not None:
        store.check_groups([group_id], session=session)
        current = next(g.name for g in store.load_groups(session=session) if g.id == group_id)
        refuse_if_changed(
            {"name": current},
            {"name": _tidy(seen)},
            table="breakout_group",
            row_id=group_id,
            what=f"The group “{current}”",
            session=session,
        )
    store.rename_group(group_id, name, session=session)
    return Changes(groups=True, ids=(group_id,))


def _tidy(name: str) -> str:
    return " ".join(name.split())[:80]


def delete_groups(session: Session, *, group_ids: list[int]) -> Changes[Snapshot]:
    """Delete groups with their members, boards and answers; the snapshots put them back."""
    deleted = store.delete_groups(group_ids, session=session)
    return Changes(groups=True, boards=True, ids=tuple(group_ids), value=deleted)


def restore_groups(session: Session, *, deleted: Snapshot) -> Changes:
    store.restore_groups(deleted, session=session)
    return Changes(groups=True, boards=True, ids=deleted.ids)


def memberships(session: Session, *, group_ids: list[int]) -> dict[int, list[int]]:
    """group id -> participant ids, for undoing an assignment."""
    return store.memberships(group_ids, session=session)


def set_members(
    session: Session, *, members: dict[int, list[int]], seen: dict[int, list[int]] | None = None
) -> Changes:
    """Replace the members of these groups (each participant in one group of the set at most).
    `seen`: the members as the user saw them; if they differ by now, nothing changes (EditConflict)."""
    store.check_groups(members, session=session)
    if seen is not None:
        now = store.memberships(list(members), session=session)
        refuse_if_changed(
            {str(g): sorted(now.get(g, [])) for g in seen},
            {str(g): sorted(p) for g, p in seen.items()},
            table=None,
            row_id=0,
            what="the groups' members",
            session=session,
        )
    placed: set[int] = set()
    for pids in members.values():
        for pid in pids:
            if pid in placed:
                raise ValueError(f"participant {pid} would be in two groups")
            placed.add(pid)
    store.replace_members(members, session=session)
    return Changes(groups=True, ids=tuple(members))


def assign_random(
    session: Session, *, group_ids: list[int], seed: int = 0, participant_ids: list[int] | None = None
) -> Changes[dict[int, list[int]]]:
    """Deal participants into the groups at random, balanced by country and organization.

    Without `participant_ids`, everyone but the workshop's staff roles takes part. Returns the
    previous members for undo.
    """
    if not group_ids:
        raise ValueError("create groups first")
    before = memberships(session, group_ids=group_ids)
    roster = participant_store.load_participants(session=session)
    if participant_ids is not None:
        wanted = set(participant_ids)
        roster = [p for p in roster if p.id in wanted]
    else:
        roster = [p for p in roster if p.role.strip().casefold() not in STAFF_ROLES]
    dealt = assign_balanced(
        [Person(saved_id(p.id), p.country, p.organization) for p in roster], len(group_ids), seed=seed
    )
    changes = set_members(session, members=dict(zip(group_ids, dealt, strict=True)))
    return changes.with_value(before)


def move_member(
    session: Session,
    *,
    participant_id: int,
    group_id: int | None,
    set_of: int,
    seen: Mapping[str, int | None] | None = None,
) -> Changes[int | None]:
    """Move a participant into `group_id` (None: out of the set) within the set of group `set_of`.
    `seen`: {"group": the group they were shown in (None: none)}; if they are in another by now,
    nothing moves (EditConflict).

    Returns the group the participant was in before (None if none), for undo.
    """
    person = participant_store.participant(participant_id, session=session)  # LookupError: no such participant
    ids = store.set_ids_of(set_of, session=session)
    if group_id is not None and group_id not in ids:
        raise ValueError("the target group is not in the same set")
    if seen is not None:
        now = next((g for g, pids in store.memberships(ids, session=session).items() if participant_id in pids), None)
        refuse_if_changed(
            {"group": now}, seen, table=None, row_id=participant_id, what=f"{person.full_name}'s group", session=session
        )
    previous = store.move_member(participant_id, group_id, ids, session=session)
    return Changes(groups=True, ids=tuple(i for i in (group_id, previous) if i is not None), value=previous)
