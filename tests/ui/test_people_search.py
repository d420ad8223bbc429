"""People room: search ignores accents and case, the roster opens sorted by name, and a roster
whose 'Title' holds Mr./Ms./Dr. imports its 'Designation' as the position."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dgfacil.core.roster import search_key

DATA = Path(__file__).resolve().parent.parent / "data" / "rosters"


@pytest.fixture
def room(ctx, qtbot):
    from dgfacil.ui.people.room import PeopleRoom

    widget = PeopleRoom(ctx)
    ctx.tasks.changes_applied.connect(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    return widget


def _import(room, qtbot, path: Path):
    room.import_file(path)
    qtbot.waitUntil(lambda: room.import_dialog is not None and room.import_dialog.isVisible(), timeout=5000)
    return room.import_dialog


def _names(view) -> list[str]:
    model = view.model()
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_search_key_folds_case_and_accents():
    assert search_key("Nguyễn Thị Hương") == "nguyen thi huong"
    assert search_key("Đặng  ÅSE Søren Łukasz") == "dang ase soren lukasz"
    assert search_key("김민준") == "김민준"


def test_roster_sorted_by_name_and_searched_without_accents(room, qtbot, screenshots):
    _import(room, qtbot, DATA / "nominees.xlsx").accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 15, timeout=5000)
    names = _names(room.view)
    assert names[0] == "Ana Núñez" and names == sorted(names, key=lambda n: (search_key(n), n))
    header = room.view.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and header.sortIndicatorOrder() == Qt.AscendingOrder
    room.view.resizeColumnsToContents()
    room.grab().save(str(screenshots / "people_roster_by_name.png"))
    room.search.setFocus()
    for typed, found in (
        ("nguyen", "Nguyễn Thị Hương"),
        ("SOREN", "Søren Ødegård"),
        ("lefevre", "François Lefèvre"),
        ("nunez ana", "Ana Núñez"),
        ("goncalves", "Maria José Gonçalves"),
    ):
        room.search.clear()
        qtbot.keyClicks(room.search, typed)
        assert _names(room.view) == [found], typed
    room.search.setText("Núñez")  # accents typed are fine too
    assert _names(room.view) == ["Ana Núñez"]


def test_title_of_honorifics_is_not_the_position(room, qtbot, tmp_path, screenshots):
    (tmp_path / "apo.csv").write_text(
        "Name,Title,Email,Country,Designation\n"
        "Ana Núñez,Ms.,ana@gob.mx,Mexico,Director of e-Government\n"
        "Ivan Petrov,Mr,ivan@gov.kz,Kazakhstan,Chief Digital Officer\n"
        "Lê Thị Hoa,Dr.,hoa@mic.gov.vn,Viet Nam,Deputy Director\n",
        encoding="utf-8",
    )
    dialog = _import(room, qtbot, tmp_path / "apo.csv")
    holds = [dialog.columns.cellWidget(i, 2).currentData() for i in range(5)]
    assert holds == ["full_name", None, "email", "country", "position"]
    assert not dialog.warning.isVisible()
    dialog.grab().save(str(screenshots / "people_import_title_designation.png"))
    # the user's own choice wins, and no note says the chosen column is ignored
    dialog.set_field(1, "position")
    assert dialog.mapping.columns[1] == "position" and dialog.mapping.columns[4] is None
    assert not any(n.startswith("column 'Title'") for n in dialog.mapping.notes)
    dialog.set_field(4, "position")
    dialog.accept()
    qtbot.waitUntil(lambda: room.roster.rowCount() == 3, timeout=5000)
    assert sorted(p.position for p in room.roster.people) == [
        "Chief Digital Officer",
        "Deputy Director",
        "Director of e-Government",
    ]
