"""Attendance actions: the blocks attendance is taken for, marking, badge check-in, import,
export, and who is eligible for a certificate.

A *block* is what the organizer takes attendance for — each agenda item, or each half-day (the
block kind, stored as setting "attendance.unit" = "item" | "half-day"). Marks are always stored
per agenda item; marking a block marks its items, so switching the block kind never loses a mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dgfacil.core.agenda import hhmm, plan_day
from dgfacil.core.attendance import Eligibility, counted_items, eligibility, half_day_blocks
from dgfacil.core.model import Participant
from dgfacil.core.roster import name_key, normalise_badge
from dgfacil.core.roster_columns import normalise_header
from dgfacil.io.roster import RosterTable, write_table
from dgfacil.operations.changes import Changes
from dgfacil.operations.ids import saved_id
from dgfacil.store import attendance as attendance_store
from dgfacil.store import participants as participant_store
from dgfacil.store.settings import get_setting, put_setting
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

# The block kind's setting keeps its older key: documents already saved carry "attendance.unit".
BLOCK_KIND_KEY = "attendance.unit"
THRESHOLD_KEY = "certificate.threshold"
BLOCK_KINDS = ("item", "half-day")
TRUE_WORDS = {"1", "x", "y", "yes", "present", "p", "true", "attended", "✓", "✔"}
FALSE_WORDS = {"0", "n", "no", "absent", "a", "false"}


@dataclass(frozen=True)
class Block:
    """One thing attendance is taken for: its id (the first item's id), label and items."""

    id: int
    label: str
    item_ids: tuple[int, ...]
    day_index: int


def attendance_blocks(session: Session, *, kind: str | None = None) -> list[Block]:
    """The blocks of the workshop, in agenda order, for the chosen (or stored) block kind."""
    kind = kind or block_kind(session)
    workshop = load_workshop(session=session)
    zone = workshop.timezone
    planned = [plan_day(day, zone) for day in workshop.days]
    many = len(workshop.days) > 1
    out: list[Block] = []
    if kind == "half-day":
        for half_day in half_day_blocks(planned):
            day = workshop.days[half_day.day_index]
            half = "morning" if half_day.half == "AM" else "afternoon"
            label = f"{day.date:%a %d %b} {half}"
            out.append(Block(half_day.item_ids[0], label, half_day.item_ids, half_day.day_index))
        return out
    for d, slots in enumerate(planned):
        counted = {it.id for it in counted_items(s.item for s in slots)}
        for slot in slots:
            if slot.item.id in counted:
                prefix = f"Day {d + 1} " if many else ""
                item_id = saved_id(slot.item.id)
                out.append(Block(item_id, f"{prefix}{hhmm(slot.start)} {slot.item.title}", (item_id,), d))
    return out


def block_kind(session: Session) -> str:
    """The stored block kind attendance is taken per: "item" (the default) or "half-day"."""
    return str(get_setting(BLOCK_KIND_KEY, "item", session=session))


def certificate_threshold(session: Session) -> float | None:
    """The stored certificate threshold: None (every block required) or a fraction."""
    found = get_setting(THRESHOLD_KEY, None, session=session)
    return None if found is None else float(found)


def present_pairs(session: Session) -> set[tuple[int, int]]:
    """(participant id, agenda item id) of every mark that says present."""
    return attendance_store.present_pairs(session=session)


def set_block_kind(session: Session, *, kind: str) -> Changes:
    if kind not in BLOCK_KINDS:
        raise ValueError(f"attendance is taken per {' or '.join(BLOCK_KINDS)}, not {kind!r}")
    put_setting(BLOCK_KIND_KEY, kind, session=session)
    return Changes(attendance=True)


def set_threshold(session: Session, *, threshold: float | None) -> Changes:
    """None: every block is required (the default); else a fraction in (0, 1]."""
    if threshold is not None and not 0 < threshold <= 1:
        raise ValueError("the threshold is a fraction of blocks between 0 and 1")
    put_setting(THRESHOLD_KEY, threshold, session=session)
    return Changes(attendance=True)


def mark(
    session: Session,
    *,
    participant_ids: list[int],
    item_ids: list[int],
    present: bool = True,
    at: datetime | None = None,
) -> Changes:
    """Mark participants present (or absent) at the items of a block; one transaction."""
    attendance_store.set_presence(
        list(participant_ids), list(item_ids), present, session=session, at=at.isoformat() if at else None
    )
    return Changes(attendance=True, ids=tuple(participant_ids))


def check_in_badge(
    session: Session, *, code: str, item_ids: list[int], at: datetime | None = None
) -> Changes[Participant | None]:
    """A scanned (or typed) badge code: mark its holder present; None when nobody has it."""
    found = participant_store.by_badge(normalise_badge(code), session=session)
    if found is None:
        return Changes(value=None)
    return mark(session, participant_ids=[saved_id(found.id)], item_ids=item_ids, at=at).with_value(found)


def mark_all(session: Session) -> Changes:
    """Everybody present at everything (rehearsals and tests)."""
    pids = [saved_id(p.id) for p in participant_store.load_participants(session=session)]
    items = [iid for b in attendance_blocks(session, kind="item") for iid in b.item_ids]
    return mark(session, participant_ids=pids, item_ids=items)


def _block_present(blocks: list[Block], present: set[tuple[int, int]], pids: list[int]) -> set[tuple[int, int]]:
    return {(pid, b.id) for pid in pids for b in blocks if all((pid, i) in present for i in b.item_ids)}


def eligibility_all(session: Session) -> list[tuple[Participant, Eligibility]]:
    """Every participant with their certificate eligibility under the document's rule."""
    roster = participant_store.load_participants(session=session)
    blocks = attendance_blocks(session)
    pids = [saved_id(p.id) for p in roster]
    present = _block_present(blocks, attendance_store.present_pairs(session=session), pids)
    threshold = certificate_threshold(session)
    result = eligibility(pids, [b.id for b in blocks], present, threshold=threshold)
    return [(p, result[saved_id(p.id)]) for p in roster]


def eligible_participants(session: Session) -> list[tuple[Participant, Eligibility]]:
    """The participants who earn a certificate of attendance, with the figures behind it."""
    return [(p, e) for p, e in eligibility_all(session) if e.eligible]


def attendance_table(session: Session) -> tuple[list[str], list[list[str]]]:
    """One row per participant, a column per block ('x' when present), then the verdict."""
    blocks = attendance_blocks(session)
    pids = [saved_id(p.id) for p in participant_store.load_participants(session=session)]
    present = _block_present(blocks, attendance_store.present_pairs(session=session), pids)
    headers = [
        "Badge code",
        "Full name",
        "E-mail",
        "Country",
        "Organization",
        *[b.label for b in blocks],
        "Attended",
        "Eligible",
        "Why not",
    ]
    rows = []
    for p, e in eligibility_all(session):
        marks = ["x" if (p.id, b.id) in present else "" for b in blocks]
        rows.append(
            [
                p.badge_code,
                p.full_name,
                p.email,
                p.country,
                p.organization,
                *marks,
                f"{e.attended}/{e.total}",
                "yes" if e.eligible else "no",
                e.reason,
            ]
        )
    return headers, rows


def export_attendance(session: Session, *, path: Path) -> Path:
    headers, rows = attendance_table(session)
    return write_table(path, headers, [list[object](r) for r in rows], sheet="Attendance")


@dataclass(frozen=True)
class AttendanceImport:
    marked: int  # present marks set
    cleared: int  # absent marks set
    blocks: tuple[str, ...]  # labels of the columns recognised as blocks
    problems: tuple[str, ...]  # rows that matched nobody, columns not recognised


def import_attendance(session: Session, *, table: RosterTable) -> Changes[AttendanceImport]:
    """Marks from a sheet like our export: participants found by badge, e-mail or name; a column
    per block, matched by label or by item title. 'x', 'yes', '1'... mark present; 'no', '0'
    mark absent; an empty cell leaves the mark as it was."""
    blocks = attendance_blocks(session)
    workshop = load_workshop(session=session)
    titles = {normalise_header(it.title): (saved_id(it.id),) for d in workshop.days for it in d.items}
    labels = {normalise_header(b.label): b.item_ids for b in blocks}
    roster = participant_store.load_participants(session=session)
    by = {
        "badge": {p.badge_code: p.id for p in roster if p.badge_code},
        "email": {p.email.casefold(): p.id for p in roster if p.email},
        "name": {name_key(p.full_name): p.id for p in roster},
    }
    keys = {normalise_header(h): i for i, h in enumerate(table.headers)}
    col = {
        k: next((keys[h] for h in names if h in keys), None)
        for k, names in {
            "badge": ("badgecode", "badge", "code"),
            "email": ("email", "emailaddress"),
            "name": ("fullname", "name"),
        }.items()
    }
    found = [
        (i, h, labels.get(normalise_header(h)) or titles.get(normalise_header(h))) for i, h in enumerate(table.headers)
    ]
    block_cols = [(i, h, items) for i, h, items in found if items]
    if not block_cols:
        raise ValueError("no column of the sheet names a block of this workshop")
    problems, on, off = [], 0, 0
    for number, cells in table.rows:
        pid = None
        for k, normalise in (("badge", normalise_badge), ("email", str.casefold), ("name", name_key)):
            at = col[k]
            if pid is None and at is not None and cells[at].strip():
                pid = by[k].get(normalise(cells[at].strip()))
        if pid is None:
            problems.append(f"row {number}: matches no participant")
            continue
        for i, _, items in block_cols:
            word = cells[i].strip().casefold()
            if word in TRUE_WORDS:
                on += attendance_store.set_presence([pid], list(items), True, session=session)
            elif word in FALSE_WORDS:
                off += attendance_store.set_presence([pid], list(items), False, session=session)
    report = AttendanceImport(on, off, tuple(h for _, h, _ in block_cols), tuple(problems))
    return Changes(attendance=True, value=report)
