"""Headings stay with what they head; a day called "Day 1" is not printed as "Day 1: Day 1"."""

from __future__ import annotations

import re

from pypdf import PdfReader
from reportlab.platypus import Spacer

from dgfacil.core.agenda import day_label
from dgfacil.printing import styles
from dgfacil.printing.attendance_sheet import print_attendance_sheet
from dgfacil.printing.layout import build_pdf
from dgfacil.printing.outcome_report import OutcomeReport, _participation
from dgfacil.store.workshop import load_workshop

from .conftest import pdf_text, to_png


def _report() -> OutcomeReport:
    return OutcomeReport(
        title="W",
        subtitle="",
        dates="1 June 2024",
        times=[],
        modality="Online",
        venue="",
        organizers=[],
        issued="June 2024",
        participation=[("Registered", "27"), ("Attended", "25")],
        countries=[("Cambodia", 9), ("Lao People's Democratic Republic", 8), ("Thailand", 10)],
    )


def test_registrations_heading_is_never_stranded(tmp_path, screenshots):
    size = styles.page_size("A4")
    width = size[0] - 2 * styles.MARGIN
    stranded = []
    # push the annex down the page a few points at a time, across the foot of the first page
    for push in range(560, 700, 6):
        out = build_pdf(
            tmp_path / f"p{push}.pdf", [Spacer(1, push), *_participation(_report(), width)], title="t", pagesize=size
        )
        for page in PdfReader(str(out)).pages:
            text = page.extract_text() or ""
            if "Registrations by country" in text and "Cambodia" not in text:
                stranded.append(push)
                to_png(out, screenshots / "print-report-stranded.png", first=1)
    assert not stranded, f"heading alone at the foot of a page for spacer heights {stranded}"


def test_day_label_does_not_repeat_the_day():
    assert day_label(1, "Day 1") == "Day 1"
    assert day_label(2, " day 2 ") == "Day 2"
    assert day_label(1, "") == "Day 1"
    assert day_label(1, "Field visit") == "Day 1: Field visit"
    assert day_label(1, "Day 2") == "Day 1: Day 2"  # a different day's name is kept: it says something


def test_attendance_sheet_says_day_once(demo_doc, tmp_path, screenshots):
    with demo_doc.session() as s:
        workshop = load_workshop(session=s)
    workshop.days[0].title = "Day 1"
    out = print_attendance_sheet(tmp_path / "sheet.pdf", workshop, [])
    text = pdf_text(out)
    assert "Day 1" in text and not re.search(r"Day 1\s*:\s*Day 1", text)
    to_png(out, screenshots / "print-attendance-day.png")
