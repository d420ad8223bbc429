"""Team mode: put a workshop file on a PostgreSQL server for several laptops, and bring it back
to one file for the archive (`dgfacil publish`, `dgfacil copy`; store/transfer.py does the copy)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dgfacil.operations.changes import Changes
from dgfacil.store import transfer
from dgfacil.store.engine import is_server_address, laptop_name, redacted
from dgfacil.store.errors import EditConflict, ServerRefused, ServerUnreachable, changed_on

__all__ = [
    "AlreadyPublished",
    "EditConflict",
    "ServerRefused",
    "ServerUnreachable",
    "Transfer",
    "changed_on",
    "copy_to_file",
    "everything",
    "is_server_address",
    "laptop_name",
    "listen",
    "news_changes",
    "open_team_workshop",
    "publish",
    "redacted",
]

# Which room's flag a table's rows belong to (operations/changes.py): what the other laptops reload.
AREAS = {
    "workshop": "workshop",
    "signatory": "workshop",
    "setting": "workshop",
    "day": "agenda",
    "agenda_item": "agenda",
    "run_event": "run",
    "exercise": "exercises",
    "board_item": "boards",
    "dot_vote": "boards",
    "exercise_answer": "boards",
    "participant": "participants",
    "certificate": "participants",
    "breakout_group": "groups",
    "group_member": "groups",
    "attendance": "attendance",
    "note": "notes",
    "evaluation_response": "evaluation",
    "report_section": "report",
}

if TYPE_CHECKING:
    from dgfacil.store.server_document import ServerDocument
    from dgfacil.store.team_listen import Listener

AlreadyPublished = transfer.AlreadyPublished
Transfer = transfer.Transfer


def publish(
    path: Path, url: str, *, replace: bool = False, grant: tuple[str, ...] = (), grant_read: tuple[str, ...] = ()
) -> Transfer:
    """The workshop file at `path` onto the server database at `url`, the same workshop (its
    document id kept), in one transaction with the grants to the team's accounts (`grant`: they
    edit, `grant_read`: they only read). Refuses a database holding another workshop, or this one
    without `replace`."""
    return transfer.publish(Path(path), url, replace=replace, grant=grant, grant_read=grant_read)


def copy_to_file(address: Path | str, dest: Path) -> Transfer:
    """The workshop at `address` (a server URL or a file) as a new file `dest` (never overwritten)."""
    if Path(dest).exists():
        raise FileExistsError(f"{dest} already exists; choose another name")
    return transfer.copy_back(address, Path(dest))


def everything() -> Changes:
    """Every flag: what a room reloads after a refused edit or a reconnection (news may be missed)."""
    return Changes(**_flags(set(AREAS.values())))


def _flags(areas: set[str]) -> dict[str, Any]:
    """Changes' keyword arguments setting these areas' flags (Any: Changes takes ids and value too)."""
    return {area: True for area in areas}


def news_changes(payload: dict[str, Any]) -> Changes:
    """Another laptop's notification (store/team_notify.py) as the Changes a local edit gives."""
    tables = [t for t in payload.get("tables", []) if t in AREAS]
    ids = payload.get("ids") or {}
    flags = _flags({AREAS[t] for t in tables})
    if len(tables) == 1 and ids:  # Changes.ids: the rows touched, when one kind changed
        return Changes(**flags, ids=tuple(sorted({int(i) for t in tables for i in ids.get(t, [])})))
    return Changes(**flags)


def open_team_workshop(url: str, *, password: str | None = None) -> ServerDocument:
    """The team workshop at `url`; `password`, when typed, goes to libpq for this opening only
    (never stored). Without it libpq looks in PGPASSFILE / ~/.pgpass as usual."""
    from dgfacil.store.server_document import open_server

    return open_server(url, password=password or None)


def listen(
    doc: ServerDocument, *, on_changes: Callable[[Changes, str], None], on_state: Callable[[str, datetime | None], None]
) -> Listener:
    """Hear the other laptops' edits to the team workshop `doc`: `on_changes(changes, laptop)` and
    `on_state("connected" | "reconnecting" | "offline", since)`, both on the listener's thread."""
    listener = doc.listener(
        on_news=lambda payload: on_changes(news_changes(payload), str(payload.get("by", ""))), on_state=on_state
    )
    return listener.start()
