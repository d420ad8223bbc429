"""Whole-room dot voting has the dots of everyone in the room; an old "No dots left" does not follow
the facilitator to another exercise; a workshop without exercises shows an empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dgfacil.core.model import Participant
from dgfacil.operations import participants as people_ops

from .test_board_cards import make_room


def test_whole_room_has_dots_per_person_and_the_message_does_not_linger(ctx, qtbot, screenshots):
    for n in range(4):
        ctx.tasks.run_sync(lambda s, n=n: people_ops.add_participant(s, participant=Participant(f"Person {n}")))
    room = make_room(ctx, qtbot)
    assert room.group_box.currentText() == "Whole room" and room.dots.value() == 3
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    board = room.board
    board.type_card("Siloed ministries", 0.6, 0.2)

    def votes() -> int:
        return next(iter(board.cards.values())).card.votes

    next(iter(board.cards.values())).setSelected(True)
    board.view.setFocus()
    qtbot.waitUntil(board.view.hasFocus)
    for _ in range(12):  # 3 dots x 4 people
        qtbot.keyClick(board.view, Qt.Key_D, Qt.ControlModifier)
    assert votes() == 12 and "0 of 12 (4 people) left" in board.tally.counts.text()
    qtbot.keyClick(board.view, Qt.Key_D, Qt.ControlModifier)  # the thirteenth is refused, and says why
    assert room.status_line.text() == "No dots left: 3 × 4 people = 12 for the room."
    assert votes() == 12
    room.grab().save(str(screenshots / "exercises_whole_room_dots.png"))
    room.add_from_library(room.exercise.agenda_item_id, "swot")  # another exercise page
    assert room.status_line.text() == ""


def test_no_exercise_shows_an_empty_state(ctx, qtbot, screenshots):
    from dgfacil.ui.exercises.room import ExercisesRoom

    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1280, 720)
    room.show()
    qtbot.waitExposed(room)
    assert room.exercise is None and room.pages.currentWidget() is room.empty_page
    assert not room.timer.isVisible() and not room.group_box.isVisible() and not room.dots.isVisible()
    assert "Not on the agenda" not in room.timer.text()
    room.grab().save(str(screenshots / "exercises_empty_state.png"))
