"""A record that passes SQLite's quick_check but holds a value this version cannot use (a time zone
that does not exist, text in an integer column) stops every command with one line naming the file,
the record and the backup to restore; the window refuses to open it in the same words."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dgfacil.store.document import open_document
from tests.store.conftest import run_cli

pytestmark = pytest.mark.sqlite_only  # about files: WAL, backups, media, SQLite's own locks

DAMAGE = {
    "timezone": ("UPDATE workshop SET timezone = 'Mars/Olympus'", "workshop row", "timezone"),
    "duration": (
        "UPDATE agenda_item SET duration_min = 'long' WHERE id = (SELECT min(id) FROM agenda_item)",
        "agenda_item row",
        "duration_min",
    ),
}
COMMANDS = {
    "agenda": lambda path, tmp: ["agenda", path],
    "print agenda": lambda path, tmp: ["print", "agenda", path, "-o", tmp / "agenda.pdf"],
    "print report": lambda path, tmp: ["print", "report", path, "-o", tmp / "report.pdf"],
}


def _damaged(demo_doc, damage: str):
    path = demo_doc.path
    demo_doc.close()
    open_document(path).close()  # opening takes the backup the message will name
    with sqlite3.connect(path) as conn:
        conn.execute(damage)
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    return path


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", DAMAGE)
def test_every_read_command_says_one_line(demo_doc, tmp_path, private_user_folders, kind, command):
    damage, table, column = DAMAGE[kind]
    path = _damaged(demo_doc, damage)
    result = run_cli(
        *COMMANDS[command](path, tmp_path),
        env={
            "DGFACIL_DATA_DIR": str(private_user_folders / "data"),
            "DGFACIL_CONFIG_DIR": str(private_user_folders / "config"),
        },
    )
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    said = result.stderr
    assert path.name in said and "cannot read" in said and table in said and column in said
    assert "Restore the newest backup" in said and ".dgfacil" in said.split("backup", 1)[1]


def test_verify_with_such_a_workshop_gives_no_traceback(demo_doc):
    path = _damaged(demo_doc, DAMAGE["timezone"][0])
    result = run_cli("verify", "--workshop", path, "not-a-code")
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("kind", DAMAGE)
def test_the_window_refuses_to_open_it_in_words(qtbot, demo_doc, kind):
    from dgfacil.ui.main_window import MainWindow

    damage, table, column = DAMAGE[kind]
    path = _damaged(demo_doc, damage)
    seen = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.Ok).click()

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    QTimer.singleShot(200, answer)
    assert not window.open_path(path)
    assert window.ctx is None
    [(title, text)] = seen
    assert title == "Cannot open the workshop"
    assert path.name in text and table in text and column in text and "Restore the newest backup" in text
