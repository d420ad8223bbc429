"""Who a respondent is, across the exports an organizer really has: the same answers re-saved by
Excel or downloaded from the linked Sheet are the same respondents; a second Microsoft Form whose
IDs start at 1 again is other respondents; what an earlier import had and a new file lacks is said."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import openpyxl

from dgfacil.operations import evaluation as ops
from dgfacil.store import evaluation as store

GRID = "6. Please rate your level of satisfaction with the following aspects of the Webinar. [{}]"
HEADER = [
    "Timestamp",
    "Email address",
    GRID.format("Importance and relevance of the topics"),
    GRID.format("Quality of presentations"),
]
START = datetime(2023, 5, 30, 16, 20, 10)
# two respondents in the same minute: once the seconds are dropped only the e-mail tells them apart
PEOPLE = [
    (START, "a@example.org", "Very satisfied", "Satisfied"),
    (START + timedelta(seconds=41), "b@example.org", "Neutral", "Very satisfied"),
    (START + timedelta(minutes=17), "c@example.org", "Dissatisfied", ""),
    (START + timedelta(minutes=30), "", "Satisfied", "Neutral"),
    (START + timedelta(hours=2), "d@example.org", "Very dissatisfied", "Satisfied"),
]


def _csv(stamp, people=PEOPLE) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *([stamp(t), mail, *answers] for t, mail, *answers in people)])
    return out.getvalue().encode()


def google(t):  # as Google Forms writes it (Asia/Seoul form)
    return f"{t:%Y/%m/%d} {t.hour % 12 or 12}:{t:%M:%S} {'PM' if t.hour >= 12 else 'AM'} GMT+9"


def excel(t):  # the same file opened and saved again by Excel (US): seconds dropped
    return f"{t.month}/{t.day}/{t.year} {t:%H:%M}"


def sheet(t):  # downloaded from the linked Google Sheet
    return f"{t.month}/{t.day}/{t.year} {t:%H:%M:%S}"


def _import(doc, data: bytes, name: str, **kw):
    with doc.session() as s:
        return ops.import_survey(s, data=data, name=name, **kw).value


def _answers(doc):
    with doc.session() as s:
        return [r.answers for r in store.load_responses(session=s)]


def test_the_same_answers_in_another_time_format_are_the_same_respondents(demo_doc):
    first = _import(demo_doc, _csv(google), "google_forms.csv")
    assert (first.added, first.updated) == (5, 0)
    stored = _answers(demo_doc)
    for stamp, name in ((excel, "google_forms_excel.csv"), (sheet, "google_sheets_download.csv")):
        again = _import(demo_doc, _csv(stamp), name)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 5), again.summary()
        assert _answers(demo_doc) == stored  # a@ and b@ (same minute) each matched to their own row


def test_updated_counts_only_changed_answers(demo_doc):
    _import(demo_doc, _csv(google), "google_forms.csv")
    people = list(PEOPLE)
    people[2] = (people[2][0], people[2][1], "Very satisfied", "")
    again = _import(demo_doc, _csv(excel, people), "google_forms_excel.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 1, 4)
    assert _answers(demo_doc)[2]["sat_topics"] == 0


def _ms_forms(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet_ = book.active
    sheet_.append(["ID", "Start time", "Completion time", "Email", "Name", "Importance and relevance of the topics"])
    for row in rows:
        sheet_.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ms_rows(day: int, answer: str, n: int = 3):
    t = datetime(2023, 6, day, 9, 0)
    return [
        (
            i + 1,
            t + timedelta(minutes=5 * i),
            t + timedelta(minutes=5 * i + 4),
            f"p{day}.{i}@example.org",
            f"Person {day}.{i}",
            answer,
        )
        for i in range(n)
    ]


def test_a_second_microsoft_form_numbered_from_one_again_adds_its_responses(demo_doc):
    _import(demo_doc, _ms_forms(_ms_rows(1, "Very satisfied")), "english_session.xlsx")
    second = _import(demo_doc, _ms_forms(_ms_rows(2, "Very dissatisfied")), "french_session.xlsx")
    assert (second.added, second.updated, second.unchanged) == (3, 0, 0)
    assert [a["sat_topics"] for a in _answers(demo_doc)] == [0, 0, 0, 4, 4, 4]  # nothing overwritten
    corrected = _ms_rows(1, "Very satisfied")
    corrected[1] = (*corrected[1][:5], "Neutral")
    again = _import(demo_doc, _ms_forms(corrected), "english_session (1).xlsx")  # a re-download
    assert (again.added, again.updated, again.unchanged) == (0, 1, 2)
    same_id_other_person = [(*_ms_rows(1, "Neutral")[0][:3], "someone.else@example.org", "Someone Else", "Neutral")]
    assert _import(demo_doc, _ms_forms(same_id_other_person), "x.xlsx").added == 1
    assert len(_answers(demo_doc)) == 7


def test_responses_missing_from_a_new_file_are_reported_never_silently_kept(demo_doc):
    _import(demo_doc, _csv(google), "google_forms.csv")
    shorter = _import(demo_doc, _csv(google, PEOPLE[:3]), "google_forms.csv")
    assert shorter.missing == {"google_forms.csv": 2}
    assert (
        "WARNING 2 responses of the earlier import of google_forms.csv are not in this file — they are kept; "
        "use --replace to drop them"
    ) in shorter.summary()
    renamed = _import(demo_doc, _csv(sheet, PEOPLE[:4]), "download (1).csv")  # matched, so the same source
    assert renamed.missing == {"google_forms.csv": 1} and len(_answers(demo_doc)) == 5
    assert "imported 4 responses" in renamed.summary() and "1 response of" in renamed.summary()


def test_letters_an_encoding_lost_do_not_overwrite_the_written_answers(demo_doc):
    header = ["Timestamp", "What did you like most about the Webinar?"]
    original = [header, ["2023/05/30 4:20:51 PM GMT+9", "Nguyễn: très bien"]]
    resaved = [header, ["5/30/2023 16:20", "Nguy?n: très bien"]]  # Excel's cp1252 CSV: ễ became ?

    def data(rows, enc):
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue().encode(enc)

    _import(demo_doc, data(original, "utf-8"), "a.csv")
    again = _import(demo_doc, data(resaved, "cp1252"), "a_excel.csv")
    assert (again.updated, again.unchanged, again.letters_kept) == (0, 1, 1)
    assert _answers(demo_doc) == [{"liked_most": "Nguyễn: très bien"}]
