"""Queries for exercise boards, groups and answers. Functions take the session as `*, session`.

A board is (exercise, group): group None is the whole room's board. Groups belong to an exercise,
or to a day (then every exercise of that day's items uses them).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, delete, select

from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import Exercise, Group, Participant
from dgfacil.store import convert
from dgfacil.store.queries import utc_now_iso
from dgfacil.store.tables import (
    AgendaItemRow, BoardItemRow, DotVoteRow, ExerciseAnswerRow, ExerciseRow, GroupMemberRow, GroupRow,
    ParticipantRow,
)

ITEM_FIELDS = ("area", "text", "x", "y", "colour", "cluster", "data", "position")


def _group_is(column, group_id: int | None):
    return column.is_(None) if group_id is None else column == group_id


def item_from_row(row: BoardItemRow, votes: int = 0) -> BoardItem:
    return BoardItem(
        id=row.id, exercise_id=row.exercise_id, group_id=row.group_id, position=row.position, area=row.area,
        text=row.text, x=row.x, y=row.y, colour=row.colour, cluster=row.cluster, data=dict(row.data), votes=votes,
    )


def item_fields(item: BoardItem) -> dict:
    """The stored columns of a board item that an edit may change."""
    return {name: (dict(item.data) if name == "data" else getattr(item, name)) for name in ITEM_FIELDS}


def exercise(exercise_id: int, *, session: Session) -> Exercise:
    row = session.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    return convert.exercise_from_row(row)


def exercises(*, session: Session) -> list[Exercise]:
    rows = session.exec(select(ExerciseRow).order_by(ExerciseRow.position, ExerciseRow.id))
    return [convert.exercise_from_row(r) for r in rows]


def exercise_day_id(exercise_id: int, *, session: Session) -> int | None:
    """The day of the agenda item the exercise runs in (None when it is not on the agenda)."""
    row = session.get(ExerciseRow, exercise_id)
    if row is None or row.agenda_item_id is None:
        return None
    item = session.get(AgendaItemRow, row.agenda_item_id)
    return item.day_id if item else None


def vote_totals(item_ids: list[int] | None, *, session: Session, exercise_id: int | None = None) -> dict[int, int]:
    query = select(DotVoteRow.board_item_id, func.sum(DotVoteRow.dots)).group_by(DotVoteRow.board_item_id)
    if item_ids is not None:
        query = query.where(DotVoteRow.board_item_id.in_(item_ids))
    if exercise_id is not None:
        query = query.join(BoardItemRow, BoardItemRow.id == DotVoteRow.board_item_id).where(
            BoardItemRow.exercise_id == exercise_id)
    return {item_id: int(total or 0) for item_id, total in session.exec(query)}


def board_items(exercise_id: int, group_id: int | None, *, session: Session) -> list[BoardItem]:
    """Every card or row of one board, with its vote total, in board order."""
    rows = list(session.exec(
        select(BoardItemRow)
        .where(BoardItemRow.exercise_id == exercise_id, _group_is(BoardItemRow.group_id, group_id))
        .order_by(BoardItemRow.position, BoardItemRow.id)
    ))
    totals = vote_totals(None, session=session, exercise_id=exercise_id)
    return [item_from_row(r, totals.get(r.id, 0)) for r in rows]


def all_board_items(exercise_id: int, *, session: Session) -> dict[int | None, list[BoardItem]]:
    """Every board of an exercise at once (the facilitator's side-by-side view): group id -> items."""
    totals = vote_totals(None, session=session, exercise_id=exercise_id)
    out: dict[int | None, list[BoardItem]] = defaultdict(list)
    rows = session.exec(select(BoardItemRow).where(BoardItemRow.exercise_id == exercise_id)
                        .order_by(BoardItemRow.position, BoardItemRow.id))
    for r in rows:
        out[r.group_id].append(item_from_row(r, totals.get(r.id, 0)))
    return out


def board_items_by_ids(item_ids: list[int], *, session: Session) -> dict[int, BoardItem]:
    """The items that still exist among `item_ids` (a deleted one is simply missing)."""
    if not item_ids:
        return {}
    rows = session.exec(select(BoardItemRow).where(BoardItemRow.id.in_(list(item_ids))))
    totals = vote_totals(list(item_ids), session=session)
    return {r.id: item_from_row(r, totals.get(r.id, 0)) for r in rows}


def board_item(item_id: int, *, session: Session) -> BoardItem:
    row = session.get(BoardItemRow, item_id)
    if row is None:
        raise LookupError(f"no board item {item_id}")
    return item_from_row(row, vote_totals([item_id], session=session).get(item_id, 0))


def votes_on_board(exercise_id: int, group_id: int | None, *, session: Session) -> list[tuple[int, str, int]]:
    """(board item id, voter, dots) of every vote on one board."""
    query = (select(DotVoteRow.board_item_id, DotVoteRow.voter, DotVoteRow.dots)
             .join(BoardItemRow, BoardItemRow.id == DotVoteRow.board_item_id)
             .where(BoardItemRow.exercise_id == exercise_id, _group_is(BoardItemRow.group_id, group_id)))
    return [(i, v, d) for i, v, d in session.exec(query)]


def answers(exercise_id: int, group_id: int | None, *, session: Session) -> dict[str, dict]:
    """A group's rubric marks or prompt answers: key -> value."""
    rows = session.exec(select(ExerciseAnswerRow).where(
        ExerciseAnswerRow.exercise_id == exercise_id, _group_is(ExerciseAnswerRow.group_id, group_id)))
    return {r.key: dict(r.value) for r in rows}


def all_answers(exercise_id: int, *, session: Session) -> dict[int | None, dict[str, dict]]:
    out: dict[int | None, dict[str, dict]] = defaultdict(dict)
    for r in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.exercise_id == exercise_id)):
        out[r.group_id][r.key] = dict(r.value)
    return out


def _groups(rows, *, session: Session) -> list[Group]:
    rows = list(rows)
    members: dict[int, list[int]] = defaultdict(list)
    if rows:
        query = select(GroupMemberRow).where(GroupMemberRow.group_id.in_([r.id for r in rows]))
        for m in session.exec(query.order_by(GroupMemberRow.id)):
            members[m.group_id].append(m.participant_id)
    return [convert.group_from_row(r, members[r.id]) for r in rows]


def groups_for_exercise(exercise_id: int, *, session: Session) -> list[Group]:
    """The exercise's own groups; else the groups of its day; else none (one whole-room board)."""
    own = session.exec(select(GroupRow).where(GroupRow.exercise_id == exercise_id)
                       .order_by(GroupRow.position, GroupRow.id)).all()
    if own:
        return _groups(own, session=session)
    day_id = exercise_day_id(exercise_id, session=session)
    if day_id is None:
        return []
    rows = session.exec(select(GroupRow).where(GroupRow.day_id == day_id, GroupRow.exercise_id.is_(None))
                        .order_by(GroupRow.position, GroupRow.id))
    return _groups(rows, session=session)


def group_set(*, session: Session, exercise_id: int | None = None, day_id: int | None = None) -> list[GroupRow]:
    """The rows of one set of groups: an exercise's own, or a day's."""
    if exercise_id is not None:
        cond = GroupRow.exercise_id == exercise_id
    else:
        cond = (GroupRow.day_id == day_id) & GroupRow.exercise_id.is_(None)
    return list(session.exec(select(GroupRow).where(cond).order_by(GroupRow.position, GroupRow.id)))


def participants_by_id(*, session: Session) -> dict[int, Participant]:
    return {r.id: convert.participant_from_row(r) for r in session.exec(select(ParticipantRow))}


# -- edits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedBoardItem:
    """A deleted card or row and its votes, to put back exactly (undo)."""

    id: int
    workshop_id: int
    exercise_id: int
    group_id: int | None
    fields: dict
    created_at: str
    votes: tuple[tuple[str, int], ...]


def _item_row(item_id: int, *, session: Session) -> BoardItemRow:
    row = session.get(BoardItemRow, item_id)
    if row is None:
        raise LookupError(f"no board item {item_id}")
    return row


def board_of(item_id: int, *, session: Session) -> tuple[int, int | None]:
    """(exercise id, group id) of the board a card is on; LookupError when there is no such card."""
    row = _item_row(item_id, session=session)
    return row.exercise_id, row.group_id


def insert_item(exercise_id: int, group_id: int | None, fields: dict, *, session: Session) -> int:
    """A new card or row on a board; a falsy position puts it after the exercise's last. Returns its id."""
    ex = session.get(ExerciseRow, exercise_id)
    if ex is None:
        raise LookupError(f"no exercise {exercise_id}")
    fields = dict(fields)
    if not fields.get("position"):
        last = session.exec(select(BoardItemRow.position).where(BoardItemRow.exercise_id == exercise_id)
                            .order_by(BoardItemRow.position.desc())).first()
        fields["position"] = (last or 0) + 1
    now = utc_now_iso()
    row = BoardItemRow(workshop_id=ex.workshop_id, exercise_id=exercise_id, group_id=group_id,
                       created_at=now, updated_at=now, **fields)
    session.add(row)
    session.flush()
    return row.id


def write_item(item_id: int, fields: dict, *, session: Session) -> None:
    """Set some columns (names from ITEM_FIELDS) of a card or row and stamp it updated now."""
    row = _item_row(item_id, session=session)
    for name, value in fields.items():
        setattr(row, name, dict(value) if name == "data" else value)
    row.updated_at = utc_now_iso()


def item_ids_where(*, session: Session, exercise_id: int | None = None, group_id: int | None = None) -> list[int]:
    """Ids of the cards of an exercise (all its boards), or of a group's boards."""
    query = select(BoardItemRow.id)
    if exercise_id is not None:
        query = query.where(BoardItemRow.exercise_id == exercise_id)
    if group_id is not None:
        query = query.where(BoardItemRow.group_id == group_id)
    return list(session.exec(query))


def delete_items(item_ids: list[int], *, session: Session) -> list[DeletedBoardItem]:
    """Delete cards with their votes; the snapshots put them back."""
    snapshots = []
    for item_id in item_ids:
        row = _item_row(item_id, session=session)
        votes = tuple((v.voter, v.dots) for v in session.exec(
            select(DotVoteRow).where(DotVoteRow.board_item_id == item_id).order_by(DotVoteRow.id)))
        snapshots.append(DeletedBoardItem(row.id, row.workshop_id, row.exercise_id, row.group_id,
                                          item_fields(item_from_row(row)), row.created_at, votes))
        # votes go first, in SQL, so the ORM never races the database's own ON DELETE CASCADE
        session.exec(delete(DotVoteRow).where(DotVoteRow.board_item_id == item_id))
        session.delete(row)
    session.flush()
    return snapshots


def restore_items(deleted: list[DeletedBoardItem], *, session: Session) -> None:
    """Put deleted cards back with their ids and votes."""
    for d in deleted:
        session.add(BoardItemRow(id=d.id, workshop_id=d.workshop_id, exercise_id=d.exercise_id, group_id=d.group_id,
                                 created_at=d.created_at, updated_at=utc_now_iso(), **d.fields))
    session.flush()
    for d in deleted:
        for voter, dots in d.votes:
            session.add(DotVoteRow(board_item_id=d.id, voter=voter, dots=dots))


def add_vote(item_id: int, voter: str, *, session: Session) -> None:
    session.add(DotVoteRow(board_item_id=item_id, voter=voter, dots=1))


def remove_vote(item_id: int, voter: str, *, session: Session) -> None:
    """Take back `voter`'s latest dot on a card (nothing happens if there is none)."""
    vote = session.exec(select(DotVoteRow).where(DotVoteRow.board_item_id == item_id, DotVoteRow.voter == voter)
                        .order_by(DotVoteRow.id.desc())).first()
    if vote is not None:
        session.delete(vote)


def set_answer(exercise_id: int, group_id: int | None, key: str, value: dict | None, *, session: Session) -> None:
    """Write (or, for None, clear) a group's answer for `key`."""
    if session.get(ExerciseRow, exercise_id) is None:
        raise LookupError(f"no exercise {exercise_id}")
    cond = [ExerciseAnswerRow.exercise_id == exercise_id, ExerciseAnswerRow.key == key,
            _group_is(ExerciseAnswerRow.group_id, group_id)]
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
