"""The open team workshop's link to the others: their edits reach the rooms, and the status bar
says whether the server is there.

The listener (operations.team.listen) hears on its own thread; its news crosses to the Qt thread
through queued signals, and then goes where a local edit's Changes go (`deliver`, the window's
`_on_changes`), with a `Laptop` as the initiator, so every room reloads what it shows. A laptop
never hears itself (store/team_notify.py). While the server is gone (reconnecting, offline),
edits are refused at once (ServerDocument.server_state); when it is back, every room reloads
(news may have been missed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from dgfacil.operations.changes import Changes
    from dgfacil.operations.document import Document


@dataclass(frozen=True)
class Laptop:
    """The initiator of news from another laptop: never a room, so every room takes it."""

    name: str


def state_text(state: str, since: datetime | None) -> str:
    """What the status bar says of the server."""
    if state == "connected":
        return "● Team server connected"
    if state == "offline":
        when = f" since {since.astimezone():%H:%M}" if since else ""
        return f"○ Team server offline{when}: edits refused; reconnecting…"
    if state == "reconnecting":
        return "◌ Team server not answering: reconnecting…"
    return "◌ Connecting to the team server…"


class TeamStatus(QLabel):
    """The status bar's word on the server: connected / reconnecting / offline since 10:42."""

    def __init__(self) -> None:
        super().__init__(state_text("connecting", None))
        self.setObjectName("teamStatus")
        self.state = "connecting"

    def show_state(self, state: str, since: datetime | None) -> None:
        self.state = state
        colour = {"connected": "#1b6e2d", "offline": "#a32020"}.get(state, "#8a5a00")
        self.setStyleSheet(f"color: {colour}; padding: 0 8px;")
        self.setText(state_text(state, since))
        self.setMinimumWidth(self.sizeHint().width())  # the status bar never cuts the server's state
        self.setToolTip(
            "Edits are refused until the team server answers again; the app reconnects by itself."
            if state == "offline"
            else ""
        )


class TeamLink(QObject):
    """One per open team workshop; `stop()` when it closes."""

    _heard = Signal(object, str)
    _state = Signal(str, object)

    def __init__(
        self,
        doc: Document,
        deliver: Callable[[Changes, object], None],
        status: TeamStatus,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from dgfacil.operations import team

        self.doc, self.deliver, self.status, self.say = doc, deliver, status, say
        self.state = "connecting"
        self._heard.connect(self._on_heard, Qt.QueuedConnection)
        self._state.connect(self._on_state, Qt.QueuedConnection)
        self.listener = team.listen(doc, on_changes=self._heard.emit, on_state=self._state.emit)

    def _on_heard(self, changes: Changes, laptop: str) -> None:
        if self.listener is not None:
            self.deliver(changes, Laptop(laptop))

    def _on_state(self, state: str, since: datetime | None) -> None:
        if self.listener is None:
            return
        from dgfacil.operations.team import everything

        was, self.state = self.state, state
        self.doc.server_state(state, since)  # while it is not connected, edits are refused at once
        self.status.show_state(state, since)
        if state == "connected" and was in ("reconnecting", "offline"):
            self.say("The team server is back: every room shows its current state.")
            self.deliver(everything(), Laptop(""))  # news sent while we were away was missed

    def stop(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.stop()
