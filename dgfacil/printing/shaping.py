"""Shape each font run of a word with its own font.

reportlab (5.x) shapes a Paragraph word with HarfBuzz using the font of the word's FIRST
fragment only, so in "ລາວ:" (a Lao run, then a colon we put in Noto Sans because the Lao font has
no colon) the colon is looked up in the Lao font and prints as an empty box (.notdef), and the
glyph ids of the next fragment are read against the wrong font. `install()` replaces the
paragraph module's `shapeFragWord` with one that cuts a word where its font changes, shapes each
piece with reportlab's own function, and joins the results.

It also turns off discretionary ligatures, which reportlab asks HarfBuzz for: with `dlig`, Noto
Sans Arabic draws محمد as the single glyph U+FDF4, with vowel marks (مُحَمَّد) nobody typed. A name
prints with the letters the person gave; only the required forms (joining, conjuncts) apply.
"""

from __future__ import annotations

_installed = False
FEATURES = {"kern": True, "liga": True}  # reportlab's defaults minus dlig (see above)


def _font_key(frag) -> tuple[str, float] | None:
    if hasattr(frag, "cbDefn"):  # an image/anchor inside the word: no font of its own
        return None
    return frag.fontName, frag.fontSize


def _pieces(word: list) -> list[list]:
    """Runs of consecutive fragments with the same font (specials stay with the run before)."""
    pieces: list[list] = []
    key = None
    for frag, text in word[1:]:
        k = _font_key(frag)
        if not pieces or (k is not None and k != key and key is not None):
            pieces.append([])
        if k is not None:
            key = k
        pieces[-1].append((frag, text))
    return pieces


def install() -> None:
    """Patch reportlab's paragraph shaping (once). A no-op without uharfbuzz."""
    global _installed
    if _installed:
        return
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.platypus import paragraph

    original = ttfonts.shapeFragWord
    if not hasattr(ttfonts, "ShapedFragWord"):
        _installed = True
        return

    def width_of(piece: list) -> float:
        return sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in piece if not hasattr(f, "cbDefn"))

    def shape_per_font(w, *args, **kwargs):
        if not args:
            kwargs.setdefault("features", FEATURES)
        if isinstance(w, ttfonts.ShapedFragWord) or len(w) < 3:
            return original(w, *args, **kwargs)
        pieces = _pieces(w)
        if len(pieces) < 2:
            return original(w, *args, **kwargs)
        results = []
        changed = False
        for piece in pieces:
            sub = w.__class__([width_of(piece), *piece])
            shaped = original(sub, *args, **kwargs)
            changed = changed or shaped is not sub
            results.append(shaped)
        if not changed:
            return w
        joined = ttfonts.makeShapedFragWord(w)([])
        joined.append(sum(r[0] for r in results))
        for r in results:
            joined.extend(r[1:])
        return joined

    paragraph.shapeFragWord = shape_per_font
    ttfonts.shapeFragWord = shape_per_font  # shapeStr looks it up here
    from reportlab.pdfgen import canvas

    canvas.shapeFragWord = shape_per_font  # drawString(..., shaping=True)
    _installed = True
