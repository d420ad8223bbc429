"""The outcome report as an editable Word document (.docx), for officers who finish it there.

One structure, two renderers: the report's parts are laid out once, as the PDF's story
(outcome_report.story_of: paragraphs with named styles, tables, charts, page breaks), and this
module renders that same story into Word: "title"/"h1"/"h2" paragraphs become Word's Title and
Heading 1/2 (so Word's navigation pane and table of contents work), tables become Word tables
with a repeating header row, charts become pictures (printing/raster.py), and every placeholder
("[To be written: …]") becomes a highlighted "[Author: …]" for the author to replace.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Table

from dgfacil.core.atomic import atomic_write
from dgfacil.printing import layout, styles
from dgfacil.printing.outcome_report import OutcomeReport, story_of
from dgfacil.printing.raster import drawing_png

MARGIN_MM = 20
_HEADINGS = {"title": 0, "h1": 1, "h2": 2}
_MUTED = RGBColor(0x5A, 0x64, 0x73)
_PLACEHOLDER = re.compile(r"^\[(?:To be written: )?(.*)\]$", re.S)


def _text(p) -> str:
    """A story paragraph's text as the user typed it (logical order, no markup)."""
    if isinstance(p, str):
        return p
    source = getattr(p, "source", None)
    return source if source is not None else p.getPlainText()


def _style_name(p: Paragraph) -> str:
    return p.style.name.split("-")[0]  # "h2-shaped-None", "title-22" -> "h2", "title"


def _author(paragraph, text: str) -> bool:
    """Write a placeholder as a highlighted note for the author; False if `text` is none."""
    m = _PLACEHOLDER.match(text.strip())
    if not m:
        return False
    run = paragraph.add_run(f"[Author: {m[1].strip()}]")
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.italic = True
    return True


def _paragraph(doc, p: Paragraph) -> None:
    text, name = _text(p), _style_name(p)
    if name in _HEADINGS:
        doc.add_heading(text, _HEADINGS[name])
        return
    if name == "subtitle":
        doc.add_paragraph(text, style="Subtitle")
        return
    bullet = text.startswith("• ")
    out = doc.add_paragraph(style="List Bullet" if bullet else None)
    if _author(out, text):
        return
    run = out.add_run(text[2:] if bullet else text)
    if name in ("meta", "small"):
        run.font.color.rgb = _MUTED
        run.font.size = Pt(9)
    elif name == "label":
        run.bold = True
        run.font.size = Pt(9)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _table(doc, t: Table) -> None:
    cells = t._cellvalues
    cols = max((len(r) for r in cells), default=0)
    if not cols:
        return
    table = doc.add_table(rows=len(cells), cols=cols)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            text = _text(value) if isinstance(value, (Paragraph, str)) else ""
            cell.text = ""
            para = cell.paragraphs[0]
            if not _author(para, text):
                run = para.add_run(text)
                run.font.size = Pt(8.5)
                run.bold = r == 0
    _repeat_header(table.rows[0])
    doc.add_paragraph()


def _flat(story):
    for f in story:
        if isinstance(f, KeepTogether):
            yield from _flat(f._content)
        else:
            yield f


def render(report: OutcomeReport, progress=None):
    """The python-docx Document of `report` (the PDF's story, rendered for Word)."""
    size = styles.page_size("A4")
    width = size[0] - 2 * styles.MARGIN
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    doc.core_properties.title = f"Outcome report: {report.title}"[:200]
    doc.core_properties.author = "dgfacil"
    section.footer.paragraphs[0].text = report.footer or "Outcome report"
    for f in _flat(story_of(report, width, progress)):
        if isinstance(f, Paragraph):
            _paragraph(doc, f)
        elif isinstance(f, Table):
            _table(doc, f)
        elif isinstance(f, Drawing):
            doc.add_picture(io.BytesIO(drawing_png(f)), width=Mm(min(f.width * 25.4 / 72, 210 - 2 * MARGIN_MM)))
        elif isinstance(f, PageBreak):
            doc.add_page_break()
        # spacers and conditional page breaks: Word lays out pages itself
    return doc


def write_outcome_report_docx(report: OutcomeReport, out: Path, progress=None) -> Path:
    """Write the report as .docx to `out` (atomic). Raises layout.Cancelled if cancelled."""
    doc = render(report, progress)
    layout.check(progress, 7, 8, "writing the document")
    with atomic_write(Path(out)) as handle:
        doc.save(handle)
    layout.check(progress, 8, 8, "done")
    return Path(out)
