"""File > Workshop details…: the facilitator adds a zone for remote participants, renames the
workshop, and the agenda, the window title and undo follow."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dgfacil.operations.workshop import workshop_details
from dgfacil.ui.workshop_details import WorkshopDetailsDialog


def _dialog() -> WorkshopDetailsDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, WorkshopDetailsDialog) and w.isVisible())


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_details_edit_shows_everywhere_and_undoes(qtbot, demo_window, screenshots):
    window = demo_window(1300, 800)
    agenda = window.room("Agenda")
    columns = agenda.model.columnCount()
    seen = {}

    def fill():
        dialog = _dialog()
        # a wrong zone is said under the form and the dialog stays open
        dialog.extras.setPlainText("Asia/Bangkok\nAfrica/Addis_Ababa\nEurope/Geneva")
        _ok(qtbot, dialog)
        seen["error"] = dialog.error.text()
        assert dialog.isVisible()
        dialog.extras.setPlainText("Asia/Bangkok\nAfrica/Addis_Ababa\nEurope/Zurich")
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "DGT Webinar 2027")
        dialog.organizers.setPlainText("UN DESA\n\nUN ESCAP\n")
        dialog.modality.setCurrentIndex(dialog.modality.findText("Hybrid"))
        dialog.venue.setText("UNCC Bangkok and Zoom")
        seen["clock"] = dialog.clock.text()
        dialog.grab().save(str(screenshots / "workshop_details.png"))
        _ok(qtbot, dialog)

    QTimer.singleShot(100, fill)
    qtbot.keyClick(window, Qt.Key_I, Qt.ControlModifier | Qt.ShiftModifier)
    assert "Unknown time zone 'Europe/Geneva'" in seen["error"]
    assert "Zurich (GMT+1)" in seen["clock"] or "Zurich (GMT+2)" in seen["clock"]

    details = window.ctx.tasks.read(workshop_details)
    assert details.title == "DGT Webinar 2027" and details.organizers == ("UN DESA", "UN ESCAP")
    assert details.modality.value == "hybrid" and details.venue == "UNCC Bangkok and Zoom"
    assert details.display_zones == ("Asia/Bangkok", "Africa/Addis_Ababa", "Europe/Zurich")
    header = [agenda.model.headerData(c, Qt.Horizontal) for c in range(4)]
    assert header[:3] == ["Seoul (GMT+9)", "Bangkok (GMT+7)", "Addis Ababa (GMT+3)"]
    assert header[3].startswith("Zurich (GMT+") and agenda.model.columnCount() == columns + 1
    assert window.windowTitle().startswith("DGT Webinar 2027 — ")

    window.undo_group.undo()  # one Ctrl+Z takes the whole dialog back
    details = window.ctx.tasks.read(workshop_details)
    assert details.title.startswith("Capacity Development Webinar") and len(details.display_zones) == 2
    assert agenda.model.columnCount() == columns
    assert window.windowTitle().startswith("Capacity Development Webinar")
    window.undo_group.redo()
    assert window.ctx.tasks.read(workshop_details).title == "DGT Webinar 2027"


def test_cancel_changes_nothing(qtbot, demo_window):
    window = demo_window(1300, 800)
    before = window.ctx.tasks.read(workshop_details)

    def cancel():
        dialog = _dialog()
        dialog.title.setText("")
        dialog.reject()

    QTimer.singleShot(100, cancel)
    assert window.edit_details() is False
    assert window.ctx.tasks.read(workshop_details) == before
