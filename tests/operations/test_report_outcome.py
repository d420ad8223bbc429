"""The outcome report: assembled from the document, printed with every part, figures exact."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))
from test_report_fixture import fill_webinar  # noqa: E402

from dgfacil.operations.report import assemble_report, print_report  # noqa: E402
from dgfacil.printing.layout import Cancelled  # noqa: E402


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.fixture
def webinar(demo_doc):
    fill_webinar(demo_doc)
    return demo_doc


def test_assembled_from_what_the_document_holds(webinar):
    with webinar.session() as s:
        r = assemble_report(s)
    assert r.dates == "30 May 2023" and r.modality == "Online"
    assert r.times[0] == "15:00 – 16:40 Seoul (GMT+9)" and r.times[2].startswith("09:00 – 10:40 Addis Ababa")
    assert r.key_messages[0].startswith("Digital transformation is a new development paradigm")
    opening = r.sessions[0]
    assert opening.title == "Opening" and opening.lead.startswith("Mr. Keping Yao")
    assert ("Mr. Kyu Chang Ko", "Welcomed all participants and introduced the Toolkit.") in opening.notes
    assert ("", "Decision: Share the E-Government Survey slides with all participants.") in r.sessions[1].notes
    assert r.responses == 147
    assert {s.question.key: s.satisfied_text for s in r.stats}["sat_overall"] == "97.3% (143 of 147)"
    assert r.run_recorded
    lines = r.agenda[0][1]
    assert [(a.actual, a.actual_min, a.over_min) for a in lines[:2]] == [("15:00–15:09", 9, 2), ("15:09–15:41", 32, 0)]
    assert lines[1].late_min == 2 and lines[4].over_min == -4
    assert dict(r.participation)["Registered"] == "40"
    assert dict(r.participation)["Attended (present in at least one block)"] == "31"
    assert dict(r.participation)["Local participants (registered / attended)"] == "4 / 4"
    plan = r.outputs[0]
    assert plan.headers == ["Goal", "Action step", "Responsibility", "Timeframe"]
    assert plan.rows[1] == [
        "Digital skills for civil servants",
        "Train 40 trainers",
        "UNPOG with the academy",
        "Q1 2024",
    ]


def test_printed_with_every_part(webinar, tmp_path):
    out = print_report(webinar, tmp_path / "report.pdf")
    text = _text(out)
    for part in [
        "OUTCOME REPORT",
        "30 May 2023",
        "15:00 – 16:40 Seoul (GMT+9)",
        "Organized by",
        "Acknowledgments",
        "This report captures the main outcomes",
        "I. Executive Summary",
        "II. Key Messages",
        "1. Digital transformation is a new development paradigm",
        "III. Summary of Discussions",
        "1) Opening",
        "Moderator: Mr. Keping Yao",
        "IV. Group Outputs",
        "Action plan — Group A — Asia-Pacific",
        "Train 40 trainers",
        "V. Recommendations",
        "Localize and contextualize the Toolkit.",
        "VI. Evaluation of the Post-Event Survey",
        "147 evaluation responses",
        "97.3% (143 of 147)",
        "99.3% (146 of 147)",
        "94.6% (139 of 147)",
        "91.8% (135 of 147)",
        "What did you like most about the Webinar?",
        "It was overall a great knowledge booster.",
        "Annex 1. Agenda as Planned and as Run",
        "15:00–15:09",
        "+2 min over",
        "Annex 2. Participation",
        "Registered",
        "Republic of Korea",
    ]:
        assert part in text, part
    # a note's markup is printed as text, never interpreted
    assert "<img src='/etc/passwd'>" in text
    assert "[To be written" in text  # sessions without notes say so
    assert len(PdfReader(str(out)).pages) >= 8


def test_empty_document_prints_placeholders_and_the_plan_only(demo_doc, tmp_path):
    text = _text(print_report(demo_doc, tmp_path / "empty.pdf"))
    assert "[To be written: acknowledgments]" in text
    assert "[To be written: executive summary]" in text
    assert "[To be written: recommendations]" in text
    assert "no note was tagged 'key message'" in text
    assert "No evaluation responses recorded yet" in text and "n/a (0 of 0)" not in text
    assert "only the plan is shown" in text
    assert re.search(r"Attended \(present in at least one block\) not recorded", text)


def test_cancel_leaves_no_file(webinar, tmp_path):
    class Stop:
        seen: list = []
        cancelled = False

        def report(self, done, total, text):
            self.seen.append(done)
            self.cancelled = done >= 3

    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        print_report(webinar, out, Stop())
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_progress_runs_to_the_end(webinar, tmp_path):
    steps = []

    class Watch:
        cancelled = False

        def report(self, done, total, text):
            steps.append((done, total))

    print_report(webinar, tmp_path / "r.pdf", Watch())
    assert steps[0] == (0, 8) and steps[-1] == (8, 8)


def test_a_report_drafted_before_the_workshop_is_dated_by_its_last_day(tmp_path):
    from dgfacil.operations.document import new_from_template
    from dgfacil.operations.report import assemble_report

    doc = new_from_template(tmp_path / "w.dgfacil", "apo-digital-transformation-2022", start=date(2099, 3, 9))
    try:
        with doc.session() as s:
            assert assemble_report(s).issued == "March 2099"
            assert assemble_report(s, issued=date(2099, 4, 2)).issued == "April 2099"
    finally:
        doc.close()
