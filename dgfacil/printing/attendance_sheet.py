"""Attendance sheets for days or blocks: who signs where, sorted by country then name.

Each section (a day, or one session) starts on a new page with the workshop title, project code,
date, venue and block. The table's header row repeats on every page (repeatRows), and a page
that continues a section carries a running header naming it, so a loose page is identifiable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from dgfacil.core.agenda import day_label
from dgfacil.core.model import Participant, Workshop
from dgfacil.printing import fonts, styles
from dgfacil.printing.layout import build_pdf, check


@dataclass(frozen=True)
class Section:
    """One sheet: a day or a block, with the date it is held on."""

    label: str
    when: date | None = None


def other_name(p: Participant) -> str:
    """The full name when it differs from the name printed (e.g. a Latin spelling under
    নাসরিন আক্তার or 田中 由紀), so colleagues who cannot read one script can read the other;
    "" when there is nothing more to say."""
    printed, full = p.printed_name.strip(), (p.full_name or "").strip()
    return full if full and full.casefold() != printed.casefold() else ""


def sort_key(p: Participant) -> tuple:
    """Country, then name, case-insensitively; participants without a country go last."""
    return (not p.country.strip(), p.country.strip().casefold(), p.printed_name.casefold())


class _Marker(Flowable):
    """Invisible: records on the doc which section is being drawn and where it started."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        doc.dg_section, doc.dg_section_page = self.index, self.canv.getPageNumber()


def _furniture(workshop: Workshop, sections: Sequence[Section]):
    running = [
        styles.para(
            " \u00b7 ".join(x for x in (workshop.title, s.label, f"{s.when:%d %b %Y}" if s.when else "") if x)
            + " (continued)",
            "small",
        )
        for s in sections
    ]

    def end_of_page(canv, doc) -> None:
        width, height = doc.pagesize
        canv.saveState()
        canv.setFillColor(styles.NAVY)
        canv.rect(0, height - 6 * mm, width, 6 * mm, stroke=0, fill=1)
        index = getattr(doc, "dg_section", None)
        if index is not None and doc.dg_section_page != canv.getPageNumber():
            p = running[index]
            _w, h = p.wrap(width - 2 * styles.MARGIN, 20 * mm)
            p.drawOn(canv, styles.MARGIN, height - 9 * mm - h)
        canv.restoreState()

    return end_of_page


def _section_story(workshop: Workshop, people: list[Participant], section: Section, index: int, usable: float) -> list:
    story: list = [_Marker(index), styles.static("Attendance sheet", "label"), styles.para(workshop.title, "title")]
    meta = []
    if workshop.project_code:
        meta.append(f"Project {workshop.project_code}")
    if section.when:
        meta.append(f"{section.when:%A} {section.when.day} {section.when:%B %Y}")
    if workshop.venue:
        meta.append(workshop.venue)
    story.append(styles.para(" \u00b7 ".join(meta), "meta"))
    if section.label:
        story.append(styles.para(section.label, "h2"))
    story.append(Spacer(1, 4 * mm))
    head = [styles.static(t, "th") for t in ("No.", "Name", "Country", "Organization / position", "Signature")]
    rows = [head]
    for n, p in enumerate(people, start=1):
        org = " \u2014 ".join(x for x in (p.organization, p.position) if x)
        name = styles.para(p.printed_name, "td_bold", japanese=fonts.japanese_country(p.country))
        if other := other_name(p):
            name = [name, styles.para(other, "td_small")]
        rows.append(
            [styles.static(str(n), "td_right"), name, styles.para(p.country, "td"), styles.para(org, "td_small"), ""]
        )
    if not people:
        rows.append(["", styles.static("<i>No participants yet.</i>", "td"), "", "", ""])
    # the widest row number on one line ("1000" once split into "100" over "0"), padding included
    number = max(10 * mm, fonts.text_width(str(max(len(people), 1)), 9) + 12)
    widths = [number, 0.27 * usable, 0.14 * usable, 0.25 * usable]
    widths.append(usable - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    style = styles.table_style(rows=len(rows))
    # tall rows leave room to sign; padding (not a fixed height) lets a long name grow the row
    style.add("TOPPADDING", (0, 1), (-1, -1), 10)
    style.add("BOTTOMPADDING", (0, 1), (-1, -1), 10)
    style.add("LINEAFTER", (3, 1), (3, -1), 0.4, styles.RULE)  # a clear box to sign in
    table.setStyle(style)
    story.append(table)
    return story


def print_attendance_sheet(
    out: Path,
    workshop: Workshop,
    participants: Sequence[Participant],
    *,
    sections: Sequence[Section] | None = None,
    paper: str = "A4",
    progress=None,
) -> Path:
    """Sheets for each section (by default one per day of the workshop). Returns `out`."""
    if sections is None:
        sections = [Section(day_label(d, day.title), day.date) for d, day in enumerate(workshop.days, start=1)] or [
            Section("", None)
        ]
    people = sorted(participants, key=sort_key)
    pagesize = styles.page_size(paper)
    usable = pagesize[0] - 2 * styles.MARGIN
    story: list = []
    for i, section in enumerate(sections):
        if story:
            story.append(PageBreak())
        story += _section_story(workshop, people, section, i, usable)
        check(progress, i + 1, len(sections), section.label)
    # the footer is drawn in the Latin font: our own words and the project code only
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Attendance sheet") if x)
    return build_pdf(
        out,
        story,
        title=f"Attendance \u2014 {workshop.title}",
        pagesize=pagesize,
        footer=footer[:120],
        on_page_end=_furniture(workshop, sections),
    )
