"""The zone field finds zones by city or country as typed, shows the offset on the workshop's date,
and its error goes away as soon as the entry is valid."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dgfacil.operations.workshop import workshop_details
from dgfacil.ui.workshop_details import WorkshopDetailsDialog


def _dialog() -> WorkshopDetailsDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, WorkshopDetailsDialog) and w.isVisible())


def test_typing_a_city_offers_its_zone_with_the_offset_on_the_workshop_date(qtbot, demo_window, screenshots):
    window = demo_window(1280, 720)
    first_day = window.ctx.workshop().days[0].date
    seen = {}

    def type_city():
        dialog = _dialog()
        try:
            check(dialog)
        finally:  # a failed check must not leave a modal dialog waiting forever
            if dialog.isVisible():
                dialog.reject()

    def check(dialog):
        field = dialog.zone
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, "Nowhere Town")
        qtbot.mouseClick(ok, Qt.LeftButton)
        seen["error"] = dialog.error.text()
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, "Seoul")
        popup = field.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        seen["rows"] = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
        seen["error_after"] = dialog.error.text()
        QApplication.processEvents()
        dialog.grab().save(str(screenshots / "zone_field_dialog.png"))
        shot = dialog.grab()  # the dialog with its completer drawn where it opened
        painter = QPainter(shot)
        painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - dialog.mapToGlobal(QPoint(0, 0)), popup.grab())
        painter.end()
        shot.save(str(screenshots / "zone_completer_seoul.png"))
        qtbot.keyClick(popup, Qt.Key_Down)
        qtbot.keyClick(popup, Qt.Key_Return)
        seen["text"] = field.text()
        seen["offset"] = field.offset.text()
        qtbot.mouseClick(ok, Qt.LeftButton)

    QTimer.singleShot(100, type_city)
    qtbot.keyClick(window, Qt.Key_I, Qt.ControlModifier | Qt.ShiftModifier)
    assert "Nowhere Town" in seen["error"]
    assert seen["error_after"] == ""  # "Seoul" is a valid entry: the error is gone while typing
    assert "Seoul" in seen["rows"][0] and "Asia/Seoul" in seen["rows"][0]
    assert seen["text"] == "Asia/Seoul"
    assert seen["offset"] == f"UTC+09:00 on {first_day:%d %b %Y}"
    assert window.ctx.tasks.read(workshop_details).timezone == "Asia/Seoul"


def test_a_city_in_the_extra_zones_is_saved_as_its_zone(qtbot, demo_window):
    window = demo_window(1280, 720)

    def fill():
        dialog = _dialog()
        dialog.extras.setPlainText("Geneva\nAddis Ababa")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        if dialog.isVisible():  # refused: close it, and the assertion below says what was saved
            dialog.reject()

    QTimer.singleShot(100, fill)
    assert window.edit_details()
    assert window.ctx.tasks.read(workshop_details).display_zones == ("Europe/Zurich", "Africa/Addis_Ababa")


def test_cli_new_takes_a_city_for_tz(tmp_path):
    def run(*a):
        return subprocess.run([sys.executable, "-m", "dgfacil", *a], capture_output=True, text=True, timeout=60)

    done = run("new", str(tmp_path / "w.dgfacil"), "--template", "undesa-escap-webinar-2023", "--tz", "Addis Ababa")
    assert done.returncode == 0, done.stderr
    agenda = run("agenda", str(tmp_path / "w.dgfacil"), "--tz", "Geneva")
    assert agenda.returncode == 0 and "Addis Ababa" in agenda.stdout and "Geneva (GMT+2)" in agenda.stdout
    assert "Zurich" not in agenda.stdout  # the city typed is the name shown
    wrong = run("agenda", str(tmp_path / "w.dgfacil"), "--tz", "Korea")
    assert wrong.returncode != 0 and "Asia/Seoul" in wrong.stderr and "Traceback" not in wrong.stderr
