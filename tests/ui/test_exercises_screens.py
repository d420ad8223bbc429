"""Screenshots of every exercise kind filled with content from the training toolkit's own examples.

Each test also asserts what can be asserted about the picture's content (counts, texts), so a
broken board fails here, not only by eye.
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone

from sqlmodel import select

from dgfacil.core.exercises import BoardItem
from dgfacil.operations import boards as ops
from dgfacil.store import boards as store
from dgfacil.store.tables import AgendaItemRow


def first_item(ctx) -> int:
    return ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())


SWOT = {
    "strengths": [
        "National digital strategy aligned with the SDGs",
        "CIO office with budget authority",
        "Single government portal with 150 services",
        "Strong mobile money uptake",
    ],
    "weaknesses": [
        "Departments work in silos",
        "Low integration of services",
        "Skills gaps in data analytics",
        "Little investment beyond pilot projects",
    ],
    "opportunities": [
        "Regional cybersecurity training partnerships",
        "Open, machine-readable government data",
        "Digital ID to link services",
        "Hackathons with universities and start-ups",
    ],
    "threats": [
        "Cyber threats to legacy systems",
        "Digital divide in rural areas",
        "Loss of trust after data breaches",
    ],
}
STAKEHOLDERS = [  # (text, x = interest, y = 1 - influence, IAP2 level): board y grows downwards
    ("Ministry of ICT", 0.86, 0.14, "Collaborate"),
    ("Ministry of Finance", 0.36, 0.13, "Involve"),
    ("Parliament ICT committee", 0.18, 0.26, "Consult"),
    ("Development partners", 0.36, 0.34, "Inform"),
    ("Telecom operators", 0.62, 0.34, "Involve"),
    ("Local governments", 0.86, 0.34, "Collaborate"),
    ("Start-ups and tech companies", 0.64, 0.14, "Involve"),
    ("Civil society organizations", 0.88, 0.62, "Collaborate"),
    ("Persons with disabilities", 0.72, 0.82, "Empower"),
    ("Rural women farmers", 0.6, 0.64, "Consult"),
    ("Universities and think tanks", 0.34, 0.62, "Consult"),
    ("Media", 0.14, 0.78, "Inform"),
]
ACTION_PLAN = [
    (
        "Goal 1: Interoperable digital public services",
        {
            "action": "Adopt a national interoperability framework",
            "responsibility": "CIO office; ICT Authority supports",
            "ownership": "Government CIO",
            "timeframe": "Draft by Q2; adopted by Q4",
            "resources": "2 architects; donor TA",
            "kpis": "Framework adopted; 10 agencies compliant",
            "information-sharing": "Quarterly CIO network meeting",
        },
    ),
    (
        "Goal 1: Interoperable digital public services",
        {
            "action": "Link civil registry with digital ID",
            "responsibility": "Civil registry; ID agency",
            "ownership": "Ministry of Interior",
            "timeframe": "12 months",
            "resources": "Budget line in digital programme",
            "kpis": "90% of births registered online",
            "information-sharing": "Public dashboard",
        },
    ),
    (
        "Goal 2: No one left behind",
        {
            "action": "Digital literacy trainers in rural kiosks",
            "responsibility": "Ministry of Education; NGOs",
            "ownership": "Digital inclusion unit",
            "timeframe": "Pilot in 3 provinces in year 1",
            "resources": "Kiosk staff; training kits",
            "kpis": "20,000 people trained; 40% women",
            "information-sharing": "Monthly reports to steering committee",
        },
    ),
    (
        "Goal 2: No one left behind",
        {
            "action": "Accessibility standard for all government websites",
            "responsibility": "ICT Authority",
            "ownership": "Government CIO",
            "timeframe": "Standard in 6 months; audit yearly",
            "resources": "Accessibility audit firm",
            "kpis": "All top-50 services pass WCAG AA",
            "information-sharing": "Published audit results",
        },
    ),
]
PILLARS = {  # (current, target) stage per pillar, as a country group marked them
    "vision-leadership-mindsets": (1, 3),
    "legal-institutional-framework": (2, 3),
    "organizational-setup-culture": (1, 2),
    "systems-thinking-integration": (0, 2),
    "data-management": (0, 2),
    "ict-infrastructure-access": (1, 3),
    "resources": (1, 2),
    "capacity-of-capacity-developers": (0, 1),
    "societal-capacities": (1, 3),
}


def styled_room(ctx, qtbot):
    """A room as the app shows it: the app's stylesheet, and a clock inside the agenda item."""
    from dgfacil.paths import resources_dir
    from dgfacil.ui.exercises.room import ExercisesRoom

    ctx.clock = lambda: datetime(2023, 5, 30, 6, 3, 20, tzinfo=UTC)  # 15:03:20 in Seoul
    room = ExercisesRoom(ctx)
    qss = resources_dir() / "style.qss"
    if qss.exists():
        room.setStyleSheet(qss.read_text(encoding="utf-8"))
    return room


def room_with(ctx, qtbot, use: str):
    room = styled_room(ctx, qtbot)
    qtbot.addWidget(room)
    room.resize(1400, 860)
    room.add_from_library(first_item(ctx), use)
    room.show()
    qtbot.waitExposed(room)
    return room


def fill_cards(ctx, room, cards: list[BoardItem]) -> None:
    ex, group = room.exercise.id, room.board.group_id

    def op(s):
        ids = []
        for n in cards:
            ids += ops.add_item(s, exercise_id=ex, group_id=group, item=n).ids
        return ops.Changes(boards=True)

    ctx.tasks.run_sync(op)
    room.board.load()


def test_swot_screenshot(ctx, qtbot, screenshots):
    room = room_with(ctx, qtbot, "swot")
    from dgfacil.core import exercises as core

    rects = core.zone_rects(room.exercise.definition)
    cards = []
    for zone, texts in SWOT.items():
        taken = []
        for text in texts:
            x, y = core.free_spot(rects[zone], taken)
            taken.append((x, y))
            cards.append(BoardItem(text, zone, x, y, colour="#FFF176"))
    fill_cards(ctx, room, cards)
    board = room.board
    by_text = {n.card.text: n for n in board.cards.values()}
    for text in ("Departments work in silos", "Low integration of services"):
        by_text[text].setSelected(True)
    board.cluster_selected("Fragmented services")
    board.vote_selected()
    board.scene.clearSelection()
    assert len(board.cards) == 15 and len(board.cluster_frames) == 1
    assert room.timer.text() == "3:40 left"
    room.grab().save(str(screenshots / "exercises_swot.png"))


def test_stakeholder_map_screenshot(ctx, qtbot, screenshots):
    room = room_with(ctx, qtbot, "stakeholder-map")
    cards = [BoardItem(t, "", x, y, colour="#FFFFFF", data={"tag": tag}) for t, x, y, tag in STAKEHOLDERS]
    from dgfacil.core import exercises as core

    for n in cards:
        n.area = core.area_at("plane", room.exercise.definition, n.x, n.y)
    fill_cards(ctx, room, cards)
    areas = {n.card.text: n.card.area for n in room.board.cards.values()}
    assert areas["Persons with disabilities"] == "keep-informed" and areas["Ministry of ICT"] == "manage-closely"
    room.grab().save(str(screenshots / "exercises_stakeholder_map.png"))


def test_action_plan_screenshot(ctx, qtbot, screenshots):
    room = room_with(ctx, qtbot, "action-plan")
    fill_cards(ctx, room, [BoardItem("", goal, data={"cells": cells}) for goal, cells in ACTION_PLAN])
    model = room.board.model
    assert model.rowCount() == 4 and room.board.table.rowSpan(0, 0) == 2
    room.grab().save(str(screenshots / "exercises_action_plan.png"))


def test_nine_pillars_screenshot(ctx, qtbot, screenshots):
    room = room_with(ctx, qtbot, "nine-pillars")
    ex, group = room.exercise.id, room.board.group_id

    def op(s):
        for key, (cur, tgt) in PILLARS.items():
            ops.set_answer(s, exercise_id=ex, group_id=group, key=key, value={"current": cur, "target": tgt})
        return ops.Changes(boards=True)

    ctx.tasks.run_sync(op)
    room.board.load()
    assert [g.gap for g in room.board.gaps()] == [t - c for c, t in PILLARS.values()]
    room.resize(1500, 1000)
    room.grab().save(str(screenshots / "exercises_nine_pillars.png"))


def test_prompts_screenshot(ctx, qtbot, screenshots):
    definition = {
        "instructions": "Chapter 3 quiz/exercises: discuss in your group and write the group's answer.",
        "questions": [
            {"key": "q1", "text": "What are the nine key pillars for digital government transformation?"},
            {
                "key": "q2",
                "text": "What are the opportunities, challenges, and capacity gaps of digital "
                "government transformation in your country?",
            },
            {
                "key": "q3",
                "kind": "choice",
                "text": "Which tool looks at internal and external factors?",
                "options": ["PESTLE analysis", "SWOT analysis", "Star profiling"],
                "answer": 1,
            },
        ],
    }
    from dgfacil.operations import exercises as ex_ops

    ctx.tasks.run_sync(
        lambda s: ex_ops.add_exercise(
            s, agenda_item_id=first_item(ctx), kind="prompts", title="Chapter 3 quiz", definition=definition
        )
    )
    room = styled_room(ctx, qtbot)
    qtbot.addWidget(room)
    room.resize(1400, 860)
    room.show()
    board = room.board
    board.cards[0].editor.setPlainText(
        "Vision and leadership; legal framework; organizational set-up; systems thinking; "
        "data; ICT infrastructure; resources; capacity developers; societal capacities."
    )
    board.cards[0].save()
    board.cards[2].choices.button(1).click()
    assert board.cards[2].verdict.text() == "✓ Correct"
    values = ctx.tasks.read(lambda s: store.answers(room.exercise.id, None, session=s))
    assert values["q3"] == {"choice": 1} and values["q1"]["text"].startswith("Vision")
    room.grab().save(str(screenshots / "exercises_prompts.png"))


OTHER_BOARDS = {  # library name -> cards per area, from the toolkit's chapters 3, 4 and 7
    "pestle": {
        "political": ["Digital strategy endorsed by cabinet"],
        "economic": ["Tight public budgets"],
        "social": ["Digital divide between urban and rural"],
        "technological": ["Cloud and AI adoption"],
        "legal": ["Data protection law in draft"],
        "environmental": ["Climate-resilient data centres"],
    },
    "design-thinking": {
        "empathize": ["Interview applicants at a rural kiosk"],
        "define": ["Citizens repeat the same data to 5 agencies"],
        "ideate": ["Once-only principle", "Pre-filled forms"],
        "prototype": ["Paper mock-up of a one-stop portal"],
        "test": ["Try it with 10 users in one province"],
    },
    "empathy-map": {
        "says": ["“I took a day off to get one stamp”"],
        "thinks": ["Online services are not for people like me"],
        "does": ["Asks a relative to fill forms"],
        "feels": ["Anxious about losing documents"],
        "pains": ["Travel cost to the district office"],
        "gains": ["Service on the phone in my language"],
    },
    "value-feasibility": None,
}


def test_other_library_boards_screenshots(ctx, qtbot, screenshots):
    from dgfacil.core import exercises as core

    room = room_with(ctx, qtbot, "pestle")
    for name, areas in OTHER_BOARDS.items():
        if name != "pestle":
            room.add_from_library(first_item(ctx), name)
        definition = room.exercise.definition
        rects = core.area_rects(room.exercise.kind, definition)
        cards = []
        if areas is None:  # value x feasibility: action ideas placed on the plane
            ideas = [
                ("Single sign-on with the national digital ID", 0.8, 0.2),
                ("Open data portal", 0.62, 0.34),
                ("Rewrite every legacy system at once", 0.2, 0.3),
                ("Online birth registration", 0.75, 0.7),
            ]
            cards = [BoardItem(t, core.area_at("plane", definition, x, y), x, y) for t, x, y in ideas]
        else:
            for area, texts in areas.items():
                taken = []
                for text in texts:
                    x, y = core.free_spot(rects[area], taken)
                    taken.append((x, y))
                    cards.append(BoardItem(text, area, x, y))
        fill_cards(ctx, room, cards)
        assert len(room.board.cards) == len(cards)
        assert all(rects[n.card.area].contains(n.card.x, n.card.y) for n in room.board.cards.values())
        room.grab().save(str(screenshots / f"exercises_{name}.png"))
