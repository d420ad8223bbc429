"""Evaluation figures: shares rounded half up from the counts, distributions, answer checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgfacil.core.evaluation import (
    EvaluationForm,
    Response,
    clean_answers,
    percent_text,
    share_text,
    summarize,
    tenths_half_up,
)

FORM = EvaluationForm.from_dict(
    {
        "title": "Survey",
        "questions": [
            {
                "key": "q1",
                "kind": "likert",
                "text": "Quality",
                "group": "Rate",
                "levels": [
                    "Very Satisfied",
                    "Somehow Satisfied",
                    "Neutral",
                    "Somehow Dissatisfied",
                    "Very Dissatisfied",
                ],
            },
            {"key": "q2", "kind": "likert", "text": "Relevance", "group": "Rate"},
            {"key": "inst", "kind": "choice", "text": "Institution", "options": ["Government", "Academia"]},
            {"key": "liked", "kind": "text", "text": "What did you like most?"},
        ],
    }
)


@pytest.mark.parametrize(
    "part, whole, text",
    [
        (143, 147, "97.3%"),  # the report prints 97.2% here: truncated, not rounded
        (146, 147, "99.3%"),
        (142, 147, "96.6%"),
        (141, 147, "95.9%"),
        (140, 147, "95.2%"),
        (144, 147, "98.0%"),
        (139, 147, "94.6%"),
        (135, 147, "91.8%"),
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),
        (1, 8, "12.5%"),
        (1, 16, "6.3%"),  # 6.25 half up, not to even
        (3, 16, "18.8%"),
        (5, 16, "31.3%"),
        (1, 80, "1.3%"),
        (1, 400, "0.3%"),
        (1, 2000, "0.1%"),
        (1, 2001, "0.0%"),
        (0, 5, "0.0%"),
        (5, 5, "100.0%"),
        (147, 147, "100.0%"),
    ],
)
def test_percent_half_up(part, whole, text):
    assert percent_text(part, whole) == text


def test_share_text_as_the_report_writes_it():
    assert share_text(143, 147) == "97.3% (143 of 147)"
    assert share_text(0, 0) == "n/a (0 of 0)"
    assert share_text(130, 140, 7) == "92.9% (130 of 140 answering; 7 no answer)"  # the missing are named


def test_bad_share_refused():
    with pytest.raises(ValueError):
        tenths_half_up(4, 3)


@given(st.integers(min_value=1, max_value=10_000).flatmap(lambda w: st.tuples(st.integers(0, w), st.just(w))))
def test_half_up_matches_integer_arithmetic(pair):
    part, whole = pair
    assert tenths_half_up(part, whole) == (2000 * part + whole) // (2 * whole)


def test_default_levels_and_groups():
    assert FORM.question("q2").levels[0] == "Very satisfied"
    assert [g for g, _ in FORM.groups()] == ["Rate", "", ""]
    assert [q.key for q in FORM.groups()[0][1]] == ["q1", "q2"]


def test_summarize_counts_and_satisfied_over_those_who_answered():
    responses = [
        Response({"q1": 0, "inst": "Government", "liked": "All of it"}),
        Response({"q1": 1, "q2": 4}),
        Response({"q1": 2, "q2": 0, "inst": "Academia"}),
        Response({"liked": ""}),
    ]
    q1, q2, inst, liked = summarize(FORM, responses)
    assert q1.counts == [1, 1, 1, 0, 0] and q1.answered == 3 and q1.unanswered == 1
    # the denominator never hides those who did not answer
    assert q1.satisfied_text == "66.7% (2 of 3 answering; 1 no answer)"
    assert q2.satisfied_text == "50.0% (1 of 2 answering; 2 no answer)"
    assert summarize(FORM, responses[:1])[0].satisfied_text == "100.0% (1 of 1)"
    assert inst.counts == [1, 1] and inst.satisfied == 0
    assert liked.texts == ["All of it"] and liked.unanswered == 3


def test_no_responses():
    stats = summarize(FORM, [])
    assert stats[0].satisfied_text == "n/a (0 of 0)"
    assert stats[0].share(0) == "n/a"


def test_clean_answers():
    assert clean_answers(FORM, {"q1": 4, "liked": "", "inst": "Academia"}) == {"q1": 4, "inst": "Academia"}
    for bad in ({"q1": 5}, {"q1": True}, {"q1": "1"}, {"inst": "Elsewhere"}, {"nope": 1}):
        with pytest.raises(ValueError):
            clean_answers(FORM, bad)
