"""The Signatories dialog of the Print room, driven with real keys and clicks: add with a
signature picture, at most three, reorder, edit, remove, undo/redo; then a printed certificate
carries the names (PDF text) and the picture (looked at as PNG)."""

from __future__ import annotations

import shutil

from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from dgfacil.core.model import Participant
from dgfacil.operations import signatories as ops
from dgfacil.ui.printing.signatories import SignatoriesDialog


def _signature(path, colour=(25, 45, 130)):
    """A hand-ish signature: a blue scribble on transparency, larger than the app keeps."""
    image = Image.new("RGBA", (1200, 360), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (40, 260),
        (160, 80),
        (230, 300),
        (330, 90),
        (400, 280),
        (520, 140),
        (640, 250),
        (760, 120),
        (900, 230),
        (1150, 70),
    ]
    draw.line(points, fill=colour + (255,), width=14, joint="curve")
    draw.line([(120, 320), (1000, 300)], fill=colour + (255,), width=6)
    image.save(path)
    return path


def _names(ctx) -> list[str]:
    return [s.name for s in ctx.tasks.read(lambda s: ops.list_signatories(s))]


def _type(qtbot, dialog, name: str, title: str) -> None:
    for edit, text in ((dialog.name, name), (dialog.title_edit, title)):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:  # QTest cannot type Hangul; an input method would
            edit.insert(text)


def test_signatories_dialog_edits_with_undo_and_prints(ctx, qtbot, tmp_path, screenshots):
    from dgfacil.ui.printing.room import PrintRoom

    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    with qtbot.waitActive(room):  # shortcuts fire only in the active window
        room.show()
    qtbot.keyClick(room.list, Qt.Key_G, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = room.findChild(SignatoriesDialog)  # the key opened it, over the room
    assert dialog.isVisible() and dialog.list.count() == 0
    qtbot.waitUntil(dialog.isActiveWindow)

    # a file that is not a picture is refused, and nothing is added
    bad = tmp_path / "not-an-image.png"
    bad.write_text("hello")
    assert not dialog.choose_image(bad)
    assert "not a readable PNG or JPEG" in dialog.status.text()

    _type(qtbot, dialog, "Kim Jae-hong", "Head, UNPOG")
    assert dialog.choose_image(_signature(tmp_path / "kim.png"))
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    _type(qtbot, dialog, "Vincenzo Aquaro", "Chief, Digital Government Branch")
    qtbot.keyClick(dialog.name, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    _type(qtbot, dialog, "이 서연", "Director-General")
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert _names(ctx) == ["Kim Jae-hong", "Vincenzo Aquaro", "이 서연"]
    assert not dialog.add_button.isEnabled()  # three is the most a certificate holds
    png = ctx.tasks.read(lambda s: ops.list_signatories(s))[0].signature_png
    assert Image.open(__import__("io").BytesIO(png)).size == (600, 180)  # scaled down, kept as PNG

    # reorder with Alt+Up, then undo and redo it from the dialog
    dialog.list.setCurrentRow(2)
    qtbot.keyClick(dialog.list, Qt.Key_Up, Qt.AltModifier)
    assert _names(ctx) == ["Kim Jae-hong", "이 서연", "Vincenzo Aquaro"]
    qtbot.keyClick(dialog.list, Qt.Key_Z, Qt.ControlModifier)
    assert _names(ctx) == ["Kim Jae-hong", "Vincenzo Aquaro", "이 서연"]
    room.undo_stack.redo()
    assert _names(ctx) == ["Kim Jae-hong", "이 서연", "Vincenzo Aquaro"]

    # remove with Delete; undo puts the same person back in the same place
    dialog.list.setCurrentRow(1)
    qtbot.keyClick(dialog.list, Qt.Key_Delete)
    assert _names(ctx) == ["Kim Jae-hong", "Vincenzo Aquaro"] and dialog.add_button.isEnabled()
    room.undo_stack.undo()
    assert _names(ctx) == ["Kim Jae-hong", "이 서연", "Vincenzo Aquaro"]
    assert dialog.list.item(1).text() == "2. 이 서연 — Director-General"

    # edit a title and give the third a picture, Ctrl+S saves; undo restores the old values
    dialog.list.setCurrentRow(2)
    _type(qtbot, dialog, "Vincenzo Aquaro", "Chief, DGB, UN DESA")
    assert dialog.choose_image(_signature(tmp_path / "va.png", (90, 20, 20)))
    qtbot.keyClick(dialog.title_edit, Qt.Key_S, Qt.ControlModifier)
    third = ctx.tasks.read(lambda s: ops.list_signatories(s))[2]
    assert third.title == "Chief, DGB, UN DESA" and third.signature_png
    room.undo_stack.undo()
    third = ctx.tasks.read(lambda s: ops.list_signatories(s))[2]
    assert third.title == "Chief, Digital Government Branch" and third.signature_png is None
    room.undo_stack.redo()
    dialog.list.setCurrentRow(0)
    dialog.grab().save(str(screenshots / "print-signatories.png"))

    # a certificate printed now carries the three signatories, left to right
    _print_and_look(ctx, tmp_path, screenshots)


def _print_and_look(ctx, tmp_path, screenshots) -> None:
    from pypdf import PdfReader

    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.operations.printing import prepare
    from dgfacil.store.participants import load_participants

    ctx.tasks.run_sync(
        lambda s: add_participant(
            s,
            participant=Participant(
                "Nguyễn Thị Minh Khai", email="p1@example.org", country="Viet Nam", badge_code="B0001"
            ),
        )
    )

    def present(s):
        people = load_participants(session=s)
        return mark(
            s, participant_ids=[p.id for p in people], item_ids=[i for b in attendance_blocks(s) for i in b.item_ids]
        )

    ctx.tasks.run_sync(present)
    job = ctx.tasks.run_sync(lambda s: prepare(s, kind="certificates")).value
    [pdf] = job.run(tmp_path / "cert.pdf")
    text = PdfReader(str(pdf)).pages[0].extract_text()
    positions = [text.find(n) for n in ("Kim Jae-hong", "이 서연", "Vincenzo Aquaro")]
    assert -1 not in positions and "Chief, DGB, UN DESA" in text and "Director-General" in text
    assert pdf.read_bytes().count(b"/Subtype /Image") >= 2  # both signature pictures are drawn
    if shutil.which("pdftoppm"):
        from tests.printing.conftest import to_png

        to_png(pdf, screenshots / "certificate-signatories.png", dpi=80)
