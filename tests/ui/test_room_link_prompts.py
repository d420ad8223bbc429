"""A phone's answer to the exercise's prompts appears in the desktop prompts board, live."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))
from link_phone import Phone

QUESTIONS = [
    {"key": "change", "text": "What will you change first?"},
    {"key": "law", "kind": "choice", "text": "Is a data law needed?", "options": ["Yes", "No"]},
]


def test_a_phone_answer_shows_in_the_desktop_prompts_board(demo_window, qtbot):
    from dgfacil.operations import exercises

    window = demo_window()
    room = window.show_room("Exercises")
    first = window.ctx.workshop().days[0].items[0].id
    changes = window.ctx.tasks.run_sync(
        lambda s: exercises.add_exercise(
            s, agenda_item_id=first, kind="prompts", title="Reflection", definition={"questions": QUESTIONS}
        )
    )
    exercise_id = changes.ids[0]
    room.reload_exercises(select=exercise_id)
    qtbot.waitUntil(lambda: room.board is not None and room.board.exercise.id == exercise_id, timeout=3000)
    assert window.room_link.turn_on(bind="127.0.0.1", port=0)
    try:
        link = window.room_link.link
        assert (
            Phone(link.facilitator_url("127.0.0.1")).post("/api/boards/current", {"exercise_id": exercise_id})[0] == 200
        )
        phone = Phone(link.join_url("127.0.0.1"))
        phone.join()
        status, _ = phone.post(
            "/api/prompts", {"exercise_id": exercise_id, "answers": {"change": "Publish open data", "law": 1}}
        )
        assert status == 200
        change, law = room.board.cards
        qtbot.waitUntil(lambda: change.editor.toPlainText() == "Publish open data", timeout=3000)
        assert law.choices.checkedId() == 1
    finally:
        window.close_document()
