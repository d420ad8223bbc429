"""The roster import dialog with hostile files: a damaged workbook, formula cells, a stray byte."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from test_roster_hostile import _core_xml_of_a_bracket, _utf8_roster_with_a_stray_byte  # noqa: E402


@pytest.fixture
def room(ctx, qtbot):
    from dgfacil.ui.people.room import PeopleRoom

    widget = PeopleRoom(ctx)
    ctx.tasks.changes_applied.connect(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    return widget


def _dialog(room, qtbot, path: Path):
    room.import_file(path)
    qtbot.waitUntil(lambda: room.import_dialog is not None and room.import_dialog.isVisible(), timeout=5000)
    return room.import_dialog


def test_a_damaged_workbook_is_a_message_not_a_crash(room, qtbot, tmp_path, screenshots):
    path = tmp_path / "nominees.xlsx"
    path.write_bytes(_core_xml_of_a_bracket())
    room.import_file(path)
    qtbot.waitUntil(lambda: getattr(room, "error_box", None) is not None and room.error_box.isVisible(), timeout=5000)
    assert room.error_box.text().startswith("cannot read this spreadsheet: nominees.xlsx")
    room.error_box.grab().save(str(screenshots / "people-import-damaged-xlsx.png"))
    room.error_box.close()


def test_formula_cells_are_warned_by_row_in_the_preview(room, qtbot, tmp_path, screenshots):
    path = tmp_path / "r.csv"
    path.write_text(
        'Name,E-mail\n=HYPERLINK("http://x"),a@example.org\nBo,b@example.org\n＝1+1,c@example.org\n', encoding="utf-8"
    )
    dialog = _dialog(room, qtbot, path)
    assert dialog.warning.isVisible()
    assert "rows 2, 4: cells start like a spreadsheet formula" in dialog.warning.text()
    dialog.grab().save(str(screenshots / "people-import-formula-warning.png"))
    dialog.reject()


def test_a_stray_byte_names_its_line_and_refuses_only_that_row(room, qtbot, tmp_path, screenshots):
    path = tmp_path / "r.csv"
    path.write_bytes(_utf8_roster_with_a_stray_byte())
    dialog = _dialog(room, qtbot, path)
    assert "line 4: byte 0xF8" in dialog.warning.text()
    assert dialog.sample.item(0, 0).text() == "José Müller"
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(line.startswith("row 4: error:") and "could not be read" in line for line in lines)
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Import 3 participants"
    dialog.grab().save(str(screenshots / "people-import-stray-byte.png"))
    dialog.reject()
