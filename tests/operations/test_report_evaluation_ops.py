"""Evaluation operations: typed forms, corrections, delete/restore, CSV import in one transaction."""
from __future__ import annotations

from pathlib import Path

import pytest

from dgfacil.core.evaluation import summarize
from dgfacil.operations import evaluation as ops
from dgfacil.store import evaluation as store

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def _responses(doc):
    with doc.session() as s:
        return store.load_responses(session=s)


def test_type_correct_delete_restore(demo_doc):
    with demo_doc.session() as s:
        changes = ops.add_response(s, answers={"sat_topics": 0, "liked_most": "The cases", "follow_up": ""})
    assert changes.evaluation and len(changes.ids) == 1
    rid = changes.ids[0]
    [r] = _responses(demo_doc)
    assert r.answers == {"sat_topics": 0, "liked_most": "The cases"} and r.source == "typed"
    with demo_doc.session() as s:
        ops.update_response(s, response_id=rid, answers={"sat_topics": 1})
    assert _responses(demo_doc)[0].answers == {"sat_topics": 1}
    with demo_doc.session() as s:
        _, deleted = ops.delete_response(s, response_id=rid)
    assert _responses(demo_doc) == []
    with demo_doc.session() as s:
        ops.restore_response(s, deleted=deleted)
    [back] = _responses(demo_doc)
    assert back.id == rid and back.answers == {"sat_topics": 1}


def test_bad_answers_are_refused_and_nothing_is_written(demo_doc):
    with pytest.raises(ValueError):
        with demo_doc.session() as s:
            ops.add_response(s, answers={"sat_topics": 7})
    assert _responses(demo_doc) == []


def test_import_147_then_again_adds_nothing(demo_doc):
    data = (DATA / "webinar_147.csv").read_bytes()
    with demo_doc.session() as s:
        changes, result = ops.import_csv(s, data=data)
    assert result.added == 147 and len(changes.ids) == 147 and result.read.report.clean
    with demo_doc.session() as s:
        _, again = ops.import_csv(s, data=data)
    assert again.added == 0 and again.already_there == 147
    with demo_doc.session() as s:
        stats = summarize(store.load_form(session=s), store.load_responses(session=s))
    assert {x.question.key: x.satisfied_text for x in stats}["sat_overall"] == "97.3% (143 of 147)"


def test_import_is_one_transaction(demo_doc):
    data = (DATA / "webinar_147.csv").read_bytes()
    with pytest.raises(RuntimeError):
        with demo_doc.session() as s:
            ops.import_csv(s, data=data)
            raise RuntimeError("power cut before commit")
    assert _responses(demo_doc) == []


def test_report_sections(demo_doc):
    with demo_doc.session() as s:
        ops.set_report_section(s, key="executive_summary", text="First.")
        ops.set_report_section(s, key="executive_summary", text="Second.")
        with pytest.raises(ValueError):
            ops.set_report_section(s, key="anything", text="x")
    with demo_doc.session() as s:
        assert store.report_sections(session=s) == {"executive_summary": "Second."}
