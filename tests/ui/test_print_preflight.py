"""The Print room asks before printing names that would come out blank, and the Verify dialog
trusts the open workshop's own key and never states an unverified claim as a fact."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from dgfacil.core.model import Participant

ODD = "Ana \U00010001\U00010002"  # Linear B: no font has it


def _people(ctx, names):
    from dgfacil.operations.attendance import attendance_blocks, mark
    from dgfacil.operations.participants import add_participant
    from dgfacil.store.participants import load_participants

    def add(s):
        for name in names:
            add_participant(s, participant=Participant(name, country="Greece"))

    ctx.tasks.run_sync(add)

    def present(s):
        people = load_participants(session=s)
        return mark(
            s, participant_ids=[p.id for p in people], item_ids=[i for b in attendance_blocks(s) for i in b.item_ids]
        )

    ctx.tasks.run_sync(present)


def _close_if_open(dialog, seen: list) -> None:
    if isValid(dialog) and dialog.isVisible():  # closed as it should be: the dialog is gone by now
        seen.append("not closed")
        dialog.reject()


def _answer(qtbot, seen: list, *, button: str, shot=None):
    """When the next modal dialog opens: note its text, save a picture, press `button`."""

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, act)
            return
        seen.append(dialog)
        if shot:
            dialog.grab().save(str(shot))
        if button == "go":
            qtbot.mouseClick(dialog.go_button, Qt.LeftButton)
        else:
            qtbot.keyClick(dialog, Qt.Key_Escape)
        # a press that did not close it would leave the test inside the dialog's loop for ever:
        # close it, and leave a mark that fails the test's count instead
        QTimer.singleShot(10000, lambda: _close_if_open(dialog, seen))

    QTimer.singleShot(50, act)


def test_blank_names_are_listed_and_cancel_prints_nothing(ctx, qtbot, tmp_path, screenshots):
    from dgfacil.ui.printing.room import PrintRoom

    _people(ctx, [ODD, "Արմեն Սարգսյան"])
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.show()
    room.list.setCurrentRow(room.kinds.index("badges"))
    out = tmp_path / "badges.pdf"
    room.options_form.out.setText(str(out))
    seen: list = []
    _answer(qtbot, seen, button="cancel", shot=screenshots / "print-preflight.png")
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    # the names are checked on the database worker: the window stays live, then asks
    qtbot.waitUntil(lambda: "Not printed" in room.status.text(), timeout=20000)
    assert len(seen) == 1
    listed = seen[0].list.toPlainText()
    assert ODD in listed and "LINEAR B SYLLABLE B038 E" in listed and "Արմեն" not in listed
    assert room.progress_handle is None and not out.exists()
    assert "Not printed" in room.status.text()

    _answer(qtbot, seen, button="go")
    qtbot.mouseClick(room.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: room.progress_handle is None and out.exists(), timeout=20000)
    assert len(seen) == 2


def test_no_question_when_every_name_prints(ctx, qtbot, tmp_path):
    from dgfacil.ui.printing.room import PrintRoom

    _people(ctx, ["Արմեն Սարգսյան", "བསྟན་འཛིན་རྒྱ་མཚོ"])
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.list.setCurrentRow(room.kinds.index("tents"))
    out = tmp_path / "tents.pdf"
    room.options_form.out.setText(str(out))
    seen: list = []
    watch = QTimer()  # closes and records a dialog that should not open (it would block the wait)
    watch.timeout.connect(lambda: (seen.append(d), d.reject()) if (d := QApplication.activeModalWidget()) else None)
    watch.start(50)
    room.start()
    qtbot.waitUntil(lambda: room.progress_handle is None and out.exists(), timeout=20000)
    watch.stop()
    assert seen == []


def test_verify_trusts_the_workshops_key_and_marks_claims(ctx, qtbot, tmp_path, monkeypatch, screenshots):
    from dgfacil.operations import keys
    from dgfacil.store import certificates as store
    from dgfacil.ui.printing.room import PrintRoom
    from dgfacil.ui.printing.verify import VerifyDialog

    _people(ctx, ["Nguyễn Thị Minh Khai"])
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.list.setCurrentRow(room.kinds.index("certificates"))
    out = tmp_path / "c.pdf"
    room.options_form.out.setText(str(out))
    room.start()
    qtbot.waitUntil(lambda: room.progress_handle is None and out.exists(), timeout=20000)
    payload = ctx.tasks.read(lambda s: store.certificates(session=s)[0].payload)
    # another laptop: a config folder that has never seen this organization's key
    monkeypatch.setenv("DGFACIL_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert keys.known_keys() == {}
    dialog = VerifyDialog(also=ctx.tasks.read(keys.workshop_keys))
    qtbot.addWidget(dialog)
    dialog.input.setPlainText(payload)
    assert dialog.verdict.text() == "Valid" and "Nguyễn Thị Minh Khai" in dialog.details.text()
    alone = VerifyDialog()
    qtbot.addWidget(alone)
    alone.show()
    alone.input.setPlainText(payload)
    assert alone.verdict.text() == "Unknown key"
    assert "NOT verified" in alone.details.text()
    alone.grab().save(str(screenshots / "print-verify-unknown.png"))


def test_printing_under_another_key_names_both_and_cancel_keeps_the_file_unsigned(ctx, qtbot, tmp_path):
    from dgfacil.core import signing
    from dgfacil.operations import keys
    from dgfacil.store import certificates as store
    from dgfacil.ui.printing.room import PrintRoom

    _people(ctx, ["Nguyễn Thị Minh Khai"])
    organization = signing.public_key(signing.new_private_key())  # signed elsewhere before
    ctx.tasks.run_sync(lambda s: keys.record_workshop_key(s, organization))
    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    room.list.setCurrentRow(room.kinds.index("certificates"))
    out = tmp_path / "c.pdf"
    room.options_form.out.setText(str(out))
    seen: list = []
    _answer(qtbot, seen, button="cancel")
    room.start()
    qtbot.waitUntil(lambda: "Not printed" in room.status.text(), timeout=20000)
    listed = seen[0].list.toPlainText()
    assert signing.fingerprint(organization) in listed and keys.fingerprint() in listed
    assert not out.exists() and ctx.tasks.read(lambda s: store.certificates(session=s)) == []
