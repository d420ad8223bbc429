"""Nothing typed is lost when the workshop is closed at once, and a refused edit never stays on
the undo stack."""

from __future__ import annotations

from dgfacil.core.model import AgendaItem
from dgfacil.store.document import open_document
from dgfacil.store.workshop import load_workshop
from dgfacil.ui.agenda import commands
from dgfacil.ui.tasks import DocumentClosed


def test_description_typed_then_closed_at_once_is_saved(qtbot, demo_window):
    window = demo_window()
    path = window.ctx.doc.path
    agenda = window.room("Agenda")
    agenda.table.setCurrentIndex(agenda.model.index(2, 0))
    editor = agenda.editor.description
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, "Toolkit walk-through, then questions")
    window.close_document()  # no pause: the focus-out commit must land before the worker stops
    doc = open_document(path)
    with doc.session() as s:
        item = load_workshop(session=s).days[0].items[2]
    doc.close()
    assert item.description == "Toolkit walk-through, then questions"


def test_description_is_saved_within_a_second_without_leaving_the_field(qtbot, demo_window):
    window = demo_window()
    agenda = window.room("Agenda")
    agenda.table.setCurrentIndex(agenda.model.index(1, 0))
    editor = agenda.editor.description
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Four talks of eight minutes")
    qtbot.waitUntil(
        lambda: window.ctx.workshop().days[0].items[1].description == "Four talks of eight minutes", timeout=1000
    )
    window.close_document()


def test_a_refused_edit_is_reported_and_leaves_no_phantom_undo(qtbot, demo_window):
    window = demo_window()
    agenda = window.room("Agenda")
    item = agenda.model.slots[0].item
    messages = []
    window.ctx.tasks.failed.connect(messages.append)
    stack = agenda.undo_stack
    before = stack.count()
    stack.push(commands.EditItem(window.ctx.tasks, item, {"duration_min": 0}))  # the store refuses 0 min
    assert stack.count() == before and messages and "at least one minute" in messages[0]
    assert "Not saved" in window.statusBar().currentMessage()
    stack.push(commands.EditItem(window.ctx.tasks, item, {"duration_min": 9}))  # the stack still works
    assert stack.count() == before + 1 and agenda.model.slots[0].item.duration_min == 9
    window.close_document()


def test_the_worker_refuses_work_after_close(qtbot, demo_window):
    window = demo_window()
    tasks = window.ctx.tasks
    window.close_document()
    try:
        tasks.read(lambda s: None)
    except DocumentClosed:
        pass
    else:
        raise AssertionError("a closed document's worker took work")


def test_add_item_command_on_a_closed_document_is_dropped(qtbot, ctx):
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    day_id = ctx.workshop().days[0].id
    ctx.tasks.wait()
    ctx.tasks.shutdown()
    stack.push(commands.AddItem(ctx.tasks, day_id, AgendaItem(title="Late", duration_min=5), None))
    assert stack.count() == 0
