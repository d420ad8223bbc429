"""What a team workshop looks like: the Open team workshop dialog, the status bar's word on the
server (connected / reconnecting / offline), and a refused edit saying who changed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from dgfacil.core.model import Participant
from dgfacil.operations import participants as people_ops
from dgfacil.operations.team import EditConflict
from dgfacil.ui.main_window import MainWindow
from dgfacil.ui.team.open_dialog import OpenTeamDialog

pytestmark = pytest.mark.postgresql_only


def _shot(window, path: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the status bar lays out its new text first
    window.grab().save(path)


def test_open_team_dialog_keeps_no_password(qtbot, screenshots):
    dialog = OpenTeamDialog("postgresql://facilitator@db.example.org/ws2026")
    qtbot.addWidget(dialog)
    dialog.password.setText("s3cret")
    dialog.show()
    dialog.grab().save(str(screenshots / "team_open_dialog.png"))
    answer = dialog.answer()
    assert (answer.url, answer.password) == ("postgresql://facilitator@db.example.org/ws2026", "s3cret")
    dialog.address.setText("db.example.org/ws2026")
    dialog._check()
    assert "starts with postgresql://" in dialog.problem.text()


def test_status_bar_states_and_a_refused_edit(qtbot, new_doc, screenshots, monkeypatch):
    doc = new_doc()
    with doc.session() as s:
        people_ops.add_participant(s, participant=Participant(full_name="Ana Lima", email="ana@example.org"))
    url = doc.address
    doc.close()
    monkeypatch.setenv("DGFACIL_LAPTOP_NAME", "facilitator")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_path(url)
    assert "team workshop" in window.windowTitle()
    link = window.team
    qtbot.waitUntil(lambda: link.state == "connected", timeout=10000)
    window.show_room("People")
    _shot(window, str(screenshots / "team_status_connected.png"))
    link._on_state("reconnecting", datetime.now(UTC))
    _shot(window, str(screenshots / "team_status_reconnecting.png"))
    since = datetime.now(UTC) - timedelta(minutes=3)
    link._on_state("offline", since)
    assert window.ctx.doc.offline_since == since
    _shot(window, str(screenshots / "team_status_offline.png"))
    link._on_state("connected", None)
    assert window.ctx.doc.offline_since is None
    stamp = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    window.ctx.tasks.failed.emit(str(EditConflict("Ana Lima", by="check-in", at=stamp)))
    assert "changed on the check-in laptop at" in window.statusBar().currentMessage()
    _shot(window, str(screenshots / "team_conflict.png"))
    window.close_document()
    assert window.team is None
