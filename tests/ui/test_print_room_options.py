"""The Print room shows only the options of the chosen document and what will print; it refuses
an empty document in words; one PDF per person asks for a folder and fills it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from .test_print_room import _roster


def _room(ctx, qtbot):
    from dgfacil.ui.printing.room import PrintRoom

    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.resize(900, 520)
    room.show()
    return room


def _choose(room, kind: str) -> None:
    room.list.setCurrentRow(room.kinds.index(kind))


def test_only_the_options_that_apply_and_a_count(ctx, qtbot, screenshots):
    _roster(ctx)
    room = _room(ctx, qtbot)
    _choose(room, "certificates")
    assert room.options_form.form.isRowVisible(
        room.options_form.per_person
    ) and not room.options_form.form.isRowVisible(room.options_form.sheets)
    assert room.options_form.count.text() == "2 certificates for the eligible participants (2 of 3)."
    assert room.options_form.count.textFormat() == Qt.PlainText
    qtbot.waitUntil(lambda: buttons_below_form(room))  # the form laid itself out again
    room.grab().save(str(screenshots / "print-room-certificates.png"))
    _choose(room, "badges")
    assert not room.options_form.form.isRowVisible(
        room.options_form.per_person
    ) and not room.options_form.form.isRowVisible(room.options_form.sheets)
    assert room.options_form.form.isRowVisible(room.options_form.paper)
    assert room.options_form.count.text() == "3 badges on 1 page."
    qtbot.waitUntil(lambda: buttons_below_form(room))
    room.grab().save(str(screenshots / "print-room-badges.png"))
    _choose(room, "attendance")
    assert room.options_form.form.isRowVisible(room.options_form.sheets) and not room.options_form.form.isRowVisible(
        room.options_form.per_person
    )
    assert room.options_form.count.text() == "1 sheet listing 3 participants."
    _choose(room, "worksheets")
    assert room.options_form.count.text().startswith("The workshop has no exercises")
    _choose(room, "attendance")
    qtbot.waitUntil(lambda: buttons_below_form(room))
    room.grab().save(str(screenshots / "print-room-attendance.png"))


def buttons_below_form(room) -> bool:
    """The form's rows are placed: Print sits under the "Will print" line, not over it."""
    return room.print_button.geometry().top() > room.options_form.count.geometry().bottom()


def test_nobody_eligible_is_refused_in_words(ctx, qtbot, tmp_path, screenshots):
    room = _room(ctx, qtbot)
    _choose(room, "certificates")
    assert room.options_form.count.text().startswith("Nothing to print")
    out = tmp_path / "c3.pdf"
    room.options_form.out.setText(str(out))
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not room.busy(), timeout=5000)  # the refusal comes from the worker
    assert room.progress_handle is None and not out.exists()
    assert room.status.text().startswith("There are no participants") and "Nothing was written" in room.status.text()
    assert "Wrote" not in room.status.text() and room.status.textFormat() == Qt.PlainText
    room.grab().save(str(screenshots / "print-room-nothing.png"))
    _choose(room, "badges")
    assert room.status.text() == ""  # an old message does not stay under another document
    room.options_form.out.setText(str(out))
    room.start()
    qtbot.waitUntil(lambda: not room.busy(), timeout=5000)
    assert not out.exists()
    assert "no participants to print name badges" in room.status.text()


def test_one_pdf_per_person_goes_into_a_folder(ctx, qtbot, tmp_path, monkeypatch):
    _roster(ctx)
    room = _room(ctx, qtbot)
    _choose(room, "certificates")
    folder = tmp_path / "x" / "percert"
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: asked.append("folder") or str(folder))
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: asked.append("file") or (str(tmp_path / "one.pdf"), "")),
    )
    room.options_form.per_person.setChecked(True)
    assert room.options_form.out_label.text() == "Save into folder" and not room.options_form.out.text().endswith(
        ".pdf"
    )
    assert "one PDF each (2 files)" in room.options_form.count.text()
    room.options_form.browse()
    assert asked == ["folder"] and room.options_form.out.text() == str(folder)
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not room.busy() and bool(room.last_files), timeout=20000)
    assert folder.is_dir() and len(list(folder.glob("*.pdf"))) == 2
    assert "Wrote 2 files" in room.status.text()
    # unticked: a file again, asked for with a save dialog
    room.options_form.per_person.setChecked(False)
    assert room.options_form.out.text().endswith(".pdf") and room.options_form.out_label.text() == "Save to"
    room.options_form.browse()
    assert asked == ["folder", "file"]
    # a file where a folder is wanted is refused, not overwritten
    room.options_form.per_person.setChecked(True)
    blocker = tmp_path / "blocker"
    blocker.write_text("keep")
    room.options_form.out.setText(str(blocker))
    room.start()
    assert "needs a folder" in room.status.text() and blocker.read_text() == "keep"
