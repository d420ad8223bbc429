"""The outcome report PDF from plain values: hostile text stays text, every page renders."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from dgfacil.core.evaluation import EvaluationForm, Response, summarize
from dgfacil.printing.charts import Bar, stacked_bars
from dgfacil.printing.outcome_report import AgendaLine, OutcomeReport, SessionSummary, write_outcome_report

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
        Response({"q": 3, "t": "서울 회의가 좋았습니다"}),
    ]
    return OutcomeReport(
        title="Workshop <i>x</i>",
        subtitle="",
        dates="1 June 2024",
        times=["09:00 – 17:00 Bangkok (GMT+7)"],
        modality="In person",
        venue="Bangkok",
        organizers=["UN DESA & ESCAP"],
        issued="June 2024",
        sections={"executive_summary": "A <link href='file:///etc/passwd'>summary</link>."},
        key_messages=["Inclusion by design"],
        responses=3,
        stats=summarize(FORM, responses),
        sessions=[SessionSummary("1)", "Opening", "09:00–09:30", "Ms. Lead", ["Mr. Speaker"], [("Ms. A", "Hello")])],
        agenda=[("1 June 2024", [AgendaLine("Opening", "09:00–09:30", 30, "09:05–09:40", 35, late_min=5)])],
        run_recorded=True,
        participation=[("Registered", "3")],
        countries=[("Thailand", 3)],
    )


def test_hostile_text_is_printed_as_text(tmp_path):
    out = write_outcome_report(_report(), tmp_path / "r.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "<img src='/etc/passwd'/> & =HYPERLINK()" in text
    assert "Workshop <i>x</i>" in text and "<link href='file:///etc/passwd'>summary</link>" in text
    assert "66.7% (2 of 3)" in text and "+5 min over; started 5 min late" in text
    assert "[To be written: acknowledgments]" in text


def test_chart_sizes_to_its_rows():
    bars = [
        Bar("A question long enough to wrap onto a second line of the label column", (3, 1, 0, 0, 1), "80.0% (4 of 5)"),
        Bar("Short", (0, 0, 0, 0, 0), "n/a (0 of 0)"),
    ]
    d = stacked_bars(bars, ("Very good", "Good", "Neutral", "Bad", "Very bad"), width=480)
    assert d.width == 480 and 60 < d.height < 140


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_every_page_renders(tmp_path):
    out = write_outcome_report(_report(), tmp_path / "r.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "p")], check=True, timeout=60)
    assert len(list(tmp_path.glob("p-*.png"))) == len(PdfReader(str(out)).pages) >= 5


def test_a_report_before_any_evaluation_says_so_instead_of_empty_tables(tmp_path):
    from dataclasses import replace

    report = replace(_report(), responses=0, stats=summarize(FORM, []))
    out = write_outcome_report(report, tmp_path / "r.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "No evaluation responses recorded yet" in text and "2 questions" in text
    assert "0 of 0" not in text and "Key figures" not in text
