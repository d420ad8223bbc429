"""No empty boxes: punctuation, digits and bullets next to Khmer, Lao, Myanmar, Sinhala and Tamil
text print from a font that has them (the Debian fonts-noto-core files are found)."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from dgfacil.printing import fonts, styles
from dgfacil.printing.layout import build_pdf

from .conftest import pdf_text, to_png

TEXTS = [
    "• ការពិភាក្សា (80%) (×2)",
    "(ការពិភាក្សា)ok",
    "ລາວ: ບົດລາຍງານ … 12.5%",
    "• ລາວ, ກ: 1",
    "• မြန်မာ: ၁၂ (50%)",
    "සිංහල: 12, “x” — ok",
    "தமிழ்: 1-2 – ok “q”",
]


@pytest.mark.parametrize("script", ["khmer", "lao", "myanmar", "sinhala", "tamil"])
def test_the_system_noto_font_is_found(script):
    path = fonts.font_path(script)
    assert path is not None and script.lower() in path.name.lower()
    assert fonts.font_name(script) != fonts.font_name(fonts.LATIN)


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_every_character_is_in_its_fonts_cmap(text, bold):
    runs = fonts.split_scripts(text, bold=bold)
    assert "".join(chunk for _, chunk in runs) == text
    for script, chunk in runs:
        face = pdfmetrics.getFont(fonts.font_name(script, bold)).face
        missing = [ch for ch in chunk if not ch.isspace() and ord(ch) not in face.charToGlyph]
        assert not missing, f"{script} font lacks {missing} in {text!r}"


def _notdef_chars() -> set[str]:
    """Private-use characters reportlab made up for glyph 0 (.notdef) while shaping."""
    out = set()
    for name in pdfmetrics.getRegisteredFontNames():
        if name.startswith("dg-"):
            for code, gid in pdfmetrics.getFont(name).face.charToGlyph.items():
                if gid == 0 and 0xE000 <= code <= 0xF8FF:
                    out.add(chr(code))
    return out


def test_shaped_pdf_has_no_notdef_glyphs(tmp_path, screenshots):
    story = [styles.static("Scripts with punctuation", "title")]
    for text in TEXTS:
        story += [styles.para(text, "body"), styles.para(text, "h2")]
    pdf = build_pdf(tmp_path / "punct.pdf", story, title="Punctuation")
    text = pdf_text(pdf)
    boxes = _notdef_chars() & set(text)
    assert not boxes, f".notdef glyphs printed: {sorted(map(hex, map(ord, boxes)))}"
    assert "80%" in text and "12.5%" in text
    to_png(pdf, screenshots / "print-script-punctuation.png", dpi=90)
