"""Cancel pressed in the middle of a long certificate run: it stops within a second, leaves no
partial file or folder, and says exactly what was kept. The drawing runs in worker processes."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

COUNT = 250


def _crowd(ctx, count: int = COUNT) -> None:
    """`count` participants, all present: all eligible for a certificate."""
    from dgfacil.core.roster_columns import guess_mapping
    from dgfacil.io.roster import read_roster_bytes
    from dgfacil.operations.attendance import mark_all
    from dgfacil.operations.participants import import_roster

    lines = ["Name,Email,Country"] + [f"Ольга Петрова {i},p{i}@example.org,Armenia" for i in range(count)]
    table = read_roster_bytes("\n".join(lines).encode(), name="roster.csv")
    mapping = guess_mapping(table.headers, [r for _n, r in table.rows])
    ctx.tasks.run_sync(lambda s: import_roster(s, table=table, mapping=mapping))
    ctx.tasks.run_sync(mark_all)


def _room(ctx, qtbot, tmp_path):
    from dgfacil.ui.printing.room import PrintRoom

    _crowd(ctx)
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.resize(1000, 600)
    room.show()
    room.list.setCurrentRow(room.kinds.index("certificates"))
    return room


def _cancel_mid_print(room, qtbot) -> int:
    """Press Print, wait until some certificates are drawn, press Cancel; the count drawn then."""
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: room.bar.maximum() == COUNT and room.bar.value() >= 10, timeout=30000)
    drawn = room.bar.value()
    assert drawn < COUNT and room.cancel_button.isEnabled()
    qtbot.mouseClick(room.cancel_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not room.busy(), timeout=1000)  # stops within a second
    return drawn


def test_cancel_one_pdf_per_person_keeps_nothing_and_says_so(ctx, qtbot, tmp_path):
    room = _room(ctx, qtbot, tmp_path)
    folder = tmp_path / "certificates"
    room.options_form.per_person.setChecked(True)
    room.options_form.out.setText(str(folder))
    drawn = _cancel_mid_print(room, qtbot)
    m = re.fullmatch(
        rf"Cancelled after (\d+) of {COUNT} certificates: none of the (\d+) PDFs drawn were "
        rf"kept; there is no folder {re.escape(str(folder))}\.",
        room.status.text(),
    )
    assert m, room.status.text()
    assert drawn <= int(m[1]) < COUNT and m[1] == m[2]
    assert "Signing key" in room.keys.label.text()  # the key made while gathering is shown
    assert not folder.exists()  # the folder was made for this run, and is gone with it
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dgfacil-printing-")]
    assert room.print_button.isEnabled() and not room.cancel_button.isEnabled()


def test_cancel_into_a_folder_that_had_files_leaves_them_as_they_were(ctx, qtbot, tmp_path):
    room = _room(ctx, qtbot, tmp_path)
    folder = tmp_path / "earlier"
    folder.mkdir()
    (folder / "kept.pdf").write_bytes(b"%PDF-1.4 earlier run")
    room.options_form.per_person.setChecked(True)
    room.options_form.out.setText(str(folder))
    _cancel_mid_print(room, qtbot)
    assert re.fullmatch(
        rf"Cancelled after (\d+) of {COUNT} certificates: none of the \1 PDFs drawn were "
        rf"kept; {re.escape(str(folder))} is as it was before printing\.",
        room.status.text(),
    )
    assert sorted(p.name for p in folder.iterdir()) == ["kept.pdf"]
    assert (folder / "kept.pdf").read_bytes() == b"%PDF-1.4 earlier run"


def test_cancel_one_pdf_writes_nothing_and_says_so(ctx, qtbot, tmp_path):
    room = _room(ctx, qtbot, tmp_path)
    out = tmp_path / "all.pdf"
    room.options_form.out.setText(str(out))
    _cancel_mid_print(room, qtbot)
    assert re.fullmatch(
        rf"Cancelled after \d+ of {COUNT} certificates: nothing was written; "
        r"there is no all\.pdf\.",
        room.status.text(),
    ), room.status.text()
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dgfacil-printing-")]
    # printing again after a cancel works, and the progress is real: it ends at the count
    seen = []
    room.bar.valueChanged.connect(seen.append)
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not room.busy(), timeout=60000)
    assert room.last_files == [out] and out.exists()
    # at least one count between none and all was shown (workers report as they draw)
    assert any(0 < v < COUNT for v in seen) and max(seen) == COUNT
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) == COUNT
