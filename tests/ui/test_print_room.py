"""The Print room with real clicks: certificates print off the UI thread, the Verify dialog
answers valid / invalid / unknown key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dgfacil.core import signing
from dgfacil.core.model import Participant


def _roster(ctx):
    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.store.participants import load_participants

    def add(s):
        for i, name in enumerate(["김민준", "<b>Bold</b> Ana", "Ольга Петрова"], start=1):
            add_participant(
                s, participant=Participant(name, email=f"p{i}@example.org", country="Korea", badge_code=f"B{i:04d}")
            )

    ctx.tasks.run_sync(add)

    def present(s):
        people = load_participants(session=s)
        items = [i for b in attendance_blocks(s) for i in b.item_ids]
        return mark(s, participant_ids=[p.id for p in people[:2]], item_ids=items)

    ctx.tasks.run_sync(present)


def test_print_certificates_from_the_room(ctx, qtbot, tmp_path, screenshots):
    from dgfacil.ui.printing.room import PrintRoom

    _roster(ctx)
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.resize(900, 520)
    room.show()
    room.list.setCurrentRow(room.kinds.index("certificates"))
    out = tmp_path / "certs.pdf"
    room.options_form.out.setText(str(out))
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not room.busy() and out.exists(), timeout=20000)
    assert "2 of 3" in room.status.text() or "Wrote 1 file" in room.status.text()
    assert room.last_files == [out]
    assert "Signing key" in room.keys.label.text()
    # Open hands the PDF to the system's viewer (swapped here to see what it was given)
    opened = []
    room.opener = lambda url: opened.append(url.toLocalFile()) or True
    assert room.open_button.isEnabled()
    qtbot.keyClick(room.list, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
    assert opened == [str(out)]
    room.grab().save(str(screenshots / "print-room.png"))

    # attendance sheets for one session, chosen in the combo box
    room.list.setCurrentRow(room.kinds.index("attendance"))
    assert room.options_form.sheets.count() >= 2
    room.options_form.sheets.setCurrentIndex(1)
    sheet = tmp_path / "sheet.pdf"
    room.options_form.out.setText(str(sheet))
    qtbot.keyClick(room.list, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not room.busy() and sheet.exists(), timeout=20000)


def test_cancel_leaves_nothing(ctx, qtbot, tmp_path):
    from dgfacil.ui.printing.room import PrintRoom

    _roster(ctx)
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.list.setCurrentRow(room.kinds.index("badges"))
    out = tmp_path / "sub" / "badges.pdf"
    room.options_form.out.setText(str(out))
    room.start()
    room.cancel()  # while the values are gathered: printing never starts
    qtbot.waitUntil(lambda: not room.busy(), timeout=20000)
    assert room.status.text() == "Cancelled before printing started; nothing was written."
    assert not out.exists() and room.print_button.isEnabled()


def test_verify_dialog(qtbot, screenshots):
    from dgfacil.ui.printing.verify import VerifyDialog

    key = signing.new_private_key()
    pub = signing.public_key(key)
    payload = signing.sign(
        signing.Claim("N-1", "<img src=x> 김민준", "CODE", *[__import__("datetime").date(2023, 5, 30)] * 2), key
    )
    dialog = VerifyDialog(known_keys={signing.key_id(pub): pub})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.input.setPlainText(payload)
    assert dialog.verdict.text() == "Valid"
    assert "<img src=x> 김민준" in dialog.details.text() and dialog.details.textFormat() == Qt.PlainText
    dialog.grab().save(str(screenshots / "print-verify.png"))
    dialog.input.setPlainText(payload.replace("김민준", "김민순"))
    assert dialog.verdict.text() == "Invalid"
    dialog.input.setPlainText(
        signing.sign(
            signing.Claim("N-1", "A", "C", *[__import__("datetime").date(2023, 5, 30)] * 2), signing.new_private_key()
        )
    )
    assert dialog.verdict.text() == "Unknown key"
    qtbot.mouseClick(dialog.clear_button, Qt.LeftButton)
    assert dialog.input.toPlainText() == "" and dialog.verdict.text() == ""


def test_open_before_printing_and_after_the_file_is_gone_says_why(ctx, qtbot, tmp_path):
    from dgfacil.ui.printing.room import PrintRoom

    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    opened = []
    room.opener = lambda url: opened.append(url) or True
    assert not room.open_button.isEnabled() and not room.open_printed()
    assert "Nothing printed yet" in room.status.text()
    room.last_files = [tmp_path / "moved-away.pdf"]
    assert not room.open_printed() and "is gone" in room.status.text() and opened == []
    # one file per person: Open shows the folder
    folder = tmp_path / "certs"
    folder.mkdir()
    room.last_files = [folder / "a.pdf", folder / "b.pdf"]
    assert room.printed_target() == folder and room.open_printed()
    assert opened[0].toLocalFile() == str(folder)
