"""Nothing a user can type makes a print fail: every document with the longest, emptiest, widest text.

An 800-word description pasted into an agenda item, a 2,000-character title with no space, names in
right-to-left scripts and emoji, empty strings: each printed document lays them out (rows split
across pages, unbreakable words wrap) and the words are all there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlmodel import select

from dgfacil.operations.printing import KINDS, print_document
from dgfacil.operations.report import print_report
from dgfacil.store.tables import (
    AgendaItemRow,
    AttendanceRow,
    BoardItemRow,
    ExerciseRow,
    GroupMemberRow,
    GroupRow,
    NoteRow,
    ParticipantRow,
    WorkshopRow,
)

from .conftest import page_count, pdf_text, to_png

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "operations"))
from test_report_fixture import fill_webinar  # noqa: E402

WORD = "Transformation" * 143  # 2,002 characters, no break opportunity
ABSTRACT = " ".join(f"word{i % 97}" for i in range(800))  # a pasted abstract
RTL = "التحول الرقمي للحكومة في المنطقة العربية"
EMOJI = "🌏 Digital 🇰🇷 government 👩🏽‍💻 ✅"
LONG_NAME = "Maria Fernanda " * 13  # 195 characters: within the roster's 200


@pytest.fixture
def extreme_doc(demo_doc):
    fill_webinar(demo_doc)
    with demo_doc.session() as s:
        w = s.exec(select(WorkshopRow)).first()
        w.title = "Workshop " + WORD + " " + RTL
        w.venue, w.project_code = EMOJI, ""
        w.organizers = [LONG_NAME, RTL, ""]
        s.add(w)
        items = list(s.exec(select(AgendaItemRow).order_by(AgendaItemRow.position)))
        items[0].title, items[0].description, items[0].lead = WORD, ABSTRACT, LONG_NAME
        items[1].title, items[1].description, items[1].speakers = RTL, WORD + " " + ABSTRACT, [EMOJI, WORD[:300]]
        items[2].title, items[2].description, items[2].materials = "", "", [WORD]
        for item in items[:3]:
            s.add(item)
        people = list(s.exec(select(ParticipantRow)))
        odd = [(LONG_NAME, WORD[:300], WORD[:300]), (RTL, RTL, RTL), (EMOJI, EMOJI, ""), (WORD[:200], "", "")]
        for person, (name, org, position) in zip(people, odd, strict=False):
            person.full_name, person.certificate_name, person.organization, person.position = name, "", org, position
            person.country = RTL if name == RTL else person.country
            s.add(person)
        marked = {(a.participant_id, a.agenda_item_id) for a in s.exec(select(AttendanceRow))}
        for item in items:  # everyone everywhere: every certificate prints
            for p in people:
                if (p.id, item.id) not in marked:
                    s.add(AttendanceRow(workshop_id=w.id, participant_id=p.id, agenda_item_id=item.id, present=True))
        ex = s.exec(select(ExerciseRow)).first()
        ex.title = WORD[:500] + " " + RTL
        ex.definition = {
            **ex.definition,
            "columns": [*ex.definition["columns"][:2], {"key": "timeframe", "title": WORD, "hint": ABSTRACT}],
        }
        s.add(ex)
        s.add(
            ExerciseRow(
                workshop_id=w.id,
                agenda_item_id=items[2].id,
                kind="rubric",
                title=RTL,
                definition={
                    "levels": [{"title": WORD}, {"title": EMOJI}, {"title": ""}],
                    "dimensions": [
                        {"key": "d1", "title": WORD[:300], "descriptors": [ABSTRACT, WORD, RTL]},
                        {"key": "d2", "title": "", "descriptors": []},
                    ],
                },
            )
        )
        group = s.exec(select(GroupRow)).first()
        group.name = WORD[:300]
        s.add(group)
        for p in people[:12]:
            s.add(GroupMemberRow(group_id=group.id, participant_id=p.id))

        def cells(text):  # the board keeps a table row's cells under "cells"; the report reads them flat
            return {"action": text, "responsibility": WORD[:400], "timeframe": RTL}

        for k, text in enumerate([ABSTRACT, WORD, EMOJI, RTL, ""]):
            s.add(
                BoardItemRow(
                    workshop_id=w.id,
                    exercise_id=ex.id,
                    group_id=group.id,
                    position=10 + k,
                    area=WORD[:200],
                    text=text,
                    data={"cells": cells(text), **cells(text)},
                )
            )
        for tag, text in (("key message", ABSTRACT), ("note", WORD), ("decision", RTL + " " + EMOJI)):
            s.add(
                NoteRow(
                    workshop_id=w.id,
                    agenda_item_id=items[0].id,
                    tag=tag,
                    speaker=LONG_NAME,
                    text=text,
                    created_at="2023-05-30T06:30:00+00:00",
                )
            )
    return demo_doc


def _look(pdf: Path, screenshots: Path, name: str) -> None:
    for page in (1, 2):
        if page <= page_count(pdf):
            to_png(pdf, screenshots / f"extreme-{name}-{page}.png", first=page)


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_prints_extreme_text(kind, extreme_doc, tmp_path, screenshots):
    out = tmp_path / (f"{kind}" if kind == "certificates" else f"{kind}.pdf")
    job, files = print_document(extreme_doc, kind, out)
    assert files and all(f.stat().st_size > 1000 for f in files)
    _look(files[0], screenshots, kind)
    text = "".join(pdf_text(files[0]).split())
    if kind == "agenda":  # every character of the unbreakable title and the whole abstract are printed
        assert "".join(WORD.split()) in text and "word96" in text and ABSTRACT.split()[-1] in text


def test_report_prints_extreme_text(extreme_doc, tmp_path, screenshots):
    pdf = Path(print_report(extreme_doc, tmp_path / "report.pdf"))
    assert page_count(pdf) > 3
    _look(pdf, screenshots, "report")
    text = "".join(pdf_text(pdf).split())
    assert WORD in text
