"""The row version (schema 0005): every ORM update raises it; an update based on a stale read is
refused whole with EditConflict, on a file and on the server alike."""

from __future__ import annotations

import pytest
from sqlmodel import select

from dgfacil.store.document import open_document
from dgfacil.store.errors import EditConflict
from dgfacil.store.tables import AgendaItemRow, NoteRow


def _first_item(doc) -> AgendaItemRow:
    with doc.session(write=False) as s:
        return s.exec(select(AgendaItemRow).order_by(AgendaItemRow.id)).first()


def test_each_update_raises_the_version(demo_doc):
    row = _first_item(demo_doc)
    assert row.version == 1
    with demo_doc.session() as s:
        s.get(AgendaItemRow, row.id).title = "Opening, moved"
    with demo_doc.session() as s:
        s.get(AgendaItemRow, row.id).duration_min += 5
    assert _first_item(demo_doc).version == 3


def test_an_edit_on_a_stale_read_is_refused_and_nothing_of_it_lands(demo_doc):
    mine = _first_item(demo_doc)  # read here; then another laptop changes it
    other = open_document(demo_doc.address, backup_on_open=False)
    with other.session() as s:
        s.get(AgendaItemRow, mine.id).title = "Their title"
    other.close()
    notes_before = len(_notes(demo_doc))
    with pytest.raises(EditConflict, match="agenda item") as caught:
        with demo_doc.session() as s:
            s.add(NoteRow(workshop_id=mine.workshop_id, created_at="2023-05-30T06:00:00+00:00", text="with it"))
            s.add(mine)
            mine.title = "My title"
    assert "Traceback" not in str(caught.value)
    now = _first_item(demo_doc)
    assert (now.title, now.version) == ("Their title", 2)
    assert len(_notes(demo_doc)) == notes_before  # the whole transaction was refused


def _notes(doc) -> list[NoteRow]:
    with doc.session(write=False) as s:
        return list(s.exec(select(NoteRow)))
