"""Badges, table tents and attendance sheets print the full name as a second line when it differs
from the certificate name (a Latin spelling under Bengali or Japanese), and only then."""

from __future__ import annotations

import unicodedata

import pytest

from dgfacil.core.model import Participant
from dgfacil.printing.attendance_sheet import other_name, print_attendance_sheet
from dgfacil.printing.badge import print_badges, print_table_tents
from dgfacil.store.workshop import load_workshop

from .conftest import pdf_text, to_png

PEOPLE = [
    Participant(
        "Nasrin Akter",
        certificate_name="নাসরিন আক্তার",
        country="Bangladesh",
        organization="a2i Programme",
        badge_code="B0001",
    ),
    Participant(
        "Tanaka Yuki", certificate_name="田中 由紀", country="Japan", organization="Digital Agency", badge_code="B0002"
    ),
    Participant("Kim Min-jun", certificate_name="Kim Min-jun", country="Republic of Korea", badge_code="B0003"),
    Participant("Ana Cruz", country="Philippines", badge_code="B0004"),
]


def test_other_name_only_when_it_says_more():
    assert [other_name(p) for p in PEOPLE] == ["Nasrin Akter", "Tanaka Yuki", "", ""]
    assert other_name(Participant("KIM Min-jun ", certificate_name="Kim Min-jun")) == ""


@pytest.mark.parametrize("kind", ["badges", "tents", "attendance"])
def test_both_names_print(kind, demo_doc, tmp_path, screenshots):
    with demo_doc.session() as s:
        workshop = load_workshop(session=s)
    write = {"badges": print_badges, "tents": print_table_tents, "attendance": print_attendance_sheet}[kind]
    out = write(tmp_path / f"{kind}.pdf", workshop, PEOPLE)
    text = unicodedata.normalize("NFC", pdf_text(out))
    # shaped Bengali does not extract letter for letter (vowel signs reorder): look at the PNG
    for name in ("Nasrin Akter", "田中 由紀", "Tanaka Yuki"):
        assert name in text, name
    copies = 2 if kind == "tents" else 1  # a tent prints each name twice (front and back)
    assert text.count("Kim Min-jun") == copies and text.count("Ana Cruz") == copies
    assert text.count("Nasrin Akter") == copies
    to_png(out, screenshots / f"print-second-name-{kind}.png", dpi=60)
