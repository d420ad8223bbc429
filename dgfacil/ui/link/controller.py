"""Turning the room link on and off beside the app: the server thread, its tokens, its addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from dgfacil.operations.changes import Changes
from dgfacil.ui.link.bridge import TasksWriter

if TYPE_CHECKING:
    from dgfacil.link.server import LinkServer, LinkState
    from dgfacil.operations.link import Tokens
    from dgfacil.ui.context import AppContext

DEFAULT_PORT = 8765


def tokens_and_groups(session) -> tuple[Tokens, dict[int, str]]:
    """The link's tokens (a rapporteur token for each group there is now) and the groups' names."""
    from dgfacil.operations.link import ensure_tokens, group_names

    return ensure_tokens(session).value, group_names(session)


def lan_addresses() -> list[str]:
    """IPv4 addresses of the interfaces that are up, loopback last (no internet needed)."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    found, loopback = [], []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & QNetworkInterface.IsUp and flags & QNetworkInterface.IsRunning):
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.IPv4Protocol:
                (loopback if ip.isLoopback() else found).append(ip.toString())
    return found + loopback


class RoomLink(QObject):
    """Off by default. `turn_on(ctx)` serves the open workshop; `turn_off()` before it closes."""

    changed = Signal()  # on, off, or a new join token

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.server: LinkServer | None = None
        self.state: LinkState | None = None
        self.writer: TasksWriter | None = None
        self.bind = "0.0.0.0"
        self.group_names: dict[int, str] = {}

    @property
    def on(self) -> bool:
        return self.server is not None

    def turn_on(self, ctx: AppContext, *, bind: str = "0.0.0.0", port: int = DEFAULT_PORT) -> None:
        """Start serving; OSError (a port in use) leaves it off."""
        from dgfacil.link.server import LinkServer, LinkState

        if self.on:
            return
        writer = TasksWriter(ctx.tasks, self)
        tokens, self.group_names = ctx.tasks.read(tokens_and_groups)
        state = LinkState(writer, tokens, clock=ctx.clock)
        server = LinkServer(state, bind=bind, port=port)
        try:
            server.start()
        except OSError:
            writer.deleteLater()
            raise
        self.ctx, self.writer, self.state, self.server, self.bind = ctx, writer, state, server, bind
        ctx.tasks.changes_applied.connect(self._forward)
        self.changed.emit()

    def turn_off(self) -> None:
        if not self.on:
            return
        self.ctx.tasks.changes_applied.disconnect(self._forward)
        self.server.stop()
        self.writer.deleteLater()
        self.ctx = self.server = self.state = self.writer = None
        self.changed.emit()

    def _forward(self, changes: Changes, initiator: object) -> None:
        """The app's own edits reach the phones too (the run keys, moderation on the desktop)."""
        if self.state is None or initiator is self.writer:
            return
        if changes.run:
            self.state.events.publish_threadsafe({"type": "run"})
        if changes.boards or changes.exercises:
            self.state.events.publish_threadsafe({"type": "board"})
        if changes.evaluation:
            self.state.events.publish_threadsafe({"type": "survey"})
        if changes.groups:  # a group added while the link is on gets its rapporteur link now
            tokens, self.group_names = self.ctx.tasks.read(tokens_and_groups)
            self.state.set_rapporteurs(tokens.rapporteurs)
            self.changed.emit()

    @property
    def tokens(self) -> Tokens | None:
        return self.state.tokens if self.state else None

    def hosts(self) -> list[str]:
        return [self.bind] if self.bind not in ("0.0.0.0", "") else lan_addresses() or ["127.0.0.1"]

    def join_url(self, host: str) -> str:
        return f"http://{host}:{self.server.port}/j/{self.tokens.join}"

    def short_address(self, host: str) -> str:
        """The join address to type from the projector: the token in groups of 4 (same token)."""
        from dgfacil.operations.link import readable

        return f"http://{host}:{self.server.port}/j/{readable(self.tokens.join)}"

    def facilitator_url(self, host: str) -> str:
        return f"http://{host}:{self.server.port}/f/{self.tokens.facilitator}"

    def rapporteur_urls(self, host: str) -> dict[str, str]:
        """Each group's rapporteur link, by the group's name."""
        return {
            self.group_names.get(gid, str(gid)): f"http://{host}:{self.server.port}/r/{token}"
            for gid, token in self.tokens.rapporteurs.items()
        }

    def reach(self) -> str:
        """Whether phones reach the link, and from which addresses it listens (ui: the dialog)."""
        from dgfacil.link.reach import listening, verdict

        hosts = self.hosts()
        said = verdict(self.state.reached(), hosts, started=self.state.started, also_own=lan_addresses())
        return f"{said} {listening(hosts, self.server.port)}"

    def rotate(self) -> None:
        """A new join token: old links and printed QR codes stop working at once."""
        from dgfacil.operations.link import Tokens, rotate_join_token

        if not self.on:
            return
        token = self.ctx.tasks.read(rotate_join_token).value
        old = self.state.tokens
        self.state.tokens = Tokens(token, old.facilitator, old.rapporteurs)  # one assignment: atomic
        self.changed.emit()
