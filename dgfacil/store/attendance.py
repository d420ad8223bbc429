"""Attendance marks: who was present at which agenda item. Functions take `*, session`.

Whether a mark counts per session or per day is a setting (store/settings.py); the rules are
in core/attendance.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from dgfacil.store.convert import utc_now_iso
from dgfacil.store.participants import load_participants
from dgfacil.store.tables import AttendanceRow
from dgfacil.store.workshop import workshop_id


def present_pairs(*, session: Session) -> set[tuple[int, int]]:
    """(participant_id, agenda_item_id) of every mark that says present."""
    query = select(AttendanceRow.participant_id, AttendanceRow.agenda_item_id).where(col(AttendanceRow.present))
    return {(p, i) for p, i in session.exec(query)}


def set_presence(
    participant_ids: list[int], item_ids: list[int], present: bool, *, session: Session, at: str | None = None
) -> int:
    """Mark each participant present (or not) at each item; returns how many marks changed.

    A mark is kept with present=False rather than deleted, so 'marked absent' and 'never
    marked' stay distinguishable and the time of the change is known.
    """
    at = at or utc_now_iso()
    wid = workshop_id(session=session)
    existing = {
        (r.participant_id, r.agenda_item_id): r
        for r in session.exec(
            select(AttendanceRow).where(
                col(AttendanceRow.participant_id).in_(participant_ids), col(AttendanceRow.agenda_item_id).in_(item_ids)
            )
        )
    }
    changed = 0
    for pid in participant_ids:
        for iid in item_ids:
            row = existing.get((pid, iid))
            if row is None:
                if present:
                    session.add(
                        AttendanceRow(
                            workshop_id=wid, participant_id=pid, agenda_item_id=iid, present=True, marked_at=at
                        )
                    )
                    changed += 1
            elif row.present != present:
                row.present, row.marked_at = present, at
                changed += 1
    session.flush()
    return changed


@dataclass
class Participation:
    """Who came, in figures (the outcome report)."""

    registered: int = 0
    attended: int = 0  # marked present at one session at least
    countries: int = 0
    countries_attended: int = 0
    local: int = 0
    overseas: int = 0
    local_attended: int = 0
    overseas_attended: int = 0
    by_country: list[tuple[str, int]] = field(default_factory=list)  # registered, most first
    by_role: list[tuple[str, int]] = field(default_factory=list)
    attendance_marked: bool = False


def participation(*, session: Session) -> Participation:
    people = load_participants(session=session)
    present = {p for p, _ in present_pairs(session=session)}
    marked = session.exec(select(AttendanceRow.id)).first() is not None
    p = Participation(registered=len(people), attendance_marked=marked)
    countries = Counter(r.country.strip() for r in people if r.country.strip())
    p.by_country = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
    p.countries = len(countries)
    p.by_role = sorted(Counter(r.role or "participant" for r in people).items(), key=lambda kv: (-kv[1], kv[0]))
    attended = [r for r in people if r.id in present]
    p.attended = len(attended)
    p.countries_attended = len({r.country.strip() for r in attended if r.country.strip()})
    p.local = sum(r.origin == "local" for r in people)
    p.overseas = p.registered - p.local
    p.local_attended = sum(r.origin == "local" for r in attended)
    p.overseas_attended = p.attended - p.local_attended
    return p
