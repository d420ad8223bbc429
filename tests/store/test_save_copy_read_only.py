"""File > Save a copy as… (Ctrl+Shift+S) on a read-only workshop does what the read-only bar's
button does: it saves the copy and opens it, editable, in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QToolBar

from dgfacil.ui.main_window import MainWindow
from tests.store.test_read_only_media import _place

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks


def test_file_save_a_copy_opens_the_editable_copy(qtbot, demo_doc, stick, tmp_path, monkeypatch):
    path = _place(demo_doc, stick.path)
    stick.protect()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    assert window.open_path(path) and window.ctx.doc.read_only
    target = tmp_path / "on the laptop.dgfacil"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))  # Qt's dialog, not ours
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: window.ctx is not None and window.ctx.doc.path == target, timeout=10000)
    assert not window.ctx.doc.read_only
    bar = window.findChild(QToolBar, "readOnlyBanner")
    assert bar is None or not bar.isVisible()
    assert window.room("Agenda").model.rowCount() == 6
    window.close_document()
