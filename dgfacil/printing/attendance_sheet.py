"""Attendance sheet for a day or a session: who signs where, sorted by country then name.

The table's header row repeats on every page (repeatRows) and the running header (title, code,
date, venue) is drawn by the page callback, so every sheet that leaves the stack is identifiable.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from dgfacil.core.model import Participant, Workshop
from dgfacil.printing import styles
from dgfacil.printing.layout import build_pdf


def sort_key(p: Participant) -> tuple:
    """Country, then name, case-insensitively; participants without a country go last."""
    return (not p.country.strip(), p.country.strip().casefold(), p.printed_name.casefold())


def _header(workshop: Workshop, session_label: str, when: date | None):
    """A navy band on every page; from page 2 on, the title, date and session above the table."""
    parts = [workshop.title, session_label, f"{when:%d %b %Y}" if when else ""]
    running = styles.para(" \u00b7 ".join(p for p in parts if p), "small")

    def draw(canv, doc) -> None:
        width, height = doc.pagesize
        canv.saveState()
        canv.setFillColor(styles.NAVY)
        canv.rect(0, height - 6 * mm, width, 6 * mm, stroke=0, fill=1)
        if doc.page > 1:
            _w, h = running.wrap(width - 2 * styles.MARGIN, 20 * mm)
            running.drawOn(canv, styles.MARGIN, height - 9 * mm - h)
        canv.restoreState()

    return draw


def print_attendance_sheet(out: Path, workshop: Workshop, participants: Sequence[Participant], *,
                           session_label: str = "", when: date | None = None,
                           paper: str = "A4", progress=None) -> Path:
    """One sheet (as many pages as needed) for a day or a session. Returns `out`."""
    when = when or workshop.start_date
    story = [
        styles.static("Attendance sheet", "label"),
        styles.para(workshop.title, "title"),
    ]
    meta = []
    if workshop.project_code:
        meta.append(f"Project {workshop.project_code}")
    if when:
        meta.append(f"{when:%A} {when.day} {when:%B %Y}")
    if workshop.venue:
        meta.append(workshop.venue)
    story.append(styles.para(" \u00b7 ".join(meta), "meta"))
    if session_label:
        story.append(styles.para(session_label, "h2"))
    story.append(Spacer(1, 4 * mm))

    people = sorted(participants, key=sort_key)
    head = [styles.static(t, "th") for t in ("No.", "Name", "Country", "Organization / position",
                                               "Signature")]
    rows = [head]
    for n, p in enumerate(people, start=1):
        org = " \u2014 ".join(x for x in (p.organization, p.position) if x)
        rows.append([
            styles.static(str(n), "td_right"), styles.para(p.printed_name, "td_bold"),
            styles.para(p.country, "td"), styles.para(org, "td_small"), "",
        ])
    if not people:
        rows.append(["", styles.static("<i>No participants yet.</i>", "td"), "", "", ""])
    pagesize = styles.page_size(paper)
    usable = pagesize[0] - 2 * styles.MARGIN
    widths = [10 * mm, 0.27 * usable, 0.14 * usable, 0.25 * usable]
    widths.append(usable - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = styles.table_style(rows=len(rows))
    # tall rows leave room to sign; padding (not a fixed height) lets a long name grow the row
    style.add("TOPPADDING", (0, 1), (-1, -1), 10)
    style.add("BOTTOMPADDING", (0, 1), (-1, -1), 10)
    style.add("LINEAFTER", (3, 1), (3, -1), 0.4, styles.RULE)  # a clear box to sign in
    style.add("VALIGN", (0, 1), (-1, -1), "MIDDLE")
    table.setStyle(style)
    story.append(table)
    # the footer is drawn in the Latin font: our own words and the project code only
    footer = " \u00b7 ".join(x for x in (workshop.project_code, "Attendance sheet") if x)
    if progress is not None:
        progress.report(0, 1, "Laying out the sheet")
    build_pdf(out, story, title=f"Attendance \u2014 {workshop.title}", pagesize=pagesize,
              footer=footer[:120], on_page=_header(workshop, session_label, when))
    if progress is not None:
        progress.report(1, 1, "Done")
    return Path(out)
