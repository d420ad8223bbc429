"""Showing the Groups panel keeps the Exercises room inside a 1280-pixel window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlmodel import select

from dgfacil.store.tables import AgendaItemRow


def test_groups_panel_fits_in_1280(qtbot, demo_window, screenshots):
    window = demo_window(1280, 800, active=False)
    room = window.show_room("Exercises")
    item = window.ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())
    room.add_from_library(item, "swot")
    QApplication.processEvents()
    width = window.width()
    room.groups_button.click()
    QApplication.processEvents()
    assert room.groups_panel.isVisible()
    assert window.width() == width, "the Groups panel widened the window"
    # the room itself asks for no more than 1280 pixels with the panel open (other rooms aside)
    assert room.minimumSizeHint().width() <= 1280 - 40
    assert room.groups_panel.width() >= room.groups_panel.minimumSizeHint().width()
    room.groups_panel.create_groups(3)
    room.groups_panel.assign_random(seed=1)
    QApplication.processEvents()
    window.grab().save(str(screenshots / "exercises_groups_panel_1280.png"))
    window.close_document()


def test_room_alone_at_1260_keeps_its_width_with_groups(ctx, qtbot, screenshots):
    from dgfacil.ui.exercises.room import ExercisesRoom

    room = ExercisesRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1260, 760)  # what a 1280-pixel window leaves for a room
    item = ctx.tasks.read(lambda s: s.exec(select(AgendaItemRow.id).order_by(AgendaItemRow.id)).first())
    room.add_from_library(item, "pestle")
    room.show()
    qtbot.waitExposed(room)
    room.groups_button.click()
    QApplication.processEvents()
    assert room.width() == 1260
    assert room.groups_panel.isVisible() and room.groups_panel.width() >= room.groups_panel.minimumSizeHint().width()
    room.grab().save(str(screenshots / "exercises_groups_panel_room_1260.png"))
