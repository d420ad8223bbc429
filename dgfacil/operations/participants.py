"""Roster actions: add, edit, delete (with undo), import a roster file, export the roster.

Each function is one committed transaction when called inside `doc.session()`. An import is
checked in full first (`preview_roster`); `import_roster` re-checks inside its own
transaction, writes every good row or — on cancel or any failure — nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dgfacil.core.model import Origin, Participant
from dgfacil.core.roster import (
    BADGE_ALPHABET,
    BADGE_LENGTH,
    Preview,
    build_preview,
    check_row,
    new_badge_code,
    normalise_badge,
)
from dgfacil.core.roster_columns import FIELDS, Mapping
from dgfacil.core.text import check_fields
from dgfacil.io.roster import ENCODINGS, RosterFileError, RosterTable, read_roster, write_table
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed, stored
from dgfacil.operations.ids import saved_id
from dgfacil.store import convert
from dgfacil.store import participants as people
from dgfacil.store.snapshot import Snapshot

if TYPE_CHECKING:
    from sqlmodel import Session

PARTICIPANTS = Changes(participants=True)
EXPORT_FIELDS = [
    "badge_code",
    "full_name",
    "certificate_name",
    "email",
    "country",
    "organization",
    "position",
    "role",
    "origin",
]


class ProgressLike(Protocol):
    """What long work reports to (ui.tasks.Progress fits)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...


class ImportCancelled(Exception):
    """The user pressed Cancel; the transaction is rolled back and nothing was written."""


class InvalidParticipant(ValueError):
    """A participant the roster rules refuse (no name, bad e-mail, over-long value)."""


def _check(p: Participant) -> None:
    check_fields(**{k: v for k, v in vars(p).items() if isinstance(v, str)})
    values = {k: getattr(p, k) for k in FIELDS if hasattr(p, k) and isinstance(getattr(p, k), str)}
    errors = [x.message for x in check_row(0, values) if x.error]
    if errors:
        raise InvalidParticipant("; ".join(errors))


def _valid_badge(code: str) -> bool:
    body = code[2:]
    return code.startswith("P-") and len(body) == BADGE_LENGTH and set(body) <= set(BADGE_ALPHABET)


def add_participant(session: Session, *, participant: Participant) -> Changes:
    """Add one participant; a badge code is given when there is none (or it is taken)."""
    _check(participant)
    taken = people.badge_codes(session=session)
    code = normalise_badge(participant.badge_code) if participant.badge_code else ""
    if not code or code in taken:
        code = new_badge_code(taken)
    pid = people.insert_participant(
        replace(participant, id=None, badge_code=code), session=session, participant_id=participant.id
    )
    return Changes(participants=True, ids=(pid,))


def update_participant(
    session: Session, *, participant_id: int, seen: dict[str, Any] | None = None, **fields: Any
) -> Changes:
    """Change some fields (names as in Participant). The badge code stays unique. `seen`: those
    fields as the user saw them; if the row holds something else by now: EditConflict."""
    current = people.participant(participant_id, session=session)
    if seen is not None:
        shown = dict(seen, badge_code=normalise_badge(seen["badge_code"])) if seen.get("badge_code") else seen
        refuse_if_changed(
            stored(convert.participant_fields, current, shown),
            stored(convert.participant_fields, replace(current, **shown), shown),
            table="participant",
            row_id=participant_id,
            what=current.full_name,
            session=session,
        )
    for name, value in fields.items():
        if name == "id" or not hasattr(current, name):
            raise AttributeError(f"a participant has no editable field {name!r}")
        setattr(current, name, Origin(value) if name == "origin" else value)
    _check(current)
    if "badge_code" in fields:
        current.badge_code = normalise_badge(current.badge_code)
        others = people.badge_codes(session=session) - {people.participant(participant_id, session=session).badge_code}
        if current.badge_code in others:
            raise InvalidParticipant(f"badge code {current.badge_code} belongs to someone else")
    people.update_participant(participant_id, current, session=session)
    return Changes(participants=True, ids=(participant_id,))


def delete_participant(session: Session, *, participant_id: int) -> Changes[Snapshot]:
    """Delete a participant with their marks; the snapshot lets undo put everything back."""
    snapshot = people.delete_participant(participant_id, session=session)
    return Changes(participants=True, attendance=True, ids=(participant_id,), value=snapshot)


def restore_participant(session: Session, *, snapshot: Snapshot) -> Changes:
    pid = people.restore_participant(snapshot, session=session)
    return Changes(participants=True, attendance=True, ids=(pid,))


def preview_roster(session: Session, *, table: RosterTable, mapping: Mapping) -> Preview:
    """What importing `table` would do, against the participants already in the document."""
    return build_preview(table.headers, table.rows, mapping, people.load_participants(session=session))


@dataclass(frozen=True)
class ImportResult:
    preview: Preview
    added: tuple[int, ...]
    updated: tuple[int, ...]


def import_roster(
    session: Session, *, table: RosterTable, mapping: Mapping, progress: ProgressLike | None = None
) -> Changes[ImportResult]:
    """Write every good row of `table`: new participants, and updates matched by e-mail.

    Rows with errors are left out (the preview lists them); nobody is ever deleted. Raises
    ImportCancelled if `progress.cancelled` turns true — the caller's transaction then rolls
    back, so an import is all or nothing.
    """
    preview = preview_roster(session, table=table, mapping=mapping)
    taken = people.badge_codes(session=session)
    added: list[int] = []
    updated: list[int] = []
    total = len(preview.candidates)
    for done, cand in enumerate(preview.candidates):
        if progress is not None:
            if progress.cancelled:
                raise ImportCancelled("import cancelled; nothing was written")
            if done % 50 == 0:
                progress.report(done, total, f"Writing row {cand.row}")
        p = cand.participant
        code = normalise_badge(p.badge_code) if p.badge_code else ""
        if cand.action == "new":
            if not _valid_badge(code) or code in taken:
                code = new_badge_code(taken)
            taken.add(code)
            added.append(people.insert_participant(replace(p, badge_code=code), session=session))
        elif cand.action == "update":
            previous = people.participant(saved_id(cand.existing_id), session=session).badge_code
            if code != previous and (not _valid_badge(code) or code in taken):
                code = previous  # a file never takes someone else's badge
            taken.add(code)
            people.update_participant(saved_id(cand.existing_id), replace(p, badge_code=code), session=session)
            updated.append(saved_id(cand.existing_id))
    if progress is not None:
        progress.report(total, total, "Done")
    result = ImportResult(preview, tuple(added), tuple(updated))
    return Changes(participants=True, ids=tuple(added + updated), value=result)


def all_participants(session: Session) -> list[Participant]:
    """Everyone on the roster, as the People room lists them."""
    return people.load_participants(session=session)


def roster_table(session: Session) -> tuple[list[str], list[list[str]]]:
    """The roster as a header and rows of text, in the column names an import understands."""
    headers = [FIELDS[f] for f in EXPORT_FIELDS]
    rows = []
    for p in people.load_participants(session=session):
        rows.append([Origin(p.origin).value if f == "origin" else str(getattr(p, f)) for f in EXPORT_FIELDS])
    return headers, rows


def export_roster(session: Session, *, path: Path) -> Path:
    """Write the roster to CSV or XLSX (by suffix), formula injection neutralised."""
    headers, rows = roster_table(session)
    return write_table(path, headers, [list[object](r) for r in rows], sheet="Roster")


# -- reading a roster file (no database): what the import dialog previews ---------------------------
# ENCODINGS, RosterFileError and RosterTable are imported from here by the import dialog too.


def read_roster_file(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> RosterTable:
    """The rows of a CSV/TSV/XLSX roster; `encoding`/`delimiter` override the guesses.
    Raises RosterFileError with a sentence for the user."""
    return read_roster(path, encoding=encoding, delimiter=delimiter)
