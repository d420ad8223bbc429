"""The main window's team-mode hooks, kept here so main_window.py stays small: opening a team
workshop (behind the painted window, as a file opens), and its link while it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from dgfacil.ui.team.live import TeamLink, TeamStatus
from dgfacil.ui.widgets import show_message

if TYPE_CHECKING:
    from dgfacil.operations.document import Document
    from dgfacil.ui.main_window import MainWindow


def ask_and_open(window: MainWindow, address: str = "", why: str = "") -> None:
    """File > Open team workshop…: ask, then open once the dialog is gone and the window painted."""
    from dgfacil.ui.team.open_dialog import OpenTeamDialog

    answer = OpenTeamDialog.ask(window, address, why)
    if answer is not None:
        window.statusBar().showMessage(f"Opening the team workshop {answer.url}…")
        QTimer.singleShot(0, lambda: open_team(window, answer.url, answer.password))


def open_team(window: MainWindow, url: str, password: str | None = None) -> bool:
    from dgfacil.operations.document import DocumentError
    from dgfacil.operations.team import ServerRefused, open_team_workshop

    try:
        doc = open_team_workshop(url, password=password)
    except ServerRefused as err:  # a password is wanted, or another: ask again, the address kept
        window.statusBar().clearMessage()
        ask_and_open(window, url, str(err))
        return False
    except DocumentError as err:
        window.statusBar().clearMessage()
        show_message(window, "Cannot open the team workshop", str(err))
        return False
    window.statusBar().clearMessage()
    window.set_document(doc)
    return True


def title_place(doc: Document) -> str:
    """Where the window title says the workshop is: "team workshop ws2026 on db.example.org" (a file: "")."""
    return f"team workshop {doc.where}" if doc.is_server else ""


def attach(window: MainWindow) -> TeamLink | None:
    """For an open team workshop: the status indicator and the link to the other laptops."""
    ctx = window.ctx
    if ctx is None or not ctx.doc.is_server:
        return None
    status = TeamStatus()
    window.statusBar().addPermanentWidget(status)
    return TeamLink(
        ctx.doc, window._on_changes, status, lambda text: window.statusBar().showMessage(text, 8000), window
    )


def detach(window: MainWindow, link: TeamLink | None) -> None:
    """Stop hearing the other laptops (the workshop is closing); returns None for `window.team`."""
    if link is not None:
        link.stop()
        window.statusBar().removeWidget(link.status)
        link.status.deleteLater()
        link.deleteLater()
    return None
