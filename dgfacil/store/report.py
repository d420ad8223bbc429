"""What the outcome report reads from the document: notes, run log, boards, people, attendance.

Plain rows out (dicts, tuples, domain values); the assembly into a report is in
`dgfacil.operations.report`. Read-only: nothing here writes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from dgfacil.core.model import Note, NoteTag
from dgfacil.core.run.log import EventKind, RunEvent
from dgfacil.store import convert
from dgfacil.store.tables import (
    AttendanceRow, BoardItemRow, ExerciseAnswerRow, ExerciseRow, GroupRow, NoteRow, ParticipantRow, RunEventRow,
)


def notes(*, session: Session) -> list[Note]:
    """Every note, oldest first (agenda-item order is the caller's business)."""
    rows = session.exec(select(NoteRow).order_by(NoteRow.created_at, NoteRow.id))
    out = []
    for r in rows:
        try:
            out.append(convert.note_from_row(r))
        except ValueError:  # an unknown tag from a newer version: keep the text as a plain note
            out.append(Note(text=r.text, created_at=datetime.fromisoformat(r.created_at), tag=NoteTag.NOTE,
                            speaker=r.speaker, agenda_item_id=r.agenda_item_id, id=r.id))
    return out


def run_events(day_id: int, *, session: Session) -> list[RunEvent]:
    """A day's run log, oldest first, leaving out event kinds this version does not know."""
    rows = session.exec(select(RunEventRow).where(RunEventRow.day_id == day_id).order_by(RunEventRow.at, RunEventRow.id))
    events = []
    for r in rows:
        try:
            events.append(RunEvent(kind=EventKind(r.kind), at=datetime.fromisoformat(r.at),
                                            item_id=r.item_id, minutes=r.minutes, id=r.id))
        except ValueError:  # an event kind this version does not know: leave it out
            continue
    return events


@dataclass
class Board:
    """One exercise's outputs: per group (None = the whole room), its notes/rows and its answers."""

    exercise_id: int
    kind: str
    title: str
    definition: dict
    agenda_item_id: int | None
    groups: dict[int | None, str] = field(default_factory=dict)  # group id -> name
    items: dict[int | None, list[BoardItemRow]] = field(default_factory=lambda: defaultdict(list))
    answers: dict[int | None, dict[str, dict]] = field(default_factory=lambda: defaultdict(dict))


def boards(*, session: Session) -> list[Board]:
    """Every exercise that holds something, with its groups' names, items and answers."""
    names = {g.id: g.name for g in session.exec(select(GroupRow))}
    out = []
    for ex in session.exec(select(ExerciseRow).order_by(ExerciseRow.position, ExerciseRow.id)):
        board = Board(ex.id, ex.kind, ex.title, dict(ex.definition), ex.agenda_item_id)
        for it in session.exec(select(BoardItemRow).where(BoardItemRow.exercise_id == ex.id)
                               .order_by(BoardItemRow.position, BoardItemRow.id)):
            board.items[it.group_id].append(it)
        for a in session.exec(select(ExerciseAnswerRow).where(ExerciseAnswerRow.exercise_id == ex.id)
                              .order_by(ExerciseAnswerRow.id)):
            board.answers[a.group_id][a.key] = dict(a.value)
        if board.items or board.answers:
            board.groups = {g: ("Plenary" if g is None else names.get(g, f"Group {g}"))
                            for g in sorted({*board.items, *board.answers}, key=lambda g: (g is not None, g or 0))}
            out.append(board)
    return out


@dataclass
class Participation:
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
    people = list(session.exec(select(ParticipantRow)))
    present = set(session.exec(select(AttendanceRow.participant_id).where(AttendanceRow.present == True)))  # noqa: E712
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
