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
