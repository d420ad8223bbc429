"""Names in every script: a font per script, mixed names split, Arabic words right to left,
long names shrink to fit. The page with all of them is saved as PNG to look at."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.lib.units import mm

from dgfacil.printing import fonts, styles
from dgfacil.printing.certificate import NAME_MAX, NAME_MIN, fit_size
from dgfacil.printing.layout import build_pdf

from .conftest import NAMES, pdf_text, to_png


@pytest.mark.parametrize("script", ["hangul", "kana", "han", "thai", "arabic", "devanagari", "bengali"])
def test_each_script_has_its_own_truetype_font(script):
    path = fonts.font_path(script)
    assert path is not None, f"no font for {script}: install the Debian font packages"
    assert fonts.font_name(script) != fonts.font_name(fonts.LATIN)


def test_scripts_are_detected_and_mixed_names_split():
    assert fonts.split_scripts("김민준 (Kim)") == [("hangul", "김민준 ("), ("latin", "Kim)")]
    assert [s for s, _ in fonts.split_scripts("山田 太郎")] == ["han"]
    assert [s for s, _ in fonts.split_scripts("山田 やまだ")] == ["kana"]  # Han with kana: Japanese
    assert [s for s, _ in fonts.split_scripts("Nguyễn Thị Ольга")] == ["latin"]
    assert fonts.needs_shaping("राजेश") and fonts.needs_shaping("محمد") and not fonts.needs_shaping("Kim")


def test_arabic_words_are_put_in_display_order():
    # first logical word shows rightmost: in left-to-right drawing order it comes last
    assert fonts.visual_order("محمد بن سلمان") == "سلمان بن محمد"
    assert fonts.visual_order("Dr. محمد علی Khan") == "Dr. علی محمد Khan"
    assert fonts.visual_order("Kim") == "Kim"


def test_markup_escapes_user_text():
    out = fonts.markup('<img src="/etc/passwd"/> & 王')
    assert "<img" not in out and "&lt;img" in out and "&amp;" in out and "<font face=" in out


def test_long_names_shrink_and_never_overflow():
    width = 200 * mm
    assert fit_size("Kim Min-jun", width) == NAME_MAX
    long = "Maria Fernanda de los Ángeles Rodríguez-Villanueva y Castellanos de la Torre"
    size = fit_size(long, width)
    assert NAME_MIN <= size < NAME_MAX
    assert fonts.text_width(long, size, bold=True, base=fonts.SERIF) <= width
    assert fit_size("X" * 500, width) == NAME_MIN  # then the paragraph wraps instead


def test_a_page_with_every_script(tmp_path, screenshots):
    story = [styles.static("Every name prints right", "title")]
    for name, country in NAMES:
        story.append(styles.para(name, "cert_name", size=24))
        story.append(styles.para(f"{name} \u2014 {country}", "body"))
    pdf = build_pdf(tmp_path / "scripts.pdf", story, title="Scripts")
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    for plain in ("김민준", "王小明", "山田 太郎", "Ольга Петрова", "Nguyễn Thị Minh Khai", "<img src=/etc/passwd>"):
        assert plain in text
    png = to_png(pdf, screenshots / "print-all-scripts.png", dpi=90)
    assert png is None or png.exists()


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="pdftotext not installed")
def test_arabic_punctuation_sits_at_the_end_of_its_word_on_the_left(tmp_path):
    # Read back where each glyph run was drawn: the words right to left, and the comma, full stop
    # and colon that end a word in logical order drawn at its LEFT edge, where an Arabic reader
    # meets them last. (Letters are compared as sets: ligatures come back in logical order.)
    import re
    import subprocess

    lines = {"د. أحمد، القاهرة": ["القاهرة", "،أحمد", ".د"], "عبد الله: 3": ["3", ":الله", "عبد"]}
    story = [styles.para(text, "cert_name", size=24) for text in lines]
    pdf = build_pdf(tmp_path / "ar.pdf", story, title="Arabic")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        (round(float(y)), float(x), unicodedata.normalize("NFKC", w))
        for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', boxes)
    ]
    rows = sorted({y for y, _, _ in words})[:2]
    for y, expected in zip(rows, lines.values(), strict=True):
        drawn = [w for _, w in sorted((x, w) for wy, x, w in words if wy == y)]

        def leftmost_mark(w):
            return w[0] if not w[0].isalnum() else ""

        assert [(leftmost_mark(w), sorted(w)) for w in drawn] == [(leftmost_mark(e), sorted(e)) for e in expected]
