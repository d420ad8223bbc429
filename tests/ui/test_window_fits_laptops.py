"""Facilitators' laptops are often 1366 or 1280 pixels wide: every room must fit such a screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

ROOMS = ["Agenda", "Run", "Exercises", "People", "Notes", "Evaluation", "Print"]


def test_every_room_fits_a_1280_pixel_screen(qtbot, demo_window, screenshots):
    window = demo_window(1280, 720, active=False)
    for name in ROOMS:
        room = window.show_room(name)
        QApplication.processEvents()
        assert room.minimumSizeHint().width() <= 1280 - 20, f"the {name} room needs more than a 1280-pixel screen"
    assert window.minimumSizeHint().width() <= 1280 and window.width() == 1280
    window.show_room("Agenda")
    QApplication.processEvents()
    window.grab().save(str(screenshots / "agenda_at_1280.png"))
    window.close_document()
