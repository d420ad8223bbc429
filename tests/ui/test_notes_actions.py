"""Notes: the room opens on the running item; an Action carries an owner and a due date all the
way to the JSON export and the outcome report; the speaker is not carried over unseen."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as note_ops
from dgfacil.operations import run as run_ops
from dgfacil.operations.report import assemble_report


def _notes(window, text: str):
    return window.ctx.tasks.read(lambda s: note_ops.search_notes(s, text=text))


def test_notes_room_opens_on_the_running_item(qtbot, demo_window):
    window = demo_window(1280, 720)
    day = window.ctx.workshop().days[0]
    now = window.ctx.clock()
    window.ctx.tasks.run_sync(
        lambda s: run_ops.record_event(s, day_id=day.id, kind="start", at=now - timedelta(minutes=10))
    )
    window.ctx.tasks.run_sync(
        lambda s: run_ops.record_event(s, day_id=day.id, kind="next", at=now - timedelta(minutes=2))
    )
    notes = window.show_room("Notes")
    assert notes.pane.item_id == day.items[1].id  # the run is on the second item
    notes.pane.set_item(day.items[3].id)  # chosen by hand: stays while the same item runs
    window.show_room("Agenda")
    window.show_room("Notes")
    assert notes.pane.item_id == day.items[3].id
    window.ctx.tasks.run_sync(lambda s: run_ops.record_event(s, day_id=day.id, kind="next", at=now))
    window.show_room("Agenda")
    window.show_room("Notes")  # the run moved on: the room follows it
    assert notes.pane.item_id == day.items[2].id


def test_an_action_has_an_owner_and_a_due_date_through_to_the_report(qtbot, demo_window, tmp_path, screenshots):
    window = demo_window(1280, 720)
    room = window.show_room("Notes")
    pane = room.pane
    pane.set_item(window.ctx.workshop().days[0].items[1].id)
    pane.entry.setFocus()
    assert pane.action.isHidden()
    qtbot.keyClicks(pane.entry, "Share the toolkit with the national focal points")
    qtbot.keyClick(pane.entry, Qt.Key_3, Qt.AltModifier)
    assert pane.action.isVisible()  # tagged Action: owner and due date are asked for
    qtbot.keyClicks(pane.action.owner, "UNPOG secretariat")
    qtbot.keyClicks(pane.action.due, "next week")
    qtbot.keyClick(pane.action.due, Qt.Key_Return)
    assert "not a date" in pane.status.text() and _notes(window, "toolkit with") == []
    assert pane.entry.text().startswith("Share the toolkit")  # nothing typed is lost
    pane.action.due.selectAll()
    qtbot.keyClicks(pane.action.due, "2026-12-31")
    QApplication.processEvents()
    pane.grab().save(str(screenshots / "notes_action_fields.png"))
    qtbot.keyClick(pane.action.due, Qt.Key_Return)
    [note] = _notes(window, "toolkit with")
    assert (note.tag, note.owner, note.due) == (NoteTag.ACTION, "UNPOG secretariat", "2026-12-31")
    assert pane.action.isHidden() and pane.action.owner.text() == ""

    pane.edit_note(note)  # edit: the owner comes back into its field, and a change is undoable
    assert pane.action.owner.text() == "UNPOG secretariat"
    pane.action.owner.selectAll()
    qtbot.keyClicks(pane.action.owner, "ESCAP IDD")
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert _notes(window, "toolkit with")[0].owner == "ESCAP IDD"
    pane.undo_stack.undo()
    assert _notes(window, "toolkit with")[0].owner == "UNPOG secretariat"
    QApplication.processEvents()
    pane.grab().save(str(screenshots / "notes_action_saved.png"))

    report = window.ctx.tasks.read(assemble_report)
    assert [
        "Share the toolkit with the national focal points",
        "UNPOG secretariat",
        "2026-12-31",
        "Session 1",
    ] in report.actions
    path = window.ctx.doc.path
    window.close_document()
    out = tmp_path / "export.json"
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", "export", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = [r for r in json.loads(out.read_text(encoding="utf-8"))["tables"]["note"] if "toolkit with" in r["text"]]
    assert [(r["owner"], r["due"]) for r in rows] == [("UNPOG secretariat", "2026-12-31")]


def test_the_speaker_is_not_carried_to_the_next_note(qtbot, demo_window):
    window = demo_window(1280, 720)
    pane = window.show_room("Notes").pane
    pane.set_item(window.ctx.workshop().days[0].items[0].id)
    pane.entry.setFocus()
    qtbot.keyClick(pane.entry, Qt.Key_Tab)  # the item's first speaker
    speaker = pane.speaker.currentText()
    assert speaker
    qtbot.keyClicks(pane.entry, "Opening remarks on the toolkit launch")
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert pane.speaker.currentText() == ""  # the field says so: no speaker for the next note
    qtbot.keyClicks(pane.entry, "The room asked about translations")
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert _notes(window, "opening remarks")[0].speaker == speaker
    assert _notes(window, "translations")[0].speaker == ""


def test_alt_o_and_alt_d_reach_the_action_fields_from_the_note_box(qtbot, demo_window, screenshots):
    window = demo_window(1280, 720)
    pane = window.show_room("Notes").pane
    pane.set_item(window.ctx.workshop().days[0].items[1].id)
    pane.entry.setFocus()
    qtbot.keyClicks(pane.entry, "Circulate the survey slides")
    qtbot.keyClick(pane.entry, Qt.Key_O, Qt.AltModifier)  # the note becomes an action, the owner has the keys
    assert pane.action.isVisible() and pane.action.owner.hasFocus()
    qtbot.keyClicks(pane.action.owner, "Secretariat")
    qtbot.keyClick(pane.action.owner, Qt.Key_D, Qt.AltModifier)
    assert pane.action.due.hasFocus()
    qtbot.keyClicks(pane.action.due, "2026-12-04")
    QApplication.processEvents()
    pane.grab().save(str(screenshots / "notes_action_keys.png"))
    qtbot.keyClick(pane.action.due, Qt.Key_Return)
    [note] = _notes(window, "survey slides")
    assert (note.tag, note.owner, note.due) == (NoteTag.ACTION, "Secretariat", "2026-12-04")
    from dgfacil.ui.shortcuts_help import help_rows

    assert any(key == "Alt+O / Alt+D" for where, key, _ in help_rows(window) if where == "Notes")
