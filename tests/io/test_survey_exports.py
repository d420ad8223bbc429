"""Reading survey exports as the tools write them: every tool's layout to the exact answers,
encodings, scales, numbers, columns by hand, and any bytes giving answers or one clear refusal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dgfacil.core.evaluation import EvaluationForm, summarize
from dgfacil.core.template import load_template
from dgfacil.io.survey import SurveyImportError, read_survey
from dgfacil.io.survey.scales import read_answers

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "evaluation"
sys.path.insert(0, str(DATA))
from make_tool_exports import respondents  # noqa: E402

FORM = EvaluationForm.from_dict(
    load_template(ROOT / "sessions" / "undesa-escap-webinar-2023.toml").evaluation.model_dump()
)
SAT = FORM.question("sat_topics")

SM = "the column 'Respondent ID', the time in 'Start Date' and the e-mail in 'Email Address'"
TOOLS = [
    ("google_forms.csv", "Google Forms", "the time in 'Timestamp' and the e-mail in 'Email address'"),
    ("microsoft_forms.xlsx", "Microsoft Forms", "the column 'ID', the time in 'Start time' and the e-mail in 'Email'"),
    ("surveymonkey.csv", "SurveyMonkey", SM),
    ("surveymonkey.xlsx", "SurveyMonkey", SM),
    ("kobotoolbox.csv", "KoboToolbox", "the column '_uuid' and the time in 'start'"),
    ("limesurvey.csv", "LimeSurvey", "the column 'Response ID' and the time in 'Date submitted'"),
    ("plain.csv", "plain table", "their row in plain.csv"),
]


@pytest.mark.parametrize("name, tool, identity", TOOLS)
def test_each_tool_reads_to_exactly_the_answers_given(name, tool, identity):
    read = read_survey((DATA / name).read_bytes(), FORM, name=name)
    assert read.table.tool == tool and read.identity == identity
    assert not read.blocked and not read.ignored_columns[1:] and not read.missing_questions
    assert [r.answers for r in read.responses] == respondents()  # 36, blanks left blank, nothing invented
    assert len({r.external_id for r in read.responses}) == 36


def test_surveymonkey_metadata_is_recognised_and_the_other_column_listed():
    read = read_survey((DATA / "surveymonkey.xlsx").read_bytes(), FORM)
    assert read.metadata_columns == [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    assert read.ignored_columns == ["Type of institution [Other (please specify)]"]
    assert read.columns[1].header.endswith("[Importance and relevance of the topics]")


def test_the_webinar_export_reproduces_the_report_figures():
    read = read_survey((DATA / "webinar_147.csv").read_bytes(), FORM)
    stats = {s.question.key: s for s in summarize(FORM, read.responses)}
    assert len(read.responses) == 147 and not read.blocked and read.metadata_columns == ["Timestamp", "Email address"]
    assert stats["sat_overall"].satisfied_text == "97.3% (143 of 147)"
    assert stats["background_institution"].counts == [61, 27, 19, 16, 17, 7]
    assert all(r.submitted_at is not None and r.submitted_at.tzinfo for r in read.responses)


def test_scale_words_by_place_numbers_and_near_spellings():
    values = ["Satisfied", "Neutral", "Dissatisfied", "Very satisfied", "Somewhat satisfied", "5", "1", "Meh", "9"]
    got = {v: (r.level, r.how) for v, r in read_answers(SAT, values, {}).items()}
    assert got == {
        "Satisfied": (1, "scale"),
        "Neutral": (2, "scale"),
        "Dissatisfied": (3, "scale"),
        "Very satisfied": (0, "exact"),
        "Somewhat satisfied": (1, "scale"),
        "5": (0, "number"),
        "1": (4, "number"),
        "Meh": (None, "unmapped"),
        "9": (None, "unmapped"),
    }
    assert read_answers(SAT, ["1"], {}, one_best=True)["1"].level == 0
    assert read_answers(SAT, ["Meh"], {"meh": "Neutral"})["Meh"].level == 2  # mapped by hand, to a scale word
    assert read_answers(SAT, ["Meh"], {"meh": ""})["Meh"].how == "blank"


def test_a_form_in_its_own_words_takes_a_common_scale_by_place():
    q = EvaluationForm.from_dict(
        {
            "questions": [
                {"key": "q", "text": "Rate", "levels": ["Loved it", "Liked it", "So-so", "Disliked it", "Hated it"]}
            ]
        }
    ).questions[0]
    got = read_answers(q, ["Excellent", "Very good", "Good", "Fair", "Poor"], {})
    assert [r.level for r in got.values()] == [0, 1, 2, 3, 4] and {r.how for r in got.values()} == {"scale"}
    assert read_answers(q, ["Excellent", "Nope"], {})["Excellent"].level is None  # a mixed bag is not a scale


def test_cp1252_semicolon_with_columns_by_hand():
    text = "Respondent;Sujet;Durée\r\n1;Très bien;Satisfied\r\n2;Somehow Satisfied;\r\n"
    read = read_survey(
        text.encode("cp1252"),
        FORM,
        columns={"Sujet": "sat_topics", "Durée": "sat_duration"},
        answers={"Très bien": "Very Satisfied"},
    )
    assert read.table.encoding == "cp1252" and read.table.encoding_guessed and read.table.delimiter == ";"
    assert [r.answers for r in read.responses] == [{"sat_topics": 0, "sat_duration": 1}, {"sat_topics": 1}]
    assert read.ignored_columns == ["Respondent"] and "sat_overall" in read.missing_questions
    lines = "\n".join(read.lines())
    assert "'Sujet' -> sat_topics (by hand)" in lines and "guessed" in lines


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-8"])
def test_encodings_with_bom_or_not(encoding):
    data = "sat_topics\tliked_most\r\nVery Satisfied\t서울 – 좋았습니다\r\n".encode(encoding)
    read = read_survey(data, FORM)
    assert read.responses[0].answers == {"sat_topics": 0, "liked_most": "서울 – 좋았습니다"}


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xef\xbb\xbf\x91sat_topics\n", "not valid UTF-8 (it starts with a UTF-8 mark)"),  # fuzzing found these two
        (b"\xff\xfe ", "not valid UTF-16 (it starts with a UTF-16 mark)"),
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"Name,Email\nA,b\n", "no column matches"),
        (b"PK\x03\x04" + b"\x00" * 40, "cannot read this spreadsheet"),
        (b'"unterminated\n', "no column matches"),
    ],
)
def test_unusable_files_say_why(data, message):
    with pytest.raises(SurveyImportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_survey(data, FORM)


def test_a_broken_workbook_is_refused_in_one_line():
    data = (DATA / "microsoft_forms.xlsx").read_bytes()
    with pytest.raises(SurveyImportError, match="cannot read this spreadsheet"):
        read_survey(data[: len(data) // 2], FORM)


def test_a_choice_without_listed_options_takes_any_answer():
    form = EvaluationForm.from_dict({"questions": [{"key": "country", "kind": "choice", "text": "Country"}]})
    read = read_survey(b"Country\nNepal\nBhutan\n", form)
    assert [r.answers for r in read.responses] == [{"country": "Nepal"}, {"country": "Bhutan"}] and not read.blocked


def test_the_same_id_twice_in_one_file_stays_two_responses_and_is_flagged():
    read = read_survey(b"ID,sat_topics\n7,Very Satisfied\n7,Somehow Satisfied\n", FORM)
    assert [r.answers for r in read.responses] == [{"sat_topics": 0}, {"sat_topics": 1}]
    assert "WARNING respondent id 7 answered twice (rows 2 and 3); both are counted" in read.lines()


def _bytes_or_refusal(data: bytes) -> None:
    try:
        read = read_survey(data, FORM)
    except SurveyImportError as err:
        assert "\n" not in str(err)
        return
    for r in read.responses:
        assert set(r.answers) <= {q.key for q in FORM.questions}
    read.lines()


HEADS = st.sampled_from(
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"PK\x03\x04",
        b"sat_topics,liked_most\n",
        b"Respondent ID,Collector ID,sat_topics\n,,Response\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADS, st.binary(max_size=300))
def test_any_bytes_give_answers_or_a_clear_refusal(head, data):
    _bytes_or_refusal(head + data)


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADS, st.binary(max_size=2000))
def test_any_bytes_long_run(head, data):
    _bytes_or_refusal(head + data)


def test_surveymonkey_other_please_specify_is_the_forms_other():
    text = (
        "Respondent ID,Collector ID,Start Date,Type of institution,\n"
        ",,,Response,Other (please specify)\n"
        "1,9,05/30/2023 07:10:00 AM,Other (please specify),Parliament secretariat\n"
        "2,9,05/30/2023 07:12:00 AM,National government,\n"
    )
    read = read_survey(text.encode(), FORM)
    assert not read.blocked and [r.answers for r in read.responses] == [
        {"background_institution": "Other"},
        {"background_institution": "National government"},
    ]
    assert read.ignored_columns == ["Type of institution [Other (please specify)]"]  # no text question for it
    assert "answer 'Other (please specify)' -> 'Other' (the tool's label for the form's Other): 1x" in read.lines()


def test_grid_columns_stay_distinguishable_in_the_preview():
    stem = "6. Please rate your level of satisfaction with the following aspects of the webinar"
    rows = ["Overall facilitation/delivery of the Webinar", "Overall, the Webinar"]
    header = ",".join(f'"{stem} [{row}]"' for row in rows)
    read = read_survey(f"{header}\nVery Satisfied,Very Satisfied\n".encode(), FORM)
    shown = [line for line in read.lines() if " -> sat_" in line]
    assert len(shown) == 2 and "[Overall facilitation/delivery of the Webinar]'" in shown[0]
    assert "[Overall, the Webinar]'" in shown[1] and all(len(line) < 140 for line in shown)
