"""Note operations on a real document: add, edit, tag, delete and restore, drafts, search, report view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as ops
from dgfacil.store.document import open_document
from dgfacil.store.notes import load_notes
from dgfacil.store.workshop import load_workshop

T0 = datetime(2023, 5, 30, 6, 10, tzinfo=UTC)  # 15:10 in Seoul


def _items(doc):
    with doc.session() as s:
        return [it for day in load_workshop(session=s).days for it in day.items]


def _add(doc, item_id, text, minutes=0, **kw):
    with doc.session() as s:
        return ops.add_note(s, item_id=item_id, text=text, at=T0 + timedelta(minutes=minutes), **kw).ids[0]


def test_add_note_is_committed_with_utc_time_and_fields(demo_doc):
    item = _items(demo_doc)[1]
    with demo_doc.session() as s:
        changes = ops.add_note(
            s,
            item_id=item.id,
            text="  The future is hybrid.\n",
            tag=NoteTag.KEY_MESSAGE,
            speaker="Mr. Vincenzo Aquaro",
            at=T0,
        )
    assert changes.notes and len(changes.ids) == 1
    reopened = open_document(demo_doc.address)
    with reopened.session() as s:
        [note] = load_notes(session=s)
    reopened.engine.dispose()
    assert note.id == changes.ids[0]
    assert (note.text, note.tag, note.speaker, note.agenda_item_id) == (
        "The future is hybrid.",
        NoteTag.KEY_MESSAGE,
        "Mr. Vincenzo Aquaro",
        item.id,
    )
    assert note.created_at == T0 and note.created_at.utcoffset() == timedelta(0)


def test_add_refuses_empty_text_naive_time_and_unknown_item(demo_doc):
    item = _items(demo_doc)[0]
    with pytest.raises(ValueError):
        _add(demo_doc, item.id, "   ")
    with pytest.raises(ValueError), demo_doc.session() as s:
        ops.add_note(s, item_id=item.id, text="x", at=datetime(2023, 5, 30, 15, 0))
    with pytest.raises(LookupError):
        _add(demo_doc, 999_999, "lost")
    with demo_doc.session() as s:
        assert load_notes(session=s) == []


def test_update_and_set_tag_keep_creation_time(demo_doc):
    item = _items(demo_doc)[1]
    note_id = _add(demo_doc, item.id, "Digital divide persists")
    with demo_doc.session() as s:
        ops.update_note(
            s,
            note_id=note_id,
            text="The digital divide persists",
            speaker="Mr. Sean Doral",
            at=T0 + timedelta(minutes=3),
        )
        ops.set_tag(s, note_id=note_id, tag=NoteTag.QUOTE, at=T0 + timedelta(minutes=4))
    with demo_doc.session() as s:
        [note] = load_notes(session=s)
    assert (note.text, note.speaker, note.tag, note.created_at) == (
        "The digital divide persists",
        "Mr. Sean Doral",
        NoteTag.QUOTE,
        T0,
    )


def test_delete_and_restore_puts_the_same_note_back(demo_doc):
    item = _items(demo_doc)[2]
    first = _add(demo_doc, item.id, "Toolkit has 7 chapters", 0)
    second = _add(demo_doc, item.id, "Chapter 7 is the action plan", 1)
    with demo_doc.session() as s:
        before = load_notes(session=s)
        deleted = ops.delete_note(s, note_id=first).value
    with demo_doc.session() as s:
        assert [n.id for n in load_notes(session=s)] == [second]
        ops.restore_note(s, deleted=deleted)
    with demo_doc.session() as s:
        assert load_notes(session=s) == before


def test_search_ignores_case_crosses_items_and_filters_by_tag(demo_doc):
    items = _items(demo_doc)
    _add(demo_doc, items[1].id, "Leave no one behind: inclusion by design", 0, tag=NoteTag.KEY_MESSAGE)
    _add(demo_doc, items[3].id, "AAPA will promote the toolkit in TÜRKIYE and beyond", 1, tag=NoteTag.ACTION)
    _add(demo_doc, items[4].id, "How to localise the toolkit?", 2, tag=NoteTag.QUESTION, speaker="Mr. Steven Matainaho")
    with demo_doc.session() as s:
        assert [n.agenda_item_id for n in ops.search_notes(s, text="TOOLKIT")] == [items[3].id, items[4].id]
        assert len(ops.search_notes(s, text="türkiye")) == 1  # beyond ASCII
        assert len(ops.search_notes(s, text="matainaho")) == 1  # the speaker counts
        assert len(ops.search_notes(s, text="toolkit localise")) == 1  # every word, any order
        assert [n.tag for n in ops.search_notes(s, text="", tag=NoteTag.KEY_MESSAGE)] == [NoteTag.KEY_MESSAGE]
        assert ops.search_notes(s, text="toolkit", tag=NoteTag.KEY_MESSAGE) == []


def test_notes_by_item_follows_the_agenda_and_key_messages(demo_doc):
    items = _items(demo_doc)
    _add(demo_doc, items[3].id, "Contextualise modules to local conditions", 0, tag=NoteTag.KEY_MESSAGE)
    _add(demo_doc, items[1].id, "Digital transformation is a new development paradigm", 1, tag=NoteTag.KEY_MESSAGE)
    _add(demo_doc, items[1].id, "Europe leads the EGDI for the 12th time", 2)
    _add(demo_doc, None, "Recording to be shared with participants", 3, tag=NoteTag.ACTION)
    with demo_doc.session() as s:
        groups = ops.notes_by_item(s)
        keys = ops.key_messages(s)
        non_empty = ops.notes_by_item(s, include_empty=False)
    assert [g.item.id for g in groups[: len(items)]] == [it.id for it in items]
    assert [len(g.notes) for g in groups] == [0, 2, 0, 1, 0, 0, 1]
    assert groups[-1].item is None
    assert [n.text[:10] for n in keys] == ["Digital tr", "Contextual"]  # agenda order, not typing order
    assert [g.item.id if g.item else None for g in non_empty] == [items[1].id, items[3].id, None]


def test_draft_is_kept_per_item_and_cleared_by_adding(demo_doc):
    items = _items(demo_doc)
    draft = ops.Draft(text="Korea's journey toward digital platf", tag=NoteTag.KEY_MESSAGE, speaker="Mr. Sung Joo Son")
    with demo_doc.session() as s:
        ops.save_draft(s, item_id=items[1].id, draft=draft, at=T0)
        ops.save_draft(s, item_id=items[2].id, draft=ops.Draft(text="other"), at=T0)
    with demo_doc.session() as s:
        assert ops.load_draft(s, item_id=items[1].id) == draft
        assert ops.load_draft(s, item_id=items[0].id) == ops.Draft()
    _add(demo_doc, items[1].id, draft.text + "orm government", clear_draft=True)
    with demo_doc.session() as s:
        assert ops.load_draft(s, item_id=items[1].id) == ops.Draft()
        assert ops.load_draft(s, item_id=items[2].id).text == "other"
        ops.save_draft(s, item_id=items[2].id, draft=ops.Draft(), at=T0)  # empty: forgotten
    with demo_doc.session() as s:
        assert ops.load_draft(s, item_id=items[2].id) == ops.Draft()


def test_agenda_people_gives_short_names_lead_first(demo_doc):
    session1 = _items(demo_doc)[1]
    people = ops.agenda_people(session1)
    assert people[0] == "Ms. Yun Sook Lee"
    assert "Mr. Vincenzo Aquaro" in people and len(people) == 1 + len(session1.speakers)
