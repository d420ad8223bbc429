"""Writes one export per survey tool, in each tool's documented layout, of the same 36 respondents.

Run from the repository root: python tests/data/evaluation/make_tool_exports.py
`respondents()` is the truth the tests compare every import with: for each respondent, the answers
as the workshop's form stores them (level index 0 = best, option text, free text).

- Google Forms CSV: Timestamp, Email address, then one column per question; grid rows as
  "Question [Row]"; here with the common words "Very satisfied / Satisfied / Neutral ..." that
  the webinar template words differently ("Somehow Satisfied").
- Microsoft Forms XLSX: ID, Start time, Completion time, Email, Name, then one column per
  question or Likert row (the row's statement as header).
- SurveyMonkey CSV and XLSX: respondent metadata (Respondent ID, Collector ID, Start Date,
  End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1), then two header
  rows: the question over its first column, then "Response", "Open-Ended Response", the matrix
  row, or an option such as "Other (please specify)".
- KoboToolbox CSV: semicolon-separated, start/end first, _id, _uuid, _submission_time, ... last;
  answers as the form's XML names (very_satisfied).
- LimeSurvey CSV: every field quoted; Response ID, Date submitted, Last page, Start language,
  Seed; arrays as "Question [Subquestion]"; a 5-point array answers 1..5, 5 the best.
- Plain CSV: the question keys as headers, the template's own level words, no id nor time.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
N = 36
SAT = (
    "6. Please rate your level of satisfaction with the following aspects of the Webinar. "
    "Please choose one in each row."
)
UND = (
    "7. The Webinar helped my understanding on the structure of the Toolkit and the importance of building "
    "capacities for digital government transformation. (please choose one in each row)"
)
SAT_ROWS = {
    "sat_topics": "Importance and relevance of the topics",
    "sat_presentations": "Quality of presentations",
    "sat_discussion": "Discussion and interaction",
    "sat_facilitation": "Overall facilitation/delivery of the Webinar",
    "sat_duration": "Duration of the Webinar",
    "sat_overall": "Overall, the Webinar",
}
UND_ROWS = {
    "und_pace": "The need for accelerating the pace of digital government transformation",
    "und_capacities": "The importance of building capacities for digital government transformation",
    "und_inclusion": "The importance of promoting digital inclusion",
    "und_toolkit": "The Toolkit is well structured and easy to use as a tool",
}
INSTITUTION = "Type of institution"
OPTIONS = [
    "National government",
    "Local or regional government",
    "International organization",
    "Training institute",
    "Academic institution",
    "Other",
]
LIKED = "What did you like most about the Webinar?"
FOLLOW = (
    "Will you be interested in a follow-up capacity development activity, such as requesting DPIDG/UNPOG to "
    "organize a national capacity building workshop? Please specify."
)
TEMPLATE_SAT = [
    "Very Satisfied",
    "Somehow Satisfied",
    "Neither Satisfied nor Dissatisfied",
    "Somehow Dissatisfied",
    "Very Dissatisfied",
]
TEMPLATE_AGREE = [
    "Strongly Agree",
    "Somehow Agree",
    "Neither Agree nor Disagree",
    "Somehow Disagree",
    "Strongly Disagree",
]
COMMON_SAT = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]
COMMON_AGREE = ["Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree"]
MONKEY_SAT = ["Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied", "Very dissatisfied"]
MONKEY_AGREE = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
KOBO_SAT = ["very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"]
KOBO_AGREE = ["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree"]
COMMENTS = [
    "The country cases",
    "Clear presentations",
    "Café-style discussion – très utile",
    "",
    "Timely topics",
    "서울 사례가 좋았습니다",
    "",
]


def respondents() -> list[dict]:
    """The 36 respondents' answers as stored: levels best first; some leave questions blank."""
    rng = random.Random(11)
    people = []
    for i in range(N):
        answers: dict = {"background_institution": OPTIONS[rng.randrange(len(OPTIONS))]}
        for key in [*SAT_ROWS, *UND_ROWS]:
            answers[key] = rng.choices(range(5), weights=[6, 4, 2, 1, 1])[0]
        if i % 7 == 3:
            del answers["sat_duration"]  # skipped a row of the grid
        if i % 9 == 5:
            for key in UND_ROWS:
                del answers[key]  # skipped the whole second grid
        comment = COMMENTS[i % len(COMMENTS)]
        if comment:
            answers["liked_most"] = comment
        if i % 4 == 0:
            answers["follow_up"] = "Yes, a national workshop"
        people.append(answers)
    return people


def _cells(person: dict, sat: list[str], agree: list[str], keys: list[str]) -> list[str]:
    def one(key: str) -> str:
        value = person.get(key)
        if value is None:
            return ""
        if key in SAT_ROWS:
            return sat[value]
        if key in UND_ROWS:
            return agree[value]
        return str(value)

    return [one(k) for k in keys]


QUESTION_KEYS = ["background_institution", *SAT_ROWS, *UND_ROWS, "liked_most", "follow_up"]
START = datetime(2023, 5, 30, 16, 0, 0)


def _write_csv(name: str, rows: list[list[str]], **kwargs) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n", **kwargs).writerows(rows)
    (HERE / name).write_bytes(buffer.getvalue().encode(kwargs.pop("encoding", "utf-8")))


def _write_xlsx(name: str, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    book.properties.created = book.properties.modified = START  # the same bytes on every run
    book.save(HERE / name)


def google_forms(people: list[dict]) -> None:
    header = [
        "Timestamp",
        "Email address",
        INSTITUTION,
        *(f"{SAT} [{t}]" for t in SAT_ROWS.values()),
        *(f"{UND} [{t}]" for t in UND_ROWS.values()),
        LIKED,
        FOLLOW,
    ]
    rows = [header]
    for i, p in enumerate(people):
        when = (START + timedelta(minutes=67 * i)).strftime("%Y/%m/%d %I:%M:%S %p GMT+9")
        rows.append([when, "", *_cells(p, COMMON_SAT, COMMON_AGREE, QUESTION_KEYS)])
    _write_csv("google_forms.csv", rows)


def microsoft_forms(people: list[dict]) -> None:
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        INSTITUTION,
        *SAT_ROWS.values(),
        *UND_ROWS.values(),
        LIKED,
        FOLLOW,
    ]
    rows: list[list[object]] = [header]
    for i, p in enumerate(people):
        done = START + timedelta(minutes=67 * i)
        rows.append(
            [
                i + 1,
                done - timedelta(minutes=4),
                done,
                "anonymous",
                "",
                *_cells(p, COMMON_SAT, COMMON_AGREE, QUESTION_KEYS),
            ]
        )
    _write_xlsx("microsoft_forms.xlsx", rows)


def surveymonkey(people: list[dict]) -> list[list[str]]:
    meta = [
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
    first = [*meta, INSTITUTION, "", SAT, *[""] * 5, UND, *[""] * 3, LIKED, FOLLOW]
    second = [
        *[""] * len(meta),
        "Response",
        "Other (please specify)",
        *SAT_ROWS.values(),
        *UND_ROWS.values(),
        "Open-Ended Response",
        "Open-Ended Response",
    ]
    rows = [first, second]
    for i, p in enumerate(people):
        done = START + timedelta(minutes=67 * i)
        cells = _cells(p, MONKEY_SAT, MONKEY_AGREE, QUESTION_KEYS)
        rows.append(
            [
                str(114000000000 + 7 * i),
                "431234567",
                (done - timedelta(minutes=5)).strftime("%m/%d/%Y %I:%M:%S %p"),
                done.strftime("%m/%d/%Y %I:%M:%S %p"),
                f"203.0.113.{i + 1}",
                "",
                "",
                "",
                "",
                cells[0],
                "",
                *cells[1:],
            ]
        )
    _write_csv("surveymonkey.csv", rows)
    _write_xlsx("surveymonkey.xlsx", rows)
    return rows


def kobo(people: list[dict]) -> None:
    header = [
        "start",
        "end",
        INSTITUTION,
        *SAT_ROWS.values(),
        *UND_ROWS.values(),
        LIKED,
        FOLLOW,
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
    ]
    rows = [header]
    for i, p in enumerate(people):
        done = START + timedelta(minutes=67 * i)
        rows.append(
            [
                (done - timedelta(minutes=6)).isoformat() + ".000+09:00",
                done.isoformat() + ".000+09:00",
                *_cells(p, KOBO_SAT, KOBO_AGREE, QUESTION_KEYS),
                str(2100 + i),
                f"5f0c{i:04d}-8e2a-4c1b-9d3e-{i:012d}",
                done.isoformat(),
                "",
                "",
                "submitted_via_web",
                "",
                "vHXzRk2",
                "",
                str(i + 1),
            ]
        )
    _write_csv("kobotoolbox.csv", rows, delimiter=";")


def limesurvey(people: list[dict]) -> None:
    header = [
        "Response ID",
        "Date submitted",
        "Last page",
        "Start language",
        "Seed",
        INSTITUTION,
        *(f"{SAT} [{t}]" for t in SAT_ROWS.values()),
        *(f"{UND} [{t}]" for t in UND_ROWS.values()),
        LIKED,
        FOLLOW,
    ]
    numbers = ["5", "4", "3", "2", "1"]  # LimeSurvey's 5-point array: 5 is the best
    rows = [header]
    for i, p in enumerate(people):
        done = START + timedelta(minutes=67 * i)
        rows.append(
            [
                str(i + 1),
                done.strftime("%Y-%m-%d %H:%M:%S"),
                "3",
                "en",
                str(1000 + 31 * i),
                *_cells(p, numbers, numbers, QUESTION_KEYS),
            ]
        )
    _write_csv("limesurvey.csv", rows, quoting=csv.QUOTE_ALL)


def plain(people: list[dict]) -> None:
    rows = [QUESTION_KEYS] + [_cells(p, TEMPLATE_SAT, TEMPLATE_AGREE, QUESTION_KEYS) for p in people]
    _write_csv("plain.csv", rows)


if __name__ == "__main__":
    everyone = respondents()
    google_forms(everyone)
    microsoft_forms(everyone)
    surveymonkey(everyone)
    kobo(everyone)
    limesurvey(everyone)
    plain(everyone)
