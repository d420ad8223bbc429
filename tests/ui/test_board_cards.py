"""Card boards in the Exercises room: add, edit, move, vote, cluster, undo, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlmodel import select

from dgfacil.store import boards as store
from dgfacil.store.tables import AgendaItemRow


def first_item(ctx) -> int:
    return ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())


def make_room(ctx, qtbot, use="swot"):
    from dgfacil.ui.exercises.room import ExercisesRoom

    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1400, 860)
    room.add_from_library(first_item(ctx), use)
    room.show()
    qtbot.waitExposed(room)
    return room


def cards_in_db(ctx, room):
    ex, group = room.exercise.id, room.board.group_id
    return ctx.tasks.read(lambda s: store.board_items(ex, group, session=s))


def test_add_by_double_click_and_typing_then_undo_redo(ctx, qtbot):
    room = make_room(ctx, qtbot)
    board = room.board
    view = board.view
    target = view.mapFromScene(board.frame.mapToScene(300, 300))
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=target)
    assert board.editor is not None
    qtbot.keyClicks(view.viewport(), "Strong political will")
    qtbot.keyClick(view.viewport(), Qt.Key_Return)
    assert [n.text for n in cards_in_db(ctx, room)] == ["Strong political will"]
    assert cards_in_db(ctx, room)[0].area == "strengths"
    assert len(board.cards) == 1
    room.undo_stack.undo()
    assert cards_in_db(ctx, room) == [] and board.cards == {}
    room.undo_stack.redo()
    assert [n.text for n in cards_in_db(ctx, room)] == ["Strong political will"]


def test_drag_moves_into_another_zone_and_undo_puts_it_back(ctx, qtbot):
    room = make_room(ctx, qtbot)
    board = room.board
    board.type_card("Cyber threats", 0.3, 0.3)
    card = next(iter(board.cards.values()))
    view = board.view
    start = view.mapFromScene(card.scenePos())
    end = view.mapFromScene(board.frame.mapToScene(1300, 800))
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=start)
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    move = QMouseEvent(
        QEvent.MouseMove,
        QPointF(end),
        view.viewport().mapToGlobal(QPointF(end)),
        Qt.LeftButton,
        Qt.LeftButton,
        Qt.NoModifier,
    )
    QApplication_send(view.viewport(), move)
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=end)
    [stored] = cards_in_db(ctx, room)
    assert stored.area == "threats" and stored.x > 0.7
    room.undo_stack.undo()
    [stored] = cards_in_db(ctx, room)
    assert stored.area == "strengths" and abs(stored.x - 0.3) < 1e-9


def QApplication_send(widget, event):
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)


def test_votes_are_limited_sorted_and_undone(ctx, qtbot):
    room = make_room(ctx, qtbot)
    board = room.board
    for i, text in enumerate(["Legacy systems", "Skills gap", "Silos"]):
        board.type_card(text, 0.6 + i * 0.1, 0.2)
    cards = {n.card.text: n for n in board.cards.values()}
    room.dots.setValue(2)
    room.dots.editingFinished.emit()  # as leaving the field does
    board = room.board
    cards = {n.card.text: n for n in board.cards.values()}
    cards["Silos"].setSelected(True)
    board.vote_selected()
    board.vote_selected()
    board.vote_selected()  # the third dot is refused
    assert "No dots left" in room.status_line.text()
    assert {n.text: n.votes for n in cards_in_db(ctx, room)}["Silos"] == 2
    board.sort_by_votes()
    placed = {n.text: n for n in cards_in_db(ctx, room)}
    assert placed["Silos"].x < placed["Legacy systems"].x
    room.undo_stack.undo()  # sort
    room.undo_stack.undo()  # second dot
    assert {n.text: n.votes for n in cards_in_db(ctx, room)}["Silos"] == 1
    assert board.cards[placed["Silos"].id].card.votes == 1


def test_cluster_colour_delete_and_reopen(ctx, qtbot, tmp_path):
    room = make_room(ctx, qtbot)
    board = room.board
    board.type_card("Open data portal", 0.3, 0.7)
    board.type_card("Regional cooperation", 0.4, 0.7)
    for card in board.cards.values():
        card.setSelected(True)
    board.cluster_selected("Partnerships")
    board.colour_selected("#B3E5FC")
    assert len(board.cluster_frames) == 1 and board.cluster_frames[0].heading == "Partnerships"
    first = min(board.cards)
    board.scene.clearSelection()
    board.cards[first].setSelected(True)
    board.delete_selected()
    assert len(cards_in_db(ctx, room)) == 1
    room.undo_stack.undo()
    before = [(n.text, n.cluster, n.colour, n.area) for n in cards_in_db(ctx, room)]
    assert len(before) == 2 and all(c == "Partnerships" for _, c, _, _ in before)
    ctx.tasks.wait()
    path = ctx.doc.path
    ctx.doc.close()
    from dgfacil.store.document import open_document

    reopened = open_document(path)
    ex = room.exercise.id
    with reopened.session() as s:
        after = [(n.text, n.cluster, n.colour, n.area) for n in store.board_items(ex, room.board.group_id, session=s)]
    reopened.engine.dispose()
    assert after == before


def click_at(qtbot, board, x: float, y: float) -> None:
    """A real click on the board at board coordinates (0..1)."""
    from dgfacil.ui.exercises.graphics import to_scene

    view = board.view
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(board.frame.mapToScene(to_scene(x, y))))


def press_n_and_type(qtbot, board, text: str) -> None:
    qtbot.keyClick(board.view, Qt.Key_N)
    assert board.editor is not None, "N opens a new card"
    qtbot.keyClicks(board.view.viewport(), text)
    qtbot.keyClick(board.view.viewport(), Qt.Key_Return)


def active_room(ctx, qtbot, use):
    room = make_room(ctx, qtbot, use)
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    room.board.view.setFocus()
    return room


def test_n_adds_the_card_in_the_zone_clicked_or_selected(ctx, qtbot):
    room = active_room(ctx, qtbot, "swot")
    board = room.board
    click_at(qtbot, board, 0.8, 0.9)  # an empty spot in Threats
    press_n_and_type(qtbot, board, "Cyber threats to legacy systems")
    press_n_and_type(qtbot, board, "Digital divide in rural areas")  # the next one goes there too
    click_at(qtbot, board, 0.3, 0.85)  # Opportunities
    press_n_and_type(qtbot, board, "Open government data")
    threat = next(n for n in board.cards.values() if n.card.text.startswith("Cyber"))
    click_at(qtbot, board, threat.card.x, threat.card.y)  # selecting a card: its zone
    assert board.selected() == [threat]
    press_n_and_type(qtbot, board, "Loss of trust after data breaches")
    areas = {n.text: n.area for n in cards_in_db(ctx, room)}
    assert areas == {
        "Cyber threats to legacy systems": "threats",
        "Digital divide in rural areas": "threats",
        "Open government data": "opportunities",
        "Loss of trust after data breaches": "threats",
    }
    from dgfacil.core import exercises as core

    rects = core.zone_rects(room.exercise.definition)
    assert all(rects[n.area].contains(n.x, n.y) for n in cards_in_db(ctx, room))


def test_n_on_a_plane_adds_the_card_in_the_quadrant_clicked(ctx, qtbot):
    room = active_room(ctx, qtbot, "stakeholder-map")
    board = room.board
    click_at(qtbot, board, 0.8, 0.75)  # bottom-right: high interest, low influence
    press_n_and_type(qtbot, board, "Rural women farmers")
    click_at(qtbot, board, 0.25, 0.2)  # top-left: low interest, high influence
    press_n_and_type(qtbot, board, "Ministry of Finance")
    stored = {n.text: n for n in cards_in_db(ctx, room)}
    from dgfacil.core import exercises as core

    quadrants = {q["corner"]: q["key"] for q in room.exercise.definition["quadrants"]}
    assert stored["Rural women farmers"].area == quadrants["bottom-right"]
    assert stored["Ministry of Finance"].area == quadrants["top-left"]
    rects = core.area_rects("plane", room.exercise.definition)
    assert all(rects[n.area].contains(n.x, n.y) for n in stored.values())
