"""Participants. Functions take the session as `*, session`.

Their attendance marks are in store/attendance.py, their group places in store/groups.py.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from dgfacil.core.model import Participant
from dgfacil.store import convert
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import ParticipantRow
from dgfacil.store.workshop import workshop_id


def load_participants(*, session: Session) -> list[Participant]:
    """Every participant, in the order they were added."""
    rows = session.exec(select(ParticipantRow).order_by(col(ParticipantRow.id)))
    return [convert.participant_from_row(r) for r in rows]


def _row(participant_id: int, *, session: Session) -> ParticipantRow:
    row = session.get(ParticipantRow, participant_id)
    if row is None:
        raise LookupError(f"no participant {participant_id}")
    return row


def participant(participant_id: int, *, session: Session) -> Participant:
    """One participant (LookupError when there is no such participant)."""
    return convert.participant_from_row(_row(participant_id, session=session))


def badge_codes(*, session: Session) -> set[str]:
    return set(session.exec(select(ParticipantRow.badge_code)))


def by_badge(code: str, *, session: Session) -> Participant | None:
    row = session.exec(select(ParticipantRow).where(ParticipantRow.badge_code == code)).first()
    return convert.participant_from_row(row) if row else None


def insert_participant(p: Participant, *, session: Session, participant_id: int | None = None) -> int:
    """A new participant (with the id `participant_id` when given); returns its id."""
    row = ParticipantRow(id=participant_id, workshop_id=workshop_id(session=session), **convert.participant_fields(p))
    session.add(row)
    session.flush()
    return convert.row_id(row)


def update_participant(participant_id: int, p: Participant, *, session: Session) -> None:
    row = _row(participant_id, session=session)
    for name, value in convert.participant_fields(p).items():
        setattr(row, name, value)


def delete_participant(participant_id: int, *, session: Session) -> Snapshot:
    """Delete a participant with their marks, group places and certificate; the snapshot puts them back."""
    return delete_with_snapshot("participant", [participant_id], session=session)


def restore_participant(deleted: Snapshot, *, session: Session) -> int:
    """Put a deleted participant back with the same id, marks, groups and certificates."""
    restore_snapshot(deleted, session=session)
    return deleted.ids[0]
