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

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlmodel import Session

from dgfacil.store import migrate, row_stamps, team_notify  # noqa: F401 - row_stamps stamps every team write
from dgfacil.store.document import Document, ensure_document_id
from dgfacil.store.engine import WRITE_LOCK_KEY, make_server_engine
from dgfacil.store.errors import (
    DocumentError,
    NewerDocument,
    NotADocument,
    ServerBusy,
    ServerRefused,
    ServerUnreachable,
)
from dgfacil.store.team_address import parse_address, redacted
from dgfacil.store.team_errors import explain_server, no_rights

FAST_REFUSAL_S = 2.0  # after a write found the server gone, the next ones are refused at once this long

if TYPE_CHECKING:
    from dgfacil.store.team_listen import Listener

NO_WORKSHOP = (
    "the database holds dgfacil's tables but no workshop, as an interrupted publish leaves it: "
    "publish the file again with dgfacil publish FILE URL"
)
# Whose transaction holds the writers' lock: the laptop named in "… is busy" (application_name).
_LOCK_HOLDER = (
    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    f"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = {WRITE_LOCK_KEY} "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1"
)


def server_label(url: str) -> str:
    """ "ws2026 on server db.example.org": the database and the server, for titles and messages."""
    return parse_address(url).where


class ServerDocument(Document):
    """An open team workshop. `url` is what libpq gets; `address` is the URL without a password."""

    is_server = True

    def __init__(self, url: str, *, password: str | None = None) -> None:  # noqa: D107 - not the file's __init__
        self.url = url
        self._password = password  # typed for this opening only: kept in memory, never written anywhere
        place = parse_address(url)  # BadAddress before anything is tried
        self.where = place.where
        self.user = place.user  # the account's name once opened (current_user)
        # Where file-shaped suggestions start ("Save a copy as", "Export as JSON"): a name in the home folder.
        self.path = Path.home() / f"{place.database.replace('/', '_') or 'workshop'}.dgfacil"
        self.read_only_reason: str | None = None  # "your account X may only read it", found at open
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

    def explain(self, err: BaseException, *, write: bool = True) -> DocumentError | None:
        found = explain_server(err, self.where, write=write, user=self.user)
        if isinstance(found, ServerBusy) and not found.holder:
            found = ServerBusy(self.where, self._lock_holder())
        return found

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction, as a file's. A write takes the writers' lock at BEGIN; a read
        (`write=False`) runs on the read engine, which never takes it. While the server is known
        to be gone (the listener reconnecting, offline, or a write that found it gone a moment
        ago), an edit is refused at once: nothing of it is tried, so nothing is half-applied, and
        the window does not wait for the connect timeout."""
        if write:
            self._refuse_while_gone()
        try:
            with Session(self.engine if write else self.read_engine, expire_on_commit=False) as session:
                with session.begin():
                    yield session
        except Exception as err:
            found = self.explain(err, write=write)
            if write and isinstance(found or err, ServerUnreachable):
                self._failed_at = time.monotonic()
            if found is None or found is err:
                raise
            raise found from err

    def _lock_holder(self) -> str:
        """The laptop holding the writers' lock now, or "" (gone meanwhile, or not visible to us)."""
        try:
            with self.read_engine.connect() as connection:
                return str(connection.exec_driver_sql(_LOCK_HOLDER).scalar() or "")
        except sa_exc.SQLAlchemyError:
            return ""

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


def _inspect(doc: ServerDocument) -> tuple[set[str], str | None]:
    """The tables and schema revision, read without the writers' lock (a reader never waits)."""
    with doc.read_engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = migrate.current_revision(connection) if "alembic_version" in tables else None
        connection.rollback()
    return tables, revision


def _rights(doc: ServerDocument) -> None:
    """Refuse an account that may not read the workshop; mark one that may only read it read-only
    (the app shows its banner at once, as for a write-protected file)."""
    with doc.read_engine.connect() as connection:
        user, read, write = connection.exec_driver_sql(
            "SELECT current_user, has_table_privilege('workshop', 'SELECT'), has_table_privilege('workshop', 'UPDATE')"
        ).one()
        connection.rollback()
    doc.user = str(user)
    if not read:
        raise ServerRefused(doc.where, no_rights(doc.user))
    if not write:
        doc.read_only_reason = f"your account {doc.user} may only read it"


def _opened(url: str, action: Callable[[ServerDocument], None], password: str | None = None) -> ServerDocument:
    doc = ServerDocument(url, password=password)
    try:
        action(doc)
    except BaseException as err:
        doc.close()
        found = doc.explain(err, write=False) if isinstance(err, Exception) else None
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
        label = doc.where
        if not tables:
            raise NotADocument(label, "the database is empty: put a workshop there with dgfacil publish FILE URL")
        if revision is None:
            raise NotADocument(label, "the database holds another program's tables")
        if revision not in migrate.known_revisions():
            raise NewerDocument(label, revision)
        _rights(doc)
        if revision != migrate.head_revision():
            migrate.upgrade(doc.engine)
        if ensure_document_id(doc) is None:
            raise NotADocument(label, NO_WORKSHOP)
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
