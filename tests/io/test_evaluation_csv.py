"""Reading online-survey exports: encodings, delimiters, column and answer matching, bad files."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from dgfacil.core.evaluation import EvaluationForm, summarize
from dgfacil.core.template import load_template
from dgfacil.io.evaluation_csv import CsvImportError, match_answer, read_evaluation_csv

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "evaluation"
FORM = EvaluationForm.from_dict(load_template(ROOT / "sessions" / "undesa-escap-webinar-2023.toml").evaluation.model_dump())
SAT = FORM.question("sat_topics").levels

# The outcome report's own figures, computed again from the 147 answers.
REPORT_FIGURES = {
    "sat_topics": "99.3% (146 of 147)", "sat_presentations": "96.6% (142 of 147)",
    "sat_discussion": "95.9% (141 of 147)", "sat_facilitation": "95.2% (140 of 147)",
    "sat_duration": "91.8% (135 of 147)", "sat_overall": "97.3% (143 of 147)",
    "und_pace": "98.0% (144 of 147)", "und_capacities": "99.3% (146 of 147)",
    "und_inclusion": "99.3% (146 of 147)", "und_toolkit": "94.6% (139 of 147)",
}


def test_webinar_export_reproduces_the_report_figures():
    read = read_evaluation_csv((DATA / "webinar_147.csv").read_bytes(), FORM)
    assert len(read.responses) == 147
    assert read.report.clean and read.report.ignored_columns == ["Email address"]
    stats = {s.question.key: s for s in summarize(FORM, read.responses)}
    assert {k: stats[k].satisfied_text for k in REPORT_FIGURES} == REPORT_FIGURES
    assert stats["background_institution"].counts == [61, 27, 19, 16, 17, 7]
    assert len(stats["liked_most"].texts) == 98
    assert all(r.submitted_at is not None and r.submitted_at.tzinfo for r in read.responses)


def _csv(rows: list[list[str]], sep: str = ",") -> str:
    def cell(v: str) -> str:
        return f'"{v}"' if any(ch in v for ch in f'{sep}"\n') else v
    return "\r\n".join(sep.join(cell(v) for v in row) for row in rows) + "\r\n"


def test_cp1252_semicolon_microsoft_style_with_close_answers():
    rows = [["ID", "Completion time", "Importance and relevance of the topics", "Quality of presentations",
             "What did you like most about the Webinar?", "Favourite colour"],
            ["1", "5/30/2023 17:01:02", "Very satisfied", "Somewhat satisfied", "Café talk – très bien", "blue"],
            ["2", "5/30/2023 17:05:00", "Somehow Satisfied", "Satisfied", "", "red"]]
    data = _csv(rows, ";").encode("cp1252")
    read = read_evaluation_csv(data, FORM)
    r = read.report
    assert (r.encoding, r.encoding_guessed, r.delimiter) == ("cp1252", True, ";")
    assert read.responses[0].answers == {"sat_topics": 0, "sat_presentations": 1, "liked_most": "Café talk – très bien"}
    assert read.responses[1].answers == {"sat_topics": 1}
    assert read.responses[0].external_id == "1"
    assert r.unmatched_answers["sat_presentations"] == {"Satisfied": 1}
    assert r.close_answers["sat_presentations"] == {("Somewhat satisfied", "Somehow Satisfied"): 1}
    assert r.ignored_columns == ["Favourite colour"]
    assert "sat_duration" in r.missing_questions
    text = "\n".join(r.lines(FORM))
    assert "'Satisfied' matches no level (1x)" in text and "guessed" in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-8"])
def test_encodings_with_bom_or_not(encoding):
    data = _csv([["sat_topics", "liked_most"], ["Very Satisfied", "서울 – 좋았습니다"]], "\t").encode(encoding)
    read = read_evaluation_csv(data, FORM)
    assert read.responses[0].answers == {"sat_topics": 0, "liked_most": "서울 – 좋았습니다"}
    assert not read.report.encoding_guessed


def test_one_column_file_defeats_the_sniffer_but_reads():
    read = read_evaluation_csv(b"Quality of presentations\nVery Satisfied\n\nSomehow Dissatisfied\n", FORM)
    assert [r.answers for r in read.responses] == [{"sat_presentations": 0}, {"sat_presentations": 3}]
    assert read.report.empty_rows == 1


def test_a_huge_comment_is_read_not_crashed_on():
    long = "x" * 200_000  # csv's default limit is 131,072 characters a field
    read = read_evaluation_csv(_csv([["liked_most"], [long]]).encode(), FORM)
    assert read.responses[0].answers["liked_most"] == long


def test_same_rows_same_ids_so_reimport_can_skip_them():
    data = (DATA / "webinar_147.csv").read_bytes()
    a = [r.external_id for r in read_evaluation_csv(data, FORM).responses]
    assert a == [r.external_id for r in read_evaluation_csv(data, FORM).responses]
    assert len(set(a)) == 147


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"\n\n", "empty"), (b"Name,Email\nA,b\n", "no column matches"),
    (b'"unterminated\n', "no column matches"),
])
def test_unusable_files_say_why(data, message):
    with pytest.raises(CsvImportError, match=message):
        read_evaluation_csv(data, FORM)


def test_a_form_without_questions_is_refused():
    with pytest.raises(CsvImportError, match="no evaluation form"):
        read_evaluation_csv(b"a\n1\n", EvaluationForm())


def test_answer_matching_is_strict_about_different_levels():
    assert match_answer("  very SATISFIED ", SAT) == (0, True)
    assert match_answer("Somehow dissatisfied", SAT) == (3, True)
    assert match_answer("3", SAT) == (None, False)  # numbers: scales run both ways
    assert match_answer("Dissatisfied", SAT)[0] is None


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_responses_or_a_clear_error(data):
    try:
        read = read_evaluation_csv(b"sat_topics,liked_most\n" + data, FORM)
    except CsvImportError:
        return
    for r in read.responses:
        assert set(r.answers) <= {"sat_topics", "liked_most"}
        assert r.answers.get("sat_topics", 0) in range(5)
