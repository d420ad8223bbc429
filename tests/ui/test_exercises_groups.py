"""Groups in the Exercises room: create, deal at random, drag one person, a board per group,
all groups side by side, the projector, PNG/SVG export, table and rubric editing with undo."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

from PySide6.QtCore import Qt
from sqlmodel import select

from dgfacil.store import boards as store
from dgfacil.store.tables import AgendaItemRow, ParticipantRow

ROSTER = [
    ("Tanvir Ahmed", "Bangladesh", "a2i Programme"),
    ("Nilufar Yasmin", "Bangladesh", "a2i Programme"),
    ("Rahim Uddin", "Bangladesh", "ICT Division"),
    ("Sonam Dorji", "Bhutan", "GovTech Agency"),
    ("Pema Wangmo", "Bhutan", "GovTech Agency"),
    ("Karma Tshering", "Bhutan", "Ministry of Finance"),
    ("Siosaia Fifita", "Tonga", "Ministry of MEIDECC"),
    ("Ana Tuipulotu", "Tonga", "Prime Minister's Office"),
    ("Nguyen Thi Lan", "Viet Nam", "Ministry of Information and Communications"),
    ("Tran Van Minh", "Viet Nam", "Ministry of Home Affairs"),
    ("Aigerim Bekova", "Kazakhstan", "Digital Kazakhstan"),
    ("Dauren Abenov", "Kazakhstan", "Astana Hub"),
]


def setup_room(ctx, qtbot, use="swot"):
    from dgfacil.ui.exercises.room import ExercisesRoom

    def add(s):
        s.add_all(
            [
                ParticipantRow(workshop_id=ctx.doc.workshop_id, full_name=n, country=c, organization=o)
                for n, c, o in ROSTER
            ]
        )

    ctx.tasks.run_sync(add)
    ctx.clock = lambda: datetime(2023, 5, 30, 6, 3, 20, tzinfo=UTC)
    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1400, 860)
    item = ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())
    room.add_from_library(item, use)
    room.show()
    return room


def test_create_assign_drag_and_undo(ctx, qtbot):
    room = setup_room(ctx, qtbot)
    room.groups_button.setChecked(True)
    room.groups_panel.create_groups(3, "exercise")
    assert [g.name for g in room.groups] == ["Group 1", "Group 2", "Group 3"]
    assert room.group_box.count() == 4 and room.board.group_id == room.groups[0].id
    room.groups_panel.assign_random(seed=11)
    sizes = [len(g.member_ids) for g in room.groups]
    assert sizes == [4, 4, 4]
    # drag the first member of group 1 onto group 2 (through the model's own drag data)
    model = room.groups_panel.model
    g1, g2 = model.index(0, 0), model.index(1, 0)
    person = model.index(0, 0, g1)
    pid = person.data(Qt.UserRole + 1)
    assert model.canDropMimeData(model.mimeData([person]), Qt.MoveAction, -1, -1, g2)
    model.dropMimeData(model.mimeData([person]), Qt.MoveAction, -1, -1, g2)
    assert pid in room.groups[1].member_ids and [len(g.member_ids) for g in room.groups] == [3, 5, 4]
    room.undo_stack.undo()
    assert [len(g.member_ids) for g in room.groups] == [4, 4, 4]
    room.undo_stack.undo()  # the random deal
    assert all(not g.member_ids for g in room.groups)
    room.undo_stack.undo()  # the groups
    assert room.groups == [] and room.group_box.count() == 1


def test_each_group_has_its_own_board_and_all_are_shown_side_by_side(ctx, qtbot, screenshots):
    room = setup_room(ctx, qtbot)
    room.groups_panel.create_groups(4, "day")
    room.groups_panel.assign_random(seed=3)
    texts = {  # (text, x, y) per group: SWOT cards as the toolkit's country groups wrote them
        0: [("E-government champions across government", 0.2, 0.3), ("Departments work in silos", 0.62, 0.3)],
        1: [("Silos between ministries", 0.62, 0.3)],
        2: [],
        3: [("Cyber threats to legacy systems", 0.62, 0.8), ("Regional partnerships", 0.2, 0.8)],
    }
    for index, cards in texts.items():
        room.open_group(room.groups[index].id)
        for text, x, y in cards:
            room.board.type_card(text, x, y)
    room.open_group(room.groups[1].id)
    assert [n.card.text for n in room.board.cards.values()] == ["Silos between ministries"]
    room.all_button.setChecked(True)
    overview = room.overview
    assert len(overview.frames) == 4
    counts = [len(overview.frames[g.id].childItems()) for g in room.groups]
    assert counts == [2, 1, 0, 2]
    room.groups_button.setChecked(True)
    qtbot.waitUntil(lambda: room.groups_panel.width() >= room.groups_panel.minimumSizeHint().width())
    room.grab().save(str(screenshots / "exercises_all_groups.png"))
    # the projector shows the group selected in the overview
    overview.select_group(room.groups[3].id)
    projector = room.project()
    qtbot.addWidget(projector)
    assert projector.board.group_id == room.groups[3].id and len(projector.board.cards) == 2
    assert projector.isFullScreen() and projector.timer.text() == "3:40 left"
    # a card added on the group's board shows on the projector at once
    room.all_button.setChecked(False)
    room.open_group(room.groups[3].id)
    room.board.type_card("Digital divide in rural areas", 0.75, 0.8)
    assert len(projector.board.cards) == 3
    projector.showNormal()  # the offscreen screen is small: size the window as a 1280x720 projector
    projector.resize(1280, 720)
    qtbot.waitUntil(lambda: projector.board.width() >= projector.width() - 16)  # the board fills the window
    projector.grab().save(str(screenshots / "exercises_projector.png"))
    projector.close()


def test_export_png_and_svg(ctx, qtbot, tmp_path):
    room = setup_room(ctx, qtbot)
    room.board.type_card("Strong leadership", 0.2, 0.3)
    png = room.export(tmp_path / "swot.png")
    svg = room.export(tmp_path / "swot.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Strong leadership" in text and "Strengths" in text
    from PySide6.QtGui import QImage

    assert QImage(str(png)).width() == 3200


def test_table_rows_edit_add_goal_and_undo(ctx, qtbot):
    room = setup_room(ctx, qtbot, "action-plan")
    board = room.board
    board.add_row("Goal 1: Interoperable services")
    model = board.model
    assert model.rowCount() == 1
    model.setData(model.index(0, 1), "Adopt an interoperability framework")
    model.setData(model.index(0, 4), "Q4 2024")
    board.add_goal()
    assert [r.area for r in model.rows] == ["Goal 1: Interoperable services", "Goal 2"]
    model.setData(model.index(1, 0), "Goal 2: No one left behind")
    rows = ctx.tasks.read(lambda s: store.board_items(room.exercise.id, None, session=s))
    assert rows[0].data["cells"] == {"action": "Adopt an interoperability framework", "timeframe": "Q4 2024"}
    assert rows[1].area == "Goal 2: No one left behind"
    room.undo_stack.undo()
    room.undo_stack.undo()
    assert [r.area for r in model.rows] == ["Goal 1: Interoperable services"]
    room.undo_stack.undo()
    assert model.index(0, 4).data() == ""


def test_rubric_marks_by_key_and_undo(ctx, qtbot):
    room = setup_room(ctx, qtbot, "nine-pillars")
    board = room.board
    board.table.setFocus()
    board.table.setCurrentIndex(board.model.index(0, 2))  # vision / transactional
    qtbot.keyClick(board.table, Qt.Key_C)
    board.table.setCurrentIndex(board.model.index(0, 4))  # vision / transformative
    qtbot.keyClick(board.table, Qt.Key_T)
    assert board.gaps()[0].gap == 2 and board.model.index(0, 5).data() == "+2"
    assert board.radar.gaps[0].current == 1
    room.undo_stack.undo()
    assert ctx.tasks.read(lambda s: store.answers(room.exercise.id, None, session=s)) == {
        "vision-leadership-mindsets": {"current": 1}
    }


def test_prompt_typing_is_saved_debounced_and_undone_in_one_step(ctx, qtbot):
    from dgfacil.operations import exercises as ex_ops
    from dgfacil.ui.exercises.prompts_board import DEBOUNCE_MS
    from dgfacil.ui.exercises.room import ExercisesRoom

    item = ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id)).first())
    ctx.tasks.run_sync(
        lambda s: ex_ops.add_exercise(
            s,
            agenda_item_id=item,
            kind="prompts",
            title="Lessons learned",
            definition={"questions": [{"key": "q1", "text": "What worked?"}]},
        )
    )
    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    editor = room.board.cards[0].editor

    def stored():
        return ctx.tasks.read(lambda s: store.answers(room.exercise.id, None, session=s))

    qtbot.keyClicks(editor, "Peer learning")
    qtbot.waitUntil(lambda: stored() == {"q1": {"text": "Peer learning"}}, timeout=DEBOUNCE_MS + 3000)
    qtbot.keyClicks(editor, " across countries")
    qtbot.waitUntil(lambda: stored() == {"q1": {"text": "Peer learning across countries"}}, timeout=DEBOUNCE_MS + 3000)
    assert room.undo_stack.count() == 1  # typed in two bursts, one undo step
    room.undo_stack.undo()
    assert editor.toPlainText() == ""
