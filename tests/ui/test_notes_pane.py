"""The notes pane driven by real keys: type and Enter, tag with Ctrl+digit, speakers, edit, delete, undo, drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from dgfacil.core.model import NoteTag
from dgfacil.operations import notes as ops
from dgfacil.store.notes import load_notes
from dgfacil.ui.notes.pane import NotesPane

T0 = datetime(2023, 5, 30, 6, 12, tzinfo=UTC)  # 15:12 in Seoul


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def pane(ctx, qtbot):
    ctx.clock = Clock()
    pane = NotesPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    qtbot.waitExposed(pane)
    session1 = list(pane.items)[1]
    pane.set_item(session1)
    pane.focus_entry()
    return pane


def notes(ctx):
    return ctx.tasks.read(lambda s: load_notes(session=s))


def type_note(qtbot, pane, text: str) -> None:
    qtbot.keyClicks(pane.entry, text)
    qtbot.keyClick(pane.entry, Qt.Key_Return)


def test_typing_and_enter_adds_a_timestamped_note_and_clears_the_entry(pane, ctx, qtbot):
    qtbot.keyClicks(pane.entry, "EGDI rose only slightly in 2022")
    ctx.clock.now = T0 + timedelta(seconds=30)
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    [note] = notes(ctx)
    assert (note.text, note.agenda_item_id, note.created_at) == (
        "EGDI rose only slightly in 2022",
        pane.item_id,
        T0 + timedelta(seconds=30),
    )
    assert pane.entry.text() == "" and pane.model.rowCount() == 1
    assert pane.model.data(pane.model.index(0), Qt.AccessibleTextRole).startswith("15:12, Note")  # Seoul time


def test_shift_enter_makes_a_new_line_and_empty_enter_adds_nothing(pane, ctx, qtbot):
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    qtbot.keyClicks(pane.entry, "Three steps:")
    qtbot.keyClick(pane.entry, Qt.Key_Return, Qt.ShiftModifier)
    qtbot.keyClicks(pane.entry, "envision, strategize, build")
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert [n.text for n in notes(ctx)] == ["Three steps:\nenvision, strategize, build"]


def test_ctrl_digit_tags_the_typed_note_then_the_last_one(pane, ctx, qtbot):
    qtbot.keyClicks(pane.entry, "The future of digital government is hybrid")
    qtbot.keyClick(pane.entry, Qt.Key_1, Qt.AltModifier)
    assert pane.tagbar.buttons[NoteTag.KEY_MESSAGE].isChecked()
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert notes(ctx)[0].tag == NoteTag.KEY_MESSAGE
    assert not pane.tagbar.buttons[NoteTag.KEY_MESSAGE].isChecked()  # the next note starts plain
    # Empty entry: the key tags the last note; the same key again makes it plain; undo goes back.
    qtbot.keyClick(pane.entry, Qt.Key_3, Qt.AltModifier)
    assert notes(ctx)[0].tag == NoteTag.ACTION
    qtbot.keyClick(pane.entry, Qt.Key_3, Qt.AltModifier)
    assert notes(ctx)[0].tag == NoteTag.NOTE
    qtbot.keyClick(pane.entry, Qt.Key_Z, Qt.ControlModifier)
    assert notes(ctx)[0].tag == NoteTag.ACTION
    assert pane.undo_stack.undoText() == "Tag as action"


def test_tag_keys_win_over_a_window_shortcut(pane):
    """ShortcutOverride is accepted, so no window shortcut on the same key can steal it."""
    event = QKeyEvent(QEvent.ShortcutOverride, Qt.Key_1, Qt.AltModifier)
    event.ignore()
    pane.keys.eventFilter(pane.entry, event)
    assert event.isAccepted()


def test_tab_cycles_the_items_speakers_and_ctrl_k_takes_any_name(pane, ctx, qtbot):
    qtbot.keyClick(pane.entry, Qt.Key_Tab)
    assert pane.speaker.currentText() == "Ms. Yun Sook Lee"  # the moderator first
    qtbot.keyClick(pane.entry, Qt.Key_Tab)
    assert pane.speaker.currentText() == "Mr. Vincenzo Aquaro"
    qtbot.keyClick(pane.entry, Qt.Key_Backtab, Qt.ShiftModifier)
    assert pane.speaker.currentText() == "Ms. Yun Sook Lee"
    assert pane.entry.hasFocus()  # Tab never left the entry
    type_note(qtbot, pane, "Welcome and housekeeping")
    qtbot.keyClick(pane.entry, Qt.Key_K, Qt.ControlModifier)
    assert pane.speaker.lineEdit().hasFocus()
    qtbot.keyClicks(pane.speaker.lineEdit(), "Mr. Steven Matainaho")
    qtbot.keyClick(pane.speaker.lineEdit(), Qt.Key_Return)
    assert pane.entry.hasFocus()
    type_note(qtbot, pane, "PNG restructured the Digital Government Act in 2022")
    assert [n.speaker for n in notes(ctx)] == ["Ms. Yun Sook Lee", "Mr. Steven Matainaho"]  # speaker sticks


def test_up_edits_the_last_note_enter_saves_and_undo_restores(pane, ctx, qtbot):
    type_note(qtbot, pane, "First note")
    type_note(qtbot, pane, "Korea: 50 years of digitl development")
    qtbot.keyClick(pane.entry, Qt.Key_Up)
    assert pane.editing is not None and pane.entry.text() == "Korea: 50 years of digitl development"
    qtbot.keyClick(pane.entry, Qt.Key_Up)  # one older
    assert pane.entry.text() == "First note"
    qtbot.keyClick(pane.entry, Qt.Key_Down)
    pane.entry.selectAll()
    qtbot.keyClicks(pane.entry, "Korea: 50 years of digital development since the 1960s")
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert [n.text for n in notes(ctx)] == ["First note", "Korea: 50 years of digital development since the 1960s"]
    assert notes(ctx)[1].created_at == T0 and pane.editing is None
    pane.undo_stack.undo()
    assert notes(ctx)[1].text == "Korea: 50 years of digitl development"
    pane.undo_stack.redo()
    assert notes(ctx)[1].text.endswith("since the 1960s")


def test_escape_cancels_an_edit(pane, ctx, qtbot):
    type_note(qtbot, pane, "Keep me")
    qtbot.keyClick(pane.entry, Qt.Key_Up)
    qtbot.keyClicks(pane.entry, " changed")
    qtbot.keyClick(pane.entry, Qt.Key_Escape)
    assert pane.editing is None and pane.entry.text() == ""
    assert notes(ctx)[0].text == "Keep me"


def test_delete_in_the_list_and_ctrl_z_brings_it_back_with_its_id(pane, ctx, qtbot):
    type_note(qtbot, pane, "A mistake")
    type_note(qtbot, pane, "Keep this")
    qtbot.keyClick(pane.entry, Qt.Key_L, Qt.ControlModifier)  # to the list; the last note is selected
    assert pane.view.hasFocus()
    qtbot.keyClick(pane.view, Qt.Key_Up)
    assert pane.selected_note().text == "A mistake"
    before = notes(ctx)
    qtbot.keyClick(pane.view, Qt.Key_Delete)
    assert [n.text for n in notes(ctx)] == ["Keep this"]
    assert "Ctrl+Z" in pane.status.text()
    qtbot.keyClick(pane.view, Qt.Key_Z, Qt.ControlModifier)
    assert notes(ctx) == before
    qtbot.keyClick(pane.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert [n.text for n in notes(ctx)] == ["Keep this"]


def test_undo_and_redo_an_added_note_keep_its_id(pane, ctx, qtbot):
    type_note(qtbot, pane, "Recording will be shared")
    [added] = notes(ctx)
    pane.undo_stack.undo()
    assert notes(ctx) == []
    pane.undo_stack.redo()
    assert notes(ctx) == [added]


def test_the_typed_text_is_kept_as_a_draft_within_a_second(pane, ctx, qtbot):
    qtbot.keyClicks(pane.entry, "Half a sentence about data gover")
    qtbot.keyClick(pane.entry, Qt.Key_2, Qt.AltModifier)
    item_id = pane.item_id
    qtbot.waitUntil(
        lambda: ctx.tasks.read(lambda s: ops.load_draft(s, item_id=item_id)).text == "Half a sentence about data gover",
        timeout=1000,
    )
    draft = ctx.tasks.read(lambda s: ops.load_draft(s, item_id=item_id))
    assert draft.tag == NoteTag.DECISION
    # Another pane on the same document (as after a restart) finds it in the entry.
    other = NotesPane(ctx)
    qtbot.addWidget(other)
    other.set_item(item_id)
    assert other.entry.text() == "Half a sentence about data gover" and other.tag == NoteTag.DECISION
    assert "back" in other.status.text()
    # Adding the note forgets the draft in the same transaction.
    qtbot.keyClick(pane.entry, Qt.Key_Return)
    assert ctx.tasks.read(lambda s: ops.load_draft(s, item_id=item_id)).empty


def test_switching_items_keeps_each_items_draft(pane, ctx, qtbot):
    first = pane.item_id
    qtbot.keyClicks(pane.entry, "unfinished on session 1")
    second = list(pane.items)[2]
    pane.set_item(second)
    assert pane.entry.text() == ""
    qtbot.keyClicks(pane.entry, "on session 2")
    pane.set_item(first)
    assert pane.entry.text() == "unfinished on session 1"
    pane.set_item(second)
    assert pane.entry.text() == "on session 2"


def test_user_text_is_shown_as_plain_text(pane, ctx, qtbot):
    type_note(qtbot, pane, "<b>not bold</b> <img src=x>")
    assert pane.model.data(pane.model.index(0), Qt.DisplayRole) == "<b>not bold</b> <img src=x>"
    assert pane.title.textFormat() == Qt.PlainText and pane.people_label.textFormat() == Qt.PlainText


def test_ctrl_page_keys_move_between_agenda_items(pane, qtbot):
    order = list(pane.items)
    qtbot.keyClick(pane.entry, Qt.Key_PageDown, Qt.ControlModifier)
    assert pane.item_id == order[2]
    qtbot.keyClick(pane.entry, Qt.Key_PageUp, Qt.ControlModifier)
    qtbot.keyClick(pane.entry, Qt.Key_PageUp, Qt.ControlModifier)
    qtbot.keyClick(pane.entry, Qt.Key_PageUp, Qt.ControlModifier)  # stays on the first
    assert pane.item_id == order[0]
