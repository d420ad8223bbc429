"""The projector is readable from the back of the room: every board kind fills the window and its
text is at least 1/40 of the screen's height (27 px at 1080p); all cards stay on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo, QImage

from dgfacil.core import exercises as core
from dgfacil.core.exercises import BoardItem

from .test_exercises_screens import (
    ACTION_PLAN,
    PILLARS,
    STAKEHOLDERS,
    fill_cards,
    first_item,
    room_with,
    styled_room,
)

SWOT_12 = {  # what a country group of a digital-government workshop writes in a SWOT
    "strengths": [
        "National digital strategy aligned with the SDGs",
        "CIO office with budget authority",
        "Single government portal with 150 services",
    ],
    "weaknesses": ["Departments work in silos", "Low integration of services", "Skills gaps in data analytics"],
    "opportunities": [
        "Regional cybersecurity training partnerships",
        "Open, machine-readable government data",
        "Digital ID to link services",
    ],
    "threats": [
        "Cyber threats to legacy systems",
        "Digital divide in rural areas",
        "Loss of trust after data breaches",
    ],
}
SCREENS = [(1920, 1080), (1366, 768)]


def swot_room(ctx, qtbot):
    room = room_with(ctx, qtbot, "swot")
    rects = core.zone_rects(room.exercise.definition)
    cards = []
    for zone, texts in SWOT_12.items():
        taken = []
        for text in texts:
            x, y = core.free_spot(rects[zone], taken)
            taken.append((x, y))
            cards.append(BoardItem(text, zone, x, y))
    fill_cards(ctx, room, cards)
    board = room.board
    by_text = {n.card.text: n for n in board.cards.values()}
    for text in ("Departments work in silos", "Low integration of services"):
        by_text[text].setSelected(True)
    board.cluster_selected("Fragmented services")
    board.vote_selected()
    board.scene.clearSelection()
    return room


def open_projector(room, qtbot, width: int, height: int):
    projector = room.project()
    qtbot.addWidget(projector)
    projector.showNormal()  # the offscreen screen is small: size the window as the projector's screen
    projector.resize(width, height)
    qtbot.waitUntil(lambda: projector.size().width() == width and projector.size().height() == height)
    qtbot.waitUntil(lambda: projector.board.width() >= width - 16)  # the board fills the window
    return projector


def first_line_ink(image: QImage, rect: QRect) -> int:
    """Pixel height of the first line of dark text inside `rect` of a screenshot, as an eye sees it."""
    rows = []
    for y in range(rect.top(), rect.bottom() + 1):
        line = bytes(image.constScanLine(y))[rect.left() * 4 : (rect.right() + 1) * 4]
        if any(line[i] < 110 and line[i + 1] < 110 and line[i + 2] < 110 for i in range(0, len(line), 4)):
            rows.append(y)
    run = 1 if rows else 0
    while run < len(rows) and rows[run] == rows[run - 1] + 1:
        run += 1
    return run


def assert_cards_readable(projector, height: int) -> None:
    board = projector.board
    view = board.view
    scale = view.transform().m22()
    floor = height / 40
    assert board.cards
    # what the room sees: a line of card text is at least 0.7 of the floor high in ink (caps and
    # ascenders to descenders span about 0.9 of a font's size)
    shot = view.viewport().grab().toImage().convertToFormat(QImage.Format_RGB32)
    for card in board.cards.values():
        inside = view.mapFromScene(card.sceneBoundingRect()).boundingRect().adjusted(6, 4, -6, -4)
        ink = first_line_ink(shot, inside.intersected(shot.rect()))
        assert ink >= 0.7 * floor, f"{card.card.text!r}: a line of text is {ink} px high on screen"
    from dgfacil.ui.exercises.graphics import BASE_TEXT_PX

    for card in board.cards.values():
        on_screen = card.text_font().pixelSize() * scale
        assert on_screen >= floor, f"{card.card.text!r}: {on_screen:.1f} px < {floor:.1f} px"
        shown = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        assert view.viewport().rect().contains(shown), f"{card.card.text!r} is off screen"
        assert card.scale_of_marks() * scale >= floor / BASE_TEXT_PX  # tags and dots grow with the text
    frame = board.frame
    assert frame.title_font().pixelSize() * scale >= floor and frame.label_font(11).pixelSize() * scale >= floor
    # the board fills the window: the fitted board spans the viewport's width or its height
    board_on_screen = view.mapFromScene(view.board_rect()).boundingRect()
    viewport = view.viewport().rect()
    assert board_on_screen.width() >= 0.97 * viewport.width() or board_on_screen.height() >= 0.97 * viewport.height()
    assert viewport.height() >= 0.85 * height


@pytest.mark.parametrize("width, height", SCREENS)
def test_a_12_card_swot_is_readable_on_the_projector(ctx, qtbot, screenshots, width, height):
    room = swot_room(ctx, qtbot)
    projector = open_projector(room, qtbot, width, height)
    assert len(projector.board.cards) == 12 and len(projector.board.cluster_frames) == 1
    assert_cards_readable(projector, height)
    projector.grab().save(str(screenshots / f"projector_swot_{width}x{height}.png"))
    # the projector shows the cards large; the room's board keeps them where the group put them
    stored = {n.card.id: (n.card.x, n.card.y) for n in room.board.cards.values()}
    assert {n.card.id: (n.card.x, n.card.y) for n in projector.board.cards.values()} == stored
    # a card added on the group's board shows at once, as readable
    room.board.type_card("Donor fatigue", 0.8, 0.8)
    assert len(projector.board.cards) == 13
    assert_cards_readable(projector, height)
    projector.close()


def test_a_stakeholder_map_is_readable_on_the_projector(ctx, qtbot, screenshots):
    room = room_with(ctx, qtbot, "stakeholder-map")
    definition = room.exercise.definition
    fill_cards(
        ctx,
        room,
        [
            BoardItem(t, core.area_at("plane", definition, x, y), x, y, colour="#FFFFFF", data={"tag": tag})
            for t, x, y, tag in STAKEHOLDERS
        ],
    )
    projector = open_projector(room, qtbot, 1366, 768)
    areas = {n.card.text: n.card.area for n in projector.board.cards.values()}
    rects = core.area_rects("plane", definition)
    for card in projector.board.cards.values():  # each card stays in its quadrant
        x, y = card.pos().x() / 1600, card.pos().y() / 1000
        assert rects[areas[card.card.text]].contains(x, y)
    assert_cards_readable(projector, 768)
    projector.grab().save(str(screenshots / "projector_stakeholder_map_1366x768.png"))
    projector.close()


def widget_px(widget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def test_table_rubric_and_prompts_are_readable_on_the_projector(ctx, qtbot, screenshots):
    height = 768
    room = room_with(ctx, qtbot, "action-plan")
    fill_cards(ctx, room, [BoardItem("", goal, data={"cells": cells}) for goal, cells in ACTION_PLAN])
    projector = open_projector(room, qtbot, 1366, height)
    table = projector.board.table
    assert widget_px(table) >= height / 40 and widget_px(table.horizontalHeader()) >= height / 40
    goal_font = projector.board.model.index(0, 0).data(role=6)  # Qt.FontRole
    assert QFontInfo(goal_font).pixelSize() >= height / 40
    assert not table.horizontalScrollBar().isVisible()  # every column on screen
    assert QRect(0, 0, 1366, height).contains(projector.board.geometry())
    projector.grab().save(str(screenshots / "projector_action_plan_1366x768.png"))
    projector.close()

    room.add_from_library(first_item(ctx), "nine-pillars")
    ex, group = room.exercise.id, room.board.group_id
    from dgfacil.operations import boards as ops

    def marks(s):
        for key, (cur, tgt) in PILLARS.items():
            ops.set_answer(s, exercise_id=ex, group_id=group, key=key, value={"current": cur, "target": tgt})
        return ops.Changes(boards=True)

    ctx.tasks.run_sync(marks)
    projector = open_projector(room, qtbot, 1366, height)
    board = projector.board
    projector.grab().save(str(screenshots / "projector_nine_pillars_1366x768.png"))
    delegate = board.delegate
    assert QFontInfo(delegate.font_of(8.5)).pixelSize() >= height / 40  # the smallest text
    assert QFontInfo(delegate.font_of(7, True)).pixelSize() >= 0.8 * height / 40  # the CURRENT / TARGET badges
    assert widget_px(board.table.horizontalHeader()) >= height / 40 and board.radar.text_px >= height / 40
    # the nine pillars with their marks and gaps fit on the screen, no scrolling
    assert not board.table.verticalScrollBar().isVisible() and not board.table.horizontalScrollBar().isVisible()
    projector.close()

    from dgfacil.operations import exercises as ex_ops

    definition = {
        "questions": [
            {"key": "q1", "text": "What are the nine key pillars for digital government transformation?"},
            {
                "key": "q2",
                "kind": "choice",
                "text": "Which tool looks at internal and external factors?",
                "options": ["PESTLE analysis", "SWOT analysis", "Star profiling"],
                "answer": 1,
            },
        ]
    }
    ctx.tasks.run_sync(
        lambda s: ex_ops.add_exercise(
            s, agenda_item_id=first_item(ctx), kind="prompts", title="Chapter 3 quiz", definition=definition
        )
    )
    room.reload_exercises(select=max(e.id for e in ctx.workshop().exercises))
    assert room.exercise.kind == "prompts"
    projector = open_projector(room, qtbot, 1366, height)
    card = projector.board.cards[0]
    title = card.findChild(type(card.verdict), "question")
    assert widget_px(title) >= height / 40 and widget_px(card.editor) >= height / 40
    assert widget_px(projector.board.cards[1].choices.buttons()[0]) >= height / 40
    projector.grab().save(str(screenshots / "projector_prompts_1366x768.png"))
    projector.close()


def test_projector_heading_and_timer_grow_with_the_screen(ctx, qtbot):
    room = styled_room(ctx, qtbot)
    qtbot.addWidget(room)
    room.add_from_library(first_item(ctx), "swot")
    projector = open_projector(room, qtbot, 1920, 1080)
    assert widget_px(projector.heading) >= 27 and widget_px(projector.timer) >= 27
    projector.close()
