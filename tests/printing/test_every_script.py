"""Every name in its own script: fonts are chosen by what their cmap covers, every script a UN
member state writes names in prints with a real font (Armenian and Tibetan included), محمد gets
no ligature or vowel marks nobody typed, and a character no font has is named, never blank."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr

from dgfacil.core.model import Day, Participant, Workshop
from dgfacil.printing import badge, certificate, fonts
from dgfacil.printing.attendance_sheet import print_attendance_sheet

from .conftest import pdf_text, to_png
from .world_names import WORLD_NAMES

WORKSHOP = Workshop(
    title="Digital Government Leadership",
    timezone="Asia/Bangkok",
    organizers=["UN DESA", "UN ESCAP"],
    days=[Day(date(2026, 3, 2)), Day(date(2026, 3, 6))],
)
NO_FONT = "\U00010001\U00010002"  # Linear B: no font on any machine we support has it


@pytest.mark.parametrize("script,name", WORLD_NAMES, ids=[f"{s}-{i}" for i, (s, _n) in enumerate(WORLD_NAMES)])
def test_each_name_is_set_in_a_font_whose_cmap_has_its_letters(script, name):
    runs = fonts.split_scripts(name, bold=True)
    assert "".join(chunk for _s, chunk in runs) == name
    letter_runs = {s for s, chunk in runs if any(c.isalpha() for c in chunk)}
    assert letter_runs == {script}
    assert fonts.unprintable(name) == []
    for family, chunk in runs:
        face = pdfmetrics.getFont(fonts.font_name(family, True)).face
        assert [c for c in chunk if not c.isspace() and ord(c) not in face.charToGlyph] == []


def test_scripts_below_hebrew_are_not_taken_for_latin():
    # the old range table sent everything below U+0590 (Armenian!) to the Latin font
    assert fonts.script_of("Ա") == "armenian" and fonts.script_of("ཀ") == "tibetan"
    assert fonts.script_of("Ж") == fonts.script_of("Ω") == fonts.script_of("é") == fonts.LATIN


def _fonts_drawing_text(pdf: Path) -> list[set[str]]:
    """Per page: the font files (BaseFont without subset tag) whose text operators draw
    something non-empty."""
    pages = []
    for page in PdfReader(str(pdf)).pages:
        resources = page["/Resources"]["/Font"]
        stream = page.get_contents().get_data().decode("latin-1")
        used = set()
        for name, text in re.findall(r"/(F[\d+]+) [\d.]+ Tf(?:(?!Tf|ET)[^\[(<])*[\[(<]([^\]\)>]+)", stream):
            base = str(resources["/" + name].get_object()["/BaseFont"]).split("+")[-1]
            if text.strip():
                used.add(base)
        pages.append(used)
    return pages


def _stem(script: str) -> str:
    """The PostScript name of the script's font family, as a PDF BaseFont spells it."""
    name = pdfmetrics.getFont(fonts.font_name(script, True)).face.name
    name = name.decode("latin-1") if isinstance(name, bytes) else str(name)
    return name.split("+")[-1].replace("-Bold", "").replace("Bold", "").replace("-Regular", "")


def test_certificates_in_every_script_draw_each_name_with_its_font(tmp_path, screenshots):
    people = [
        certificate.Recipient(f"X-2026-{i:04d}", n, f"DGF1|{i}") for i, (_s, n) in enumerate(WORLD_NAMES, start=1)
    ]
    pdf = certificate.print_certificates(tmp_path / "c.pdf", WORKSHOP, people, fingerprint="TEST")[0]
    for (script, name), used in zip(WORLD_NAMES, _fonts_drawing_text(pdf), strict=True):
        if script != "latin":
            assert any(_stem(script) in base for base in used), (name, used)
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    for script, name in WORLD_NAMES:  # scripts drawn without shaping read back as typed
        if script in ("latin", "armenian", "georgian", "ethiopic", "tifinagh", "hangul", "han"):
            assert name in text
    for page, stem in ((10, "armenian"), (31, "tibetan"), (33, "ethiopic")):
        to_png(pdf, screenshots / f"certificate-{stem}.png", first=page)


def test_badges_and_attendance_in_every_script(tmp_path, screenshots):
    people = [Participant(n, country=s, organization="Ministry") for s, n in WORLD_NAMES]
    pdf = badge.print_badges(tmp_path / "b.pdf", WORKSHOP, people)
    used = set().union(*_fonts_drawing_text(Path(pdf)))
    for script, _name in WORLD_NAMES:
        if script != "latin":
            assert any(_stem(script) in base for base in used), script
    for page in (1, 2, 3, 4, 5):
        to_png(Path(pdf), screenshots / f"badges-every-script-{page}.png", first=page)


def test_row_numbers_of_a_thousand_and_more_stay_on_one_line(tmp_path, screenshots):
    people = [Participant(f"Person {i:04d}", country="Thailand") for i in range(1, 1006)]
    pdf = print_attendance_sheet(
        tmp_path / "a.pdf", Workshop(title="Webinar", timezone="Asia/Bangkok", days=[Day(date(2026, 3, 2))]), people
    )
    numbers = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip().isdigit()]
    assert numbers == [str(i) for i in range(1, 1006)]  # "1000" once broke into "100" / "0"
    last = len(PdfReader(str(pdf)).pages)
    to_png(pdf, screenshots / "attendance-row-1000.png", first=last)


def test_muhammad_gets_no_ligature_or_vowel_marks_nobody_typed():
    for bold in (False, True):
        shaped = shapeStr("محمد", fonts.font_name("arabic", bold), 20, force=True)
        face = pdfmetrics.getFont(fonts.font_name("arabic", bold)).face
        glyphs = [face.charToGlyph.get(ord(c)) for c in shaped]
        assert len(shaped) == 4  # four letters, four joined forms
        assert "\ufdf4" not in shaped  # ARABIC LIGATURE MOHAMMAD (drawn with its vowel marks)
        assert not any(unicodedata.category(c) == "Mn" for c in shaped)
        assert all(g for g in glyphs)


def test_a_character_no_font_has_is_named():
    assert fonts.unprintable(f"Ana {NO_FONT}") == list(NO_FONT)
    assert fonts.unprintable("Ana \ue000") == ["\ue000"]  # private use: nobody's font
    assert fonts.unprintable("زهرا\u200cاحمدی Kim") == []  # ZWNJ draws nothing: not missing


def test_a_japanese_name_gets_the_japanese_font_by_country_or_kana(tmp_path):
    assert [s for s, _ in fonts.split_scripts("山田 太郎")] == ["han"]  # Chinese reading by default
    assert [s for s, _ in fonts.split_scripts("山田 太郎", japanese=True)] == ["kana"]
    assert fonts.japanese_country(" Japan ") and fonts.japanese_country("日本")
    assert not fonts.japanese_country("China")
    people = [
        certificate.Recipient("J-1", "山田 太郎", "DGF1|1", country="Japan"),
        certificate.Recipient("C-1", "山田 太郎", "DGF1|2", country="China"),
    ]
    pdf = certificate.print_certificates(tmp_path / "c.pdf", WORKSHOP, people, fingerprint="T")[0]
    japan, china = _fonts_drawing_text(pdf)
    assert any(_stem("kana") in f for f in japan) and not any(_stem("han") in f for f in japan)
    assert any(_stem("han") in f for f in china)
    tents = badge.print_table_tents(tmp_path / "t.pdf", WORKSHOP, [Participant("山田 太郎", country="Japan")])
    assert any(_stem("kana") in f for f in set().union(*_fonts_drawing_text(Path(tents))))
