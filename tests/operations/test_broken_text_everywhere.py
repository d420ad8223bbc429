"""A lone surrogate is refused on every write path, not only notes, items, days and people:
workshop details, cards, groups and signatories in their own words (operations), and
evaluation answers, exercise answers or any raw statement at the store's root (store/text_guard)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text, update
from sqlmodel import select

from dgfacil.core.exercises import BoardItem
from dgfacil.core.text import TextError
from dgfacil.operations import boards as board_ops
from dgfacil.operations import evaluation as evaluation_ops
from dgfacil.operations import exercises as exercise_ops
from dgfacil.operations import groups as group_ops
from dgfacil.operations import signatories as signatory_ops
from dgfacil.operations import workshop as workshop_ops
from dgfacil.store.tables import AgendaItemRow, WorkshopRow
from tests.store.conftest import run_cli

BROKEN = "Kim \ud800 Minjun"
SAID = r"broken character \(U\+D800 at position 5\)"


def _refused(doc, op, error=TextError, said=SAID):
    """`op(session)` is refused in words and nothing of it is stored; the file stays writable."""
    with pytest.raises(error, match=said):
        with doc.session() as s:
            op(s)
    with doc.engine.connect() as conn:  # every table, on either engine
        for table in sa_inspect(conn).get_table_names():
            dump = "\n".join(map(repr, conn.exec_driver_sql(f'SELECT * FROM "{table}"')))
            assert "\\ud800" not in dump.lower(), (table, dump)  # JSON keeps it as an escape


@pytest.fixture
def swot(demo_doc):
    with demo_doc.session() as s:
        item = s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first()
        ex_id = exercise_ops.add_exercise(s, agenda_item_id=item, use="swot").ids[0]
    return demo_doc, ex_id


@pytest.mark.parametrize("field", ["title", "project_code", "venue", "description", "organizers"])
def test_workshop_details(demo_doc, field):
    with demo_doc.session() as s:
        details = workshop_ops.workshop_details(s)
    value = (BROKEN,) if field == "organizers" else BROKEN
    _refused(
        demo_doc,
        lambda s: workshop_ops.update_workshop(s, details=dataclasses.replace(details, **{field: value})),
        said=f"{field.replace('_', ' ')} holds a {SAID}",
    )


def test_cards(swot):
    doc, ex_id = swot
    _refused(
        doc,
        lambda s: board_ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem(text=BROKEN)),
        said="card holds a " + SAID,
    )
    with doc.session() as s:
        item_id = board_ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem(text="fine")).ids[0]
    _refused(doc, lambda s: board_ops.update_item(s, item_id=item_id, text=BROKEN), said="card holds")
    _refused(doc, lambda s: board_ops.set_cluster(s, item_ids=[item_id], heading=BROKEN), said="cluster holds")
    _refused(doc, lambda s: board_ops.update_item(s, item_id=item_id, data={"cell": BROKEN}), said="cells hold")


def test_groups(swot):
    doc, ex_id = swot
    _refused(
        doc, lambda s: group_ops.create_groups(s, count=2, exercise_id=ex_id, prefix=BROKEN), said="group name holds"
    )
    with doc.session() as s:
        group_id = group_ops.create_groups(s, count=1, exercise_id=ex_id).ids[0]
    _refused(doc, lambda s: group_ops.rename_group(s, group_id=group_id, name=BROKEN), said="group name holds")


def test_signatories(demo_doc):
    _refused(
        demo_doc, lambda s: signatory_ops.add_signatory(s, name=BROKEN), signatory_ops.SignatoryError, "name holds"
    )
    with demo_doc.session() as s:
        sid = signatory_ops.add_signatory(s, name="Ms. Kim").ids[0]
    _refused(
        demo_doc,
        lambda s: signatory_ops.update_signatory(s, signatory_id=sid, title=BROKEN),
        signatory_ops.SignatoryError,
        "title holds",
    )


@pytest.mark.sqlite_only  # the CLI argument, not the engine, is what it tests
def test_signatory_from_a_command_line_that_is_not_utf8(demo_doc):
    """A name byte that is not UTF-8 reaches Python as a lone surrogate (surrogateescape)."""
    path = demo_doc.address
    demo_doc.close()
    import os
    import subprocess
    import sys

    from tests.store.conftest import ROOT

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dgfacil",
            "signatories",
            str(path),
            "--add",
            b"Kim \xff".decode("utf-8", "surrogateescape"),
        ],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 2, done
    said = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in said and "broken character" in said and len(said.strip().splitlines()) == 1
    assert run_cli("signatories", path).stdout.count(".") == 0  # nothing was added


def test_evaluation_text_answer_at_the_root(demo_doc):
    with demo_doc.session() as s:
        form = evaluation_ops.store.load_form(session=s)
    key = next(q.key for q in form.questions if q.kind == "text")
    _refused(
        demo_doc,
        lambda s: evaluation_ops.add_response(s, answers={key: BROKEN}),
        said="answers of an evaluation response holds",
    )


def test_exercise_answer_at_the_root(demo_doc):
    with demo_doc.session() as s:
        item = s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first()
        ex_id = exercise_ops.add_exercise(s, agenda_item_id=item, use="nine-pillars").ids[0]
    _refused(
        demo_doc,
        lambda s: board_ops.set_answer(s, exercise_id=ex_id, group_id=None, key="resources", value={"note": BROKEN}),
        said="holds a " + SAID,
    )


@pytest.mark.parametrize(
    "statement",
    [
        lambda s: s.exec(update(WorkshopRow).values(venue=BROKEN)),
        lambda s: s.exec(update(WorkshopRow).values(organizers=["fine", BROKEN])),
        lambda s: s.exec(text("UPDATE workshop SET description = :d").bindparams(d=BROKEN)),
    ],
    ids=["core update", "core update of a JSON column", "raw SQL"],
)
def test_any_statement_at_the_root(demo_doc, statement):
    _refused(demo_doc, statement)


def test_a_surrogate_pair_is_a_character_and_is_kept(demo_doc):
    with demo_doc.session() as s:
        s.exec(update(WorkshopRow).values(venue="Seoul \U0001f600", organizers=["\U0001f600"]))
    with demo_doc.session() as s:
        row = s.exec(select(WorkshopRow)).first()
        assert (row.venue, row.organizers) == ("Seoul \U0001f600", ["\U0001f600"])
