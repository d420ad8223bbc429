"""Start-up: the workshop open last time comes back; without one, the start page (recent
workshops, templates, the demo); the demo is always labelled as the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from dgfacil import settings
from dgfacil.ui.app import open_initial_document
from dgfacil.ui.main_window import MainWindow


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def test_the_workshop_open_last_reopens(qtbot, demo_doc):
    path = demo_doc.path
    demo_doc.close()
    first = _window(qtbot)
    assert first.open_path(path)
    first.close()  # quitting with a workshop open: it is the one to come back
    second = _window(qtbot)
    open_initial_document(second, None)
    assert second.ctx is not None and second.ctx.doc.path == path
    assert "DEMO" not in second.windowTitle() and path.name in second.windowTitle()
    second.close_by_user()  # File ▸ Close, then quit: next start is the start page
    second.close()
    third = _window(qtbot)
    open_initial_document(third, None)
    assert third.ctx is None and third.centralWidget() is third.start_page
    third.close()


def test_a_missing_last_workshop_gives_the_start_page_with_a_line(qtbot, tmp_path, screenshots):
    gone = tmp_path / "moved away.dgfacil"
    settings.remember_recent(gone)
    settings.set_last_open(gone)
    window = _window(qtbot)
    open_initial_document(window, None)
    page = window.start_page
    assert window.ctx is None and window.centralWidget() is page
    assert page.message.isVisible() and "was not found" in page.message.text() and "moved away" in page.message.text()
    assert page.templates.count() >= 3
    QApplication.processEvents()
    window.grab().save(str(screenshots / "start_page.png"))
    # the demo, opened from the start page, says it is the demo
    demo = next(b for b in page.findChildren(QPushButton) if "demo" in b.text())
    qtbot.mouseClick(demo, Qt.LeftButton)
    assert window.ctx is not None and window.is_demo()
    assert window.windowTitle().endswith("— DEMO (a copy) — dgfacil")
    window.close()


def test_a_real_workshop_of_the_demo_title_is_not_labelled_demo(qtbot, new_doc):
    window = _window(qtbot)
    window.open_demo()
    demo_title = window.windowTitle()
    window.close_by_user()
    page = window.start_page
    labels = [page.recent.item(r).text() for r in range(page.recent.count())]
    assert labels[0].startswith("Demo workshop (a copy)")
    real = new_doc(name="webinar.dgfacil")  # the same template: the same title as the demo
    path: Path = real.path
    real.close()
    assert window.open_path(path)
    assert "DEMO" not in window.windowTitle() and window.windowTitle() != demo_title
    assert "webinar.dgfacil" in window.windowTitle()
    window.close_by_user()
    page = window.start_page
    labels = [page.recent.item(r).text() for r in range(page.recent.count())]
    assert labels[0].startswith("webinar") and labels[1].startswith("Demo workshop")
    page.recent.setCurrentRow(1)
    qtbot.keyClick(page.recent, Qt.Key_Return)  # Enter on a recent workshop opens it
    assert window.is_demo()
    window.close()
