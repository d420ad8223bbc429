"""A workshop document: one SQLite file, or one PostgreSQL database on a server (team mode).
Opening a file is store/file_document.py; opening a server workshop is store/server_document.py;
`open_document` and `create_document` take either address.

Every user edit is its own transaction, committed at once: `with doc.session() as s: ...`
commits on leaving the block (or rolls back on an error). Any database failure inside leaves as
a one-line DocumentError (errors.explain), never SQL text.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlmodel import Session, select

from dgfacil.paths import backups_dir
from dgfacil.store import backup, migrate
from dgfacil.store.engine import is_server_address, make_engine, sqlite_uri
from dgfacil.store.errors import CannotWrite, DiskFull, DocumentError, NotADocument, ReadOnlyDocument, explain
from dgfacil.store.tables import SettingRow, WorkshopRow

SUFFIX = ".dgfacil"
DOCUMENT_ID_KEY = "document_id"  # a UUID in the `setting` table: which workshop this is, wherever it lives
# A URL passed through Path() on its way here ("postgresql:/user@host/db"): one slash was lost.
_MANGLED_URL = re.compile(r"(?i)^(?:postgres|postgresql|postgresql\+psycopg):/+(?=[^/])")


@dataclass
class View:
    """What SQLite reads for a document it must not write: the file itself (immutable) or a copy."""

    path: Path
    immutable: bool
    scratch: Path | None = None  # a private folder holding the copy, removed on close

    @property
    def uri(self) -> str:
        return sqlite_uri(self.path, read_only=True, immutable=self.immutable)

    def discard(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


class Document:
    """An open workshop file. Use `session()` for each user action."""

    is_server = False  # a team workshop on a PostgreSQL server is a ServerDocument

    def __init__(self, path: Path, *, read_only_reason: str | None = None, view: View | None = None) -> None:
        self.path = Path(path)
        self.read_only_reason = read_only_reason
        self.view = view
        if view is not None:
            self.engine = make_engine(view.path, read_only=True, immutable=view.immutable)
        else:
            self.engine = make_engine(self.path, read_only=read_only_reason is not None)
        self.read_engine = self.engine if self.read_only else make_engine(self.path, immediate=False)
        self.document_id: str | None = None
        self.last_backup: datetime | None = None
        self.opened_as: Path | None = None  # the backup of the file as it was opened (not a way back)

    @property
    def address(self) -> Path | str:
        """What `open_document` takes to open this workshop again: the path (a URL on a server)."""
        return self.path

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def explain(self, err: BaseException) -> DocumentError | None:
        found = explain(err, self.path, newest_backup=self.newest_backup())
        if self.read_only and isinstance(found, (ReadOnlyDocument, CannotWrite, DiskFull)):
            return ReadOnlyDocument(self.path, self.read_only_reason or "")
        return found

    def newest_backup(self) -> Path | None:
        """The newest backup from before this opening: the one taken as it opened holds the same
        records, so it is no way back from a record that cannot be read."""
        try:
            found = backup.list_backups(self.path, self.document_id)
        except OSError:
            return None
        return next((b for b in found if b != self.opened_as), None)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction. A write session takes the write lock at BEGIN; `write=False` is for
        pure reads, which in WAL mode never wait for a writer."""
        engine = self.engine if write else self.read_engine
        try:
            with Session(engine, expire_on_commit=False) as session:
                with session.begin():
                    yield session
        except Exception as err:
            found = self.explain(err)
            if found is None or found is err:
                raise
            raise found from err

    @property
    def workshop_id(self) -> int:
        with self.session() as session:
            row = session.exec(select(WorkshopRow.id)).first()
        if row is None:
            raise NotADocument(self.path, "it holds no workshop")
        return row

    def _source_uri(self) -> str:
        return self.view.uri if self.view is not None else sqlite_uri(self.path, read_only=True)

    def take_backup(self, reason: str = "auto", *, skip_unchanged: bool = False) -> Path:
        try:
            dest = backup.take_backup(
                self.path, self.document_id, reason=reason, source_uri=self._source_uri(), skip_unchanged=skip_unchanged
            )
        except sqlite3.Error as err:
            raise CannotWrite(backups_dir(), "the backup could not be written") from err
        self.last_backup = datetime.now(UTC)
        return dest

    def save_copy(self, dest: Path) -> Path:
        """'Save a copy as': a consistent copy through the backup API, WAL included. The copy is a
        workshop of its own from now on: it gets a new document id (and so its own backups)."""
        dest = Path(dest)
        try:
            backup.copy_database(self.path, dest, source_uri=self._source_uri())
            engine = make_engine(dest)
            try:
                with Session(engine) as session, session.begin():
                    _set_document_id(session, uuid.uuid4().hex)
            finally:
                engine.dispose()
        except (sqlite3.Error, sa_exc.SQLAlchemyError) as err:
            raise (explain(err, dest) or CannotWrite(dest, "the copy failed")) from err
        return dest

    def close(self) -> None:
        # Fold the WAL back so the file alone is complete when carried on a USB stick. A checkpoint
        # that cannot run (full disk, another writer) leaves the WAL, which is part of the file.
        if not self.read_only:
            try:
                conn = self.engine.raw_connection()  # outside any BEGIN: no write lock to wait for
                try:
                    sqlite = conn.driver_connection
                    assert sqlite is not None  # a connection just taken from the pool is open
                    sqlite.execute("PRAGMA busy_timeout=0")  # a writer elsewhere: leave the WAL
                    sqlite.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                finally:
                    conn.close()
            except (sqlite3.Error, sa_exc.SQLAlchemyError):
                pass
        self.engine.dispose()
        self.read_engine.dispose()  # the same engine when read-only: disposing twice is harmless
        if self.view is not None:
            self.view.discard()


def _get_document_id(session: Session) -> str | None:
    row = session.exec(select(SettingRow).where(SettingRow.key == DOCUMENT_ID_KEY)).first()
    return str(row.value) if row is not None and row.value else None


def _set_document_id(session: Session, value: str) -> None:
    workshop = session.exec(select(WorkshopRow.id)).first()
    if workshop is None:
        return
    row = session.exec(select(SettingRow).where(SettingRow.key == DOCUMENT_ID_KEY)).first()
    if row is None:
        row = SettingRow(workshop_id=workshop, key=DOCUMENT_ID_KEY)
        session.add(row)
    row.value = value


def ensure_document_id(doc: Document) -> str | None:
    """The document's own id, made once (on creation, or the first open of an older file)."""
    with doc.session(write=False) as session:  # a read: opening never waits behind a writer
        found = _get_document_id(session)
    if found is not None:
        doc.document_id = found
        return found
    with doc.session() as session:
        found = _get_document_id(session)
        if found is None and not doc.read_only:
            found = uuid.uuid4().hex
            _set_document_id(session, found)
            if _get_document_id(session) is None:  # no workshop row yet: nothing to key it to
                found = None
    doc.document_id = found
    return found


def document_address(address: Path | str) -> Path | str:
    """A path, or a `postgresql://` URL as a str: every way a user names a workshop."""
    if is_server_address(address):
        return str(address)
    text = str(address)
    if isinstance(address, Path) and _MANGLED_URL.match(text) and not address.exists():
        return _MANGLED_URL.sub("postgresql://", text)
    return Path(address)


def create_document(address: Path | str) -> Document:
    """A new, empty document at the newest schema. Refuses to overwrite a file (or, on a server,
    a database that already holds tables)."""
    address = document_address(address)
    if isinstance(address, str):
        from dgfacil.store.server_document import create_server_document

        return create_server_document(address)
    path = address
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(path)
    try:
        migrate.upgrade(doc.engine)
    except (sqlite3.Error, sa_exc.SQLAlchemyError) as err:
        doc.engine.dispose()
        found = explain(err, path)
        if not isinstance(found, (DiskFull, CannotWrite)):
            found = CannotWrite(path, "the folder is read-only or the disk is write-protected")
        raise found from err
    return doc


def open_document(address: Path | str, *, backup_before_migrate: bool = True, backup_on_open: bool = True) -> Document:
    """Open an existing workshop: a file (checked, backed up, migrated; read-only where it cannot
    be written) or a `postgresql://` URL (checked and migrated; the server keeps its own backups)."""
    address = document_address(address)
    if isinstance(address, str):
        from dgfacil.store.server_document import open_server

        return open_server(address)
    from dgfacil.store.file_document import open_file

    return open_file(address, backup_before_migrate=backup_before_migrate, backup_on_open=backup_on_open)
