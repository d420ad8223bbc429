"""The outcome report as .docx: the PDF's structure in Word terms (headings, tables, a chart
picture, highlighted placeholders), user text as text, and `dgfacil print report -o x.docx`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from dgfacil.core.evaluation import EvaluationForm, Response, summarize
from dgfacil.printing.outcome_report import AgendaLine, OutcomeReport, SessionSummary
from dgfacil.printing.report_docx import write_outcome_report_docx

FORM = EvaluationForm.from_dict(
    {
        "questions": [
            {"key": "q", "kind": "likert", "text": "Quality <b>of</b> presentations", "group": "Rate"},
            {"key": "t", "kind": "text", "text": "What did you like most?"},
        ]
    }
)


def _report() -> OutcomeReport:
    responses = [
        Response({"q": 0, "t": "<img src='/etc/passwd'/> & =HYPERLINK()"}),
        Response({"q": 1}),
        Response({"q": 3, "t": "الحوكمة الرقمية مفيدة"}),
    ]
    return OutcomeReport(
        title="Workshop <i>x</i>",
        subtitle="Digital government",
        dates="1 June 2024",
        times=["09:00 – 17:00 Bangkok (GMT+7)"],
        modality="In person",
        venue="Bangkok",
        organizers=["UN DESA & ESCAP"],
        issued="June 2024",
        sections={"executive_summary": "First paragraph.\n\nSecond paragraph."},
        key_messages=["Inclusion by design"],
        responses=3,
        stats=summarize(FORM, responses),
        sessions=[
            SessionSummary("1)", "Opening", "09:00–09:30", "Ms. Lead", ["Mr. Speaker"], [("Ms. A", "Hello")]),
            SessionSummary("2)", "Silent panel", "09:30–10:00", "", [], []),
        ],
        agenda=[("1 June 2024", [AgendaLine("Opening", "09:00–09:30", 30, "09:05–09:40", 35, late_min=5)])],
        run_recorded=True,
        participation=[("Registered", "3")],
        countries=[("Thailand", 3)],
    )


def test_headings_tables_chart_and_author_notes(tmp_path):
    out = write_outcome_report_docx(_report(), tmp_path / "r.docx")
    doc = Document(str(out))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "Workshop <i>x</i>") in heads
    for h in (
        "I. Executive Summary",
        "II. Key Messages",
        "III. Summary of Discussions",
        "IV. Group Outputs",
        "V. Recommendations",
        "VI. Evaluation of the Post-Event Survey",
        "Annex 1. Agenda as Planned and as Run",
        "Annex 2. Participation",
    ):
        assert ("Heading 1", h) in heads
    assert ("Heading 2", "1) Opening") in heads and ("Heading 2", "Rate") in heads
    texts = [p.text for p in doc.paragraphs]
    assert "First paragraph." in texts and "Second paragraph." in texts
    assert "<img src='/etc/passwd'/> & =HYPERLINK()" in texts  # user text stays text
    assert "الحوكمة الرقمية مفيدة" in texts  # in the order it was typed, not the PDF's display order
    notes = [r for p in doc.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "[Author: acknowledgments]" in [r.text for r in notes]
    assert "[Author: no notes were taken in this session]" in [r.text for r in notes]
    assert not [t for t in texts if "To be written" in t]
    # tables as tables: the ratings, the agenda (planned and as run) and participation
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    agenda = next(t for t in tables if t[0][:3] == ["Planned", "Min", "Item"])
    assert agenda[1][2] == "Opening" and agenda[1][5] == "+5 min over; started 5 min late"
    assert ["Registered", "3"] in next(t for t in tables if t[0] == ["Figure", "Number"])
    assert len(doc.inline_shapes) == 1  # the chart, as a picture


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="needs LibreOffice")
def test_cli_writes_a_docx_that_libreoffice_opens(demo_doc, tmp_path):
    path = Path(demo_doc.path)
    demo_doc.close()
    out = tmp_path / "report.docx"
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", "print", "report", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"wrote {out}", done.stderr
    assert Document(str(out)).paragraphs
    converted = subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert (tmp_path / "report.pdf").exists(), converted.stderr
