"""The store's one reader per thing and its one undo snapshot, on a real document: a note or run
event written by a newer version is read, not crashed on; a broken board item or evaluation
response is refused naming its table, row and column; a delete and its snapshot's restore give
back the same rows with the same ids."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from dgfacil.core.exercises import BoardItem
from dgfacil.core.model import NoteTag, Participant
from dgfacil.operations import boards as board_ops
from dgfacil.operations import evaluation as evaluation_ops
from dgfacil.operations import exercises as exercise_ops
from dgfacil.operations import notes as note_ops
from dgfacil.operations import participants as participant_ops
from dgfacil.operations import run as run_ops
from dgfacil.store import boards, evaluation, run_log
from dgfacil.store.errors import UnreadableRecord
from dgfacil.store.notes import load_notes
from dgfacil.store.snapshot import delete_with_snapshot, restore_snapshot
from dgfacil.store.tables import AgendaItemRow
from dgfacil.store.workshop import dump_tables, load_workshop

NOW = datetime(2024, 5, 6, 7, 8, tzinfo=UTC)


def _sql(doc, statement: str) -> None:
    """Write as another program (or a newer dgfacil) would: straight SQL, past every check of ours."""
    with doc.engine.begin() as connection:
        connection.exec_driver_sql(statement)


@pytest.fixture
def swot(demo_doc):
    with demo_doc.session() as s:
        item = s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first()
        ex_id = exercise_ops.add_exercise(s, agenda_item_id=item, use="swot").ids[0]
        board_ops.add_item(s, exercise_id=ex_id, group_id=None, item=BoardItem(text="Strong team", area="s"))
    return demo_doc, ex_id


def test_a_note_with_a_tag_from_a_newer_version_is_read_as_a_plain_note(demo_doc):
    with demo_doc.session() as s:
        note_ops.add_note(s, item_id=None, text="Keep the venue", tag=NoteTag.DECISION, at=NOW)
        note_ops.add_note(s, item_id=None, text="Ask the donors", tag=NoteTag.QUESTION, at=NOW)
    _sql(demo_doc, "UPDATE note SET tag = 'hypothesis' WHERE text = 'Keep the venue'")
    with demo_doc.session() as s:
        notes = load_notes(session=s)
    assert [(n.text, n.tag) for n in notes] == [("Keep the venue", NoteTag.NOTE), ("Ask the donors", NoteTag.QUESTION)]


def test_a_run_event_of_a_newer_kind_is_left_out(demo_doc):
    with demo_doc.session() as s:
        day = load_workshop(session=s).days[0]
        run_ops.record_event(s, day_id=day.id, kind="start", at=NOW)
    _sql(
        demo_doc,
        f"INSERT INTO run_event (workshop_id, day_id, at, kind) VALUES (1, {day.id}, '{NOW.isoformat()}', 'rewind')",
    )
    with demo_doc.session() as s:
        assert [e.kind.value for e in run_log.load_events(day_id=day.id, session=s)] == ["start"]
        assert [e.kind.value for e in run_log.load_all_events(session=s)[day.id]] == ["start"]


@pytest.mark.sqlite_only  # PostgreSQL's column types refuse such a value before it is stored
@pytest.mark.parametrize(
    "damage, column",
    [
        ("UPDATE board_item SET x = 'left'", "x"),
        ("UPDATE board_item SET data = '[1, 2]'", "data"),
    ],
)
def test_a_broken_board_item_is_refused_naming_it(swot, damage, column):
    doc, ex_id = swot
    _sql(doc, damage)
    with doc.session() as s:
        with pytest.raises(UnreadableRecord, match=rf"board_item row \d+, column {column}"):
            boards.board_items(ex_id, None, session=s)
        with pytest.raises(UnreadableRecord, match=rf"board_item row \d+, column {column}"):
            boards.filled_boards(session=s)


@pytest.mark.sqlite_only  # PostgreSQL's column types refuse such a value before it is stored
@pytest.mark.parametrize(
    "damage, column",
    [
        ("UPDATE evaluation_response SET answers = '\"fine\"'", "answers"),
        ("UPDATE evaluation_response SET submitted_at = 'last Tuesday'", "submitted_at"),
    ],
)
def test_a_broken_response_is_refused_naming_it(demo_doc, damage, column):
    with demo_doc.session() as s:
        evaluation_ops.add_response(s, answers={}, submitted_at=NOW)
    _sql(demo_doc, damage)
    with demo_doc.session() as s:
        with pytest.raises(UnreadableRecord, match=rf"evaluation_response row \d+, column {column}"):
            evaluation.load_responses(session=s)


def test_a_snapshot_puts_back_every_row_it_took_with_its_ids(swot):
    doc, ex_id = swot
    with doc.session() as s:
        pid = participant_ops.add_participant(s, participant=Participant("Ana Lima", country="Brazil")).ids[0]
        before = dump_tables(session=s)
    with doc.session() as s:
        exercise = delete_with_snapshot("exercise", [ex_id], session=s)
        person = delete_with_snapshot("participant", [pid], session=s)
        assert exercise.touched("board_item") and not person.touched("board_item")
    with doc.session() as s:
        restore_snapshot(person, session=s)
        restore_snapshot(exercise, session=s)
    with doc.session() as s:
        assert dump_tables(session=s) == before


def test_deleting_what_is_not_there_deletes_nothing(swot):
    doc, ex_id = swot
    with doc.session() as s:
        with pytest.raises(LookupError, match="no exercise 999"):
            delete_with_snapshot("exercise", [ex_id, 999], session=s)
    with doc.session() as s:
        assert boards.all_board_items(ex_id, session=s)
