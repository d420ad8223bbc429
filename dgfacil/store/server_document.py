"""A team workshop: the document's tables in a PostgreSQL database that several laptops open.

The same schema and migrations as a file. What is file-only stays with files: no backups (the
server has its own), no WAL, no read-only media, no file checks. The URL is handed to libpq as it
is (store/engine.py), so a password comes from PGPASSFILE / ~/.pgpass, never from the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlmodel import Session

from dgfacil.store import migrate, row_stamps, team_notify  # noqa: F401 - row_stamps stamps every team write
from dgfacil.store.document import Document, ensure_document_id
from dgfacil.store.engine import libpq_url, make_server_engine, redacted
from dgfacil.store.errors import (
    CannotWrite,
    DiskFull,
    DocumentError,
    EditConflict,
    LockedDocument,
    NewerDocument,
    NotADocument,
    ReadOnlyDocument,
    ServerRefused,
    ServerUnreachable,
    explain,
)

FAST_REFUSAL_S = 2.0  # after a write found the server gone, the next ones are refused at once this long

if TYPE_CHECKING:
    from dgfacil.store.team_listen import Listener

_REFUSED_STATES = {
    "28000": "the user name or password was not accepted (libpq reads the password from PGPASSFILE or ~/.pgpass)",
    "28P01": "the password was not accepted (libpq reads it from PGPASSFILE or ~/.pgpass)",
    "3D000": "there is no such database on it",
    "42501": "your account on it may not do this",
}


def server_label(url: str) -> str:
    """ "ws on db.example.org" : the database and the host, for titles and messages."""
    parts = urlsplit(libpq_url(url))
    database = unquote(parts.path.lstrip("/")) or (parts.username or "postgres")
    host = parts.hostname or "this computer"
    return f"{database} on {host}" + (f":{parts.port}" if parts.port and parts.port != 5432 else "")


class ServerDocument(Document):
    """An open team workshop. `url` is what libpq gets; `address` is the URL without a password."""

    is_server = True

    def __init__(self, url: str, *, password: str | None = None) -> None:  # noqa: D107 - not the file's __init__
        self.url = url
        self._password = password  # typed for this opening only: kept in memory, never written anywhere
        self.where = server_label(url)
        database = urlsplit(libpq_url(url)).path.lstrip("/") or "workshop"
        # Where file-shaped suggestions start ("Save a copy as", "Export as JSON"): a name in the home folder.
        self.path = Path.home() / f"{unquote(database)}.dgfacil"
        self.read_only_reason = None
        self.view = None
        self.engine = make_server_engine(url, writer=True, password=password)
        self.read_engine = make_server_engine(url, writer=False, password=password)
        self.offline_since: datetime | None = None  # set while the listener finds the server gone
        self.link_state = "connecting"  # the listener's word (server_state)
        self._failed_at: float | None = None  # when a write last found the server gone (monotonic)
        self.document_id = None
        self.last_backup = None
        self.opened_as = None

    @property
    def address(self) -> str:
        """The URL without a password (libpq finds it again in PGPASSFILE / ~/.pgpass)."""
        return redacted(self.url)

    def explain(self, err: BaseException) -> DocumentError | None:
        return explain_server(err, self.where, self.path)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """As a file's; while the server is known to be gone (the listener reconnecting, offline,
        or a write that found it gone a moment ago), an edit is refused at once: nothing of it is
        tried, so nothing is half-applied, and the window does not wait for the connect timeout."""
        if write:
            self._refuse_while_gone()
        try:
            with super().session(write=write) as session:
                yield session
        except ServerUnreachable:
            if write:
                self._failed_at = time.monotonic()
            raise

    def server_state(self, state: str, since: datetime | None) -> None:
        """What the listener says of the server: "connected", "reconnecting" or "offline" since `since`."""
        self.link_state = state
        self.offline_since = since if state in ("reconnecting", "offline") else None
        if state == "connected":
            self._failed_at = None

    def _refuse_while_gone(self) -> None:
        if self.offline_since is not None:
            word = "reconnecting" if self.link_state == "reconnecting" else "offline"
            raise ServerUnreachable(self.where, f"{word} since {self.offline_since.astimezone():%H:%M}")
        if self._failed_at is not None and time.monotonic() - self._failed_at < FAST_REFUSAL_S:
            raise ServerUnreachable(self.where, "it did not answer a moment ago")

    def announce_changes(self) -> None:
        """From now on each committed write tells the other laptops (team_notify.py)."""
        if self.document_id:
            team_notify.install(self.engine, team_notify.channel_for(self.document_id))

    def listener(
        self, *, on_news: Callable[[dict[str, Any]], None], on_state: Callable[[str, datetime | None], None]
    ) -> Listener:
        """A team_listen.Listener on this workshop's channel (not started)."""
        from dgfacil.store.team_listen import Listener

        return Listener(
            self.url,
            team_notify.channel_for(self.document_id or ""),
            password=self._password,
            on_news=on_news,
            on_state=on_state,
        )

    def newest_backup(self) -> Path | None:
        return None  # the server keeps its own backups

    def take_backup(self, reason: str = "auto", *, skip_unchanged: bool = False) -> Path | None:  # type: ignore[override]
        return None  # the server keeps its own backups: the app writes none of a team workshop

    def save_copy(self, dest: Path) -> Path:
        """The workshop as one file of its own (a new document id, as every saved copy gets)."""
        from dgfacil.store.transfer import copy_to_file

        return copy_to_file(self, Path(dest), keep_document_id=False)

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def explain_server(err: BaseException, where: str, path: Path) -> DocumentError | None:
    """The one-line DocumentError for a failure talking to the server, or None if it is not one."""
    import psycopg

    if isinstance(err, DocumentError):
        return err
    orig = err.orig if isinstance(err, sa_exc.DBAPIError) else err
    if not isinstance(orig, psycopg.Error):
        return explain(err, path)
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if not state and "does not exist" in text:
        state = "3D000"  # libpq reports a failed connection without a state
    if state in _REFUSED_STATES or (not state and ("password" in text or "authentication" in text)):
        if state == "42501":
            return ReadOnlyDocument(Path(where), "your account on the server may only read it")
        return ServerRefused(where, _REFUSED_STATES.get(state, "the user name or password was not accepted"))
    if state == "40001":
        return EditConflict(path=path)
    if state == "55P03":
        return LockedDocument(Path(where))
    if state.startswith("53"):
        return DiskFull(Path(where))
    if not state or state.startswith(("08", "57")) or isinstance(orig, psycopg.OperationalError):
        return ServerUnreachable(where, _short(text))
    return CannotWrite(Path(where), f"the server refused the change ({type(orig).__name__})")


def _short(text: str) -> str:
    """libpq's reason without its address prefix: 'Connection refused', 'timeout expired'."""
    reason = text.rsplit(": ", 1)[-1].strip() if ": " in text else text
    return reason.removeprefix("FATAL:  ").strip()[:120]


def _inspect(doc: ServerDocument) -> tuple[set[str], str | None]:
    with doc.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = migrate.current_revision(connection) if "alembic_version" in tables else None
        connection.rollback()
    return tables, revision


def _opened(url: str, action: Callable[[ServerDocument], None], password: str | None = None) -> ServerDocument:
    doc = ServerDocument(url, password=password)
    try:
        action(doc)
    except BaseException as err:
        doc.close()
        found = doc.explain(err) if isinstance(err, Exception) else None
        if found is None or found is err:
            raise
        raise found from err
    return doc


def open_server(url: str, *, password: str | None = None) -> ServerDocument:
    """Open the team workshop at `url`: refuse an empty database, another program's, or a newer
    schema (left untouched); migrate an older one (writers queue on the server, so two laptops
    opening at once migrate once)."""

    def check(doc: ServerDocument) -> None:
        tables, revision = _inspect(doc)
        label = Path(doc.where)
        if not tables:
            raise NotADocument(label, "the database is empty: put a workshop there with dgfacil publish FILE URL")
        if revision is None:
            raise NotADocument(label, "the database holds another program's tables")
        if revision not in migrate.known_revisions():
            raise NewerDocument(label, revision)
        if revision != migrate.head_revision():
            migrate.upgrade(doc.engine)
        if ensure_document_id(doc) is None:
            raise NotADocument(label, "the database holds no workshop")
        doc.announce_changes()

    return _opened(url, check, password)


def create_server_document(url: str) -> ServerDocument:
    """The newest schema in an empty database; refuses one that already holds tables."""

    def build(doc: ServerDocument) -> None:
        tables, _revision = _inspect(doc)
        if tables:
            raise FileExistsError(f"{doc.where} already holds tables: publish into an empty database")
        migrate.upgrade(doc.engine)

    return _opened(url, build)
