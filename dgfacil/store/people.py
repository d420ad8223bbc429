"""Participants and attendance marks (settings: store/settings.py). Functions take `*, session`."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from dgfacil.core.model import Participant
from dgfacil.store import convert
from dgfacil.store.queries import utc_now_iso, workshop_row
from dgfacil.store.tables import AttendanceRow, CertificateRow, GroupMemberRow, ParticipantRow

# Rows that hang off a participant and go with it when it is deleted (ON DELETE CASCADE);
# kept in the snapshot so undo brings them back exactly.
DEPENDENTS = (AttendanceRow, GroupMemberRow, CertificateRow)


def participants(*, session: Session) -> list[Participant]:
    """Every participant, in the order they were added."""
    return [convert.participant_from_row(r) for r in session.exec(select(ParticipantRow).order_by(ParticipantRow.id))]


def participant(participant_id: int, *, session: Session) -> Participant:
    row = session.get(ParticipantRow, participant_id)
    if row is None:
        raise LookupError(f"no participant {participant_id}")
    return convert.participant_from_row(row)


def badge_codes(*, session: Session) -> set[str]:
    return set(session.exec(select(ParticipantRow.badge_code)))


def by_badge(code: str, *, session: Session) -> Participant | None:
    row = session.exec(select(ParticipantRow).where(ParticipantRow.badge_code == code)).first()
    return convert.participant_from_row(row) if row else None


def insert_participant(p: Participant, *, session: Session, participant_id: int | None = None) -> int:
    row = ParticipantRow(id=participant_id, workshop_id=workshop_row(session=session).id, **convert.participant_fields(p))
    session.add(row)
    session.flush()
    return row.id


def update_participant(participant_id: int, p: Participant, *, session: Session) -> None:
    row = session.get(ParticipantRow, participant_id)
    if row is None:
        raise LookupError(f"no participant {participant_id}")
    for name, value in convert.participant_fields(p).items():
        setattr(row, name, value)


@dataclass(frozen=True)
class DeletedParticipant:
    """A deleted participant with the rows that went with it, for undo."""

    participant: Participant
    dependents: tuple[tuple[str, dict], ...]  # (table name, row values)


def delete_participant(participant_id: int, *, session: Session) -> DeletedParticipant:
    row = session.get(ParticipantRow, participant_id)
    if row is None:
        raise LookupError(f"no participant {participant_id}")
    kept: list[tuple[str, dict]] = []
    for table in DEPENDENTS:
        for dep in session.exec(select(table).where(table.participant_id == participant_id)):
            kept.append((table.__tablename__, dep.model_dump()))
            session.delete(dep)
    snapshot = DeletedParticipant(convert.participant_from_row(row), tuple(kept))
    session.flush()
    session.delete(row)
    session.flush()
    return snapshot


def restore_participant(snapshot: DeletedParticipant, *, session: Session) -> int:
    """Put a deleted participant back with the same id, marks, groups and certificates."""
    pid = insert_participant(snapshot.participant, session=session, participant_id=snapshot.participant.id)
    tables = {t.__tablename__: t for t in DEPENDENTS}
    for name, values in snapshot.dependents:
        session.add(tables[name](**values))
    session.flush()
    return pid


# --- attendance ---------------------------------------------------------------------------

def present_pairs(*, session: Session) -> set[tuple[int, int]]:
    """(participant_id, agenda_item_id) of every mark that says present."""
    rows = session.exec(select(AttendanceRow.participant_id, AttendanceRow.agenda_item_id).where(AttendanceRow.present))
    return {(p, i) for p, i in rows}


def set_presence(participant_ids: list[int], item_ids: list[int], present: bool, *, session: Session,
                 at: str | None = None) -> int:
    """Mark each participant present (or not) at each item; returns how many marks changed.

    A mark is kept with present=False rather than deleted, so 'marked absent' and 'never
    marked' stay distinguishable and the time of the change is known.
    """
    at = at or utc_now_iso()
    wid = workshop_row(session=session).id
    existing = {
        (r.participant_id, r.agenda_item_id): r
        for r in session.exec(select(AttendanceRow).where(AttendanceRow.participant_id.in_(participant_ids),
                                                          AttendanceRow.agenda_item_id.in_(item_ids)))
    }
    changed = 0
    for pid in participant_ids:
        for iid in item_ids:
            row = existing.get((pid, iid))
            if row is None:
                if present:
                    session.add(AttendanceRow(workshop_id=wid, participant_id=pid, agenda_item_id=iid,
                                              present=True, marked_at=at))
                    changed += 1
            elif row.present != present:
                row.present, row.marked_at = present, at
                changed += 1
    session.flush()
    return changed
