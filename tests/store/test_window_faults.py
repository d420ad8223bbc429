"""The window under faults: a read-only workshop shows the bar and refuses edits in words; a busy
file never puts SQL in the status bar; an unopenable file offers its newest backup."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QToolBar

from dgfacil.core.model import AgendaItem
from dgfacil.operations.agenda import add_item
from dgfacil.store import engine
from dgfacil.ui.main_window import MainWindow
from tests.conftest import SCREENSHOTS
from tests.store.test_cli_faults import HOLD_LOCK
from tests.store.test_read_only_media import _place

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def _refused_edit_status(qtbot, window) -> str:
    day_id = window.ctx.workshop().days[0].id
    window.statusBar().clearMessage()
    window.ctx.tasks.run(lambda s: add_item(s, day_id=day_id, item=AgendaItem(title="late", duration_min=5)))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    return window.statusBar().currentMessage()


def test_read_only_stick_shows_the_bar_and_edits_are_refused_in_words(qtbot, demo_doc, stick, tmp_path):
    path = _place(demo_doc, stick.path)
    stick.protect()
    window = _window(qtbot)
    assert window.open_path(path)
    bar = window.findChild(QToolBar, "readOnlyBanner")
    assert bar is not None and bar.isVisible()
    text = bar.findChild(QLabel, "readOnlyText").text()
    assert "Read-only" in text and "write-protected" in text and "laptop" in text
    assert window.room("Agenda").model.rowCount() == 6  # every read works
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "read_only_banner.png"))
    said = _refused_edit_status(qtbot, window)
    assert said.startswith("Not saved:") and "read-only" in said
    assert window.saved_label.text() == "Last change not saved"  # never "All changes saved" beside it
    assert "SQL" not in said and "sqlite3" not in said and "INSERT" not in said
    from dgfacil.ui.document_banner import save_copy_and_edit

    assert bar.findChild(QPushButton, "readOnlySaveCopy").text() == "Save a copy as…"
    save_copy_and_edit(window, tmp_path / "editable.dgfacil")  # what the button does, past the file dialog
    qtbot.waitUntil(lambda: window.ctx is not None and window.ctx.doc.path.name == "editable.dgfacil", timeout=10000)
    assert (
        window.findChild(QToolBar, "readOnlyBanner") is None
        or not window.findChild(QToolBar, "readOnlyBanner").isVisible()
    )
    window.close_document()


def test_busy_file_status_names_the_file_not_the_sql(qtbot, demo_doc, monkeypatch):
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 0.5, raising=False)
    path = demo_doc.path
    demo_doc.close()
    window = _window(qtbot)
    assert window.open_path(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        said = _refused_edit_status(qtbot, window)
    finally:
        holder.kill()
        holder.wait()
    assert path.name in said and "busy" in said and "SQL" not in said and "sqlite3" not in said
    window.close_document()


def test_blank_first_page_offers_the_newest_backup(qtbot, demo_doc):
    path = demo_doc.path
    demo_doc.close()
    window = _window(qtbot)
    assert window.open_path(path)  # opening takes the backup that will be offered
    window.close_document()
    path.write_bytes(b"\0" * 4096 + path.read_bytes()[4096:])
    seen = {}

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"] = box.text()
        box.grab().save(str(SCREENSHOTS / "recovery_offer.png"))
        (box.button(QMessageBox.Yes) or box.button(QMessageBox.Ok)).click()

    SCREENSHOTS.mkdir(exist_ok=True)
    QTimer.singleShot(200, answer)
    assert window.open_path(path)
    assert "blank" in seen["text"] and "backups" in seen["text"] and "restored copy" in seen["text"]
    assert window.ctx.doc.path.name == "workshop (restored).dgfacil"
    assert window.room("Agenda").model.rowCount() == 6
    window.close_document()
