"""The Signatories dialog of the Print room: up to three people who sign the certificates.

Every change (add, edit, remove, move) is one committed operation, pushed as a QUndoCommand on
the Print room's undo stack, so Ctrl+Z in the dialog or the window's Edit menu takes it back.
Signature pictures are checked and scaled down (operations.signatories.signature_image) before
anything is pushed: a command's redo must never fail half way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dgfacil.operations import signatories as ops
from dgfacil.operations.changes import Changes
from dgfacil.ui.context import AppContext
from dgfacil.ui.undo import OperationCommand


class _Command(OperationCommand):
    """A signatory change. A refusal (the row is gone, the list is full...) is reported through
    tasks.failed and the command drops off the stack; `done` says whether redo happened."""

    def __init__(self, text: str, ctx: AppContext, initiator=None):
        super().__init__(text)
        self.tasks, self.initiator = ctx.tasks, initiator
        self.done = False

    def do_redo(self) -> None:
        self.apply()
        self.done = True

    def apply(self) -> None:
        raise NotImplementedError


class _Step(_Command):
    """One signatory change: `do` and `undo_op` are operations run on the database worker."""

    def __init__(self, text: str, ctx: AppContext, do, undo_op, initiator=None):
        super().__init__(text, ctx, initiator)
        self.do, self.undo_op = do, undo_op

    def apply(self) -> None:
        self.tasks.run_sync(self.do, initiator=self.initiator)

    def do_undo(self) -> None:
        self.tasks.run_sync(self.undo_op, initiator=self.initiator)


class _Remove(_Command):
    """Remove, keeping the snapshot so undo restores the same row in the same place."""

    def __init__(self, ctx: AppContext, who: ops.SignatoryInfo, initiator=None):
        super().__init__(f"Remove signatory “{who.name}”", ctx, initiator)
        self.sid, self.snapshot = who.id, who

    def apply(self) -> None:
        self.snapshot = self.tasks.run_sync(
            lambda s: ops.remove_signatory(s, signatory_id=self.sid), initiator=self.initiator
        ).value

    def do_undo(self) -> None:
        self.tasks.run_sync(lambda s: ops.restore_signatory(s, snapshot=self.snapshot), initiator=self.initiator)


class _Add(_Command):
    """Add; undo removes it, redo after undo restores the very same row."""

    def __init__(self, ctx: AppContext, name: str, title: str, png: bytes | None, initiator=None):
        super().__init__(f"Add signatory “{name}”", ctx, initiator)
        self.fields = (name, title, png)
        self.sid: int | None = None  # not `id`: that is QUndoCommand's merge id
        self.snapshot: ops.SignatoryInfo | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            snapshot = self.snapshot
            self.tasks.run_sync(lambda s: ops.restore_signatory(s, snapshot=snapshot), initiator=self.initiator)
            return
        name, title, png = self.fields
        changes = self.tasks.run_sync(
            lambda s: ops.add_signatory(s, name=name, title=title, signature_png=png), initiator=self.initiator
        )
        self.sid = changes.ids[0]

    def do_undo(self) -> None:
        sid = self.sid
        self.snapshot = self.tasks.run_sync(
            lambda s: ops.remove_signatory(s, signatory_id=sid), initiator=self.initiator
        ).value


ADD_KEY = "Ctrl+Shift+N"


class SignatoriesDialog(QDialog):
    """List, add, edit, remove and reorder the certificate signatories (at most three)."""

    def __init__(self, ctx: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Certificate signatories")
        self.ctx, self.undo_stack = ctx, undo_stack
        self.rows: list[ops.SignatoryInfo] = []
        self.png: bytes | None = None  # the picture chosen for the form, already checked
        self.clear_png = False

        self.list = QListWidget()
        self.list.setIconSize(QSize(90, 30))
        self.list.currentRowChanged.connect(self._selected)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Kim Jae-hong")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Head, UNPOG")
        self.picture = QLabel("No signature image")
        self.picture.setTextFormat(Qt.PlainText)
        self.picture.setMinimumSize(180, 60)
        choose = QPushButton("Choose image…  (Ctrl+I)")
        choose.clicked.connect(self.browse_image)
        self.clear_button = QPushButton("No image")
        self.clear_button.clicked.connect(self.clear_image)
        pic_row = QHBoxLayout()
        pic_row.addWidget(self.picture, 1)
        pic_row.addWidget(choose)
        pic_row.addWidget(self.clear_button)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Title", self.title_edit)
        form.addRow("Signature", pic_row)

        self.add_button = QPushButton("Add  (Ctrl+Shift+N)")
        self.save_button = QPushButton("Save changes  (Ctrl+S)")
        self.remove_button = QPushButton("Remove  (Del)")
        self.up_button = QPushButton("Move left  (Alt+Up)")
        self.down_button = QPushButton("Move right  (Alt+Down)")
        close = QPushButton("Close")
        for button, slot in (
            (self.add_button, self.add),
            (self.save_button, self.save),
            (self.remove_button, self.remove),
            (self.up_button, lambda: self.move(-1)),
            (self.down_button, lambda: self.move(1)),
            (close, self.accept),
        ):
            button.clicked.connect(slot)
            button.setAutoDefault(False)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        actions.addWidget(close)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Printed left to right at the foot of every certificate (at most three)."))
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        # not Ctrl+N: that is the window's File > New
        for keys, slot in (
            (ADD_KEY, self.add),
            ("Ctrl+S", self.save),
            ("Delete", self.remove),
            ("Alt+Up", lambda: self.move(-1)),
            ("Alt+Down", lambda: self.move(1)),
            ("Ctrl+I", self.browse_image),
            (QKeySequence.Undo, undo_stack.undo),
            (QKeySequence.Redo, undo_stack.redo),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        ctx.tasks.changes_applied.connect(self._changed)  # undo from the Edit menu too
        ctx.tasks.failed.connect(self._failed)  # a refused edit: say why (it left the undo stack)
        self.resize(620, 420)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list from the document, keeping the selection where it can."""
        keep = self.current().id if self.current() else None
        self.rows = self.ctx.tasks.read(lambda s: ops.list_signatories(s))
        self.list.blockSignals(True)
        self.list.clear()
        for i, row in enumerate(self.rows, start=1):
            item = QListWidgetItem(f"{i}. {row.name}" + (f" — {row.title}" if row.title else ""))
            if row.signature_png:
                item.setIcon(QIcon(_pixmap(row.signature_png)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r.id for r in self.rows]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else -1)
        self._selected(self.list.currentRow())

    def current(self) -> ops.SignatoryInfo | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self, _row: int) -> None:
        who = self.current()
        self.name.setText(who.name if who else "")
        self.title_edit.setText(who.title if who else "")
        self.png, self.clear_png = None, False
        self._show_picture(who.signature_png if who else None)
        full = len(self.rows) >= ops.MAX_SIGNATORIES
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip("A certificate has room for three signatories" if full else "")
        for button in (self.save_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(who is not None)

    def _show_picture(self, png: bytes | None) -> None:
        if png:
            self.picture.setPixmap(_pixmap(png).scaled(180, 60, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText("No signature image")

    def _failed(self, text: str) -> None:
        if self.isVisible():
            self.status.setText(f"Not saved: {text}")
            self.refresh()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.workshop and self.isVisible():
            self.refresh()

    # -- editing ---------------------------------------------------------------------------
    def browse_image(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Signature image", str(Path.home()), "Images (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.choose_image(Path(chosen))

    def choose_image(self, path: Path) -> bool:
        """Check and scale the picture at `path` for the form; False (and a message) if refused."""
        try:
            self.png = ops.signature_image(Path(path).read_bytes())
        except (OSError, ops.SignatoryError) as err:
            self.status.setText(f"{Path(path).name}: {(err.strerror if isinstance(err, OSError) else None) or err}")
            return False
        self.clear_png = False
        self._show_picture(self.png)
        self.status.setText("Image ready: Add or Save changes to keep it.")
        return True

    def clear_image(self) -> None:
        self.png, self.clear_png = None, True
        self._show_picture(None)

    def _fields(self) -> tuple[str, str] | None:
        try:
            return ops.clean_fields(self.name.text(), self.title_edit.text())
        except ops.SignatoryError as err:
            self.status.setText(str(err))
            return None

    def add(self) -> None:
        if len(self.rows) >= ops.MAX_SIGNATORIES:
            self.status.setText("A certificate has room for three signatories; remove one first.")
            return
        if (fields := self._fields()) is None:
            return
        command = _Add(self.ctx, *fields, self.png, initiator=self)
        self.undo_stack.push(command)
        if not command.done:  # refused: _failed said why
            return
        self.refresh()
        self.list.setCurrentRow([r.id for r in self.rows].index(command.sid))
        self.status.setText(f"Added {fields[0]}.")

    def save(self) -> None:
        who = self.current()
        if who is None or (fields := self._fields()) is None:
            return
        png = None if self.clear_png else (self.png or who.signature_png)
        if (who.name, who.title, who.signature_png) == (*fields, png):
            return
        sid, old = who.id, who

        def do(s):
            return ops.update_signatory(
                s, signatory_id=sid, name=fields[0], title=fields[1], signature_png=png, clear_image=png is None
            )

        def undo(s):
            return ops.update_signatory(
                s,
                signatory_id=sid,
                name=old.name,
                title=old.title,
                signature_png=old.signature_png,
                clear_image=old.signature_png is None,
            )

        command = _Step(f"Edit signatory “{fields[0]}”", self.ctx, do, undo, initiator=self)
        self.undo_stack.push(command)
        if command.done:
            self.refresh()
            self.status.setText(f"Saved {fields[0]}.")

    def remove(self) -> None:
        if (who := self.current()) is None:
            return
        command = _Remove(self.ctx, who, initiator=self)
        self.undo_stack.push(command)
        if command.done:
            self.refresh()
            self.status.setText(f"Removed {who.name} (Ctrl+Z brings it back).")

    def move(self, step: int) -> None:
        who = self.current()
        if who is None or not 0 <= who.position + step < len(self.rows):
            return
        sid, before, after = who.id, who.position, who.position + step
        self.undo_stack.push(
            _Step(
                f"Move signatory “{who.name}”",
                self.ctx,
                lambda s: ops.move_signatory(s, signatory_id=sid, position=after),
                lambda s: ops.move_signatory(s, signatory_id=sid, position=before),
                initiator=self,
            )
        )
        self.refresh()


def _pixmap(png: bytes) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    return pixmap
