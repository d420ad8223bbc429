"""File > Open team workshop…: the server's address and, if it asks for one, a password.

The password is used for this opening only: it goes to libpq as the connection's `password` and is
never written to the settings or the recent list (which keep the address without it). Left empty,
libpq looks in PGPASSFILE / ~/.pgpass as usual, and PGSSLMODE and the rest of its environment apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

EXAMPLE = "postgresql://facilitator@db.example.org/ws2026"


@dataclass(frozen=True)
class TeamAddress:
    url: str
    password: str | None  # None: libpq finds it (PGPASSFILE / ~/.pgpass) or the server needs none


class OpenTeamDialog(QDialog):
    def __init__(self, address: str = "", why: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open team workshop")
        self.setMinimumWidth(520)
        intro = QLabel(
            "A workshop on the team's PostgreSQL server: several laptops work on it at once, "
            "and each sees the others' changes."
        )
        intro.setWordWrap(True)
        self.address = QLineEdit(address)
        self.address.setPlaceholderText(EXAMPLE)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText("empty: from ~/.pgpass, or none")
        hint = QLabel(
            "The password is used for this connection only and never saved. "
            "~/.pgpass (or PGPASSFILE) and PGSSLMODE are used as usual."
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.problem = QLabel(why)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a32020;")
        self.problem.setVisible(bool(why))
        form = QFormLayout()
        form.addRow("&Address:", self.address)
        form.addRow("&Password:", self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.problem):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        (self.password if address else self.address).setFocus()

    def _check(self) -> None:
        from dgfacil.operations.team import is_server_address

        url = self.address.text().strip()
        if not is_server_address(url):
            self.problem.setText(f"The address starts with postgresql://, e.g. {EXAMPLE}")
            self.problem.show()
            return
        self.accept()

    def answer(self) -> TeamAddress:
        return TeamAddress(self.address.text().strip(), self.password.text() or None)

    @classmethod
    def ask(cls, parent: QWidget, address: str = "", why: str = "") -> TeamAddress | None:
        dialog = cls(address, why, parent)
        return dialog.answer() if dialog.exec() == QDialog.Accepted else None
