"""The Print room's keys inside the real main window: none is taken by a window menu, each one
fires; the Signatories dialog adds with its own key; a refused signatory edit is reported and
leaves the undo stack as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from dgfacil.operations import signatories as ops
from dgfacil.ui.main_window import MainWindow
from dgfacil.ui.printing.signatories import SignatoriesDialog


def _window_keys(window: MainWindow) -> set[str]:
    keys = set()
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.WidgetWithChildrenShortcut:
            continue  # another room's own key: active only in that room
        for key in action.shortcuts():
            keys.add(key.toString(QKeySequence.PortableText))
    return keys


def _close_modal(found: list) -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        found.append(type(dialog).__name__)
        dialog.reject()


def test_print_room_keys_work_in_the_main_window(qtbot, demo_window, tmp_path):
    window = demo_window()
    room = window.show_room("Print")
    assert room is window.tabs.currentWidget()
    taken = _window_keys(window)
    assert {"Ctrl+N", "Ctrl+Shift+S", "Ctrl+O", "F1", "Ctrl+7"} <= taken  # the menus are there
    taken |= {"Ctrl+W", "Ctrl+Q", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", *(f"Ctrl+{i}" for i in range(1, 8))}
    helped = [k for k, _ in room.shortcuts_help()]
    for key, shortcut in room.shortcuts.items():
        text = QKeySequence(key).toString(QKeySequence.PortableText)
        assert text not in taken, f"{key} is also a window menu key"
        assert shortcut.key() == QKeySequence(key) and key in helped
    room.list.setFocus()

    # Ctrl+Shift+G opens the signatories (it was Ctrl+Shift+S, File > Save a copy as)
    qtbot.keyClick(room.list, Qt.Key_G, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = room.findChild(SignatoriesDialog)  # the key opened it, over the room
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    # Add is Ctrl+Shift+N in the dialog (Ctrl+N is the window's File > New)
    dialog.name.setText("Kim Jae-hong")
    qtbot.keyClick(dialog.name, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    assert [s.name for s in window.ctx.tasks.read(ops.list_signatories)] == ["Kim Jae-hong"]
    dialog.accept()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    room.list.setFocus()

    # Ctrl+Shift+V opens the (modal) Verify dialog
    found: list[str] = []
    QTimer.singleShot(300, lambda: _close_modal(found))
    with qtbot.waitSignal(room.shortcuts["Ctrl+Shift+V"].activated, timeout=3000):
        qtbot.keyClick(room.list, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    assert found == ["VerifyDialog"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    room.list.setFocus()

    # Ctrl+P prints the chosen document; Escape reaches the room's Cancel
    room.list.setCurrentRow(room.kinds.index("agenda"))
    out = tmp_path / "agenda.pdf"
    room.options_form.out.setText(str(out))
    with qtbot.waitSignal(room.shortcuts["Ctrl+P"].activated, timeout=3000):
        qtbot.keyClick(room.list, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not room.busy() and out.exists(), timeout=20000)
    with qtbot.waitSignal(room.shortcuts["Escape"].activated, timeout=3000):
        qtbot.keyClick(room.list, Qt.Key_Escape)
    window.close_document()


def test_a_refused_signatory_edit_is_reported_and_not_kept(qtbot, ctx):
    from dgfacil.ui.printing.room import PrintRoom

    room = PrintRoom(ctx)
    qtbot.addWidget(room)
    dialog = room.keys.signatories()
    dialog.name.setText("Kim Jae-hong")
    dialog.add()
    assert room.undo_stack.count() == 1
    dialog.list.setCurrentRow(0)
    gone = dialog.current().id
    with ctx.doc.session() as s:  # another writer, behind the dialog's back (no change signal)
        ops.remove_signatory(s, signatory_id=gone)
    dialog.title_edit.setText("Head, UNPOG")
    dialog.save()  # the row is gone: refused, said, and not pushed
    assert room.undo_stack.count() == 1
    assert "Not saved" in dialog.status.text() and "no signatory" in dialog.status.text()
    assert dialog.list.count() == 0
