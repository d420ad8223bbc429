"""The People room driven by pytest-qt: import with preview, check-in by click and by badge scan,
eligibility shown, undo. Screenshots: roster, import preview, check-in, eligibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from dgfacil.core.model import Participant

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


@pytest.fixture
def room(ctx, qtbot):
    from dgfacil.ui.people.room import PeopleRoom

    widget = PeopleRoom(ctx)
    ctx.tasks.changes_applied.connect(widget.on_changes)  # what the main window does
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    return widget


def _import(room, qtbot, name: str):
    room.import_file(DATA / name)
    qtbot.waitUntil(lambda: room.import_dialog is not None and room.import_dialog.isVisible(), timeout=5000)
    return room.import_dialog


def test_import_preview_then_import(room, qtbot, screenshots):
    dialog = _import(room, qtbot, "bad_rows.csv")
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.text() == "Import 2 participants"
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "row 4: error: e-mail 'tenzin@' is not an address" in lines and len([x for x in lines if "error" in x]) == 4
    dialog.grab().save(str(screenshots / "people_import_preview.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 2, timeout=5000)
    assert room.tabs.tabText(0) == "Roster (2)"


def test_mapping_step_when_unsure(room, qtbot, tmp_path):
    (tmp_path / "odd.csv").write_text("Participante,Mail\nAna Núñez,ana@sfp.gob.mx\n", encoding="utf-8")
    dialog = _import(room, qtbot, tmp_path / "odd.csv")
    assert dialog.warning.isVisible() and not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dialog.set_field(0, "full_name")
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Import 1 participant"
    dialog.accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 1, timeout=5000)
    assert room.roster.people[0].full_name == "Ana Núñez"


def test_cp1252_preview_can_switch_encoding(room, qtbot):
    dialog = _import(room, qtbot, "cp1252_semicolon.csv")
    assert "check the names" in dialog.warning.text()
    assert dialog.sample.item(0, 0).text() == "José Müller"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("latin-1"))
    dialog.encoding.activated.emit(dialog.encoding.currentIndex())
    assert dialog.table.encoding == "latin-1"
    dialog.reject()


def test_check_in_by_click_and_by_scanner_then_eligibility(room, qtbot, screenshots):
    _import(room, qtbot, "nominees.xlsx").accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 15, timeout=5000)
    room.view.resizeColumnsToContents()
    room.grab().save(str(screenshots / "people_roster.png"))
    room.tabs.setCurrentIndex(1)
    panel = room.checkin
    assert panel.block.count() == 6 and panel.block.currentText() == "15:00 Opening"
    # one click on the tick box of the first row
    index = panel.proxy.index(0, 0)
    qtbot.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=panel.view.visualRect(index).center())
    qtbot.waitUntil(lambda: panel.count.text() == "1 of 15 present", timeout=3000)
    # the scanner types the code of the 5th person and Enter into the focused field
    fifth = room.roster.people[4]
    panel.scan.setFocus()
    qtbot.keyClicks(panel.scan, fifth.badge_code.lower().replace("-", ""))
    qtbot.keyClick(panel.scan, Qt.Key_Return)
    assert panel.feedback.text() == f"✔ {fifth.full_name} checked in"
    assert panel.proxy.data(panel.view.selectionModel().selectedRows()[0], Qt.UserRole) == fifth.id
    qtbot.waitUntil(lambda: panel.count.text() == "2 of 15 present", timeout=3000)
    qtbot.keyClicks(panel.scan, "P-XXXXX")
    qtbot.keyClick(panel.scan, Qt.Key_Return)
    assert panel.feedback.text() == "✘ Unknown badge code P-XXXXX"
    # the list is sorted by name: the first row clicked was Ana Núñez
    assert panel.proxy.index(0, 1).data() == "Ana Núñez"
    # search + Enter marks the only match; plain letters find the accented name
    qtbot.keyClicks(panel.search, "nguyen")
    assert panel.shown_ids() == [next(p.id for p in room.roster.people if p.full_name == "Nguyễn Thị Hương")]
    qtbot.keyClick(panel.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: panel.count.text() == "3 of 15 present", timeout=3000)
    panel.search.clear()
    panel.grab().save(str(screenshots / "people_checkin.png"))
    # undo the last mark
    room.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.count.text() == "2 of 15 present", timeout=3000)
    # everybody at every block except the 5th person at the last one
    for i in range(panel.block.count()):
        panel.block.setCurrentIndex(i)
        if i == panel.block.count() - 1:
            panel.view.selectAll()
            room.mark([p.id for p in room.roster.people if p.id != fifth.id], True)
        else:
            room.mark([p.id for p in room.roster.people], True)
    qtbot.waitUntil(lambda: room.certificates.summary.text().startswith("14 of 15 eligible"), timeout=3000)
    room.tabs.setCurrentIndex(2)
    verdicts = room.certificates.model.verdicts
    assert not verdicts[fifth.id].eligible and "5 of 6" in verdicts[fifth.id].reason
    room.certificates.only.setChecked(True)
    assert room.certificates.proxy.rowCount() == 1
    room.certificates.only.setChecked(False)
    room.grab().save(str(screenshots / "people_eligibility.png"))
    # a looser rule makes the 5th person eligible
    panel_rule = room.certificates.rule
    panel_rule.setCurrentIndex(panel_rule.findData(0.8))
    panel_rule.activated.emit(panel_rule.currentIndex())
    qtbot.waitUntil(lambda: room.certificates.summary.text().startswith("15 of 15"), timeout=3000)


def test_add_edit_delete_with_undo_and_plain_text(room, qtbot):
    hostile = '<img src="/etc/passwd"><b>Bold</b>'
    room.add(Participant(hostile, email="x@y.org"))
    qtbot.waitUntil(lambda: room.roster.rowCount() == 1, timeout=3000)
    before = room.roster.people[0]
    room.edit(before, {"country": "Fiji"})
    qtbot.waitUntil(lambda: room.roster.people[0].country == "Fiji", timeout=3000)
    room.view.selectRow(0)
    room.delete_selected()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 0, timeout=3000)
    room.undo_stack.undo()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 1, timeout=3000)
    assert room.roster.people[0].badge_code == before.badge_code
    room.undo_stack.undo()
    qtbot.waitUntil(lambda: room.roster.people[0].country == "", timeout=3000)
    room.tabs.setCurrentIndex(1)
    room.checkin.scan.setText(before.badge_code)
    room.checkin.scan.returnPressed.emit()
    assert all(lbl.textFormat() == Qt.PlainText for lbl in room.findChildren(QLabel) if lbl.text())
    assert hostile in room.checkin.feedback.text()


def test_cancelled_import_writes_nothing(room, qtbot, tmp_path):
    from dgfacil.core.roster_columns import guess_mapping
    from dgfacil.io.roster import read_roster
    from dgfacil.store.participants import load_participants

    rows = "\n".join(f"Person {i},p{i}@gov.org" for i in range(3000))
    (tmp_path / "big.csv").write_text("Name,Email\n" + rows, encoding="utf-8")
    table = read_roster(tmp_path / "big.csv")
    room.run_import(table, guess_mapping(table.headers))
    room.progress.findChild(QPushButton).click()  # the Cancel button
    qtbot.waitUntil(lambda: room.progress is None, timeout=10000)
    assert room.last_import is None  # cancelled, not finished
    assert room.ctx.tasks.read(lambda s: load_participants(session=s)) == []


def test_export_from_room(room, qtbot, tmp_path):
    room.add(Participant("=1+1", email="a@b.org"))
    qtbot.waitUntil(lambda: room.roster.rowCount() == 1, timeout=3000)
    room.export_file(tmp_path / "r.csv")
    room.export_file(tmp_path / "a.xlsx", "attendance")
    assert "'=1+1" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig") and (tmp_path / "a.xlsx").exists()


def test_space_after_space_undoes_a_slip_and_down_moves_on(room, qtbot):
    _import(room, qtbot, "nominees.xlsx").accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 15, timeout=5000)
    room.tabs.setCurrentIndex(1)
    panel = room.checkin
    view = panel.view
    room.show()
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)  # keys reach only the active window
    view.setFocus()
    view.setCurrentIndex(panel.proxy.index(2, 1))
    third = panel.selected_ids()
    assert len(third) == 1
    qtbot.keyClick(view, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.count.text() == "1 of 15 present", timeout=3000)
    qtbot.waitUntil(lambda: not room.reload_pending())  # the room's full reload (deferred) has run
    # the list was reloaded; the cursor is still on the same person
    assert panel.selected_ids() == third and view.currentIndex().data(Qt.UserRole) == third[0]
    qtbot.keyClick(view, Qt.Key_Space)  # a slip, taken back with the same key
    qtbot.waitUntil(lambda: panel.count.text() == "0 of 15 present", timeout=3000)
    qtbot.waitUntil(lambda: not room.reload_pending())  # the room's full reload (deferred) has run
    qtbot.keyClick(view, Qt.Key_Down)
    qtbot.keyClick(view, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.count.text() == "1 of 15 present", timeout=3000)
    qtbot.waitUntil(lambda: not room.reload_pending())  # the room's full reload (deferred) has run
    fourth = panel.shown_ids()[3]
    assert panel.model.present == {fourth}
