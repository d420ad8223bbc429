"""A lone surrogate typed, pasted or imported is refused in one sentence; the document stays whole."""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone

import pytest

from dgfacil.core.model import AgendaItem, Participant
from dgfacil.core.text import TextError
from dgfacil.operations import agenda as agenda_ops
from dgfacil.operations import notes as note_ops
from dgfacil.operations import participants as people_ops
from dgfacil.store.notes import load_notes
from dgfacil.store.workshop import load_workshop

AT = datetime(2023, 5, 30, 6, 10, tzinfo=UTC)
BROKEN = "Kim \ud800 Minjun"


def _first_item(doc):
    with doc.session() as s:
        return load_workshop(session=s).days[0].items[0]


def _refused(doc, op):
    """`op(session)` raises TextError naming the character; the next write still commits."""
    with pytest.raises(TextError, match=r"broken character \(U\+D800 at position 5\)"):
        with doc.session() as s:
            op(s)
    with doc.session() as s:
        note_ops.add_note(s, item_id=None, text="still writable", at=AT)
    with doc.session() as s:
        assert [n.text for n in load_notes(session=s)][-1] == "still writable"


@pytest.mark.parametrize("field", ["text", "speaker"])
def test_a_note_with_a_lone_surrogate_is_refused(demo_doc, field):
    values = {"text": "fine", "speaker": "", field: BROKEN}
    _refused(demo_doc, lambda s: note_ops.add_note(s, item_id=None, at=AT, **values))


def test_editing_a_note_to_a_lone_surrogate_is_refused(demo_doc):
    with demo_doc.session() as s:
        note_id = note_ops.add_note(s, item_id=None, text="first", at=AT).ids[0]
    with pytest.raises(TextError):
        with demo_doc.session() as s:
            note_ops.update_note(s, note_id=note_id, text=BROKEN, at=AT)
    with demo_doc.session() as s:
        assert [n.text for n in load_notes(session=s)] == ["first"]


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", BROKEN),
        ("description", BROKEN),
        ("speakers", ["a", BROKEN]),
        ("lead", BROKEN),
        ("materials", [BROKEN]),
    ],
)
def test_an_agenda_item_with_a_lone_surrogate_is_refused(demo_doc, field, value):
    item = _first_item(demo_doc)
    _refused(demo_doc, lambda s: agenda_ops.update_item(s, item_id=item.id, **{field: value}))
    _refused(
        demo_doc,
        lambda s: agenda_ops.add_item(
            s, day_id=item.day_id, item=AgendaItem(**{"title": "x", "duration_min": 5, field: value})
        ),
    )
    assert getattr(_first_item(demo_doc), field) == getattr(item, field)


@pytest.mark.parametrize("field", ["full_name", "certificate_name", "organization", "position", "email"])
def test_a_participant_with_a_lone_surrogate_is_refused(demo_doc, field):
    values = {"full_name": "Ana", field: BROKEN}
    _refused(demo_doc, lambda s: people_ops.add_participant(s, participant=Participant(**values)))
    with demo_doc.session() as s:
        pid = people_ops.add_participant(s, participant=Participant(full_name="Bo")).ids[0]
    _refused(demo_doc, lambda s: people_ops.update_participant(s, participant_id=pid, **{field: BROKEN}))


def test_a_day_out_of_the_calendar_is_refused(demo_doc):
    with demo_doc.session() as s:
        workshop = load_workshop(session=s)
    with pytest.raises(ValueError, match="out of range"):
        with demo_doc.session() as s:
            agenda_ops.add_day(s, workshop_id=workshop.id, on=date(9999, 12, 31))
