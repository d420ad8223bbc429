"""The Evaluation room driven by keys: three paper forms typed, a CSV imported, the chart drawn,
the report's parts saved as typed, the PDF printed off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from dgfacil.store import evaluation as store
from dgfacil.store.report_sections import report_sections
from dgfacil.ui.evaluation.room import EvaluationRoom

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def _room(ctx, qtbot) -> EvaluationRoom:
    room = EvaluationRoom(ctx)
    ctx.tasks.changes_applied.connect(room.on_changes)  # as the main window does
    qtbot.addWidget(room)
    room.resize(1000, 720)
    room.show()
    return room


def _responses(ctx):
    return ctx.tasks.read(lambda s: store.load_responses(session=s))


def _type_form(qtbot, entry, keys: list) -> None:
    """Digits pick levels, None = Enter (no answer), strings are typed into a text question + Enter."""
    for key in keys:
        if key is None:
            qtbot.keyClick(entry if not entry.text.isVisible() else entry.text, Qt.Key_Return)
        elif isinstance(key, int):
            qtbot.keyClick(entry, str(key))
        else:
            qtbot.keyClicks(entry.text, key)
            qtbot.keyClick(entry.text, Qt.Key_Return)


def test_three_paper_forms_keyboard_only(ctx, qtbot, screenshots):
    room = _room(ctx, qtbot)
    entry = room.entry
    assert entry.current.key == "background_institution"
    # institution, 6 satisfaction rows, 4 understanding rows, liked most, follow-up
    _type_form(qtbot, entry, [1, 1, 1, 2, 1, 3, 1, 1, 1, 2, 1, "The country cases", "Yes, a national workshop"])
    _type_form(qtbot, entry, [3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, None, None])
    # third form: a slip corrected with Backspace, a blank answer, then Enter through the rest
    _type_form(qtbot, entry, [2, 5])
    qtbot.keyClick(entry, Qt.Key_Backspace)
    _type_form(qtbot, entry, [1, None, 1, 1, 1, 1, 1, 1, 1, 1, "Everything", None])
    rows = _responses(ctx)
    assert len(rows) == 3 and all(r.source == "typed" for r in rows)
    assert rows[0].answers == {
        "background_institution": "National government",
        "sat_topics": 0,
        "sat_presentations": 0,
        "sat_discussion": 1,
        "sat_facilitation": 0,
        "sat_duration": 2,
        "sat_overall": 0,
        "und_pace": 0,
        "und_capacities": 0,
        "und_inclusion": 1,
        "und_toolkit": 0,
        "liked_most": "The country cases",
        "follow_up": "Yes, a national workshop",
    }
    assert rows[1].answers["background_institution"] == "International organization"
    assert "liked_most" not in rows[1].answers
    assert rows[2].answers["sat_topics"] == 0 and "sat_presentations" not in rows[2].answers
    assert room.model.rowCount() == 3
    assert entry.current.key == "background_institution" and entry.counter.text().startswith("Form 4")
    # the chart counts the typed forms
    sat = {s.question.key: s for s in room.chart.stats}
    assert sat["sat_topics"].satisfied_text == "100.0% (3 of 3)"
    assert sat["sat_duration"].satisfied_text == "66.7% (2 of 3)"
    assert sat["sat_presentations"].satisfied_text == "100.0% (2 of 2 answering; 1 no answer)"  # the blank is named
    room.tabs.setCurrentIndex(2)
    room.grab().save(str(screenshots / "evaluation_figures_no_answer.png"))  # the long figure fits beside its bar
    room.tabs.setCurrentIndex(0)
    _type_form(qtbot, entry, [2, 1, 2])  # a fourth form half typed, to show the strip
    room.grab().save(str(screenshots / "evaluation_typing.png"))
    # undo the last form, then redo it
    room.undo_stack.undo()
    assert len(_responses(ctx)) == 2 and room.model.rowCount() == 2
    room.undo_stack.redo()
    assert len(_responses(ctx)) == 3 and room.model.rowCount() == 3
    # Del on a selected row deletes it (undoable)
    room.table.selectRow(0)
    room.delete_selected()
    assert len(_responses(ctx)) == 2
    room.undo_stack.undo()
    assert len(_responses(ctx)) == 3


def test_import_csv_then_see_the_chart(ctx, qtbot, screenshots):
    room = _room(ctx, qtbot)
    room.tabs.setCurrentIndex(1)
    room.importer.preview(DATA / "webinar_147.csv")
    status = room.importer.status.text()
    assert "Google Forms (utf-8, comma-separated): 147 responses" in status
    assert room.importer.go.text() == "Import 147 responses"
    assert _responses(ctx) == []  # a preview writes nothing
    room.grab().save(str(screenshots / "evaluation_import.png"))
    qtbot.mouseClick(room.importer.go, Qt.LeftButton)
    assert len(_responses(ctx)) == 147
    assert room.tabs.currentIndex() == 2  # the figures come up
    texts = {s.question.key: s.satisfied_text for s in room.chart.stats}
    assert texts["sat_overall"] == "97.3% (143 of 147)" and texts["und_toolkit"] == "94.6% (139 of 147)"
    assert room.chart.minimumHeight() > 400
    room.grab().save(str(screenshots / "evaluation_figures.png"))
    image = room.chart.grab().toImage()
    # the first bar's "Very Satisfied" segment is painted in the darkest blue
    found = any(
        image.pixelColor(x, y).name() == "#1f4e79"
        for x in range(0, image.width(), 7)
        for y in range(0, min(image.height(), 200), 3)
    )
    assert found
    room.undo_stack.undo()
    assert _responses(ctx) == []


def test_report_parts_saved_and_printed_with_progress(ctx, qtbot, tmp_path, screenshots):
    room = _room(ctx, qtbot)
    room.tabs.setCurrentIndex(3)
    page = room.report
    qtbot.keyClicks(page.editors["executive_summary"], "The Webinar was very much appreciated.")
    qtbot.waitUntil(
        lambda: (
            ctx.tasks.read(lambda s: report_sections(session=s)).get("executive_summary")
            == "The Webinar was very much appreciated."
        ),
        timeout=3000,
    )
    room.grab().save(str(screenshots / "evaluation_report.png"))
    out = tmp_path / "outcome.pdf"
    seen = []
    page.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(page.printed, timeout=20000):
        page.print_to(out)
    assert out.exists() and page.print_button.isEnabled()
    assert seen and max(seen) == 8
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "The Webinar was very much appreciated." in text
