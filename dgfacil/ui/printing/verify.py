"""The Verify dialog: paste or scan a certificate's QR text, see valid / invalid / unknown key.

A keyboard-wedge scanner types the text into the box; it is checked as it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from dgfacil.core import signing

COLOURS = {
    signing.Validity.VALID: "#1b7f3b",
    signing.Validity.INVALID: "#b3261e",
    signing.Validity.UNKNOWN_KEY: "#9a6700",
}


class VerifyDialog(QDialog):
    """Checks certificate codes against the keys this computer knows."""

    def __init__(
        self, parent: QWidget | None = None, known_keys: dict[str, bytes] | None = None, also: list[bytes] | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Verify a certificate")
        self.resize(580, 500)
        if known_keys is None:
            from dgfacil.operations import keys

            known_keys = keys.known_keys(also=also)
        self.known = known_keys
        layout = QVBoxLayout(self)
        hint = QLabel("Scan the certificate's QR code, or paste its text:")
        layout.addWidget(hint)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText("DGF1|...")
        self.input.setMaximumHeight(110)
        self.input.setTabChangesFocus(True)
        layout.addWidget(self.input)
        self.verdict = QLabel("")
        self.verdict.setTextFormat(Qt.PlainText)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict.setFont(font)
        layout.addWidget(self.verdict)
        self.details = QLabel("")
        self.details.setTextFormat(Qt.PlainText)  # the name in a code is untrusted text
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        layout.addStretch(1)  # extra height below the answer, not between the parts
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        self.clear_button = buttons.addButton("Clear for the next scan (Ctrl+L)", QDialogButtonBox.ResetRole)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(buttons)
        self.input.textChanged.connect(self.check)
        self.input.setFocus()  # a scanner types straight in
        shortcut = QShortcut(QKeySequence("Ctrl+L"), self, activated=self.clear)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)

    def clear(self) -> None:
        """Ready for the next scan."""
        self.input.clear()
        self.input.setFocus()

    def check(self) -> signing.Verdict | None:
        """Verify what is in the box and show the answer."""
        text = self.input.toPlainText().strip()
        if not text:
            self.verdict.setText("")
            self.details.setText("")
            return None
        verdict = signing.verify(text, self.known)
        self.verdict.setText(verdict.status.value.capitalize())
        self.verdict.setStyleSheet(f"color: {COLOURS[verdict.status]}")
        # only a valid code's name and dates are facts; otherwise they are what the code claims
        facts = [f"{label.capitalize()}: {value}" for label, value in verdict.facts()]
        if verdict.valid:
            lines = [*facts, f"Key: {verdict.key_id}"]
        else:
            lines = [verdict.reason[0].upper() + verdict.reason[1:] + "."]
            if facts:
                lines += ["", "The code claims (NOT verified, do not rely on it):", *(f"    {f}" for f in facts)]
        self.details.setText("\n".join(lines))
        self.layout().activate()  # room for every line now, not at the next event
        return verdict

    @classmethod
    def ask(cls, parent: QWidget | None = None, also: list[bytes] | None = None) -> None:
        """Open the dialog modally; `also`: keys to trust besides this computer's (the open
        workshop's own)."""
        cls(parent, also=also).exec()
