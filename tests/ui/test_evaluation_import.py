"""The survey import's mapping step driven as a person would: an answer that maps to no level
blocks the import until a level is chosen with the keyboard; a column is mapped by hand; the same
export imported again updates in place; an import is deleted and undone."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from dgfacil.store import evaluation as store
from dgfacil.ui.evaluation.room import EvaluationRoom

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"
sys.path.insert(0, str(DATA))
from make_tool_exports import respondents  # noqa: E402


def _room(ctx, qtbot) -> EvaluationRoom:
    room = EvaluationRoom(ctx)
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    qtbot.addWidget(room)
    room.resize(1280, 720)
    room.show()
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)  # the combo boxes take focus and keys only in the active window
    room.tabs.setCurrentIndex(1)
    return room


def _responses(ctx):
    return ctx.tasks.read(lambda s: store.load_responses(session=s))


def _pick(qtbot, combo, text: str) -> None:
    """Choose `text` in a closed combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key_Down if target > combo.currentIndex() else Qt.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
        assert combo.hasFocus() or not combo.isVisible()  # the re-read keeps the row and the focus


def test_unmapped_answer_blocks_until_a_level_is_chosen(ctx, qtbot, tmp_path, screenshots):
    text = (DATA / "google_forms.csv").read_text(encoding="utf-8")
    odd = tmp_path / "google_forms_odd.csv"
    odd.write_text(text.replace(",Very satisfied,", ",Loved it,", 5), encoding="utf-8")
    room = _room(ctx, qtbot)
    page = room.importer
    page.preview(odd)
    assert page.go.text() == "Map 1 answer first" and not page.go.isEnabled()
    table = page.answers
    assert table.item(0, 0).text() == "Loved it" and table.item(0, 1).text() == "5"
    assert table.item(0, 0).foreground().color().name() == "#b3261e"
    whys = {table.item(r, 0).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert whys["Satisfied"] == "the same place on the scale, 2 of 5"
    qtbot.waitUntil(lambda: page.go.width() >= page.go.sizeHint().width())  # the re-labelled button, placed
    page.grab().save(str(screenshots / "evaluation_import_mapping_blocked.png"))
    qtbot.mouseClick(page.go, Qt.LeftButton)
    assert _responses(ctx) == []  # the blocked button writes nothing
    _pick(qtbot, table.cellWidget(0, 3), "Very Satisfied")
    assert page.go.isEnabled() and page.go.text() == "Import 36 responses"
    qtbot.waitUntil(lambda: page.go.width() >= page.go.sizeHint().width())  # the re-labelled button, placed
    page.grab().save(str(screenshots / "evaluation_import_mapping_ready.png"))
    qtbot.mouseClick(page.go, Qt.LeftButton)
    rows = _responses(ctx)
    assert len(rows) == 36 and room.tabs.currentIndex() == 2
    # "Loved it" replaced "Very satisfied" in the file and was mapped back to it: every answer is as given
    assert [r.answers for r in rows] == respondents()
    # the same export again: nothing doubles
    room.tabs.setCurrentIndex(1)
    page.preview(odd)
    _pick(qtbot, page.answers.cellWidget(0, 3), "Very Satisfied")
    qtbot.mouseClick(page.go, Qt.LeftButton)
    assert len(_responses(ctx)) == 36
    assert "36 responses: 0 new, 0 updated, 36 unchanged" in page.status.text()
    # delete the import from the list, then undo
    assert page.imports.count() == 1 and page.imports.item(0).text().startswith("google_forms_odd.csv (")
    page.imports.setCurrentRow(0)
    qtbot.mouseClick(page.delete, Qt.LeftButton)
    assert _responses(ctx) == [] and page.imports.item(0).text() == "No import yet."
    room.undo_stack.undo()
    assert len(_responses(ctx)) == 36 and page.imports.item(0).text().endswith("36 responses")
    room.undo_stack.undo()  # the second import's undo puts the first import's versions back
    room.undo_stack.undo()  # the first import's undo leaves nothing
    assert _responses(ctx) == []
    room.undo_stack.redo()
    assert len(_responses(ctx)) == 36


def test_a_column_is_mapped_by_hand(ctx, qtbot, tmp_path, screenshots):
    odd = tmp_path / "renamed.csv"
    odd.write_text(
        "Respondent ID,Collector ID,Q6 overall,Comments\n1,9,5,Great\n2,9,4,\n3,9,2,Long\n", encoding="utf-8"
    )
    room = _room(ctx, qtbot)
    page = room.importer
    page.preview(odd)
    assert "no column matches a question" in page.status.text() and not page.go.isEnabled()
    page.preview(DATA / "surveymonkey.csv")  # a good file first, so the table holds rows
    assert page.go.text() == "Import 36 responses"
    combos = {page.columns.item(r, 0).toolTip(): page.columns.cellWidget(r, 2) for r in range(page.columns.rowCount())}
    assert page.columns.item(15, 0).text().startswith("[Duration of the Webinar] 6. Please rate")
    assert combos["Respondent ID"].currentText() == "(respondent detail: left out)"
    assert combos["Type of institution [Other (please specify)]"].currentText() == "(not used)"
    qtbot.waitUntil(lambda: page.go.width() >= page.go.sizeHint().width())  # the re-labelled button, placed
    page.grab().save(str(screenshots / "evaluation_import_columns.png"))
    _pick(
        qtbot,
        combos[
            "6. Please rate your level of satisfaction with the following aspects of the Webinar. "
            "Please choose one in each row. [Duration of the Webinar]"
        ],
        "(not used)",
    )
    assert "no column for question sat_duration" in page.findings.text()
    qtbot.mouseClick(page.go, Qt.LeftButton)
    rows = _responses(ctx)
    assert len(rows) == 36 and all("sat_duration" not in r.answers for r in rows)


def test_empty_tables_show_whole_headers_and_a_twice_answering_respondent_is_flagged(ctx, qtbot, tmp_path, screenshots):
    from dgfacil.paths import resources_dir

    room = _room(ctx, qtbot)
    room.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))  # bold, padded headers
    page = room.importer
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    page.preview(empty)
    header = page.answers.horizontalHeader()
    for column in range(page.answers.columnCount() - 1):  # the last one stretches
        text = page.answers.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), text
    page.grab().save(str(screenshots / "evaluation_import_empty.png"))
    twice = tmp_path / "twice.csv"
    twice.write_text(
        "Timestamp,Email address,Importance and relevance of the topics\n"
        "2023/05/30 4:20:51 PM GMT+9,a@example.org,Very satisfied\n"
        "2023/05/30 5:02:10 PM GMT+9,b@example.org,Satisfied\n"
        "2023/05/31 9:15:00 AM GMT+9,A@example.org,Neutral\n",
        encoding="utf-8",
    )
    page.preview(twice)
    assert "e-mail a@example.org answered twice (rows 2 and 4); both are counted" in page.findings.text()
    assert page.findings.isVisible() and page.go.text() == "Import 3 responses"
    qtbot.mouseClick(page.go, Qt.LeftButton)
    assert len(_responses(ctx)) == 3
    page.grab().save(str(screenshots / "evaluation_import_twice.png"))
