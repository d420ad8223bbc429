"""Notes and their drafts in the document. Functions take the session as `*, session`.

A note is one row of the `note` table. The text a note-taker is still typing is kept as a draft
in the per-document `setting` table under "notes.draft.<item id>" ("notes.draft.none" for notes
not bound to an item), so a killed app still has it when the document is reopened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlmodel import Session, col, select

from dgfacil.core.model import Note, NoteTag
from dgfacil.store import convert
from dgfacil.store.convert import iso_utc
from dgfacil.store.snapshot import Snapshot, delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import AgendaItemRow, NoteRow, SettingRow
from dgfacil.store.workshop import workshop_id

__all__ = [
    "DRAFT_PREFIX",
    "Draft",
    "count_by_item",
    "delete_note",
    "draft_key",
    "get_note",
    "insert_note",
    "iso_utc",
    "load_draft",
    "load_notes",
    "note_item_id",
    "note_row",
    "restore_note",
    "search",
    "store_draft",
    "workshop_id_for",
    "write_note",
]

DRAFT_PREFIX = "notes.draft."


def note_row(note_id: int, *, session: Session) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise LookupError(f"no note {note_id}")
    return row


def get_note(note_id: int, *, session: Session) -> Note:
    """One note as a domain value (raises LookupError when it is not there)."""
    return convert.note_from_row(note_row(note_id, session=session))


def note_item_id(note_id: int, *, session: Session) -> int | None:
    """The agenda item a note is on (None: the whole workshop); LookupError when no such note."""
    return note_row(note_id, session=session).agenda_item_id


def workshop_id_for(item_id: int | None, *, session: Session) -> int:
    """The workshop a note for `item_id` belongs to (the document's workshop when no item)."""
    if item_id is None:
        return workshop_id(session=session)
    item = session.get(AgendaItemRow, item_id)
    if item is None:
        raise LookupError(f"no agenda item {item_id}")
    return item.workshop_id


def insert_note(
    item_id: int | None,
    *,
    session: Session,
    text: str,
    tag: NoteTag,
    speaker: str,
    at: str,
    owner: str = "",
    due: str = "",
) -> int:
    """A new note on `item_id` (None: the whole workshop), created and updated `at`; returns its id."""
    row = NoteRow(
        workshop_id=workshop_id_for(item_id, session=session),
        agenda_item_id=item_id,
        created_at=at,
        updated_at=at,
        text=text,
        tag=NoteTag(tag).value,
        speaker=speaker,
        owner=owner,
        due=due,
    )
    session.add(row)
    session.flush()
    return convert.row_id(row)


class _Keep(Enum):
    """The default of write_note's item_id: leave the note where it is (None unbinds it)."""

    KEEP = 0


def write_note(
    note_id: int,
    *,
    session: Session,
    at: str,
    text: str | None = None,
    tag: NoteTag | None = None,
    speaker: str | None = None,
    item_id: int | None | _Keep = _Keep.KEEP,
    owner: str | None = None,
    due: str | None = None,
) -> None:
    """Change the given fields of a note (None, or no item_id, leaves a field as it is)."""
    row = note_row(note_id, session=session)
    if text is not None:
        row.text = text
    if tag is not None:
        row.tag = NoteTag(tag).value
    if speaker is not None:
        row.speaker = speaker
    if owner is not None:
        row.owner = owner
    if due is not None:
        row.due = due
    if not isinstance(item_id, _Keep):
        row.agenda_item_id = item_id
    row.updated_at = at


def delete_note(note_id: int, *, session: Session) -> Snapshot:
    """Delete a note; the snapshot puts it back."""
    return delete_with_snapshot("note", [note_id], session=session)


def restore_note(deleted: Snapshot, *, session: Session) -> None:
    """Put a deleted note back exactly as it was, same id and times."""
    restore_snapshot(deleted, session=session)


def load_notes(*, session: Session, agenda_item_id: int | None = None) -> list[Note]:
    """Every note of the document (or of one agenda item), oldest first. A note with a tag from a
    newer version is read as a plain note (see convert.note_from_row)."""
    query = select(NoteRow).order_by(col(NoteRow.created_at), col(NoteRow.id))
    if agenda_item_id is not None:
        query = query.where(NoteRow.agenda_item_id == agenda_item_id)
    return [convert.note_from_row(r) for r in session.exec(query)]


def search(*, session: Session, text: str = "", tag: NoteTag | None = None, item_id: int | None = None) -> list[Note]:
    """Notes whose text or speaker contains `text`, ignoring case, optionally of one tag or item.

    Matching is done in Python with casefold(): SQLite's LIKE and lower() fold ASCII only, and a
    workshop's notes name Türkiye, Côte d'Ivoire and people from every country. A document holds
    hundreds of notes, not millions, so reading them all is cheap (see bench/notes_search.py).
    """
    query = select(NoteRow).order_by(col(NoteRow.created_at), col(NoteRow.id))
    if tag is not None:
        query = query.where(NoteRow.tag == NoteTag(tag).value)
    if item_id is not None:
        query = query.where(NoteRow.agenda_item_id == item_id)
    words = text.casefold().split()
    found = []
    for row in session.exec(query):
        haystack = f"{row.text}\n{row.speaker}\n{row.owner or ''}".casefold()
        if all(word in haystack for word in words):
            found.append(convert.note_from_row(row))
    return found


def count_by_item(*, session: Session) -> dict[int | None, int]:
    """How many notes each agenda item has (None: notes bound to no item)."""
    counts: dict[int | None, int] = {}
    for item_id in session.exec(select(NoteRow.agenda_item_id)):
        counts[item_id] = counts.get(item_id, 0) + 1
    return counts


# -- drafts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """What was in the entry of an item's notes pane: the text, its tag and speaker, and the note
    being edited (None when it was a new note)."""

    text: str = ""
    tag: NoteTag = NoteTag.NOTE
    speaker: str = ""
    editing: int | None = None
    owner: str = ""  # an action's owner and due date, as typed
    due: str = ""

    @property
    def empty(self) -> bool:
        return not self.text.strip() and self.editing is None


def draft_key(item_id: int | None) -> str:
    return f"{DRAFT_PREFIX}{'none' if item_id is None else item_id}"


def _draft_row(item_id: int | None, *, session: Session) -> SettingRow | None:
    return session.exec(select(SettingRow).where(SettingRow.key == draft_key(item_id))).first()


def load_draft(item_id: int | None, *, session: Session) -> Draft:
    """The draft kept for an item, or an empty one."""
    row = _draft_row(item_id, session=session)
    if row is None or not isinstance(row.value, dict):
        return Draft()
    value = row.value
    try:
        tag = NoteTag(value.get("tag", NoteTag.NOTE.value))
    except ValueError:
        tag = NoteTag.NOTE
    editing = value.get("editing")
    return Draft(
        text=str(value.get("text", "")),
        tag=tag,
        speaker=str(value.get("speaker", "")),
        editing=editing if isinstance(editing, int) else None,
        owner=str(value.get("owner", "")),
        due=str(value.get("due", "")),
    )


def store_draft(item_id: int | None, draft: Draft, *, session: Session, at: str) -> None:
    """Keep (or, when empty, forget) the draft of an item."""
    row = _draft_row(item_id, session=session)
    if draft.empty:
        if row is not None:
            session.delete(row)
        return
    value = {
        "text": draft.text,
        "tag": NoteTag(draft.tag).value,
        "speaker": draft.speaker,
        "editing": draft.editing,
        "owner": draft.owner,
        "due": draft.due,
        "saved_at": at,
    }
    if row is None:
        session.add(
            SettingRow(workshop_id=workshop_id_for(item_id, session=session), key=draft_key(item_id), value=value)
        )
    else:
        row.value = value
