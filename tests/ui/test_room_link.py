"""The Room link menu: off by default; on, a phone's card appears on the desktop board at once;
the join QR on the projector decodes to the join link; rotating locks out the old link."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))
from link_phone import Phone

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "link"


@pytest.fixture
def linked(demo_window, qtbot):
    window = demo_window()
    room = window.show_room("Exercises")
    first = window.ctx.workshop().days[0].items[0].id
    room.add_from_library(first, "swot")
    assert not window.room_link.link.on and not window.room_link.toggle.isChecked()  # off by default
    assert window.room_link.turn_on(bind="127.0.0.1", port=0)
    yield window, room
    window.close_document()
    assert not window.room_link.link.on


def test_a_phone_card_appears_on_the_desktop_board_without_reload(linked, qtbot):
    window, room = linked
    link = window.room_link.link
    assert window.room_link.toggle.isChecked()
    heard = []
    window.ctx.tasks.changes_applied.connect(lambda changes, initiator: heard.append((changes, initiator)))
    phone = Phone(link.join_url("127.0.0.1"))
    phone.join()
    status, created = phone.post(
        "/api/notes", {"text": "<b>From a phone</b>", "area": "threats", "exercise_id": room.exercise.id}
    )
    assert status == 201
    qtbot.waitUntil(lambda: created["id"] in room.board.cards, timeout=3000)
    assert room.board.cards[created["id"]].card.text == "<b>From a phone</b>"
    assert heard and heard[-1][1] is link.writer and heard[-1][0].boards  # delivered on the GUI thread
    # the app's undo covers the facilitator's own edits only: the phone's card is not on its stack
    assert room.undo_stack.count() == 1  # adding the exercise


def test_the_projector_qr_holds_the_join_link_and_rotation_locks_out(linked, qtbot, tmp_path):
    window, _room = linked
    link = window.room_link.link
    old = link.join_url("127.0.0.1")
    dialog = window.room_link.show_dialog()
    qtbot.waitExposed(dialog)
    index = dialog.hosts.findText("127.0.0.1")
    dialog.hosts.setCurrentIndex(max(index, 0))
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "desktop_dialog.png"))
    dialog.show_on_projector()
    projector = dialog.projector
    qtbot.waitExposed(projector)
    projector.resize(1280, 720)
    image = projector.grab()
    image.save(str(SHOTS / "projector_qr.png"))
    if shutil.which("zbarimg"):
        decoded = subprocess.run(
            ["zbarimg", "-q", "--raw", str(SHOTS / "projector_qr.png")], capture_output=True, text=True, check=False
        )
        assert decoded.stdout.strip() == dialog.url.text() == link.join_url(dialog.hosts.currentText())
    short = link.short_address(dialog.hosts.currentText())
    assert short in projector.caption.text() and short in dialog.short.text()
    token = link.tokens.join
    assert len(token) * 5 >= 128 and short.rsplit("/", 1)[1].replace("-", "") == token
    assert Phone(short).join()  # the address as typed from the projector, groups and all
    phone = Phone(old)
    phone.join()
    link.rotate()
    assert phone.get("/api/state")[0] == 404
    assert dialog.url.text() != old and dialog.url.text().startswith("http://")
    assert projector.qr.text == dialog.url.text()
    assert link.short_address(dialog.hosts.currentText()) in projector.caption.text()


def test_a_group_added_while_the_link_is_on_gets_its_rapporteur_link_in_the_window(linked, qtbot):
    from dgfacil.operations import groups

    window, room = linked
    dialog = window.room_link.show_dialog()
    qtbot.waitExposed(dialog)
    dialog.hosts.setCurrentIndex(max(dialog.hosts.findText("127.0.0.1"), 0))
    assert dialog.groups.count() == 0 and not dialog.copy_rapporteur.isVisible()
    window.ctx.tasks.run_sync(lambda s: groups.create_groups(s, count=1, exercise_id=room.exercise.id))
    assert dialog.groups.count() == 1 and dialog.copy_rapporteur.isVisible()
    qtbot.mouseClick(dialog.copy_rapporteur, Qt.LeftButton)
    url = QGuiApplication.clipboard().text()
    assert "/r/" in url and url == dialog.rapporteur_url()
    rapporteur = Phone(url.replace(dialog.hosts.currentText(), "127.0.0.1"))
    status, _created = rapporteur.post("/api/notes", {"text": "From the new group", "tag": "note"})
    assert status == 201


def test_the_window_says_whether_phones_can_reach_the_link(linked, qtbot):
    window, _room = linked
    dialog = window.room_link.show_dialog()
    qtbot.waitExposed(dialog)
    # bound to loopback only (as in these tests): it says plainly that no phone can reach it
    assert "no network address that phones can reach" in dialog.reach.text()
    assert "Listening on 127.0.0.1, port" in dialog.reach.text()
    Phone(window.room_link.link.join_url("127.0.0.1")).join()  # the laptop itself is no phone
    assert window.room_link.link.state.reached()
    dialog._show_reach()
    assert "reached the link" not in dialog.reach.text()
    window.room_link.link.turn_off()
    assert "client isolation" in dialog.reach.text()
