"""The one stylesheet every printed document uses: colours, page sizes, paragraph and table styles.

Content is data; how it looks is decided here only. User text (names, notes, answers) always goes
through `para()`, which escapes it (an unescaped `<img src=...>` would embed a local file), picks a
font per script and turns on HarfBuzz shaping only when the text needs it (shaping every Latin
word costs time on a 1,200-certificate run).
"""

from __future__ import annotations

from functools import cache, lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from dgfacil.printing import fonts

# --- colours: a sober public-sector palette -----------------------------------------------
INK = colors.HexColor("#1d2433")  # body text
NAVY = colors.HexColor("#1f3a5f")  # headings, table heads
ACCENT = colors.HexColor("#0f7c8c")  # rules, highlights
GOLD = colors.HexColor("#b08d57")  # certificate frame
MUTED = colors.HexColor("#5b6472")  # captions, footers
RULE = colors.HexColor("#c9ced6")  # grid lines
ZEBRA = colors.HexColor("#f3f5f8")  # alternate rows
WHITE = colors.white
GROUP_COLOURS = ("#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa")

# Page streams compressed but not ASCII85-wrapped: smaller files, and ASCII85 encoding in pure
# Python cost ~1.5 ms a certificate page.
rl_config.useA85 = 0

MARGIN = 18 * mm
PAGE_SIZES = {"A4": A4, "Letter": LETTER, "letter": LETTER, "a4": A4}


def page_size(name: str = "A4", *, wide: bool = False) -> tuple[float, float]:
    """A4 or Letter, portrait or landscape (`wide`)."""
    try:
        size = PAGE_SIZES[name]
    except KeyError:
        raise ValueError(f"unknown paper size {name!r}: use A4 or Letter") from None
    return landscape(size) if wide else size


def _style(
    name: str,
    *,
    size: float,
    leading: float | None = None,
    bold: bool = False,
    serif: bool = False,
    colour=INK,
    align=TA_LEFT,
    before: float = 0,
    after: float = 0,
    **extra,
) -> ParagraphStyle:
    base = fonts.SERIF if serif else fonts.LATIN
    return ParagraphStyle(
        name,
        fontName=fonts.font_name(base, bold),
        fontSize=size,
        leading=leading or size * 1.3,
        textColor=colour,
        alignment=align,
        spaceBefore=before,
        spaceAfter=after,
        **extra,
    )


@lru_cache(maxsize=1)
def stylesheet() -> dict[str, ParagraphStyle]:
    """All paragraph styles by name. Built once (registers the Latin and serif fonts)."""
    s = {
        "title": _style("title", size=20, bold=True, serif=True, colour=NAVY, after=4),
        "subtitle": _style("subtitle", size=11.5, colour=MUTED, after=8),
        # a heading never ends a page alone: it goes over with what follows it
        "h1": _style("h1", size=14, bold=True, colour=NAVY, before=10, after=4, keepWithNext=1),
        "h2": _style("h2", size=11.5, bold=True, colour=NAVY, before=8, after=3, keepWithNext=1),
        "body": _style("body", size=9.5, leading=13, after=4),
        "small": _style("small", size=8, leading=10.5, colour=MUTED),
        "meta": _style("meta", size=9, leading=12, colour=MUTED),
        "footer": _style("footer", size=7.5, colour=MUTED),
        "th": _style("th", size=8.5, leading=10.5, bold=True, colour=WHITE),
        "td": _style("td", size=9, leading=11.5),
        "td_small": _style("td_small", size=7.5, leading=9.5, colour=MUTED),
        "td_bold": _style("td_bold", size=9, leading=11.5, bold=True),
        "td_right": _style("td_right", size=9, leading=11.5, align=TA_RIGHT),
        "label": _style("label", size=8, bold=True, colour=ACCENT),
        # certificates
        "cert_kicker": _style("cert_kicker", size=12, colour=ACCENT, align=TA_CENTER, bold=True),
        "cert_title": _style("cert_title", size=30, bold=True, serif=True, colour=NAVY, align=TA_CENTER),
        "cert_text": _style("cert_text", size=12, leading=16, align=TA_CENTER, colour=INK),
        "cert_name": _style("cert_name", size=30, bold=True, serif=True, colour=INK, align=TA_CENTER),
        "cert_workshop": _style("cert_workshop", size=15, leading=19, bold=True, colour=NAVY, align=TA_CENTER),
        "cert_sign_name": _style("cert_sign_name", size=10, bold=True, align=TA_CENTER),
        "cert_sign_title": _style("cert_sign_title", size=8.5, leading=10.5, colour=MUTED, align=TA_CENTER),
        "cert_small": _style("cert_small", size=7.5, leading=9.5, colour=MUTED),
        # badges and table tents
        "badge_name": _style("badge_name", size=20, bold=True, colour=INK, align=TA_CENTER),
        "badge_other": _style("badge_other", size=12, colour=INK, align=TA_CENTER),  # 2nd name
        "badge_org": _style("badge_org", size=10, leading=12.5, colour=MUTED, align=TA_CENTER),
        "badge_country": _style("badge_country", size=11, bold=True, colour=ACCENT),
        "tent_name": _style("tent_name", size=40, bold=True, colour=INK, align=TA_CENTER),
        # worksheets
        "zone_title": _style("zone_title", size=11, bold=True, colour=NAVY),
        "zone_hint": _style("zone_hint", size=8, leading=10, colour=MUTED),
    }
    s["cert_kicker"].textTransform = "uppercase"
    return s


def style(name: str) -> ParagraphStyle:
    """One named style from the stylesheet."""
    return stylesheet()[name]


@cache
def _shaped(base: ParagraphStyle, size: float | None) -> ParagraphStyle:
    kw = {"shaping": 1}
    if size is not None:
        kw.update(fontSize=size, leading=size * 1.25)
    return ParagraphStyle(f"{base.name}-shaped-{size}", parent=base, **kw)


@cache
def _sized(base: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{base.name}-{size}", parent=base, fontSize=size, leading=size * 1.25)


def para(
    text: object,
    style_name: str | ParagraphStyle = "body",
    *,
    bold: bool = False,
    size: float | None = None,
    japanese: bool = False,
) -> Paragraph:
    """A Paragraph of USER text: escaped, a font per script, shaped when the script needs it.
    `japanese`: a name of a person from Japan (kanji in the Japanese font)."""
    base = style(style_name) if isinstance(style_name, str) else style_name
    value = "" if text is None else str(text)
    serif = "Serif" in base.fontName
    bold = bold or "Bold" in base.fontName  # the other scripts follow the style's weight
    body = fonts.markup(value, bold=bold, base=fonts.SERIF if serif else fonts.LATIN, japanese=japanese)
    if fonts.needs_shaping(value):
        chosen = _shaped(base, size)
    else:
        chosen = _sized(base, size) if size is not None else base
    paragraph = Paragraph(body, chosen)
    paragraph.source = value  # the text in logical order (markup reorders RTL words for display)
    return paragraph


HEAD_CHARS = 200  # a column title longer than this is not a title; beyond it, a repeated head fills the page


def head(text: object, style_name: str | ParagraphStyle = "th") -> Paragraph:
    """A table's column title from USER text, cut to HEAD_CHARS with an ellipsis.

    A table's head row repeats on every page and cannot split, so a pasted paragraph as a column
    title would be taller than the page (reportlab's LayoutError): the whole title is never needed.
    """
    value = " ".join(("" if text is None else str(text)).split())
    return para(value if len(value) <= HEAD_CHARS else value[: HEAD_CHARS - 1] + "\u2026", style_name)


def static(markup: str, style_name: str | ParagraphStyle = "body") -> Paragraph:
    """A Paragraph of OUR OWN markup (labels, headings we wrote). Never pass user text here."""
    base = style(style_name) if isinstance(style_name, str) else style_name
    return Paragraph(markup, base)


def table_style(*, header_rows: int = 1, zebra: bool = True, grid: bool = True, rows: int = 0) -> TableStyle:
    """The house table: navy header, thin rules, optional zebra rows (needs `rows` to stripe)."""
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    if grid:
        cmds += [("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE), ("BOX", (0, 0), (-1, -1), 0.6, RULE)]
    if zebra:
        for row in range(header_rows + 1, rows, 2):
            cmds.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return TableStyle(cmds)


def text_table(headers: list[str], rows: list[list[str]], widths: list[float], *, small: bool = False) -> Table:
    """A house table of USER text: escaped column titles, one paragraph per cell; `small` for wide tables."""
    cell = "td_small" if small else "td"
    title: str | ParagraphStyle = (
        ParagraphStyle("th_small_report", parent=style("th"), fontSize=7.2, leading=8.8) if small else "th"
    )
    # headers can be user text too (level names, column titles from a template): escape them
    data = [[head(h, title) for h in headers]] + [[para(v, cell) for v in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)  # a cell may outgrow a page
    t.setStyle(table_style(rows=len(data)))
    return t
