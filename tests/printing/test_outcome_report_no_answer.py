"""The report's evaluation figures never hide who did not answer: '(130 of 140 answering; 7 no answer)'."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from dgfacil.core.evaluation import EvaluationForm, Response, summarize
from dgfacil.core.template import load_template
from dgfacil.printing.outcome_report import write_outcome_report

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
from test_outcome_report import _report  # noqa: E402

FORM = EvaluationForm.from_dict(
    load_template(ROOT / "sessions" / "undesa-escap-webinar-2023.toml").evaluation.model_dump()
)


def _responses() -> list[Response]:
    """147 respondents: 7 skipped the duration row, 20 skipped the institution."""
    out = []
    for i in range(147):
        answers = {k: (0 if i % 5 else 2) for k in ("sat_topics", "sat_overall", "sat_duration", "und_pace")}
        if i < 7:
            del answers["sat_duration"]
        if i >= 20:
            answers["background_institution"] = "National government" if i % 2 else "Other"
        out.append(Response(answers))
    return out


def test_shares_name_the_missing_answers(tmp_path, screenshots):
    stats = summarize(FORM, _responses())
    report = replace(_report(), responses=147, survey_title=FORM.title, stats=stats)
    out = write_outcome_report(report, tmp_path / "r.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages]
    text = " ".join(pages)
    # every fifth respondent chose the middle level: 30 of 147, of whom 2 are among the 7 silent on duration
    assert "79.6% (117 of 147)" in text  # everyone answered: the plain figure
    assert "80.0% (112 of 140 answering; 7 no answer)" in text  # duration: 7 did not answer
    assert "n/a (none of 147 answered)" in text  # a question nobody answered
    assert "No answer 20" in text  # the institution table counts the blanks
    if shutil.which("pdftoppm"):
        page = next(i for i, p in enumerate(pages, start=1) if "Key figures" in p)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page + 1),
                str(out),
                str(screenshots / "report_evaluation"),
            ],
            check=True,
            timeout=60,
        )


@pytest.mark.parametrize("missing, expected", [(0, "(147 of 147)"), (1, "(146 of 146 answering; 1 no answer)")])
def test_denominator_in_the_stats(missing, expected):
    responses = [Response({"sat_overall": 0}) for _ in range(147 - missing)] + [Response({}) for _ in range(missing)]
    stats = {s.question.key: s for s in summarize(FORM, responses)}
    assert stats["sat_overall"].satisfied_text.endswith(expected)


def test_a_question_no_import_asked_says_so_and_one_response_is_singular(tmp_path):
    not_asked = frozenset({"sat_overall", "liked_most", "background_institution"})
    stats = summarize(FORM, [Response({"sat_topics": 0}, source="csv", not_asked=not_asked)])
    report = replace(_report(), responses=1, survey_title=FORM.title, stats=stats)
    out = write_outcome_report(report, tmp_path / "r.pdf")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "1 evaluation response was collected" in text
    assert "Overall, the Webinar: not asked in the imported survey" in text
    assert text.count("Not asked in the imported survey.") == 2  # the institution table and the comments
    assert "n/a (none of 1 answered)" in text  # sat_presentations was asked and left blank: said as before
