"""Note-taking: add, edit, tag, delete (and put back), drafts, search, and notes per agenda item.

Each function is one user action run in its own committed transaction (`with doc.session()`),
so a note is on disk the moment the note-taker presses Enter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from dgfacil.core.model import AgendaItem, Note, NoteTag
from dgfacil.core.text import check_fields
from dgfacil.operations.changes import Changes
from dgfacil.operations.conflicts import refuse_if_changed
from dgfacil.store import notes as store
from dgfacil.store.notes import Draft
from dgfacil.store.snapshot import Snapshot
from dgfacil.store.workshop import load_workshop

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = [
    "Draft",
    "Snapshot",
    "ItemNotes",
    "add_note",
    "update_note",
    "set_tag",
    "delete_note",
    "restore_note",
    "save_draft",
    "load_draft",
    "search_notes",
    "notes_by_item",
    "key_messages",
    "agenda_people",
    "person_name",
    "item_notes",
    "due_date",
]


def _clean(text: str) -> str:
    # Trailing blank lines and spaces are keyboard noise, not content; inner newlines are kept.
    return text.strip()


def due_date(text: str) -> str:
    """An action's due date as stored: ISO "2026-12-31", or "" for none; ValueError in words."""
    text = text.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"the due date {text!r} is not a date as YYYY-MM-DD") from None


def add_note(
    session: Session,
    *,
    item_id: int | None,
    text: str,
    tag: NoteTag = NoteTag.NOTE,
    speaker: str = "",
    at: datetime,
    clear_draft: bool = False,
    owner: str = "",
    due: str = "",
) -> Changes:
    """Add a note to an agenda item (None: a note of the whole workshop), stamped `at` (aware).

    With `clear_draft` the item's draft is forgotten in the same transaction, so a crash can
    neither lose the note nor leave its text behind as a draft to be added twice.
    """
    text = _clean(text)
    if not text:
        raise ValueError("a note needs some text")
    check_fields(note=text, speaker=speaker, owner=owner)
    stamp = store.iso_utc(at)
    note_id = store.insert_note(
        item_id,
        text=text,
        tag=tag,
        speaker=speaker.strip(),
        at=stamp,
        session=session,
        owner=" ".join(owner.split()),
        due=due_date(due),
    )
    if clear_draft:
        store.store_draft(item_id, Draft(), session=session, at=stamp)
    return Changes(notes=True, ids=(note_id,))


_UNSET = object()


def update_note(
    session: Session,
    *,
    note_id: int,
    at: datetime,
    text: str | None = None,
    tag: NoteTag | None = None,
    speaker: str | None = None,
    item_id: object = _UNSET,
    clear_draft: bool = False,
    owner: str | None = None,
    due: str | None = None,
    seen: Mapping[str, Any] | None = None,
) -> Changes:
    """Change a note's text, tag, speaker, action owner and due date, or agenda item; its creation time stays.
    `seen`: those fields (text, tag, speaker, owner, due) as the user saw them; if the note holds
    something else by now, the edit is refused whole (EditConflict)."""
    check_fields(note=text, speaker=speaker, owner=owner)
    if seen is not None:
        row = store.note_row(note_id, session=session)
        shown = _stored(**seen)
        refuse_if_changed(
            {name: getattr(row, name) for name in shown},
            shown,
            table="note",
            row_id=note_id,
            what=f"The note {_short(row.text)}",
            session=session,
        )
    on_item = store.note_item_id(note_id, session=session)
    stamp = store.iso_utc(at)
    if clear_draft:
        store.store_draft(on_item, Draft(), session=session, at=stamp)
    edits = _stored(text=text, tag=tag, speaker=speaker, owner=owner, due=due)
    if edits.get("text") == "":
        raise ValueError("a note needs some text; delete it instead")
    if "tag" in edits:
        edits["tag"] = NoteTag(edits["tag"])
    if item_id is not _UNSET:
        store.workshop_id_for(cast("int | None", item_id), session=session)  # the item must exist
        edits["item_id"] = item_id
    store.write_note(note_id, at=stamp, session=session, **edits)
    return Changes(notes=True, ids=(note_id,))


def _stored(
    *,
    text: str | None = None,
    tag: NoteTag | str | None = None,
    speaker: str | None = None,
    owner: str | None = None,
    due: str | None = None,
) -> dict[str, Any]:
    """The given fields as the note row stores them (the tag as its value), the others left out."""
    given = {
        "text": None if text is None else _clean(text),
        "tag": None if tag is None else NoteTag(tag).value,
        "speaker": None if speaker is None else speaker.strip(),
        "owner": None if owner is None else " ".join(owner.split()),
        "due": None if due is None else due_date(due),
    }
    return {name: value for name, value in given.items() if value is not None}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def set_tag(session: Session, *, note_id: int, tag: NoteTag, at: datetime) -> Changes:
    """Tag a note as a key message, decision, action, quote, question (or a plain note)."""
    return update_note(session, note_id=note_id, tag=tag, at=at)


def delete_note(session: Session, *, note_id: int) -> Changes[Snapshot]:
    """Delete a note; the snapshot puts it back."""
    return Changes(notes=True, ids=(note_id,), value=store.delete_note(note_id, session=session))


def restore_note(session: Session, *, deleted: Snapshot) -> Changes:
    """Put a deleted note back exactly as it was, same id and times."""
    store.restore_note(deleted, session=session)
    return Changes(notes=True, ids=deleted.ids)


# -- drafts -------------------------------------------------------------------------------


def save_draft(session: Session, *, item_id: int | None, draft: Draft, at: datetime) -> Changes:
    """Keep what is being typed for an item (an empty draft forgets it). Nothing to redraw."""
    store.store_draft(item_id, draft, session=session, at=store.iso_utc(at))
    return Changes()


def load_draft(session: Session, *, item_id: int | None) -> Draft:
    return store.load_draft(item_id, session=session)


# -- reading ------------------------------------------------------------------------------


def search_notes(
    session: Session, *, text: str = "", tag: NoteTag | None = None, item_id: int | None = None
) -> list[Note]:
    """Notes across all items containing every word of `text` (any case), optionally of one tag."""
    return store.search(session=session, text=text, tag=tag, item_id=item_id)


@dataclass
class ItemNotes:
    """An agenda item and its notes, oldest first (item None: notes bound to no item)."""

    item: AgendaItem | None
    notes: list[Note] = field(default_factory=list)

    def tagged(self, tag: NoteTag) -> list[Note]:
        return [n for n in self.notes if n.tag == tag]


def notes_by_item(session: Session, *, include_empty: bool = True) -> list[ItemNotes]:
    """Notes grouped per agenda item in agenda order (days, then positions), for the outcome report.

    Notes bound to no item (or to a deleted one) come last, under item None.
    """
    workshop = load_workshop(session=session)
    groups = [ItemNotes(item) for day in workshop.days for item in day.items]
    by_id: dict[int | None, ItemNotes] = {g.item.id: g for g in groups if g.item is not None}
    loose = ItemNotes(None)
    for note in store.load_notes(session=session):
        by_id.get(note.agenda_item_id, loose).notes.append(note)
    if loose.notes:
        groups.append(loose)
    return groups if include_empty else [g for g in groups if g.notes]


def key_messages(session: Session) -> list[Note]:
    """Every note tagged key message, in agenda order (the report's "Key messages")."""
    return [n for g in notes_by_item(session) for n in g.tagged(NoteTag.KEY_MESSAGE)]


def person_name(entry: str) -> str:
    """'Mr. Vincenzo Aquaro, Chief, Digital Government Branch' -> 'Mr. Vincenzo Aquaro'."""
    return entry.split(",", 1)[0].strip()


def agenda_people(item: AgendaItem) -> list[str]:
    """The names a note on this item is likely to quote: the lead first, then the speakers."""
    names = [person_name(p) for p in [item.lead, *item.speakers] if p.strip()]
    return list(dict.fromkeys(names))


def item_notes(session: Session, *, item_id: int | None) -> list[Note]:
    """One agenda item's notes, oldest first; item None: the notes bound to no item."""
    if item_id is None:
        return [n for n in store.load_notes(session=session) if n.agenda_item_id is None]
    return store.load_notes(session=session, agenda_item_id=item_id)
