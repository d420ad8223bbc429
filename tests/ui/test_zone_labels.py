"""A zone keeps the city the user typed as its name ("Geneva", not "Zurich") in the details dialog,
the agenda's column headers and the CLI agenda; the arithmetic stays on Europe/Zurich."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dgfacil.core.zones import place_name, typed_place
from dgfacil.operations.workshop import workshop_details, zone_labels
from dgfacil.ui.workshop_details import WorkshopDetailsDialog


def _dialog() -> WorkshopDetailsDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, WorkshopDetailsDialog) and w.isVisible())


def test_typed_place():
    assert typed_place("geneva") == "Geneva" and typed_place("Seoul") is None
    assert typed_place("Europe/Zurich") is None and typed_place("Nowhere") is None
    assert place_name("Europe/Zurich", {"Europe/Zurich": "Geneva"}) == "Geneva"
    assert place_name("Europe/Zurich", {}) == "Zurich"


def test_geneva_typed_stays_geneva_everywhere(qtbot, demo_window, screenshots):
    window = demo_window(1280, 720)
    assert window.ctx.tasks.read(zone_labels) == {}  # a document from before: the zones' own cities
    seen = {}

    def fill():
        dialog = _dialog()
        try:
            field = dialog.zone
            field.edit.selectAll()
            qtbot.keyClicks(field.edit, "Genev")
            popup = field.completer.popup()
            qtbot.waitUntil(popup.isVisible)
            qtbot.keyClick(popup, Qt.Key_Down)
            qtbot.keyClick(popup, Qt.Key_Return)
            seen["text"], seen["offset"] = field.text(), field.offset.text()
            dialog.extras.setPlainText("Bangkok\nNew Delhi")
            seen["clock"] = dialog.clock.text()
            dialog.grab().save(str(screenshots / "zone_labels_details.png"))
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(100, fill)
    assert window.edit_details()
    assert seen["text"] == "Geneva" and seen["offset"].startswith("Europe/Zurich, UTC+02:00")
    assert "Geneva (GMT+" in seen["clock"] and "New Delhi (GMT+5:30)" in seen["clock"]
    details = window.ctx.tasks.read(workshop_details)
    assert details.timezone == "Europe/Zurich" and details.display_zones == ("Asia/Bangkok", "Asia/Kolkata")
    assert window.ctx.tasks.read(zone_labels) == {"Europe/Zurich": "Geneva", "Asia/Kolkata": "New Delhi"}
    agenda = window.show_room("Agenda")
    QApplication.processEvents()
    headers = [agenda.model.headerData(c, Qt.Horizontal) for c in range(3)]
    assert headers == ["Geneva (GMT+2)", "Bangkok (GMT+7)", "New Delhi (GMT+5:30)"]
    assert "Zurich" not in agenda.summary.text() and "Geneva (GMT+2)" in agenda.summary.text()
    window.grab().save(str(screenshots / "zone_labels_agenda.png"))
    run = window.show_room("Run")  # the Run room's and the projector's clocks name the typed city
    run.refresh()
    assert "Geneva " in run.clocks.text() and "Zurich" not in run.clocks.text()
    run.toggle_projector()
    assert run.projector.labels == {"Europe/Zurich": "Geneva", "Asia/Kolkata": "New Delhi"}
    run.toggle_projector()
    window.show_room("Agenda")  # the room whose undo stack holds the details edit

    def reopen():
        dialog = _dialog()
        seen["again"] = (dialog.zone.text(), dialog.extras.toPlainText())
        dialog.reject()

    QTimer.singleShot(100, reopen)
    assert not window.edit_details()
    assert seen["again"] == ("Geneva", "Asia/Bangkok\nNew Delhi")
    window.undo_group.undo()  # one undo: the zones and their names come back together
    assert window.ctx.tasks.read(zone_labels) == {}
    assert window.ctx.tasks.read(workshop_details).timezone == "Asia/Seoul"
    path = window.ctx.doc.path
    window.close_document()
    done = subprocess.run(
        [sys.executable, "-m", "dgfacil", "agenda", str(path), "--tz", "Geneva"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Geneva (GMT+2)" in done.stdout and "Zurich" not in done.stdout
