"""Typing evaluation forms: a workshop without a form says so; a key that is not an answer is
refused in words; the strip names its questions; the next form is numbered after the stored ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoGroup

from dgfacil.operations import evaluation as ops
from dgfacil.store import evaluation as store
from dgfacil.ui.context import AppContext
from dgfacil.ui.evaluation.room import EvaluationRoom
from dgfacil.ui.tasks import Tasks


def _room(ctx, qtbot) -> EvaluationRoom:
    room = EvaluationRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1000, 720)
    room.show()
    qtbot.waitExposed(room)
    return room


def test_a_workshop_without_a_form_says_so(new_doc, qtbot, screenshots):
    doc = new_doc("apo-data-governance-2021")
    tasks = Tasks(doc)
    ctx = AppContext(doc=doc, tasks=tasks, undo_group=QUndoGroup())
    try:
        if ctx.tasks.read(lambda s: store.load_form(session=s)).questions:
            return  # the app now gives this template the standard form: nothing blank to show
        room = _room(ctx, qtbot)
        entry = room.entry
        assert "has no evaluation form" in entry.counter.text()
        assert entry.counter.isVisible()
        assert not entry.text.isVisible(), "no live input box on an empty form"
        room.grab().save(str(screenshots / "evaluation_no_form.png"))
    finally:
        tasks.wait()
        tasks.shutdown()


def test_keys_that_are_not_answers_are_refused_in_words(ctx, qtbot, screenshots):
    room = _room(ctx, qtbot)
    entry = room.entry
    entry.setFocus()
    assert entry.current.key == "background_institution"  # six options
    qtbot.keyClicks(entry, "yes")
    assert entry.feedback.isVisible() and "not an answer" in entry.feedback.text()
    assert "1–6" in entry.feedback.text()
    assert entry.current.key == "background_institution" and entry.answers == {}
    qtbot.keyClick(entry, "9")
    assert "9 is not an answer to question 1" in entry.feedback.text() and "6 choices" in entry.feedback.text()
    assert entry.current.key == "background_institution"
    room.grab().save(str(screenshots / "evaluation_refused_key.png"))
    qtbot.keyClick(entry, "1")
    assert entry.current.key == "sat_topics" and not entry.feedback.isVisible()
    qtbot.keyClick(entry, "6")  # five levels
    assert "5 choices" in entry.feedback.text()
    qtbot.keyClick(entry, "2")
    strip = entry.strip.text().replace("\u00a0", " ")
    assert "Q1 Type of institution: 1" in strip
    assert "Q2 Importance and releva…: 2" in strip
    assert "▶ Q3 Quality of presentati…: ·" in strip


def test_the_form_is_numbered_after_the_stored_responses(ctx, qtbot, screenshots):
    for n in range(18):
        ctx.tasks.run_sync(lambda s, n=n: ops.add_response(s, answers={"sat_topics": n % 5}, source="csv"))
    room = _room(ctx, qtbot)
    assert room.entry.counter.text().startswith("Form 19 — question 1 of 13")
    assert room.model.headerData(3, Qt.Horizontal) == "Q2"
    assert room.model.headerData(3, Qt.Horizontal, Qt.ToolTipRole) == "Q2: Importance and relevance of the topics"
    assert room.model.index(1, 3).data() == "2"
    room.entry.setFocus()
    for key in "1" * 11:
        qtbot.keyClick(room.entry, key)
    for _ in range(2):
        qtbot.keyClick(room.entry.text, Qt.Key_Return)
    assert len(ctx.tasks.read(lambda s: store.load_responses(session=s))) == 19
    assert room.entry.counter.text().startswith("Form 20")
    room.grab().save(str(screenshots / "evaluation_numbered.png"))
