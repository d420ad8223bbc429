"""Evaluation operations: typed forms, corrections, delete/restore, CSV import in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from dgfacil.core.evaluation import summarize
from dgfacil.operations import evaluation as ops
from dgfacil.store import evaluation as store
from dgfacil.store.report_sections import report_sections

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
        deleted = ops.delete_response(s, response_id=rid).value
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
        changes = ops.import_survey(s, data=data, name="webinar_147.csv")
        result = changes.value
    assert result.added == 147 and len(changes.ids) == 147 and not result.read.blocked
    with demo_doc.session() as s:
        again = ops.import_survey(s, data=data, name="webinar_147.csv").value
    assert (again.added, again.updated, again.unchanged) == (0, 0, 147)
    with demo_doc.session() as s:
        stats = summarize(store.load_form(session=s), store.load_responses(session=s))
        assert [n for _, n in ops.survey_imports(s)] == [147]  # every respondent now belongs to the latest import
    assert {x.question.key: x.satisfied_text for x in stats}["sat_overall"] == "97.3% (143 of 147)"


def test_import_is_one_transaction(demo_doc):
    data = (DATA / "webinar_147.csv").read_bytes()
    with pytest.raises(RuntimeError):
        with demo_doc.session() as s:
            ops.import_survey(s, data=data)
            raise RuntimeError("power cut before commit")
    assert _responses(demo_doc) == []


def test_unmapped_answers_write_nothing(demo_doc):
    with demo_doc.session() as s:
        ops.add_response(s, answers={"sat_topics": 0})
    data = b"ID,sat_topics,sat_overall\n1,Very Satisfied,Meh\n2,Satisfied,Meh\n3,Splendid,\n"
    with pytest.raises(ops.UnmappedAnswers) as refused:
        with demo_doc.session() as s:
            ops.import_survey(s, data=data, name="x.csv")
    assert [(v, n) for v, n, _ in refused.value.read.unmapped()] == [("Meh", 2), ("Splendid", 1)]
    assert len(_responses(demo_doc)) == 1
    with demo_doc.session() as s:
        done = ops.import_survey(s, data=data, name="x.csv", answers={"Meh": "", "Splendid": "Very Satisfied"}).value
    assert done.added == 3
    assert [r.answers for r in _responses(demo_doc)[1:]] == [{"sat_topics": 0}, {"sat_topics": 1}, {"sat_topics": 0}]


def test_rows_stored_by_the_earlier_importer_are_updated_not_doubled(demo_doc):
    """Documents imported before this version hold a hash of each row as its id: they are matched."""
    import hashlib

    from dgfacil.core.evaluation import Response

    header, *rows = (DATA / "plain.csv").read_text(encoding="utf-8").splitlines()
    with demo_doc.session() as s:
        for number, line in enumerate(rows[:3], start=2):
            cells = next(__import__("csv").reader([line]))
            legacy = hashlib.sha1("\x1f".join([str(number), *cells]).encode()).hexdigest()[:16]
            store.insert_response(Response(answers={}, source="csv", external_id=legacy), session=s)
    with demo_doc.session() as s:
        result = ops.import_survey(s, data=(DATA / "plain.csv").read_bytes(), name="plain.csv").value
    assert (result.added, result.updated) == (33, 3) and len(_responses(demo_doc)) == 36


def test_replace_delete_an_import_and_swap_back(demo_doc):
    with demo_doc.session() as s:
        ops.add_response(s, answers={"sat_topics": 4})  # a typed paper form: never touched by imports
        first = ops.import_survey(s, data=(DATA / "surveymonkey.csv").read_bytes(), name="surveymonkey.csv").value
    with demo_doc.session() as s:
        second = ops.import_survey(
            s, data=(DATA / "kobotoolbox.csv").read_bytes(), name="kobo.csv", replace_all=True
        ).value
    assert second.removed == 36 and second.added == 36 and len(_responses(demo_doc)) == 37
    with demo_doc.session() as s:
        [(import_id, n)] = ops.survey_imports(s)
        assert n == 36 and import_id.startswith("kobo.csv (")
        deleted = ops.delete_import(s, import_id=import_id).value
    assert [r.source for r in _responses(demo_doc)] == ["typed"]
    with demo_doc.session() as s:  # undo of the delete, then undo of the replacing import
        ops.swap_responses(s, remove=[], put=deleted)
    assert len(_responses(demo_doc)) == 37
    with demo_doc.session() as s:
        ops.swap_responses(s, remove=second.after, put=second.before)
    back = _responses(demo_doc)
    assert len(back) == 37 and {r.import_id for r in back[1:]} == {first.import_id}
    assert [r.answers for r in back[1:]] == [r.answers for r in first.after]


def test_report_sections(demo_doc):
    with demo_doc.session() as s:
        ops.set_report_section(s, key="executive_summary", text="First.")
        ops.set_report_section(s, key="executive_summary", text="Second.")
        with pytest.raises(ValueError):
            ops.set_report_section(s, key="anything", text="x")
    with demo_doc.session() as s:
        assert report_sections(session=s) == {"executive_summary": "Second."}
