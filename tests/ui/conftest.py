"""UI fixtures: an AppContext on a real document, its worker shut down after the test."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(demo_doc, qtbot):
    """A real AppContext on a fresh demo document (a real SQLite file in a temp folder)."""
    from PySide6.QtGui import QUndoGroup

    from dgfacil.ui.context import AppContext
    from dgfacil.ui.tasks import Tasks

    tasks = Tasks(demo_doc)
    group = QUndoGroup()
    context = AppContext(doc=demo_doc, tasks=tasks, undo_group=group)
    yield context
    tasks.wait()
    tasks.shutdown()


@pytest.fixture
def demo_window(demo_doc, qtbot):
    """open(width, height, *, active=True, shown=True): the real main window on the demo document.

    `active` waits until the window has focus, since shortcuts reach only the active window."""

    def open_window(width: int = 1300, height: int = 800, *, active: bool = True, shown: bool = True):
        from dgfacil.ui.main_window import MainWindow

        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(width, height)
        if shown:
            window.show()
        if shown and active:
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        path = demo_doc.path
        demo_doc.close()
        assert window.open_path(path)
        return window

    return open_window
