"""The Print room's signing-key bar: which key signs the certificates, its signatories, exporting its
public half, and verifying a certificate's code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from dgfacil.ui.context import AppContext

if TYPE_CHECKING:
    from dgfacil.ui.printing.signatories import SignatoriesDialog


class SigningKeysBar(QWidget):
    """The key's fingerprint, then Signatories…, Export public key… and Verify a certificate…"""

    def __init__(
        self, ctx: AppContext, undo_stack: QUndoStack, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.undo_stack, self.say = ctx, undo_stack, say
        self.dialog: SignatoriesDialog | None = None  # made on first use, then raised again
        self.label = QLabel("")
        self.label.setTextFormat(Qt.PlainText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # a row of the room's own layout, not a framed box
        layout.addWidget(self.label, 1)
        for text, slot in (
            ("Signatories…  (Ctrl+Shift+G)", self.signatories),
            ("Export public key…", self.export_key),
            ("Verify a certificate…  (Ctrl+Shift+V)", self.verify),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.refresh()

    def refresh(self) -> None:
        """Say which key signs (the first certificate run creates it)."""
        from dgfacil.operations import keys

        if keys.key_path().exists():
            self.label.setText(f"Signing key {keys.fingerprint()}")
        else:
            self.label.setText("A signing key is made when certificates are first printed.")

    def verify(self) -> None:
        from dgfacil.operations import keys
        from dgfacil.ui.printing.verify import VerifyDialog

        VerifyDialog.ask(self, also=self.ctx.tasks.read(keys.workshop_keys))  # the file's own key

    def signatories(self) -> SignatoriesDialog:
        """Open (or raise) the Signatories dialog; its edits go on the Print room's undo stack."""
        from dgfacil.ui.printing.signatories import SignatoriesDialog

        if self.dialog is None:
            self.dialog = SignatoriesDialog(self.ctx, self.undo_stack, self.parentWidget())
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def export_key(self) -> None:
        from dgfacil.operations import keys

        chosen, _ = QFileDialog.getSaveFileName(self, "Export public key", "organizer-public-key.pem", "PEM (*.pem)")
        if chosen:
            keys.export_public_key(Path(chosen))
            self.refresh()
            self.say(f"Public key written to {chosen}")
